import { defineMessages } from '../../platform/i18n/i18n.ts';

export const accountMessages = defineMessages({
  'account.sign_in': { zh: '登录', en: 'Sign in' },
  'account.sign_in_title': { zh: '登录政府信息公开工作平台', en: 'Sign in to the disclosure platform' },
  'account.username': { zh: '用户名', en: 'Username' },
  'account.password': { zh: '密码', en: 'Password' },
  'account.error.invalid': { zh: '用户名或密码不正确', en: 'The username or password is not right' },
  'account.error.locked': {
    zh: '连续登录失败次数过多，账号已锁定至 {until}。请稍后再试或联系安全管理员。',
    en: 'Too many failed attempts: the account is locked until {until}. Try later or ask the security administrator.',
  },
  'account.error.disabled': {
    zh: '账号已被停用，请联系安全管理员。',
    en: 'The account is disabled. Ask the security administrator.',
  },
  'account.expired': {
    zh: '您已长时间未操作，为保护信息安全已自动退出，请重新登录。',
    en: 'You were signed out after a period of inactivity. Sign in again.',
  },
  'account.signed_out': { zh: '您已安全退出。', en: 'You have signed out.' },
  'account.title': { zh: '我的账号', en: 'My account' },
  'account.roles': { zh: '我的角色', en: 'My roles' },
  'account.change_password': { zh: '修改密码', en: 'Change password' },
  'account.must_change': {
    zh: '首次登录或密码被重置后，须先修改密码。',
    en: 'You must change your password before you continue.',
  },
  'account.current_password': { zh: '当前密码', en: 'Current password' },
  'account.new_password': { zh: '新密码', en: 'New password' },
  'account.new_password_hint': {
    zh: '至少 10 个字符，包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'At least 10 characters, mixing three of: capital letters, small letters, digits, symbols',
  },
  'account.confirm_password': { zh: '确认新密码', en: 'Confirm the new password' },
  'account.password_changed': { zh: '密码已修改。', en: 'Your password has been changed.' },
  'account.error.current_wrong': { zh: '当前密码不正确', en: 'The current password is not right' },
  'account.error.confirm_mismatch': { zh: '两次输入的新密码不一致', en: 'The two new passwords do not match' },
  'dashboard.title': { zh: '工作台', en: 'Dashboard' },
  'dashboard.welcome': { zh: '{name}，您好', en: 'Hello, {name}' },
  'dashboard.agency': { zh: '所在机关', en: 'Agency' },
  'dashboard.last_sign_in': { zh: '本次登录时间', en: 'Signed in at' },
});
