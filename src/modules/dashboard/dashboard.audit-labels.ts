// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const dashboardAuditLabels = defineAuditLabels({
  actions: {
    'notification.read': { zh: '标记通知已读', en: 'Marked a notice read' },
    'reminders.run': { zh: '发送期限提醒', en: 'Sent deadline reminders' },
  },
  subjects: {
    notification: { zh: '站内通知', en: 'Notice' },
    reminders: { zh: '提醒', en: 'Reminders' },
  },
});
