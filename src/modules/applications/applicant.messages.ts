// Texts for the applicant's correction, the correction key, attachments and notices (zh, en).
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const applicantMessages = defineMessages({
  'applications.receipt.key': { zh: '补正密钥（请妥善保存）', en: 'Correction key (keep it safe)' },
  'applications.receipt.key_hint': {
    zh: '如机关要求补正申请，请凭查询码和此密钥在办理进度页面提交补正。密钥只显示这一次，请勿告诉他人。',
    en: 'If the office asks you to correct your application, use the tracking code and this key on the tracking page. The key is shown only once; do not share it.',
  },
  'applications.correction.heading': { zh: '需要补正申请', en: 'Your application needs a correction' },
  'applications.correction.asked': {
    zh: '机关于 {date} 要求补正，请在 {by} 前提交。',
    en: 'The office asked for a correction on {date}; please send it by {by}.',
  },
  'applications.correction.key': { zh: '补正密钥', en: 'Correction key' },
  'applications.correction.key_hint': {
    zh: '提交申请时页面显示的 10 位密钥，例如 7KQ2M-X9D4H',
    en: 'The 10-character key shown when you applied, like 7KQ2M-X9D4H',
  },
  'applications.correction.unlock': { zh: '查看补正要求', en: 'See what to correct' },
  'applications.correction.key_wrong': { zh: '补正密钥不正确', en: 'The correction key is not correct' },
  'applications.correction.not_pending': {
    zh: '该申请当前不需要补正，未作任何更改',
    en: 'This application is not waiting for a correction; nothing was changed',
  },
  'applications.correction.title': { zh: '补正申请 {code}', en: 'Correct application {code}' },
  'applications.correction.what': { zh: '需要补正的事项', en: 'What to correct' },
  'applications.correction.note': { zh: '补正说明', en: 'Note on the correction' },
  'applications.correction.submit': { zh: '提交补正', en: 'Send the correction' },
  'applications.correction.cancel': { zh: '返回办理进度', en: 'Back to the application' },
  'applications.correction.done': {
    zh: '补正已收到。答复期限自收到补正之日起重新计算，新的答复期限为 {due}。',
    en: 'Correction received. The reply period restarts from today; the new due date is {due}.',
  },

  'applications.field.attachments': {
    zh: '附件（身份证明、授权委托书等）',
    en: 'Attachments (proof of identity, authorisations)',
  },
  'applications.field.attachments_hint': {
    zh: 'PDF、JPG 或 PNG，每个不超过 5 MB，最多 5 个',
    en: 'PDF, JPG or PNG, at most 5 MB each, at most 5 files',
  },
  'applications.attachment.too_large': {
    zh: '附件“{name}”超过 {max} MB，申请未保存',
    en: 'The attachment “{name}” is larger than {max} MB; the application was not stored',
  },
  'applications.attachment.too_many': {
    zh: '附件不能超过 {max} 个，申请未保存',
    en: 'At most {max} attachments; the application was not stored',
  },
  'applications.attachment.kind.id_copy': { zh: '身份证明', en: 'Proof of identity' },
  'applications.attachment.kind.authorisation': { zh: '授权委托书', en: 'Authorisation' },
  'applications.attachment.kind.other': { zh: '其他材料', en: 'Other' },
  'applications.case.attachments': { zh: '附件', en: 'Attachments' },
  'applications.case.no_attachments': { zh: '无附件', en: 'No attachments' },
  'applications.case.download': { zh: '查看（留痕）', en: 'View (audited)' },
  'applications.case.issue_key': { zh: '生成新的补正密钥', en: 'Issue a new correction key' },
  'applications.case.issue_key_confirm': { zh: '原密钥将失效，确定吗？', en: 'The old key stops working. Continue?' },
  'applications.case.issued_key': {
    zh: '新的补正密钥（只显示一次，请交给申请人）：{key}',
    en: 'New correction key (shown once; give it to the applicant): {key}',
  },
  'applications.case.notices': { zh: '告知书', en: 'Notices' },
  'applications.notice.reply': { zh: '答复告知书（DOCX）', en: 'Reply notice (DOCX)' },
  'applications.notice.correction': { zh: '补正告知书（DOCX）', en: 'Correction request notice (DOCX)' },
  'applications.notice.extension': { zh: '延期答复告知书（DOCX）', en: 'Extension notice (DOCX)' },
  'applications.notice.consultation': { zh: '征求意见函（DOCX）', en: 'Consultation letter (DOCX)' },
  'applications.notice.fee': { zh: '收费通知书（DOCX）', en: 'Fee notice (DOCX)' },
  'applications.event.delivered': { zh: '已送达答复', en: 'Reply delivered' },
  'applications.field.delivered_by': { zh: '送达方式', en: 'Delivered by' },
  'applications.case.deliver': { zh: '登记送达', en: 'Record the delivery' },
  'applications.case.deliver_hint': {
    zh: '答复告知书送达申请人后登记送达方式和日期。选择“网上获取”后，申请人可凭查询码和补正密钥在办理进度页面查看告知书。',
    en: 'Record how and when the reply reached the applicant. With “Online”, the applicant can read the notice on the progress page with the tracking code and correction key.',
  },
  'applications.case.deliver_submit': { zh: '登记送达', en: 'Record delivery' },
  'applications.error.deliver_before_reply': {
    zh: '作出答复后才能登记送达',
    en: 'Record the reply before its delivery',
  },
  'applications.error.delivered_before_reply': {
    zh: '送达日期不能早于答复日期（{date}）',
    en: 'The delivery cannot be earlier than the reply ({date})',
  },
  'applications.case.reviews': { zh: '行政复议和行政诉讼', en: 'Reconsideration and litigation' },
  'applications.case.mailbox': { zh: '信箱来信和热线工单', en: 'Mailbox letters and hotline orders' },
  'applications.case.mailbox_converted_from': { zh: '由以下来信转为申请', en: 'Registered from' },
  'applications.case.mailbox_passed_to': { zh: '已转信箱办理', en: 'Passed to the mailbox as' },
  'applications.case.mailbox_source_letter': { zh: '信箱来信', en: 'Letter' },
  'applications.case.mailbox_source_hotline': { zh: '12345热线工单', en: '12345 work order' },
  'applications.case.mailbox_pass_hint': {
    zh: '本申请已按信访、举报、投诉类诉求告知不作为政府信息公开申请处理。可将其转入领导信箱，按来信办理并答复。',
    en: 'This application was answered as a petition, complaint or report, not handled as a disclosure application. It may be passed to the mailbox, to be handled and answered as a letter.',
  },
  'applications.case.mailbox_pass': { zh: '转入信箱办理', en: 'Pass to the mailbox' },
  'applications.case.reconsideration_none': {
    zh: '本申请尚无关联的行政复议或行政诉讼案件。',
    en: 'No reconsideration or lawsuit is linked to this application.',
  },
  'applications.case.reconsideration_new': {
    zh: '登记针对本申请的复议或诉讼',
    en: 'Record a reconsideration or lawsuit over this application',
  },
  'applications.duplicates.title': { zh: '相似申请', en: 'Similar applications' },
  'applications.duplicates.same_applicant': { zh: '同一申请人', en: 'same applicant' },
  'applications.duplicates.same_information': {
    zh: '申请内容相同或相近（相似度{pct}%）',
    en: 'same or similar information ({pct}% alike)',
  },
  'applications.duplicates.not_answered': { zh: '尚未答复', en: 'not answered yet' },
  'applications.duplicates.propose': {
    zh: '已有{n}个不同的申请人申请相同的政府信息。根据《中华人民共和国政府信息公开条例》第四十四条，该信息属于可以公开的，可以纳入主动公开的范围，请考虑主动公开。',
    en: '{n} different applicants have asked for the same information. Under Art. 44 of the Regulation, information that can be disclosed may be made proactive: consider publishing it.',
  },
  'applications.field.redactions': { zh: '不予公开（遮盖）的部分及理由', en: 'What is withheld or redacted, and why' },
  'applications.field.redactions_hint': {
    zh: '部分公开时必填（条例第三十七条）：逐项写明遮盖或删除的内容、所在位置和理由，例如“第3页第三人身份证号码，属于个人隐私”。',
    en: 'Required for a partial disclosure (Art. 37): each item withheld or redacted, where it is and why, e.g. “page 3, a third party’s ID number: personal privacy”.',
  },
  'applications.error.redactions_required': {
    zh: '部分公开时请写明不予公开（遮盖）的部分及理由',
    en: 'For a partial disclosure, say what is withheld or redacted and why',
  },
  'applications.field.catalog_items': {
    zh: '已主动公开的信息（目录索引号）',
    en: 'Already public (catalog index numbers)',
  },
  'applications.field.catalog_items_hint': {
    zh: '信息已主动公开时填写（条例第三十六条第一项）：目录中该信息的索引号，多个用逗号或换行分隔；答复告知书将列出这些信息。',
    en: 'When the information is already public (Art. 36(1)): the catalog index numbers, separated by commas or lines; the reply notice lists them.',
  },
  'applications.case.catalog_items': { zh: '已公开信息', en: 'Already public' },
  'applications.error.catalog_item_not_found': {
    zh: '本机关目录中没有已发布的索引号：{refs}',
    en: 'No published item of this agency’s catalog has the index number {refs}',
  },
  'applications.error.catalog_items_only_disclosed': {
    zh: '只有“予以公开”的答复才关联已公开的信息',
    en: 'Only a “disclosed” answer links to information already public',
  },
  'applications.error.catalog_items_too_many': { zh: '最多关联{max}条信息', en: 'At most {max} items' },
  'applications.notice.html': { zh: '网页版', en: 'Web page' },
  'applications.notice.back_to_case': { zh: '返回案件', en: 'Back to the case' },
  'applications.notice.back_to_tracking': { zh: '返回办理进度', en: 'Back to the case progress' },
  'applications.notice.download_docx': { zh: '下载 DOCX', en: 'Download DOCX' },
  'applications.notice.online_title': { zh: '网上查看答复告知书', en: 'Read the reply notice online' },
  'applications.notice.online_hint': {
    zh: '本机关已通过网上送达答复告知书。输入受理时取得的补正密钥即可查看。',
    en: 'The office has delivered the reply notice online. Enter the correction key you were given with the receipt to read it.',
  },
  'applications.notice.open': { zh: '查看告知书', en: 'Read the notice' },
  'applications.notice.not_delivered': {
    zh: '答复告知书尚未通过网上送达',
    en: 'The reply notice has not been delivered online',
  },

  'applications.field.fee_method': { zh: '计收方式', en: 'Charging method' },
  'applications.field.pages': { zh: '页数', en: 'Pages' },
  'applications.fee_method.by_count': { zh: '按件计收（本月第几件）', en: 'By count (applications this month)' },
  'applications.fee_method.by_pages': { zh: '按量计收（页数）', en: 'By pages' },
  'applications.error.fee_needs_method': {
    zh: '请选择计收方式，金额由收费标准计算',
    en: 'Choose the charging method; the amount is computed from the fee schedule',
  },
  'applications.error.fee_nothing_due': {
    zh: '按此方式不应收费（{detail}），未发出收费通知',
    en: 'No fee is due this way ({detail}); no fee notice was recorded',
  },
  'applications.error.fee_before_2021': {
    zh: '2021年1月1日前收到的申请不收取信息处理费',
    en: 'No processing fee for applications received before 2021-01-01',
  },
  'applications.error.fee_needs_id': {
    zh: '申请人没有身份证号码，无法按件统计本月申请数，请按页数计收',
    en: 'The applicant has no ID number to count this month’s applications; charge by pages',
  },
  'applications.error.fee_amount_mismatch': {
    zh: '金额应为 {amount} 元（按收费标准计算）',
    en: 'The amount must be {amount} yuan (from the fee schedule)',
  },
});
