// Texts of the agency's notice settings form (system administrator), Chinese first and English.
import { defineMessages } from '../../../platform/i18n/i18n.ts';

export const noticeSettingsMessages = defineMessages({
  'notice_settings.title': { zh: '告知书设置：{name}', en: 'Notice settings: {name}' },
  'notice_settings.link': { zh: '告知书设置', en: 'Notice settings' },
  'notice_settings.intro': {
    zh: '答复告知书的救济告知写明行政复议机关和人民法院；各类告知书的发文字号按“字号〔年份〕序号号”编排，序号按机关、字号和年份连续编号，不留空号。',
    en: 'Reply notices name the reconsideration body and the court in their remedy sentence. Notices are numbered “prefix〔year〕n号”, consecutively per agency, prefix and year, without gaps.',
  },
  'notice_settings.reconsideration_body': { zh: '行政复议机关', en: 'Administrative reconsideration body' },
  'notice_settings.reconsideration_hint': {
    zh: '例如：岳阳市人民政府。未填写时，告知书只写“依法申请行政复议”，不写明机关。',
    en: 'For example 岳阳市人民政府. Left empty, notices say only that a reconsideration may be applied for, without naming the body.',
  },
  'notice_settings.court': { zh: '管辖法院', en: 'Court' },
  'notice_settings.court_hint': {
    zh: '例如：岳阳市岳阳楼区人民法院。未填写时，告知书只写“向人民法院提起行政诉讼”。',
    en: 'For example 岳阳市岳阳楼区人民法院. Left empty, notices say only “a people’s court”.',
  },
  'notice_settings.prefixes': { zh: '发文字号', en: 'Document number prefixes' },
  'notice_settings.prefix_hint': {
    zh: '只填字号部分，年份和序号由系统生成；留空使用默认字号“{example}”。',
    en: 'Only the prefix: the system adds the year and the number. Left empty, the default “{example}” is used.',
  },
  'notice_settings.kind.reply': { zh: '答复告知书', en: 'Reply notice' },
  'notice_settings.kind.correction': { zh: '补正告知书', en: 'Correction request' },
  'notice_settings.kind.extension': { zh: '延期答复告知书', en: 'Extension notice' },
  'notice_settings.kind.delay': { zh: '延迟答复告知书', en: 'Delayed-reply notice' },
  'notice_settings.kind.consultation': { zh: '征求意见函', en: 'Consultation letter' },
  'notice_settings.kind.fee': { zh: '收费通知书', en: 'Fee notice' },
  'notice_settings.example': { zh: '示例：{number}', en: 'Example: {number}' },
  'notice_settings.save': { zh: '保存', en: 'Save' },
  'notice_settings.saved': { zh: '已保存。', en: 'Saved.' },
  'notice_settings.error.too_long': { zh: '最多{max}个字。', en: 'At most {max} characters.' },
  'notice_settings.error.prefix_form': {
    zh: '字号只写文字部分，不含括号、空格、年份、序号或“号”字，例如“岳人社依公开答”。',
    en: 'Write only the prefix, without brackets, spaces, year, number or the final 号, e.g. 岳人社依公开答.',
  },
});
