// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const tasksAuditLabels = defineAuditLabels({
  actions: {
    'tasks.assign': { zh: '分派公开任务', en: 'Assigned a disclosure task' },
    'tasks.complete': { zh: '完成公开任务', en: 'Completed a disclosure task' },
  },
  subjects: { disclosure_task: { zh: '公开任务', en: 'Disclosure task' } },
});
