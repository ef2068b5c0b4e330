import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';
import { conversionMessages } from './conversion.messages.ts';
import { conversionAuditLabels } from './conversion.audit-labels.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels, conversionAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages, conversionMessages],
  policies: [mailboxPolicies],
  web: async () => {
    const { conversionRoutes } = await import('./conversion.routes.tsx');
    return { routes: [conversionRoutes] };
  },
});
