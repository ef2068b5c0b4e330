import { defineModule } from '../../platform/module.ts';
import { calendarMessages } from './calendar.ts';
import { provisionalMessages } from './provisional.ts';
import { calendarPolicies } from './calendar.policy.ts';
import { calendarAuditLabels } from './calendar.audit-labels.ts';

export const calendarModule = defineModule({
  name: 'calendar',
  auditLabels: [calendarAuditLabels],
  messagePrefixes: ['calendar.'],
  messages: [calendarMessages, provisionalMessages],
  policies: [calendarPolicies],
  navigation: [{ href: '/admin/calendar', labelKey: 'nav.calendar', policy: 'calendar.read', order: 70 }],
  web: async () => {
    const { calendarRoutes, noticeDuePanel } = await import('./calendar.routes.tsx');
    return { routes: [calendarRoutes], dashboardPanels: [noticeDuePanel] };
  },
});
