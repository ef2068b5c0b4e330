import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';
import { letterMessages } from './letter.messages.ts';
import { answerMessages } from './answers.messages.ts';
import { letterAuditLabels } from './letter.audit-labels.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels, letterAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages, letterMessages, answerMessages],
  policies: [mailboxPolicies],
  web: async () => {
    const { letterPortalRoutes, answeredLettersJob, writerRatingsPanel } = await import('./letter-portal.routes.tsx');
    return { routes: [letterPortalRoutes], jobs: [answeredLettersJob], dashboardPanels: [writerRatingsPanel] };
  },
});
