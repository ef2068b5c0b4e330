import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const hotlineWebhookAuditLabels = defineAuditLabels({
  actions: {
    'mailbox.webhook_secret': { zh: '设置12345工单接口密钥', en: 'Set the 12345 work-order webhook secret' },
    'mailbox.webhook_secret_removed': {
      zh: '停用12345工单接口',
      en: 'Stopped the 12345 work-order webhook',
    },
  },
  subjects: {},
});
