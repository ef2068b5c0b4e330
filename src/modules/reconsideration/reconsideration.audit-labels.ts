// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const reconsiderationAuditLabels = defineAuditLabels({
  actions: {
    'review_case.create': { zh: '登记行政复议或行政诉讼案件', en: 'Registered a reconsideration or litigation case' },
    'review_case.result': { zh: '登记复议或诉讼结果', en: 'Recorded the result of a case' },
  },
  subjects: { review_case: { zh: '行政复议、行政诉讼案件', en: 'Reconsideration or litigation case' } },
});
