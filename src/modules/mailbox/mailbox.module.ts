import { defineModule } from '../../platform/module.ts';
import { mailboxMessages } from './mailbox.messages.ts';
import { mailboxPolicies } from './mailbox.policy.ts';
import { mailboxAuditLabels } from './mailbox.audit-labels.ts';
import { conversionMessages } from './conversion.messages.ts';
import { conversionAuditLabels } from './conversion.audit-labels.ts';
import { openCasesFollowCalendar } from './mailbox.clock.ts';
import { hotlineWebhookAuditLabels } from './hotline-webhook.audit-labels.ts';
import { workOrderIntakeMessages } from './work-orders.messages.ts';
import { workOrderIntakePolicies } from './work-orders.policy.ts';
import { letterMessages } from './letter.messages.ts';
import { answerMessages } from './answers.messages.ts';
import { letterAuditLabels } from './letter.audit-labels.ts';

export const mailboxModule = defineModule({
  name: 'mailbox',
  auditLabels: [mailboxAuditLabels, hotlineWebhookAuditLabels, conversionAuditLabels, letterAuditLabels],
  messagePrefixes: ['mailbox.'],
  messages: [mailboxMessages, workOrderIntakeMessages, conversionMessages, letterMessages, answerMessages],
  policies: [mailboxPolicies, workOrderIntakePolicies],
  calendarListeners: [openCasesFollowCalendar],
  navigation: [
    { href: '/admin/mailbox', labelKey: 'nav.mailbox', policy: 'mailbox.read', order: 33 },
    { href: '/admin/mailbox/webhook', labelKey: 'nav.mailbox_webhook', policy: 'mailbox.webhook_configure', order: 86 },
  ],
  web: async () => {
    const [
      { mailboxRoutes, mailboxPanel, mailboxReminderJob },
      { hotlineWebhookRoutes },
      { workOrderImportRoutes },
      { hotlineWebhookSettingsRoutes },
      { conversionRoutes },
      letters,
    ] = await Promise.all([
      import('./mailbox.routes.tsx'),
      import('./hotline-webhook.routes.ts'),
      import('./work-order-import.routes.tsx'),
      import('./hotline-webhook-settings.routes.tsx'),
      import('./conversion.routes.tsx'),
      import('./letter-portal.routes.tsx'),
    ]);
    return {
      routes: [
        mailboxRoutes,
        hotlineWebhookRoutes,
        workOrderImportRoutes,
        hotlineWebhookSettingsRoutes,
        conversionRoutes,
        letters.letterPortalRoutes,
      ],
      dashboardPanels: [mailboxPanel, letters.writerRatingsPanel],
      jobs: [mailboxReminderJob, letters.answeredLettersJob],
    };
  },
});
