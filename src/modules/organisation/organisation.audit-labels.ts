// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const organisationAuditLabels = defineAuditLabels({
  actions: {
    'agency.create': { zh: '新建机关', en: 'Created an agency' },
    'agency.update': { zh: '修改机关信息', en: 'Updated an agency' },
    'unit.create': { zh: '新建科室（单位）', en: 'Created a unit' },
    'unit.update': { zh: '修改科室（单位）', en: 'Updated a unit' },
    'user.create': { zh: '新建用户账号', en: 'Created a user account' },
    'user.update': { zh: '修改用户账号', en: 'Updated a user account' },
    'user.lock': { zh: '锁定账号', en: 'Locked an account' },
    'user.unlock': { zh: '解锁账号', en: 'Unlocked an account' },
    'user.password_reset': { zh: '重置密码', en: 'Reset a password' },
    'user.password_set': { zh: '设置密码', en: 'Set a password' },
    'user.activation_sent': { zh: '发送激活码', en: 'Sent an activation code' },
    'role.grant': { zh: '授予角色', en: 'Granted a role' },
    'role.revoke': { zh: '撤销角色', en: 'Revoked a role' },
    'leading_group.add': { zh: '增补领导小组成员', en: 'Added a leading group member' },
    'leading_group.end': { zh: '领导小组成员离任', en: 'Ended a leading group membership' },
  },
  subjects: {
    agency: { zh: '机关', en: 'Agency' },
    unit: { zh: '科室（单位）', en: 'Unit' },
    user: { zh: '用户账号', en: 'User account' },
  },
});
