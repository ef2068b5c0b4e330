// The counting walk of the statutory clock: day by day from the clock start, skipping days off
// and paused days, applying each extension when the due date it was approved before is reached,
// until the last counted working day or a pause with no end in sight. Pure.
import type { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';
import { addDays, weekdayName, type IsoDate } from '../../platform/calendar/dates.ts';
import { DeadlineInputError, t, type DeadlineStep, type StepReason, type Text } from './deadline-rules.ts';

// Convention (not in the texts): the day a consultation letter or fee notice goes out is still a
// counted day and the day the reply or payment arrives is not, mirroring “开始的当日不计入”.
export interface Pause {
  from: IsoDate; // exclusive
  to: IsoDate | null; // inclusive; null = still open with no end in sight
  cause: 'consultation' | 'fee';
  /** A consultation with a time limit that has not been answered: `to` is the end of the
   *  consulted party's window, where the pause ends by itself (Arts. 32, 34). */
  unanswered?: boolean;
}

export interface Extension {
  readonly date: IsoDate;
  readonly days: number;
}

const REASON_TEXT: Record<StepReason, Text> = {
  workday: t('工作日', 'working day'),
  weekend: t('周末', 'weekend'),
  holiday: t('法定节假日', 'public holiday'),
  makeup_workday: t('调休上班', 'make-up working day'),
  paused_consultation: t('征求意见期间', 'paused for consultation'),
  paused_fee: t('收费通知至缴费期间', 'paused awaiting the fee'),
};

function dayText(date: IsoDate, reason: StepReason, ordinal?: number, holidayName?: string): Text {
  const r = REASON_TEXT[reason];
  const name = holidayName ? `（${holidayName}）` : '';
  return ordinal
    ? t(
        `${date} ${weekdayName(date)} ${r.zh}${name}，计第${ordinal}个工作日`,
        `${weekdayName(date, 'en')} ${date} ${r.en}${holidayName ? ` (${holidayName})` : ''}: working day ${ordinal}`,
      )
    : t(
        `${date} ${weekdayName(date)} ${r.zh}${name}，不计`,
        `${weekdayName(date, 'en')} ${date} ${r.en}${holidayName ? ` (${holidayName})` : ''}: skipped`,
      );
}

// On one date: the clock start, then the day itself, then what happened that day.
export function stepOrder(step: DeadlineStep): number {
  return step.kind === 'received' || step.kind === 'clock_started'
    ? 0
    : step.kind === 'day'
      ? 1
      : step.kind === 'due_date'
        ? 9
        : step.kind === 'replied'
          ? 10
          : 5;
}

export interface CountRun {
  steps: DeadlineStep[];
  due: IsoDate | null;
  baseDue: IsoDate | null;
  pausedDays: number;
  /** The extensions that were approved before the due date they extend, in the order applied. */
  applied: Extension[];
  openPause?: Pause;
  remaining?: number;
}

export interface CountInput {
  readonly start: IsoDate;
  readonly baseDays: number;
  /** In the order they were approved. */
  readonly extensions: readonly Extension[];
  readonly pauses: readonly Pause[];
  readonly countStartDay: boolean;
  /** Awaiting correction: the clock will restart from scratch, so nothing is counted. */
  readonly stopped: boolean;
}

/** Walks the calendar from the clock start until the last counted working day or an open pause. */
export function countDays(calendar: WorkingDayCalendar, input: CountInput): CountRun {
  const run: CountRun = { steps: [], due: null, baseDue: null, pausedDays: 0, applied: [] };
  if (input.stopped) return run;
  const pending = [...input.extensions];
  let target = input.baseDays;
  let ordinal = 0;
  let date = input.countStartDay ? input.start : addDays(input.start, 1);
  for (let guard = 0; guard < 5000; guard++, date = addDays(date, 1)) {
    const pause = input.pauses.find((p) => date > p.from && (p.to === null || date <= p.to));
    if (pause && pause.to === null) {
      run.openPause = pause;
      run.remaining = target - ordinal;
      run.steps.push({
        date,
        kind: 'paused_open',
        cause: pause.cause,
        days: target - ordinal,
        text: t(`计时暂停中，尚余${target - ordinal}个工作日`, `clock stopped; ${target - ordinal} working days left`),
      });
      return run;
    }
    const info = calendar.dayInfo(date);
    const named = info.holidayName ? { holidayName: info.holidayName } : {};
    const reason: StepReason = !info.isWorkday
      ? info.reason
      : pause
        ? pause.cause === 'fee'
          ? 'paused_fee'
          : 'paused_consultation'
        : info.reason;
    if (!info.isWorkday || pause) {
      if (info.isWorkday) run.pausedDays++;
      run.steps.push({
        date,
        kind: 'day',
        counted: false,
        reason,
        ...named,
        text: dayText(date, reason, undefined, info.holidayName),
      });
      continue;
    }
    ordinal++;
    run.steps.push({
      date,
      kind: 'day',
      counted: true,
      ordinal,
      reason,
      ...named,
      text: dayText(date, reason, ordinal, info.holidayName),
    });
    if (ordinal === input.baseDays) run.baseDue = date;
    if (ordinal === target) {
      target += applyExtensions(run, pending, date, ordinal === input.baseDays);
      if (ordinal === target) {
        run.due = date;
        return run;
      }
    }
  }
  throw new DeadlineInputError('the clock did not finish within 5000 days; check the events');
}

/** Art. 33: an extension counts when it was approved by the due date it extends (the original
 *  one, or one already extended); several may follow each other within the total cap. */
function applyExtensions(run: CountRun, pending: Extension[], date: IsoDate, base: boolean): number {
  const now = pending.filter((x) => x.date <= date);
  if (now.length === 0) return 0;
  for (const x of now) pending.splice(pending.indexOf(x), 1);
  run.applied.push(...now);
  const days = now.reduce((n, x) => n + x.days, 0);
  const total = run.applied.reduce((n, x) => n + x.days, 0);
  run.steps.push(
    base
      ? {
          date,
          kind: 'base_due_date',
          text: t(`原答复期限届满日；已批准延长${days}个工作日`, `original due date; extended by ${days} working days`),
        }
      : {
          date,
          kind: 'extended_due_date',
          text: t(
            `延长后的答复期限届满日；已再次批准延长${days}个工作日（合计${total}个工作日）`,
            `extended due date; extended again by ${days} working days (${total} in total)`,
          ),
        },
  );
  return days;
}
