// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
// The annual report's workflow events are recorded as `reports.document.<event>`
// (platform/workflow/versioned-document.ts); publication.service.ts adds edit, refresh and override.
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const reportsAuditLabels = defineAuditLabels({
  actions: {
    'reports.document.create': { zh: '新建年度报告', en: 'Created an annual report' },
    'reports.document.edit': { zh: '编辑年度报告', en: 'Edited an annual report' },
    'reports.document.refresh': {
      zh: '按办理记录重新计算年度报告',
      en: 'Recomputed an annual report from the records',
    },
    'reports.document.override': { zh: '修正年度报告数字', en: 'Overrode a figure of an annual report' },
    'reports.document.submit': { zh: '年度报告提交审核', en: 'Submitted an annual report for review' },
    'reports.document.unit_approve': { zh: '年度报告科室审核通过', en: 'Annual report approved for the unit' },
    'reports.document.confidentiality_approve': {
      zh: '年度报告保密审查通过',
      en: 'Annual report passed the confidentiality review',
    },
    'reports.document.leader_check': {
      zh: '年度报告分管领导把关通过',
      en: 'Annual report checked by the leader in charge',
    },
    'reports.document.principal_approve': {
      zh: '年度报告主要领导审批通过',
      en: 'Annual report approved by the principal leader',
    },
    'reports.document.publish': { zh: '发布年度报告', en: 'Published an annual report' },
    'reports.document.return': { zh: '退回年度报告', en: 'Returned an annual report' },
    'reports.document.withdraw': { zh: '撤回年度报告', en: 'Withdrew an annual report' },
    'reports.document.redraft': { zh: '年度报告重新起草', en: 'Redrafted an annual report' },
    'reports.received': { zh: '登记收到的下级机关年度报告', en: "Recorded a subordinate agency's report" },
    'reports.reminders.run': { zh: '发送年度报告提醒', en: 'Sent annual report reminders' },
  },
  subjects: {
    report_document: { zh: '年度报告', en: 'Annual report' },
    received_report: { zh: '收到的年度报告', en: 'Received annual report' },
    reminders: { zh: '提醒', en: 'Reminders' },
  },
});
