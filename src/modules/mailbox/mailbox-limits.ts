// When a letter or work order must be answered, and a day-by-day account of why, in the style of
// an application's clock (applications/deadline.ts). Pure: dates and the calendar in, a result out.
//
// Source: docs/domain/mailbox-and-hotline.md#limits, ../shared/domain/rules.md §9 — one bureau's
// published 12345 procedure [secondary source only]: urgent (应急) the same day; consultation and
// help (咨询/求助) within 3 working days; suggestion, criticism, complaint, report (建议/批评/投诉/
// 举报) within 13 working days, "counted from the day after receipt"; a reminder (催办通知书) when a
// case is one day overdue without its report, a written bulletin of criticism (通报批评) after 5
// more working days. No national statute fixes these numbers, so every one is a default that an
// agency's setting per source and category replaces, and a 12345 order's own required reply date
// (要求办结时间) replaces both.
import type { WorkingDayCalendar, DayReason } from '../../platform/calendar/calendar.ts';
import type { Text } from '../../platform/i18n/i18n.ts';
import type { MailboxCategory } from './mailbox.ts';

export interface MailboxLimit {
  readonly workingDays: number;
  /** Due the day it is received: no counting at all. */
  readonly sameDay: boolean;
  readonly origin: 'default' | 'configured';
}

/** The defaults of the procedure quoted above; consultation and help take its upper bound. */
export const DEFAULT_LIMITS: Readonly<Record<MailboxCategory, { workingDays: number; sameDay: boolean }>> = {
  urgent: { workingDays: 0, sameDay: true },
  consultation: { workingDays: 3, sameDay: false },
  help: { workingDays: 3, sameDay: false },
  suggestion: { workingDays: 13, sameDay: false },
  criticism: { workingDays: 13, sameDay: false },
  complaint: { workingDays: 13, sameDay: false },
  report: { workingDays: 13, sameDay: false },
};

/** Working days after the first reminder that bring the bulletin entry (通报批评). */
export const BULLETIN_AFTER_WORKING_DAYS = 5;

/** The limit of a category: the agency's setting when it has one, else the default. */
export function limitFor(
  category: MailboxCategory,
  configured?: { readonly workingDays: number; readonly sameDay: boolean } | null,
): MailboxLimit {
  if (configured)
    return { ...configured, workingDays: configured.sameDay ? 0 : configured.workingDays, origin: 'configured' };
  return { ...DEFAULT_LIMITS[category], origin: 'default' };
}

export interface DueStep {
  readonly date: string;
  readonly kind: 'received' | 'same_day' | 'day' | 'due_date' | 'required_by_centre' | 'extension';
  readonly text: Text;
  readonly counted?: boolean;
  readonly ordinal?: number;
  readonly reason?: DayReason;
}

export interface DueInput {
  readonly receivedOn: string;
  readonly limit: MailboxLimit;
  /** The 12345 centre's required reply date, when it set one. */
  readonly requiredReplyDate?: string | null;
  /** Extensions granted, in order: the day asked and the new due date. */
  readonly extensions?: readonly { readonly on: string; readonly to: string }[];
}

export interface DueResult {
  /** The due date before any extension. */
  readonly originalDueDate: string;
  readonly dueDate: string;
  readonly steps: readonly DueStep[];
}

const t = (zh: string, en: string): Text => ({ zh, en });

function dayText(reason: DayReason, counted: boolean, ordinal: number | undefined, holiday?: string): Text {
  if (counted && reason === 'makeup_workday')
    return t(`调休上班日，第${ordinal}个工作日`, `make-up working day, working day ${ordinal}`);
  if (counted) return t(`第${ordinal}个工作日`, `working day ${ordinal}`);
  if (reason === 'holiday') return t(`${holiday ?? '法定节假日'}，不计`, `${holiday ?? 'public holiday'}, not counted`);
  return t('周末，不计', 'weekend, not counted');
}

function limitSteps(receivedOn: string, limit: MailboxLimit, calendar: WorkingDayCalendar): DueStep[] {
  const source = limit.origin === 'configured' ? t('本机关设置', "the agency's setting") : t('默认时限', 'the default');
  if (limit.sameDay)
    return [
      { date: receivedOn, kind: 'same_day', text: t(`当日办结（${source.zh}）`, `due the same day (${source.en})`) },
    ];
  const days = calendar.explainWorkingDays(receivedOn, limit.workingDays);
  const steps: DueStep[] = days.map((d) => ({
    date: d.date,
    kind: 'day',
    counted: d.counted,
    reason: d.reason,
    text: dayText(d.reason, d.counted, d.ordinal, d.holidayName),
    ...(d.ordinal === undefined ? {} : { ordinal: d.ordinal }),
  }));
  const due = days.at(-1)?.date ?? receivedOn;
  steps.push({
    date: due,
    kind: 'due_date',
    text: t(
      `${limit.workingDays}个工作日期满（${source.zh}，自受理次日起算）`,
      `${limit.workingDays} working days end (${source.en}, counted from the day after receipt)`,
    ),
  });
  return steps;
}

/** The due date of a case and the steps that explain it. */
export function computeDue(input: DueInput, calendar: WorkingDayCalendar): DueResult {
  const steps: DueStep[] = [
    { date: input.receivedOn, kind: 'received', text: t('收到来信或工单', 'letter or order received') },
  ];
  let original: string;
  if (input.requiredReplyDate) {
    original = input.requiredReplyDate;
    steps.push({
      date: original,
      kind: 'required_by_centre',
      text: t('12345热线中心要求的办结时间', 'the reply date the 12345 centre requires'),
    });
  } else {
    const counted = limitSteps(input.receivedOn, input.limit, calendar);
    steps.push(...counted);
    original = counted.at(-1)!.date;
  }
  let due = original;
  for (const e of input.extensions ?? []) {
    steps.push({
      date: e.to,
      kind: 'extension',
      text: t(`${e.on}申请延期，办结时间延至此日`, `extension asked for on ${e.on}: due on this day`),
    });
    due = e.to;
  }
  return { originalDueDate: original, dueDate: due, steps };
}

export type EscalationKind = 'reminder' | 'escalation' | 'bulletin';

/**
 * What an unanswered case has brought by `today`: the reminder (催办) and the escalation to the
 * leader in charge on the first working day after the due date, the bulletin entry (通报批评)
 * 5 working days after that.
 */
export function escalationsDue(
  dueDate: string,
  today: string,
  calendar: WorkingDayCalendar,
): { readonly kind: EscalationKind; readonly dueOn: string }[] {
  const reminderOn = calendar.addWorkingDays(dueDate, 1);
  const bulletinOn = calendar.addWorkingDays(reminderOn, BULLETIN_AFTER_WORKING_DAYS);
  const out: { kind: EscalationKind; dueOn: string }[] = [];
  if (today >= reminderOn) out.push({ kind: 'reminder', dueOn: reminderOn }, { kind: 'escalation', dueOn: reminderOn });
  if (today >= bulletinOn) out.push({ kind: 'bulletin', dueOn: bulletinOn });
  return out;
}
