// Texts of the 2007-era cost fees and hardship waivers.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const costFee2007Messages = defineMessages({
  'cost2007.title': {
    zh: '收费及减免（2007年条例第二十七、二十八条）',
    en: 'Fees and waivers (2007 Regulation Arts. 27–28)',
  },
  'cost2007.intro': {
    zh: '适用于2019年5月15日前收到的申请：只能收取检索、复制、邮寄等成本费用；申请公开的公民确有经济困难的，经本人申请、政府信息公开工作机构负责人审核同意，可以减免。',
    en: 'For applications received before 2019-05-15: only the cost of search, copying and postage may be charged; a citizen in financial hardship may have it reduced or waived on request, approved by the head of the disclosure office.',
  },
  'cost2007.field.kind': { zh: '类型', en: 'Kind' },
  'cost2007.kind.collected': { zh: '收取成本费用', en: 'Cost fee collected' },
  'cost2007.kind.waived': { zh: '减免', en: 'Waived (hardship)' },
  'cost2007.field.occurred_on': { zh: '收费或减免日期', en: 'Date collected or waived' },
  'cost2007.field.search_yuan': { zh: '检索费（元）', en: 'Search (yuan)' },
  'cost2007.field.copying_yuan': { zh: '复制费（元）', en: 'Copying (yuan)' },
  'cost2007.field.postage_yuan': { zh: '邮寄费（元）', en: 'Postage (yuan)' },
  'cost2007.field.approver': { zh: '审核同意的工作机构负责人', en: 'Head of the disclosure office who approved' },
  'cost2007.field.reason': { zh: '经济困难情况', en: 'The hardship stated' },
  'cost2007.submit': { zh: '记录', en: 'Record' },
  'cost2007.total': { zh: '合计{amount}元', en: '{amount} yuan in all' },
  'cost2007.error.not_2007': {
    zh: '该申请收到于{date}，不适用2007年条例的成本费用；2019年5月15日以后的申请按现行规定处理',
    en: 'This application was received on {date}: the 2007 cost fees do not apply; applications from 2019-05-15 follow the current rules',
  },
  'cost2007.error.amount_format': {
    zh: '请填写金额，如 12 或 12.50（元，最多两位小数）',
    en: 'Enter an amount such as 12 or 12.50 (yuan, at most two decimals)',
  },
  'cost2007.error.amount_required': {
    zh: '请至少填写检索、复制、邮寄中的一项金额',
    en: 'Enter at least one of the search, copying and postage amounts',
  },
  'cost2007.error.before_received': {
    zh: '日期不能早于收到申请之日（{date}）',
    en: 'The date cannot be before the application was received ({date})',
  },
  'cost2007.error.future': { zh: '日期不能晚于今天', en: 'The date cannot be after today' },
  'cost2007.error.waiver_citizen_only': {
    zh: '第二十八条的减免只适用于公民（自然人）申请人',
    en: 'The Art. 28 waiver is for citizens (natural persons) only',
  },
  'cost2007.error.approver_required': {
    zh: '请填写审核同意减免的政府信息公开工作机构负责人',
    en: 'Enter the head of the disclosure office who approved the waiver',
  },
  'cost2007.error.reason_required': {
    zh: '请填写申请人所述的经济困难情况',
    en: 'Enter the hardship the applicant stated',
  },
});
