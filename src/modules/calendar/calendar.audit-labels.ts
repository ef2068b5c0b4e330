// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const calendarAuditLabels = defineAuditLabels({
  actions: {
    'calendar.seed': { zh: '载入工作日历', en: 'Loaded the working-day calendar' },
    'calendar.notice_add': { zh: '录入年度放假通知', en: 'Added a holiday notice' },
    'calendar.amend': { zh: '录入放假调整通知', en: 'Added an amending notice' },
    'calendar.recompute': { zh: '按新日历重算期限', en: 'Recomputed deadlines on the new calendar' },
  },
  subjects: { calendar: { zh: '工作日历', en: 'Working-day calendar' } },
});
