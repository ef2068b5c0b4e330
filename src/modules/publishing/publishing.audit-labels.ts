// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
// The workflow's events are recorded as `publishing.<event>` (platform/workflow/versioned-document.ts).
import { defineAuditLabels } from '../../platform/audit/labels.ts';
import type { Text } from '../../platform/i18n/i18n.ts';
import type { ItemEvent } from './publishing.ts';

const workflowEvents: Record<ItemEvent | 'create', Text> = {
  create: { zh: '新建政府信息草稿', en: 'Created a draft item' },
  submit: { zh: '政府信息提交审核', en: 'Submitted an item for review' },
  unit_approve: { zh: '政府信息科室审核通过', en: 'Item approved for the unit' },
  confidentiality_approve: { zh: '政府信息保密审查通过', en: 'Item passed the confidentiality review' },
  leader_check: { zh: '政府信息分管领导把关通过', en: 'Item checked by the leader in charge' },
  principal_approve: { zh: '政府信息主要领导审批通过', en: 'Item approved by the principal leader' },
  schedule: { zh: '政府信息定时发布', en: 'Scheduled an item' },
  publish: { zh: '发布政府信息', en: 'Published an item' },
  emergency_publish: { zh: '应急发布政府信息', en: 'Published an item in an emergency' },
  approve_emergency: {
    zh: '应急发布后的保密审查通过',
    en: 'Confidentiality review of an emergency publication passed',
  },
  return: { zh: '退回政府信息', en: 'Returned an item' },
  withdraw: { zh: '撤回政府信息', en: 'Withdrew an item' },
  correct: { zh: '发布政府信息更正', en: 'Published a correction' },
  redraft: { zh: '政府信息重新起草', en: 'Redrafted an item' },
};

export const publishingAuditLabels = defineAuditLabels({
  actions: {
    ...Object.fromEntries(Object.entries(workflowEvents).map(([event, text]) => [`publishing.${event}`, text])),
    // The historical import (catalog-import) writes old items through historical-items.ts.
    'publishing.import': { zh: '导入历史政府信息', en: 'Imported a historical item' },
    'publishing.update': { zh: '修改政府信息草稿', en: 'Edited a draft item' },
    'publishing.validity': { zh: '变更政府信息效力', en: "Changed an item's validity" },
    'publishing.workflow_config': { zh: '设置审核流程', en: 'Configured the review chain' },
    'publishing.mask': { zh: '遮盖个人信息', en: 'Masked personal data' },
    'publishing.pii_override': { zh: '确认个人信息检查结果', en: 'Overrode a personal-data finding' },
    'publishing.attachment_add': { zh: '添加附件', en: 'Added an attachment' },
    'publishing.attachment_replace': { zh: '替换附件', en: 'Replaced an attachment' },
    'publishing.attachment_remove': { zh: '删除附件', en: 'Removed an attachment' },
    'pii.rescan_flag': { zh: '复查发现已公开信息含个人信息', en: 'A rescan flagged personal data' },
    'pii.rescan_resolved': { zh: '个人信息复查问题已处理', en: 'A personal-data finding was resolved' },
  },
  subjects: {
    information_item: { zh: '政府信息', en: 'Catalog item' },
    agency: { zh: '机关', en: 'Agency' },
  },
});
