import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';
import { hotlineWebhookAuditLabels } from './hotline-webhook.audit-labels.ts';
import { workOrderIntakeMessages } from './work-orders.messages.ts';
import { workOrderIntakePolicies } from './work-orders.policy.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels, hotlineWebhookAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages, workOrderIntakeMessages],
  policies: [mailboxPolicies, workOrderIntakePolicies],
  web: async () => {
    const [{ hotlineWebhookRoutes }, { workOrderImportRoutes }] = await Promise.all([
      import('./hotline-webhook.routes.ts'),
      import('./work-order-import.routes.tsx'),
    ]);
    return { routes: [hotlineWebhookRoutes, workOrderImportRoutes] };
  },
});
