// The working-day calendar as data the platform keeps: messages, the form for a notice, and the
// parser for its list of days. The counting itself is in src/platform/calendar (pure).
import { defineMessages } from '../../platform/i18n/i18n.ts';
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import type { HolidayRow } from '../../platform/calendar/calendar.ts';

export const calendarMessages = defineMessages({
  'nav.calendar': { zh: '工作日历', en: 'Working-day calendar' },
  'nav.calendar_hint': {
    zh: '法定节假日和调休安排，计算法定期限',
    en: 'Official holidays and make-up days used for statutory periods',
  },
  'calendar.title': { zh: '工作日历', en: 'Working-day calendar' },
  'calendar.lead': {
    zh: '法定期限（如依申请公开 20 个工作日）按此日历计算：周一至周五为工作日，国务院办公厅通知确定的放假日除外，调休上班的周末计为工作日。',
    en: 'Statutory periods (such as 20 working days for an application) are counted on this calendar: Monday to Friday, less the days off set by the State Council’s notice, plus weekend days it makes working days.',
  },
  'calendar.year': { zh: '年份', en: 'Year' },
  'calendar.notice': { zh: '依据通知', en: 'Notice' },
  'calendar.off_days': { zh: '放假日', en: 'Days off' },
  'calendar.workdays': { zh: '调休上班日', en: 'Make-up working days' },
  'calendar.missing_year': {
    zh: '{year} 年尚未录入国务院办公厅放假安排通知：该年暂按法定节假日和周末计算，据此计算的期限均标注为暂定。通知公布后请尽快录入，系统将重新计算这些期限。',
    en: 'No State Council holiday notice is loaded for {year}: it is counted provisionally on its statutory holidays and weekends, and every date counted through it is marked provisional. Add the notice once it is published; those dates are then recomputed.',
  },
  'calendar.reminder.title': { zh: '请录入放假安排通知', en: 'Add the holiday notice' },
  'calendar.reminder.link': { zh: '前往工作日历录入', en: 'Open the working-day calendar' },
  'calendar.add_notice': { zh: '录入放假通知或临时调整', en: 'Add a notice or an ad-hoc change' },
  'calendar.kind': { zh: '类型', en: 'Kind' },
  'calendar.kind.annual': { zh: '年度放假安排通知', en: 'Yearly notice' },
  'calendar.kind.amendment': { zh: '临时调整', en: 'Ad-hoc change' },
  'calendar.field.title': { zh: '通知名称', en: 'Title of the notice' },
  'calendar.field.url': { zh: '通知网址', en: 'Address of the notice' },
  'calendar.field.note': { zh: '说明', en: 'Note' },
  'calendar.field.days': { zh: '日期安排', en: 'Days' },
  'calendar.field.days_hint': {
    zh: '每行一条：日期（或“起..止”）、“休”或“班”、名称。例如：2027-02-05..2027-02-11 休 春节；2027-02-14 班 春节调休',
    en: 'One per line: a date (or “from..to”), “off” or “work”, a name. For example: 2027-02-05..2027-02-11 off Spring Festival; 2027-02-14 work make-up day',
  },
  'calendar.error.line': { zh: '第 {line} 行无法识别：{text}', en: 'Line {line} is not understood: {text}' },
  'calendar.error.weekday_workday': {
    zh: '第 {line} 行：{date} 是工作日，只有周六、周日才能调休上班',
    en: 'Line {line}: {date} is a weekday; only a Saturday or Sunday can be a make-up working day',
  },
  'calendar.error.conflict': {
    zh: '{date} 同时被列为放假日和上班日',
    en: '{date} is listed both as a day off and as a working day',
  },
  'calendar.error.no_days': { zh: '请至少填写一天', en: 'Enter at least one day' },
  'calendar.error.year_mismatch': {
    zh: '第 {line} 行：{date} 不在 {year} 年前后',
    en: 'Line {line}: {date} is not around {year}',
  },
  'calendar.error.annual_exists': {
    zh: '{year} 年已有年度通知；如需修改，请录入“临时调整”',
    en: 'There is already a yearly notice for {year}; record an ad-hoc change instead',
  },
  'calendar.saved': {
    zh: '已保存。依据新日历重新计算了 {count} 件在办案件的期限。',
    en: 'Saved. The due dates of {count} open cases were recomputed on the new calendar.',
  },
  'calendar.try': { zh: '试算期限', en: 'Try a period' },
  'calendar.try_from': { zh: '起算日（收到申请之日）', en: 'Start (date of receipt)' },
  'calendar.try_days': { zh: '工作日数', en: 'Working days' },
  'calendar.try_result': {
    zh: '自 {from} 起 {days} 个工作日，期限届满日为 {date}（起算当日不计入）。',
    en: '{days} working days from {from} end on {date} (the start day is not counted).',
  },
  'calendar.ordinal': { zh: '第几个工作日', en: 'Working day no.' },
  'calendar.date': { zh: '日期', en: 'Date' },
  'calendar.day_kind': { zh: '类别', en: 'Kind of day' },
  'calendar.day.workday': { zh: '工作日', en: 'working day' },
  'calendar.day.weekend': { zh: '周末', en: 'weekend' },
  'calendar.day.holiday': { zh: '法定节假日', en: 'holiday' },
  'calendar.day.makeup_workday': { zh: '调休上班', en: 'make-up working day' },
});

export const noticeKinds = ['annual', 'amendment'] as const;
export type NoticeKind = (typeof noticeKinds)[number];

const OFF = new Set(['休', '放假', 'off', 'holiday']);
const WORK = new Set(['班', '上班', 'work', 'workday']);

function isWeekend(date: string): boolean {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 || day === 6;
}

function* daysBetween(from: string, to: string): Generator<string> {
  for (
    let d = new Date(`${from}T00:00:00Z`);
    d <= new Date(`${to}T00:00:00Z`);
    d = new Date(d.getTime() + 86_400_000)
  ) {
    yield d.toISOString().slice(0, 10);
  }
}

/** Parses the days of a notice as an officer types them from the published text. */
export function parseNoticeDays(text: string, year: number): { rows: HolidayRow[]; issues: ValidationIssue[] } {
  const rows: HolidayRow[] = [];
  const issues: ValidationIssue[] = [];
  const seen = new Map<string, boolean>();
  const lines = text.split(/\r?\n/);
  lines.forEach((raw, index) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^(\d{4}-\d{2}-\d{2})(?:\s*(?:\.\.|至|~|—)\s*(\d{4}-\d{2}-\d{2}))?\s+(\S+)\s*(.*)$/.exec(line);
    const n = index + 1;
    if (
      !match ||
      !isRealDate(match[1]!) ||
      (match[2] && !isRealDate(match[2])) ||
      !(OFF.has(match[3]!) || WORK.has(match[3]!))
    ) {
      issues.push(issue('days', 'calendar.error.line', { line: n, text: line.slice(0, 40) }));
      return;
    }
    const off = OFF.has(match[3]!);
    const name = match[4]!.trim() || (off ? '放假' : '调休上班');
    for (const date of daysBetween(match[1]!, match[2] ?? match[1]!)) {
      if (Math.abs(Number(date.slice(0, 4)) - year) > 1) {
        issues.push(issue('days', 'calendar.error.year_mismatch', { line: n, date, year }));
        return;
      }
      if (!off && !isWeekend(date)) {
        issues.push(issue('days', 'calendar.error.weekday_workday', { line: n, date }));
        return;
      }
      if (seen.has(date) && seen.get(date) !== off) {
        issues.push(issue('days', 'calendar.error.conflict', { date }));
        return;
      }
      seen.set(date, off);
      rows.push({ date, isOffDay: off, name });
    }
  });
  if (rows.length === 0 && issues.length === 0) issues.push(issue('days', 'calendar.error.no_days'));
  return { rows, issues };
}
