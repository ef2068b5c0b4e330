// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const auditAuditLabels = defineAuditLabels({
  actions: {
    'audit.anchor_mailed': { zh: '寄送审计日志锚点', en: 'Mailed the audit anchor' },
    // Written only into a copy of the database by the tampering drill (platform/audit/drill.ts).
    'forged.event': { zh: '篡改演练：伪造的记录', en: 'Tampering drill: forged event' },
    'drill.grant_role': { zh: '篡改演练：授予角色', en: 'Tampering drill: role grant' },
  },
  subjects: {
    audit_anchor: { zh: '审计日志锚点', en: 'Audit anchor' },
    user: { zh: '用户账号', en: 'User account' },
  },
});
