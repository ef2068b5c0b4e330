import { defineMessages } from '../../platform/i18n/i18n.ts';

export const auditMessages = defineMessages({
  'audit.title': { zh: '审计日志', en: 'Audit log' },
  'audit.when': { zh: '时间', en: 'When' },
  'audit.who': { zh: '操作人', en: 'Who' },
  'audit.ip': { zh: 'IP 地址', en: 'IP address' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.subject': { zh: '对象', en: 'Subject' },
  'audit.details': { zh: '变更内容', en: 'Change' },
  'audit.filter_action': { zh: '按操作筛选', en: 'Filter by action' },
  'audit.filter': { zh: '筛选', en: 'Filter' },
  // Events without a person behind them: jobs, the demo loader, the command line (systemContext).
  'audit.system_actor': { zh: '系统', en: 'System' },
  'audit.filter_all': { zh: '全部操作', en: 'All actions' },
  'audit.record': { zh: '记录内容', en: 'Recorded values' },
  'audit.before': { zh: '变更前：', en: 'Before:' },
  'audit.after': { zh: '变更后：', en: 'After:' },
  'audit.chain_ok': {
    zh: '哈希链完整：已校验 {count} 条记录，未发现篡改。',
    en: 'Hash chain intact: {count} events checked, no tampering found.',
  },
  'audit.chain_broken': {
    zh: '哈希链校验失败：第 {seq} 条记录（{kind}）。',
    en: 'Hash chain broken at event {seq} ({kind}).',
  },
  // One text per way the chain can be tampered with (platform/audit/verify.ts, anchors.ts), so the
  // Chinese page names it in Chinese; the technical detail is English and shown on the English page.
  'audit.tamper.edited': { zh: '记录内容被修改', en: 'an event was edited' },
  'audit.tamper.deleted': { zh: '记录被删除', en: 'events were deleted' },
  'audit.tamper.inserted': { zh: '插入了不属于哈希链的记录', en: 'an event was inserted' },
  'audit.tamper.reordered': { zh: '记录顺序被调换', en: 'events were reordered' },
  'audit.tamper.truncated': { zh: '最新的记录被删除', en: 'the newest events were cut off' },
  'audit.tamper.emptied': { zh: '审计日志被清空', en: 'the audit log was emptied' },
  'audit.tamper.rebuilt': { zh: '哈希链被重建', en: 'the chain was rebuilt' },
  'audit.tamper.anchors_altered': {
    zh: '数据库外保存的锚点被改动',
    en: 'the anchors kept outside the database were altered',
  },
  'audit.anchor_latest': {
    zh: '最近一次锚定：第 {seq} 条记录，{at}（锚点保存在数据库之外）。',
    en: 'Latest anchor: event {seq}, {at} (kept outside the database).',
  },
  'audit.anchor_none': {
    zh: '尚未锚定：服务器运行后会定期把日志末条记录的哈希写入数据库之外的锚点文件。',
    en: 'Not anchored yet: once the server runs it periodically writes the head of the log to an anchor file outside the database.',
  },
  'audit.older': { zh: '更早的记录', en: 'Older events' },
  'audit.empty': { zh: '没有符合条件的记录。', en: 'No events match.' },
  'nav.audit_hint': { zh: '查看和校验全部操作记录', en: 'Read and verify every recorded action' },
  'nav.organisation_hint': { zh: '机关、科室、领导小组', en: 'Agencies, units and the leading group' },
  'nav.users_hint': { zh: '账号、角色和锁定', en: 'Accounts, roles and locks' },
});

/** The audit administrator's page of personal-data grants and reveals. */
export const personalDataAuditMessages = defineMessages({
  'audit.pd.title': { zh: '个人信息访问审计', en: 'Personal data: grants and reveals' },
  'audit.pd.lead': {
    zh: '授予可接触申请人个人信息的角色、查看完整个人信息和申请附件的每一次操作，均列于此。',
    en: 'Every grant of a role that reaches applicants’ personal data, and every view of full personal data or of an attachment.',
  },
  'audit.pd.grant': { zh: '授予角色：{role}', en: 'Granted the role: {role}' },
  'audit.pd.reveal': { zh: '查看完整个人信息（{fields}）', en: 'Viewed full personal data ({fields})' },
  'audit.pd.attachment': { zh: '查看申请附件', en: 'Opened an attachment' },
  'audit.pd.letter_attachment': { zh: '打开来信附件', en: "Opened a letter's attachment" },
  'audit.pd.subject_user': { zh: '用户 {name}', en: 'User {name}' },
  'audit.pd.subject_application': { zh: '申请 {code}', en: 'Application {code}' },
  'audit.pd.field_name': { zh: '姓名', en: 'name' },
  'audit.pd.subject_mailbox': { zh: '来信或工单 {code}', en: 'Letter or work order {code}' },
  'nav.audit_pd': { zh: '个人信息访问', en: 'Personal data access' },
  'nav.audit_pd_hint': {
    zh: '谁被授予了可接触个人信息的角色，谁查看了个人信息',
    en: 'Who was given access to personal data, and who looked at it',
  },
});
