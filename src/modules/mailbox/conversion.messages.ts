// The texts of the links between the mailbox and disclosure applications (issue 16 item 6), of the
// figures' export for the 12345 centre and of the conversion's states.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const conversionMessages = defineMessages({
  'mailbox.status.converted': { zh: '已转为政府信息公开申请', en: 'Registered as an application' },
  'mailbox.event.convert': { zh: '转为政府信息公开申请', en: 'Registered as an application' },
  'mailbox.conversion.links': { zh: '与政府信息公开申请的关联', en: 'Linked disclosure application' },
  'mailbox.conversion.received_on': { zh: '收到申请之日 {date}', en: 'received {date}' },
  'mailbox.conversion.title': { zh: '转为政府信息公开申请', en: 'Register as a disclosure application' },
  'mailbox.conversion.intro': {
    zh: '来信或工单要求获取政府信息的，属于政府信息公开申请（《中华人民共和国政府信息公开条例》第二十九条），应当登记为申请，按申请的期限办理答复。收到申请之日为信箱收到来信之日：{receivedOn}（第三十一条）。',
    en: 'A letter or work order that asks for government information is a disclosure application (Art. 29) and is registered as one, answered within the application limits. Its date of receipt is the day the mailbox received it: {receivedOn} (Art. 31).',
  },
  'mailbox.conversion.carried': {
    zh: '来信人的姓名、电话和电子邮箱已由来信带入，无需重新填写；如需更正，请在下方填写。',
    en: "The writer's name, phone and e-mail are carried over from the letter; fill them in below only to correct them.",
  },
  'mailbox.conversion.applicant_name_hint': {
    zh: '留空则使用来信中的姓名。',
    en: "Leave empty to use the letter's name.",
  },
  'mailbox.conversion.phone_hint': { zh: '留空则使用来信中的电话。', en: "Leave empty to use the letter's phone." },
  'mailbox.conversion.description_hint': {
    zh: '留空则使用来信内容。',
    en: "Leave empty to use the letter's text.",
  },
  'mailbox.conversion.submit': { zh: '登记为申请', en: 'Register the application' },
  'mailbox.conversion.action': { zh: '转为政府信息公开申请', en: 'Register as an application' },
  'mailbox.conversion.done': {
    zh: '已登记为政府信息公开申请，申请编号 {trackingCode}。',
    en: 'Registered as application {trackingCode}.',
  },
  'mailbox.conversion.not_convertible': {
    zh: '该来信已答复、退回或已转为申请，不能再转为申请。',
    en: 'This case is answered, returned or already an application; it cannot be registered as one.',
  },
  'mailbox.conversion.not_passable': {
    zh: '只有按信访、举报、投诉类诉求告知不作为政府信息公开申请处理的申请，才能转入信箱办理。',
    en: 'Only an application answered as a petition, complaint or report may be passed to the mailbox.',
  },
  'mailbox.conversion.passed_already': {
    zh: '该申请已转入信箱办理。',
    en: 'This application has already been passed to the mailbox.',
  },
  'mailbox.conversion.application': { zh: '政府信息公开申请', en: 'Disclosure application' },
  'mailbox.conversion.converted_to': { zh: '已转为申请', en: 'Registered as application' },
  'mailbox.conversion.passed_from': { zh: '由申请转来', en: 'Passed on from application' },
  'mailbox.feedback.title': { zh: '12345热线办结反馈导出', en: '12345 feedback export' },
  'mailbox.feedback.intro': {
    zh: '导出本机关在所选期间内答复的12345热线工单（工单编号、派单时间、承办单位、办结时间、办理结果、满意度），供报送12345热线中心。',
    en: "The agency's 12345 work orders answered in the period (order number, dispatch time, unit, date finished, result, rating), for the hotline centre.",
  },
  'mailbox.feedback.from': { zh: '办结日期自', en: 'Answered from' },
  'mailbox.feedback.to': { zh: '至', en: 'to' },
  'mailbox.feedback.csv': { zh: '导出 CSV', en: 'Download CSV' },
  'mailbox.feedback.xlsx': { zh: '导出 Excel', en: 'Download Excel' },
  'mailbox.feedback.bad_period': {
    zh: '请填写有效的起止日期，且起始日期不晚于截止日期、期间不超过一年。',
    en: 'Give a valid period: the start on or before the end, one year at most.',
  },
});
