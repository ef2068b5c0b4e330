import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';
import { openCasesFollowCalendar } from './mailbox.clock.ts';
import { letterMessages } from './letter.messages.ts';
import { answerMessages } from './answers.messages.ts';
import { letterAuditLabels } from './letter.audit-labels.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels, letterAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages, letterMessages, answerMessages],
  policies: [mailboxPolicies],
  calendarListeners: [openCasesFollowCalendar],
  navigation: [{ href: '/admin/mailbox', labelKey: 'nav.mailbox', policy: 'mailbox.read', order: 33 }],
  web: async () => {
    const [{ mailboxRoutes, mailboxPanel, mailboxReminderJob }, letters] = await Promise.all([
      import('./mailbox.routes.tsx'),
      import('./letter-portal.routes.tsx'),
    ]);
    return {
      routes: [mailboxRoutes, letters.letterPortalRoutes],
      dashboardPanels: [mailboxPanel, letters.writerRatingsPanel],
      jobs: [mailboxReminderJob, letters.answeredLettersJob],
    };
  },
});
