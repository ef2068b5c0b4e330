import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';
import { openCasesFollowCalendar } from './mailbox.clock.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages],
  policies: [mailboxPolicies],
  calendarListeners: [openCasesFollowCalendar],
  navigation: [{ href: '/admin/mailbox', labelKey: 'nav.mailbox', policy: 'mailbox.read', order: 33 }],
  web: async () => {
    const { mailboxRoutes, mailboxPanel, mailboxReminderJob } = await import('./mailbox.routes.tsx');
    return { routes: [mailboxRoutes], dashboardPanels: [mailboxPanel], jobs: [mailboxReminderJob] };
  },
});
