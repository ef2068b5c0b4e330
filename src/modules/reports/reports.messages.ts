// Texts of the annual-report console, Chinese first and English.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const reportMessages = defineMessages({
  'nav.reports': { zh: '年度报告', en: 'Annual reports' },
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
