import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';
import { conversionMessages } from './conversion.messages.ts';
import { conversionAuditLabels } from './conversion.audit-labels.ts';
import { openCasesFollowCalendar } from './mailbox.clock.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels, conversionAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages, conversionMessages],
  policies: [mailboxPolicies],
  calendarListeners: [openCasesFollowCalendar],
  navigation: [{ href: '/admin/mailbox', labelKey: 'nav.mailbox', policy: 'mailbox.read', order: 33 }],
  web: async () => {
    const [{ mailboxRoutes, mailboxPanel, mailboxReminderJob }, { conversionRoutes }] = await Promise.all([
      import('./mailbox.routes.tsx'),
      import('./conversion.routes.tsx'),
    ]);
    return {
      routes: [mailboxRoutes, conversionRoutes],
      dashboardPanels: [mailboxPanel],
      jobs: [mailboxReminderJob],
    };
  },
});
