// Texts of the dashboard panels and reminders, Chinese first and English.
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const dashboardMessages = defineMessages({
  'dashboard.cases.title': { zh: '需要关注的申请', en: 'Applications needing attention' },
  'dashboard.cases.office': { zh: '本机关全部申请', en: 'All applications of the agency' },
  'dashboard.cases.units': { zh: '各科室', en: 'By unit' },
  'dashboard.cases.unit': { zh: '承办科室', en: 'Unit' },
  'dashboard.cases.unassigned': { zh: '未分配', en: 'Not assigned' },
  'dashboard.cases.none': {
    zh: '目前没有即将到期、已超期或等待中的申请。',
    en: 'No application is due soon, overdue or waiting.',
  },
  'dashboard.cases.code': { zh: '查询码', en: 'Tracking code' },
  'dashboard.cases.due': { zh: '答复期限', en: 'Due' },
  'dashboard.cases.state': { zh: '情况', en: 'Situation' },
  'dashboard.attention.due_soon': { zh: '5个工作日内到期', en: 'Due within 5 working days' },
  'dashboard.attention.overdue': { zh: '已超期', en: 'Overdue' },
  'dashboard.attention.waiting': { zh: '等待申请人', en: 'Waiting for the applicant' },
  'dashboard.attention.paused': { zh: '征求意见中（暂停计时）', en: 'Paused (consultation)' },
  'dashboard.notices.title': { zh: '提醒', en: 'Reminders' },
  'dashboard.notices.due_soon': { zh: '申请 {code} 将于 {due} 到期', en: 'Application {code} is due on {due}' },
  'dashboard.notices.overdue': {
    zh: '申请 {code} 已于 {due} 到期，尚未答复',
    en: 'Application {code} was due on {due} and is not answered',
  },
  'dashboard.notices.consultation_lapsed': {
    zh: '申请 {code} 征求意见期限已于 {date} 届满，未登记收到意见，已恢复计时，答复期限为 {due}',
    en: 'Application {code}: the consultation window ended on {date} with no reply recorded; the clock runs again, reply due on {due}',
  },
  'dashboard.notices.due_date_moved': {
    zh: '工作日历已更新：申请 {code} 的答复期限由 {from} 改为 {due}',
    en: 'The working-day calendar changed: application {code} is now due on {due} (was {from})',
  },
  'dashboard.notices.read': { zh: '知道了', en: 'Dismiss' },
  'dashboard.notices.read_label': { zh: '将提醒标为已读：{code}', en: 'Mark the reminder as read: {code}' },
  // The annual report's reminders (reports/report-reminders.ts).
  'dashboard.notices.report_due': {
    zh: '政府信息公开工作年度报告须于{due}前公布',
    en: 'The annual report is due on {due}',
  },
  'dashboard.notices.report_overdue': {
    zh: '政府信息公开工作年度报告的公布期限（{due}）已过，尚未公布',
    en: 'The annual report was due on {due} and is not published',
  },
});
