// Every text of the oversight view: the page, its columns, and the definition of each indicator
// (shown under the table, so every figure reads with what it counts).
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const supervisionMessages = defineMessages({
  'nav.oversight': { zh: '监督概览', en: 'Oversight' },
  'nav.oversight_hint': {
    zh: '所监督机关的公开、申请办理和年报情况',
    en: 'Disclosure, applications and reports of the agencies you supervise',
  },
  'supervision.title': { zh: '监督概览', en: 'Oversight' },
  'supervision.heading': { zh: '{year}年监督概览', en: 'Oversight {year}' },
  'supervision.intro': {
    zh: '您监督的各机关本年度的主动公开、依申请公开和年度报告情况。点击数字查看明细。',
    en: 'Disclosure, applications and annual reports of the agencies you supervise for the year. Follow a figure to its breakdown.',
  },
  'supervision.year': { zh: '年度', en: 'Year' },
  'supervision.none': { zh: '没有您监督的机关。', en: 'No agency under your supervision.' },
  'supervision.total': { zh: '合计', en: 'Total' },
  'supervision.group.publications': { zh: '主动公开', en: 'Proactive disclosure' },
  'supervision.group.applications': { zh: '依申请公开', en: 'Applications' },
  'supervision.col.agency': { zh: '机关', en: 'Agency' },
  'supervision.col.published': { zh: '本年公开', en: 'Published' },
  'supervision.col.art26_in_time': { zh: '按时公开率', en: 'On time (Art. 26)' },
  'supervision.col.overdue_unpublished': { zh: '逾期未公开', en: 'Overdue, unpublished' },
  'supervision.col.received': { zh: '收到申请', en: 'Received' },
  'supervision.col.answered': { zh: '已答复', en: 'Answered' },
  'supervision.col.answered_in_time': { zh: '按期答复', en: 'Answered in time' },
  'supervision.col.open': { zh: '办理中', en: 'Open' },
  'supervision.col.overdue_open': { zh: '超期未答复', en: 'Overdue' },
  'supervision.col.annual_report': { zh: '{year}年度报告', en: 'Annual report {year}' },
  'supervision.col.unit': { zh: '科室（单位）', en: 'Unit' },
  'supervision.col.month': { zh: '收到月份', en: 'Month received' },
  'supervision.definitions': { zh: '指标口径', en: 'What each figure counts' },
  'supervision.def.published': {
    zh: '公开日期在本年度内、目前仍处于公开状态的政府信息条数。',
    en: 'Items whose publication date falls in the year and which are still public.',
  },
  'supervision.def.art26_in_time': {
    zh: '本年公开的主动公开信息中，公开日期不晚于条例第二十六条规定期限（形成或变更之日起20个工作日）的条数占有期限信息条数的比例。',
    en: 'Of the proactive items published in the year that carry an Art. 26 limit (20 working days from formation or change), the share published on or before the limit.',
  },
  'supervision.def.overdue_unpublished': {
    zh: '截至今日已超过第二十六条公开期限仍未公开的主动公开信息条数（不限年度）。',
    en: 'Proactive items past their Art. 26 limit and still unpublished as of today, whatever the year.',
  },
  'supervision.def.received': {
    zh: '收到申请之日在本年度内的政府信息公开申请件数。',
    en: 'Disclosure applications received in the year.',
  },
  'supervision.def.answered': {
    zh: '本年收到的申请中已作出答复的件数。',
    en: 'Of the applications received in the year, those answered.',
  },
  'supervision.def.answered_in_time': {
    zh: '已答复的申请中，答复日期不晚于答复期限（第三十三条规定的期限，含依法延长和不计算在内的期间）的件数。',
    en: 'Of those answered, the ones answered on or before the due date (Art. 33, with recorded extensions and excluded periods).',
  },
  'supervision.def.open': {
    zh: '本年收到、截至今日尚未办结的申请件数。',
    en: 'Applications received in the year and not closed as of today.',
  },
  'supervision.def.overdue_open': {
    zh: '尚未办结且截至今日已超过答复期限的申请件数。',
    en: 'Open applications past their due date as of today.',
  },
  'supervision.def.annual_report': {
    zh: '上一年度政府信息公开工作年度报告的报送和公布状态（与“年报报送情况”页相同）。',
    en: 'Status of the annual report on the previous year (as on the report status page).',
  },
  'supervision.mailbox.heading': {
    zh: '领导信箱来信和12345热线工单',
    en: "Mayor's mailbox letters and 12345 hotline work orders",
  },
  'supervision.mailbox.by_unit': { zh: '信箱和热线（按承办科室）', en: 'Mailbox and hotline by unit' },
  'supervision.mailbox.by_month': { zh: '信箱和热线（按收到月份）', en: 'Mailbox and hotline by month received' },
  'supervision.mailbox.unassigned': { zh: '（尚未交办）', en: '(not yet assigned)' },
  'supervision.mailbox.definitions': { zh: '信箱和热线指标口径', en: 'What the mailbox figures count' },
  'supervision.mailbox.col.received': { zh: '收到', en: 'Received' },
  'supervision.mailbox.col.answered': { zh: '已答复', en: 'Answered' },
  'supervision.mailbox.col.answered_in_time': { zh: '按期答复', en: 'Answered in time' },
  'supervision.mailbox.col.overdue': { zh: '超期未答复', en: 'Overdue' },
  'supervision.mailbox.col.average_days': { zh: '平均答复用时（工作日）', en: 'Mean time to answer (working days)' },
  'supervision.mailbox.col.satisfaction': { zh: '满意率', en: 'Satisfied' },
  'supervision.mailbox.col.redo': { zh: '重办率', en: 'Redone' },
  'supervision.mailbox.def.received': {
    zh: '收到日期在本年度内的信箱来信和热线工单件数，含退回热线中心和转为政府信息公开申请的件数。',
    en: 'Letters and work orders received in the year, those returned to the centre or registered as applications included.',
  },
  'supervision.mailbox.def.answered': {
    zh: '本年收到的来信和工单中已答复并办结反馈的件数（退回和转为申请的不计）。',
    en: 'Of those received in the year, the ones answered with the result fed back (returned and converted ones left out).',
  },
  'supervision.mailbox.def.answered_in_time': {
    zh: '已答复的件数中，答复日期不晚于办理期限（含经同意延期后的期限）的件数。',
    en: 'Of those answered, the ones answered on or before the limit (as extended).',
  },
  'supervision.mailbox.def.overdue': {
    zh: '尚未答复且截至今日已超过办理期限的件数。',
    en: 'Unanswered and past the limit as of today.',
  },
  'supervision.mailbox.def.average_days': {
    zh: '已答复件数自收到之日的次日起至答复之日止的工作日数的平均值（当日答复计为0），保留一位小数。',
    en: 'The mean of the working days from the day after receipt to the day of the answer (0 for the same day), to one decimal.',
  },
  'supervision.mailbox.def.satisfaction': {
    zh: '回访中评价为“满意”或“基本满意”的件数占已回访件数的比例。',
    en: 'Of the cases rated at the callback, the share rated satisfied or basically satisfied.',
  },
  'supervision.mailbox.def.redo': {
    zh: '已答复的件数中，因回访不满意等原因被退回重新办理过的件数所占比例。',
    en: 'Of those answered, the share sent back to be redone at least once.',
  },
  'supervision.agency.heading': { zh: '{agency} {year}年明细', en: '{agency}: breakdown for {year}' },
  'supervision.agency.back': { zh: '返回监督概览', en: 'Back to the oversight' },
  'supervision.agency.by_unit': { zh: '主动公开（按科室）', en: 'Proactive disclosure by unit' },
  'supervision.agency.by_month': { zh: '依申请公开（按收到月份）', en: 'Applications by month received' },
  'supervision.agency.counts_only': {
    zh: '监督考核人员只查看件数，不查看具体申请。',
    en: 'Supervisors see the counts, not the cases.',
  },
  'supervision.agency.catalog': {
    zh: '在公开目录中查看本年公开的信息',
    en: 'See the items published this year in the catalog',
  },
  'supervision.agency.no_unit': { zh: '（未登记科室）', en: '(unit not on record)' },
  'supervision.none_yet': { zh: '本年度暂无数据。', en: 'No figures for the year yet.' },
  'supervision.panel.title': { zh: '监督概览', en: 'Oversight' },
  'supervision.panel.text': {
    zh: '您监督的 {count} 个机关：逾期未公开 {overdueItems} 条，超期未答复申请 {overdueCases} 件。',
    en: '{count} agencies under your supervision: {overdueItems} items overdue for publication, {overdueCases} applications overdue.',
  },
  'supervision.panel.link': { zh: '查看监督概览', en: 'Open the oversight' },
});
