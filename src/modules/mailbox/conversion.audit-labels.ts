// What the audit log calls the conversions between the mailbox and disclosure applications.
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const conversionAuditLabels = defineAuditLabels({
  actions: {
    'mailbox.convert_to_application': {
      zh: '将来信或工单转为政府信息公开申请',
      en: 'Registered a letter or work order as a disclosure application',
    },
    'mailbox.pass_from_application': {
      zh: '将信访举报投诉类申请转入信箱办理',
      en: 'Passed a petition or complaint application to the mailbox',
    },
  },
});
