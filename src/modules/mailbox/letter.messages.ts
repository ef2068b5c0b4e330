// Texts of the citizen's side of the mailbox: the letter form, its receipt and the tracking page
// (zh, en). The category names are the ones the portal shows a writer choosing a category.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const letterMessages = defineMessages({
  'mailbox.write.title': { zh: '写信', en: 'Write a letter' },
  'mailbox.write.title_agency': { zh: '给{agency}写信', en: 'Write to {agency}' },
  'mailbox.write.lead': {
    zh: '您可以在这里就本机关职责范围内的事项提出咨询、求助、建议、批评、投诉或举报。来信在规定的工作日内答复；紧急事项请直接拨打12345或110、119、120、122。',
    en: 'Ask a question, ask for help, or make a suggestion, criticism, complaint or report about matters this agency deals with. Letters are answered within a set number of working days; for emergencies call 12345 or 110, 119, 120, 122.',
  },
  'mailbox.write.not_application': {
    zh: '申请获取政府信息，请使用政府信息公开申请。',
    en: 'To ask for government information, use the disclosure application instead.',
  },
  'mailbox.write.apply_link': { zh: '政府信息公开申请', en: 'Disclosure application' },
  'mailbox.write.section_letter': { zh: '来信内容', en: 'Your letter' },
  'mailbox.write.section_writer': { zh: '联系方式', en: 'How to reach you' },
  'mailbox.write.section_publish': { zh: '是否公开', en: 'Publication' },
  'mailbox.write.section_check': { zh: '防止机器提交', en: 'Check against automated submissions' },
  'mailbox.write.check_hint': {
    zh: '浏览器会自动完成一项计算，无需操作；如浏览器未启用脚本，请回答下面的问题。',
    en: 'Your browser does a small calculation by itself; if scripts are off, answer the question below.',
  },
  'mailbox.write.check_working': { zh: '正在完成校验…', en: 'Checking…' },
  'mailbox.write.check_done': { zh: '校验已完成。', en: 'Check done.' },
  'mailbox.write.field.agency': { zh: '收信机关', en: 'Agency' },
  'mailbox.write.field.category': { zh: '来信类别', en: 'Kind of letter' },
  'mailbox.write.field.subject': { zh: '标题', en: 'Subject' },
  'mailbox.write.field.text': { zh: '来信内容', en: 'Letter' },
  'mailbox.write.field.text_hint': {
    zh: '请写明事项、时间、地点和您的诉求，最多5000字。',
    en: 'Say what happened, when and where, and what you ask for; at most 5,000 characters.',
  },
  'mailbox.write.field.attachments': { zh: '附件（可选）', en: 'Attachments (optional)' },
  'mailbox.write.field.attachments_hint': {
    zh: 'PDF、JPG或PNG文件，每个不超过5MB，最多3个。',
    en: 'PDF, JPG or PNG files, up to 5 MB each, at most 3.',
  },
  'mailbox.write.field.attachment': { zh: '附件{n}', en: 'Attachment {n}' },
  'mailbox.write.field.pow_answer': { zh: '验证问题', en: 'Check question' },
  'mailbox.write.field.name': { zh: '姓名（可选）', en: 'Name (optional)' },
  'mailbox.write.field.phone': { zh: '联系电话', en: 'Phone' },
  'mailbox.write.field.email': { zh: '电子邮箱', en: 'E-mail' },
  'mailbox.write.contact_hint': {
    zh: '电话和电子邮箱至少填写一项，用于答复和查询，不会公开。',
    en: 'Give a phone number, an e-mail address or both: they are used to answer you and to look the letter up, and are never published.',
  },
  'mailbox.write.field.consent': {
    zh: '同意公开我的来信及答复（公开时去除个人信息）',
    en: 'You may publish my letter and your reply (without my personal data)',
  },
  'mailbox.write.field.consent_hint': {
    zh: '同意后，答复的来信可能在“互动交流”栏目选登；电话、邮箱、证件号码等个人信息不会公开。',
    en: 'If you agree, the answered letter may appear in the Interaction column; phone, e-mail, ID numbers and other personal data are never shown.',
  },
  'mailbox.write.field.publish_name': { zh: '公开时署我的姓名', en: 'Publish my name with the letter' },
  'mailbox.write.field.publish_name_hint': {
    zh: '不勾选时，公开的来信和答复中不出现您的姓名。',
    en: 'If unticked, your name appears neither in the published letter nor in the reply.',
  },
  'mailbox.write.privacy': {
    zh: '您的姓名和联系方式加密保存，仅用于办理和答复来信。',
    en: 'Your name and contact details are stored encrypted and used only to handle and answer the letter.',
  },
  'mailbox.write.submit': { zh: '提交来信', en: 'Send the letter' },
  'mailbox.write.error.contact_required': {
    zh: '请填写联系电话或电子邮箱',
    en: 'Enter a phone number or an e-mail address',
  },
  'mailbox.write.error.name_without_consent': {
    zh: '只有同意公开来信时才能选择署名',
    en: 'Your name can be published only if you agree to publish the letter',
  },
  'mailbox.write.error.name_to_publish': {
    zh: '选择署名公开时请填写姓名',
    en: 'Enter your name if it is to be published',
  },
  'mailbox.write.error.too_many_files': { zh: '最多上传{max}个附件', en: 'Attach at most {max} files' },
  'mailbox.write.error.file_too_large': {
    zh: '附件“{name}”超过{max}MB',
    en: 'The file “{name}” is larger than {max} MB',
  },
  'mailbox.write.error.agency': { zh: '请选择收信机关', en: 'Select an agency' },
  'mailbox.write.error.pow_missing': { zh: '请回答校验问题', en: 'Answer the check question' },
  'mailbox.write.error.pow_invalid': { zh: '校验无效，请重新提交', en: 'The check is not valid; send the form again' },
  'mailbox.write.error.pow_expired': { zh: '校验已过期，请重新提交', en: 'The check has expired; send the form again' },
  'mailbox.write.error.pow_unsolved': {
    zh: '校验未完成，请重新提交',
    en: 'The check was not done; send the form again',
  },
  'mailbox.write.error.pow_wrong_answer': {
    zh: '校验问题的答案不正确',
    en: 'The answer to the check question is wrong',
  },
  'mailbox.write.error.pow_too_fast': {
    zh: '提交过快，请稍候再提交',
    en: 'That was too fast; wait a few seconds and send again',
  },
  'mailbox.write.error.pow_spent': {
    zh: '此表单已提交过，请勿重复提交',
    en: 'This form was already sent; do not send it twice',
  },
  'mailbox.write.category.urgent': { zh: '紧急', en: 'Urgent' },
  'mailbox.write.category.consultation': { zh: '咨询', en: 'Question' },
  'mailbox.write.category.help': { zh: '求助', en: 'Request for help' },
  'mailbox.write.category.suggestion': { zh: '建议', en: 'Suggestion' },
  'mailbox.write.category.criticism': { zh: '批评', en: 'Criticism' },
  'mailbox.write.category.complaint': { zh: '投诉', en: 'Complaint' },
  'mailbox.write.category.report': { zh: '举报', en: 'Report' },
  'mailbox.receipt.title': { zh: '来信已收到', en: 'Letter received' },
  'mailbox.receipt.code': { zh: '查询码', en: 'Tracking code' },
  'mailbox.receipt.code_hint': {
    zh: '请记下查询码。查询办理情况时需要查询码和您留下的电话或电子邮箱。',
    en: 'Write the tracking code down. To look the letter up you need it and the phone number or e-mail address you gave.',
  },
  'mailbox.receipt.lead': {
    zh: '您的来信于{date}收到。',
    en: 'Your letter was received on {date}.',
  },
  'mailbox.receipt.due': {
    zh: '按“{category}”类来信的办理时限，我们将在{due}前答复：时限从收信次日起按工作日计算，节假日不计，调休上班日照常计算。',
    en: 'Letters of the kind “{category}” are answered by {due}: the limit counts working days from the day after receipt, leaving out public holidays and counting make-up working days.',
  },
  'mailbox.receipt.due_same_day': {
    zh: '紧急事项当日办理，我们将在{due}答复。',
    en: 'Urgent matters are handled the same day: we answer on {due}.',
  },
  'mailbox.receipt.track': { zh: '查询办理情况', en: 'Track the letter' },
  'mailbox.track.title': { zh: '来信查询', en: 'Track a letter' },
  'mailbox.track.lead': {
    zh: '请输入查询码和写信时留下的电话或电子邮箱。',
    en: 'Enter the tracking code and the phone number or e-mail address you gave with the letter.',
  },
  'mailbox.track.code': { zh: '查询码', en: 'Tracking code' },
  'mailbox.track.contact': { zh: '电话或电子邮箱', en: 'Phone or e-mail' },
  'mailbox.track.submit': { zh: '查询', en: 'Look up' },
  'mailbox.track.not_found': {
    zh: '查询码或联系方式不正确',
    en: 'The tracking code or the contact does not match a letter',
  },
  'mailbox.track.error.code': { zh: '请填写查询码', en: 'Enter the tracking code' },
  'mailbox.track.error.contact': { zh: '请填写电话或电子邮箱', en: 'Enter the phone number or e-mail address' },
  'mailbox.track.write_link': { zh: '写信', en: 'Write a letter' },
  'mailbox.track.agency': { zh: '收信机关', en: 'Agency' },
  'mailbox.track.subject': { zh: '标题', en: 'Subject' },
  'mailbox.track.received_on': { zh: '收信日期', en: 'Received on' },
  'mailbox.track.due_date': { zh: '答复期限', en: 'Answer due by' },
  'mailbox.track.status': { zh: '办理状态', en: 'State' },
  'mailbox.track.state.open': { zh: '办理中', en: 'Being handled' },
  'mailbox.track.state.replied': { zh: '已答复', en: 'Answered' },
  'mailbox.track.replied_on': { zh: '答复日期', en: 'Answered on' },
  'mailbox.track.reply': { zh: '答复内容', en: 'The reply' },
  'mailbox.track.rating': { zh: '您的评价', en: 'Your rating' },
  'mailbox.track.published': {
    zh: '本信已在互动交流栏目公开',
    en: 'This letter is published in the Interaction column',
  },
});
