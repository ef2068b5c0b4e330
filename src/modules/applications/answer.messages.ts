// Texts of the answer on the tracking page (issue 15, item 2): the outcome in words, the proof of
// identity that unlocks the downloads, and the official texts of the e-mail and SMS (zh, en).
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const answerMessages = defineMessages({
  'applications.answer.heading': { zh: '答复结果', en: 'The answer' },
  'applications.answer.outcome': { zh: '结果', en: 'Outcome' },
  'applications.answer.replied_on': { zh: '答复日期', en: 'Date of the reply' },
  'applications.answer.document_number': { zh: '答复书文号', en: 'Reference of the reply notice' },
  'applications.answer.text.disclosed': {
    zh: '您申请的政府信息予以公开。答复书和提供的政府信息可以在本页下载。',
    en: 'The information you asked for is disclosed. The reply notice and the information provided can be downloaded here.',
  },
  'applications.answer.text.partially_disclosed': {
    zh: '您申请的政府信息部分公开，不能公开的部分及理由见答复书。答复书和提供的政府信息可以在本页下载。',
    en: 'The information you asked for is partly disclosed; the reply notice says what was withheld and why. The notice and the information provided can be downloaded here.',
  },
  'applications.answer.text.withheld': {
    zh: '您申请的政府信息不予公开，理由和依据见答复书。',
    en: 'The information you asked for is not disclosed; the reply notice gives the reasons and the legal basis.',
  },
  'applications.answer.text.unable_to_provide': {
    zh: '机关无法提供您申请的政府信息，原因见答复书。',
    en: 'The agency cannot provide the information you asked for; the reply notice says why.',
  },
  'applications.answer.text.not_processed': {
    zh: '机关对您的申请不予处理，原因见答复书。',
    en: 'The agency did not process your application; the reply notice says why.',
  },
  'applications.answer.text.other_handling': {
    zh: '机关已对您的申请作出处理，具体内容见答复书。',
    en: 'The agency has dealt with your application; the reply notice says how.',
  },
  'applications.answer.prove_hint': {
    zh: '答复书载有申请人信息。请输入补正密钥，或申请时填写的身份证件号码或手机号码的后 6 位，验证后即可下载。',
    en: 'The reply notice names the applicant. Enter your correction key, or the last 6 characters of the identity number or the mobile number you gave when applying, to download it.',
  },
  'applications.answer.proof': {
    zh: '补正密钥，或证件号码、手机号码后 6 位',
    en: 'Correction key, or the last 6 characters of your ID or mobile number',
  },
  'applications.answer.proof_hint': {
    zh: '例如 7KQ2M-X9D4H，或 12345X',
    en: 'For example 7KQ2M-X9D4H, or 12345X',
  },
  'applications.answer.unlock': { zh: '验证并查看答复', en: 'Check and show the answer' },
  'applications.answer.proof_wrong': {
    zh: '验证未通过：补正密钥或号码后 6 位与申请时填写的不一致',
    en: 'That does not match: the correction key or the last 6 characters differ from what the application gave',
  },
  'applications.answer.proof_format': {
    zh: '请输入 10 位补正密钥，或证件号码、手机号码的后 6 位',
    en: 'Enter the 10-character correction key, or the last 6 characters of your ID or mobile number',
  },
  'applications.answer.not_answered': {
    zh: '该申请尚未答复，暂无可下载的答复书',
    en: 'This application has not been answered yet; there is no reply notice to download',
  },
  'applications.answer.link_expired': {
    zh: '下载链接已过期，请重新验证后下载',
    en: 'The download link has expired; please check your identity again to download',
  },
  'applications.answer.verified': {
    zh: '验证已通过。以下下载链接 {minutes} 分钟内有效，请勿转发。',
    en: 'Checked. The download links below work for {minutes} minutes; do not pass them on.',
  },
  'applications.answer.downloads': { zh: '下载', en: 'Downloads' },
  'applications.answer.notice_docx': { zh: '答复书（DOCX 文档）', en: 'Reply notice (DOCX document)' },
  'applications.answer.notice_html': { zh: '答复书（网页版）', en: 'Reply notice (web page)' },
  'applications.answer.released': { zh: '提供的政府信息', en: 'Information provided' },
  'applications.answer.no_released': {
    zh: '本答复未附电子文件；如答复书载明以纸质等形式提供，请按答复书所述方式获取。',
    en: 'No electronic files were attached to this reply; where the notice provides the information on paper or otherwise, obtain it as the notice says.',
  },
  'applications.released.title': { zh: '随答复提供的政府信息', en: 'Information released with the reply' },
  'applications.released.intro': {
    zh: '这里附加的文件，申请人在办理进度页面验证身份后即可下载。请只附加答复书决定提供的政府信息，需要遮盖的内容请先处理。',
    en: 'The applicant can download the files attached here from the tracking page after proving the case is theirs. Attach only the information the reply provides, with anything withheld already redacted.',
  },
  'applications.released.manage': {
    zh: '随答复提供的政府信息（申请人在查询页面下载）',
    en: 'Information released with the reply (the applicant downloads it on the tracking page)',
  },
  'applications.released.none': { zh: '尚未附加文件', en: 'No files attached yet' },
  'applications.released.file': { zh: '文件', en: 'Files' },
  'applications.released.hint': {
    zh: 'PDF、OFD、Word、Excel、文本或图片，每个不超过 5 MB，可多选',
    en: 'PDF, OFD, Word, Excel, text or images, at most 5 MB each; several at once',
  },
  'applications.released.submit': { zh: '附加文件', en: 'Attach files' },
  'applications.attachment.kind.released': { zh: '随答复提供的政府信息', en: 'Information released with the reply' },
  // The official texts of the notification: Chinese only (they leave the platform under the
  // agency's name); the English is for the console. No name, number or request text.
  'applications.answer.mail_subject': {
    zh: '政府信息公开申请答复通知',
    en: 'Your information request has been answered',
  },
  'applications.answer.mail_body': {
    zh: '您好：\n\n您向{agency}提交的政府信息公开申请（查询码 {code}）已于{date}作出答复。\n\n请访问 {url} ，输入补正密钥或申请时填写的证件号码、手机号码后 6 位，查看和下载答复书及提供的政府信息。\n\n本邮件由系统自动发送，请勿直接回复。\n\n{agency}',
    en: 'Your information request to {agency} (tracking code {code}) was answered on {date}. Open {url} and enter your correction key or the last 6 characters of your ID or mobile number to read and download the reply notice and the information provided. This message was sent automatically; please do not reply.',
  },
  'applications.answer.sms_body': {
    zh: '【{agency}】您的政府信息公开申请（查询码 {code}）已于{date}答复，请访问 {url} 凭补正密钥或证件、手机号码后6位查看答复书。',
    en: '[{agency}] Your information request (tracking code {code}) was answered on {date}; open {url} with your correction key or the last 6 characters of your ID or mobile number to read the reply.',
  },
});
