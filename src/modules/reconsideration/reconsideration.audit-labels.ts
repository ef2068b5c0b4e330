// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const reconsiderationAuditLabels = defineAuditLabels({
  actions: {
    'review_case.create': { zh: '登记行政复议或行政诉讼案件', en: 'Registered a reconsideration or litigation case' },
    'review_case.result': { zh: '登记复议或诉讼结果', en: 'Recorded the result of a case' },
    'review_case.names_encrypted': {
      zh: '加密保存此前明文存储的复议申请人或原告姓名',
      en: 'Encrypted the names of applicants and plaintiffs stored in clear before',
    },
  },
  subjects: { review_case: { zh: '行政复议、行政诉讼案件', en: 'Reconsideration or litigation case' } },
});
