// What the audit log calls the actions this module records (docs/conventions.md, "Audit labels").
import { defineAuditLabels } from '../../platform/audit/labels.ts';

export const accountAuditLabels = defineAuditLabels({
  actions: {
    'auth.sign_in': { zh: '登录', en: 'Signed in' },
    'auth.sign_in_failed': { zh: '登录失败', en: 'Sign-in failed' },
    'auth.sign_out': { zh: '退出登录', en: 'Signed out' },
    'auth.locked_out': { zh: '多次登录失败，账号被锁定', en: 'Locked out after failed sign-ins' },
    'user.activate': { zh: '激活账号并设置密码', en: 'Activated the account and set a password' },
    'user.password_change': { zh: '修改本人密码', en: 'Changed own password' },
  },
  subjects: { user: { zh: '用户账号', en: 'User account' } },
});
