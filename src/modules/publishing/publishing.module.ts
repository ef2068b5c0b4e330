import { defineModule } from '../../platform/module.ts';
import { publishingMessages } from './publishing.messages.ts';
import { changeMessages } from './changes.messages.ts';
import { awaitingMessages } from './awaiting.messages.ts';
import { publishingPolicies } from './publishing.policy.ts';
import { itemDueDatesFollowCalendar } from './publishing.service.ts';
import { changeDueDatesFollowCalendar } from './changes.ts';
import { publishingAuditLabels } from './publishing.audit-labels.ts';

export const publishingModule = defineModule({
  name: 'publishing',
  auditLabels: [publishingAuditLabels],
  messagePrefixes: ['pub.'],
  messages: [publishingMessages, changeMessages, awaitingMessages],
  policies: [publishingPolicies],
  navigation: [
    { href: '/admin/items', labelKey: 'nav.catalog', policy: 'publishing.read', order: 20 },
    { href: '/admin/workflows', labelKey: 'nav.workflows', policy: 'publishing.workflow_read', order: 25 },
  ],
  calendarListeners: [itemDueDatesFollowCalendar, changeDueDatesFollowCalendar],
  web: async () => {
    const [routes, panel, piiPanel, scheduled, rescan, awaiting] = await Promise.all([
      import('./publishing.routes.tsx'),
      import('./publishing.panel.tsx'),
      import('./pii-flags.panel.tsx'),
      import('./scheduled.ts'),
      import('./pii-rescan.ts'),
      import('./awaiting.panel.tsx'),
    ]);
    return {
      routes: [routes.publishingRoutes],
      dashboardPanels: [awaiting.awaitingPanel, panel.catalogAttentionPanel, piiPanel.piiFlagsPanel],
      jobs: [(app) => scheduled.scheduledPublishingJob(app), (app) => rescan.piiRescanJob(app)],
    };
  },
});
