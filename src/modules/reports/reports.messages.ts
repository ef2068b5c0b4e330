// Texts of the annual-report console, Chinese first and English.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const reportMessages = defineMessages({
  'nav.reports': { zh: '年度报告', en: 'Annual reports' },
  'nav.reports_hint': {
    zh: '由办件记录生成年度报告，每个数字可查明细',
    en: 'The annual report computed from the records, every figure traceable',
  },
  'reports.title': { zh: '政府信息公开工作年度报告', en: 'Annual reports on government information disclosure' },
  'reports.open': { zh: '生成报告', en: 'Compute the report' },
  'reports.field.agency': { zh: '机关', en: 'Agency' },
  'reports.field.year': { zh: '年度', en: 'Year' },
  'reports.field.template': { zh: '格式', en: 'Format' },
  'reports.field.rollup': { zh: '汇总本机关及下属机关', en: 'Roll up the agency and all agencies beneath it' },
  'reports.template.auto': { zh: '按年度默认', en: 'Default for the year' },
  'reports.template.2008': { zh: '2008年条例（叙述式）', en: '2008 Regulation (narrative)' },
  'reports.template.2019': { zh: '2019年试行格式', en: '2019 trial format' },
  'reports.template.2021': { zh: '2021年格式', en: '2021 format' },
  'reports.download': { zh: '下载', en: 'Download' },
  'reports.checks': { zh: '数据核对', en: 'Checks' },
  'reports.checks_ok': { zh: '全部勾稽关系核对通过。', en: 'All identities hold.' },
  'reports.deadline': { zh: '法定公布期限：{date}', en: 'Statutory publication deadline: {date}' },
  'reports.provenance_hint': {
    zh: '点击表三中的数字可查看所统计的申请。',
    en: 'Select a number in table 三 to list the applications it counts.',
  },
  'reports.how_counted': { zh: '统计口径', en: 'How the figures are counted' },
  'reports.provenance.table2': {
    zh: '表二“规章”“行政规范性文件”按文件本身的类别（规章或行政规范性文件）统计，与其归入的目录栏目无关；“本年制发”按成文日期计入当年，与公开日期无关（如12月成文、次年1月公开的文件计入成文当年）；“本年废止”按废止生效日期计入；“现行有效”为截至12月31日已成文且有效（含已修改）的文件。',
    en: 'Table 二 counts regulations and normative documents by what each document is, whatever catalog category it is filed under; “issued this year” counts by the date the document was made (成文日期), whatever its publication date (a document made in December and published in January counts in December’s year); “repealed” by the date the repeal took effect; “in force” is every document made by 31 December and then in force (amended included).',
  },
  'reports.provenance.table4': {
    zh: '表四中已审结的案件按审结（决定、裁判）日期计入当年，与申请或起诉的年度无关；“尚未审结”为截至12月31日仍未审结的案件，其结果在审结年度的报告中统计。每一案件的结果只在一个年度报告。',
    en: 'In table 四 a decided case counts with its result in the year it was decided, whatever year it was filed in; “pending” is every case still open on 31 December, whose result is reported in the year it is decided. Each result is reported in exactly one year.',
  },
  'reports.provenance.fees2008': {
    zh: '收费及减免为2019年5月15日前收到、适用2007年条例的申请所收取的检索、复制、邮寄等成本费用（第二十七条）及因经济困难减免的费用（第二十八条），按收费或减免日期计入当年。',
    en: 'Fees and waivers are the cost fees for search, copying and postage (2007 Regulation Art. 27) and hardship waivers (Art. 28) of applications received before 2019-05-15, counted in the year they were collected or waived.',
  },
  'reports.unavailable': { zh: '以下数据不完整：{list}', en: 'Incomplete figures: {list}' },
  'reports.cell_title': { zh: '统计明细：{cell}', en: 'Records counted: {cell}' },
  'reports.cell_count': { zh: '共{n}件', en: '{n} records' },
  'reports.cell_counts_only': {
    zh: '您只能查看件数；具体案件仅向办理本机关申请的人员列出。',
    en: 'You see the count only; the cases themselves are listed to those who handle them.',
  },
  'reports.cell_empty': { zh: '该项没有统计记录。', en: 'No records are counted in this cell.' },
  'reports.col.tracking_code': { zh: '查询码', en: 'Tracking code' },
  'reports.col.applicant_kind': { zh: '申请人类型', en: 'Applicant kind' },
  'reports.col.received_on': { zh: '收到日期', en: 'Received' },
  'reports.col.outcome': { zh: '办理结果', en: 'Outcome' },
  'reports.col.outcome_on': { zh: '答复日期', en: 'Answered' },
  'reports.back': { zh: '返回报告', en: 'Back to the report' },
  'reports.no_agencies': { zh: '没有可查看年度报告的机关。', en: 'No agency whose reports you may read.' },
});
