import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages],
  policies: [mailboxPolicies],
});
