// Texts of the reconsideration and litigation module, Chinese first and English.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const reconsiderationMessages = defineMessages({
  'nav.reconsideration': { zh: '复议诉讼', en: 'Reconsideration and litigation' },
  'nav.reconsideration_hint': {
    zh: '因政府信息公开被申请行政复议、提起行政诉讼的案件及结果',
    en: 'Reconsideration and lawsuits over disclosure decisions, and their results',
  },
  'reconsideration.title': { zh: '行政复议和行政诉讼', en: 'Reconsideration and litigation' },
  'reconsideration.new': { zh: '登记案件', en: 'Record a case' },
  'reconsideration.empty': { zh: '尚无案件。', en: 'No cases yet.' },
  'reconsideration.year_table': { zh: '{year}年度统计（表四）', en: 'Table 四 for {year}' },
  'reconsideration.kind.reconsideration': { zh: '行政复议', en: 'Administrative reconsideration' },
  'reconsideration.kind.litigation_direct': {
    zh: '行政诉讼（未经复议直接起诉）',
    en: 'Lawsuit without prior reconsideration',
  },
  'reconsideration.kind.litigation_after_reconsideration': {
    zh: '行政诉讼（复议后起诉）',
    en: 'Lawsuit after reconsideration',
  },
  'reconsideration.result.upheld': { zh: '结果维持', en: 'Upheld' },
  'reconsideration.result.corrected': { zh: '结果纠正', en: 'Corrected' },
  'reconsideration.result.other': { zh: '其他结果', en: 'Other result' },
  'reconsideration.result.pending': { zh: '尚未审结', en: 'Pending' },
  'reconsideration.total': { zh: '总计', en: 'Total' },
  'reconsideration.field.kind': { zh: '案件类型', en: 'Kind of case' },
  'reconsideration.field.body': { zh: '复议机关或人民法院', en: 'Reconsideration body or court' },
  'reconsideration.field.case_number': { zh: '案号', en: 'Case number' },
  'reconsideration.field.applicant_name': { zh: '申请人或原告', en: 'Applicant or plaintiff' },
  'reconsideration.field.filed_on': { zh: '申请或立案日期', en: 'Date filed' },
  'reconsideration.field.application_code': {
    zh: '关联的政府信息公开申请（查询码，可不填）',
    en: 'Related application (tracking code, optional)',
  },
  'reconsideration.field.prior_case': { zh: '此前的行政复议案件', en: 'The prior reconsideration case' },
  'reconsideration.field.summary': { zh: '案情或结果摘要', en: 'Summary' },
  'reconsideration.field.result': { zh: '结果', en: 'Result' },
  'reconsideration.field.decided_on': { zh: '决定或裁判日期', en: 'Date decided' },
  'reconsideration.field.agency': { zh: '被申请人（本机关）', en: 'Respondent agency' },
  'reconsideration.record_result': { zh: '登记结果', en: 'Record the result' },
  'reconsideration.save': { zh: '保存', en: 'Save' },
  'reconsideration.none': { zh: '无', en: 'None' },
  'reconsideration.application': { zh: '关联申请', en: 'Application' },
  'reconsideration.standalone': { zh: '未关联申请', en: 'Standalone' },
  'reconsideration.recorded': { zh: '已保存。', en: 'Saved.' },
  'reconsideration.error.future_date': { zh: '日期不能晚于今天', en: 'The date cannot be later than today' },
  'reconsideration.error.decided_before_filed': {
    zh: '决定日期不能早于立案日期（{date}）',
    en: 'The decision cannot be earlier than the filing date ({date})',
  },
  'reconsideration.error.prior_only_after': {
    zh: '只有复议后起诉的诉讼案件才关联此前的复议案件',
    en: 'Only a lawsuit after reconsideration follows a reconsideration case',
  },
  'reconsideration.error.prior_not_found': {
    zh: '没有找到本机关的这件行政复议案件',
    en: 'No reconsideration case of this agency has that number',
  },
  'reconsideration.error.application_not_found': {
    zh: '没有找到本机关的这件申请，请核对查询码',
    en: 'No application of this agency has that tracking code',
  },
  'reconsideration.error.already_decided': {
    zh: '这件案件已登记结果',
    en: 'The result of this case is already recorded',
  },
});
