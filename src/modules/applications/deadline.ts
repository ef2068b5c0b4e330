// The statutory clock of a disclosure application (依申请公开): when the reply is due, and a
// day-by-day account of why, shown to officers and returned as JSON by the API. Pure: dates in,
// result out; the calendar is a parameter (the vendored one by default).
//
// This file is the public surface. The vocabulary and the statutory periods are in
// deadline-rules.ts, what each event does in deadline-events.ts, the counting walk in
// deadline-count.ts and the result in deadline-result.ts. docs/domain/regulation.md#application-clock,
// docs/domain/regulation.md#version-by-date, docs/domain/fees.md#clock-pause;
// docs/adr/0011-application-clock-readings.md for the readings chosen where the law leaves room.
import type { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { assertDate, type IsoDate } from '../../platform/calendar/dates.ts';
import { applyEvents, fail, newLedger } from './deadline-events.ts';
import { assembleResult } from './deadline-result.ts';
import { rulesFor, type ClockEvent, type DeadlineInput, type DeadlineResult } from './deadline-rules.ts';

export {
  CONSULTATION_WORKING_DAYS,
  DeadlineInputError,
  MAX_EXTENSION,
  RULES_2008_IN_FORCE,
  RULES_2019_IN_FORCE,
  correctionDeadline,
  feePaymentDeadline,
  receiptDate,
  rulesFor,
  thirdPartyReplyDeadline,
  type Channel,
  type ClockEvent,
  type ClockEventType,
  type ConsultedParty,
  type DeadlineInput,
  type DeadlineIssue,
  type DeadlineOptions,
  type DeadlineResult,
  type DeadlineStatus,
  type DeadlineStep,
  type RulesVersion,
  type StepReason,
  type Text,
} from './deadline-rules.ts';

/** The events checked against the receipt and as-of dates, in date order (stable for one day). */
function orderedEvents(input: DeadlineInput, receivedOn: IsoDate, asOf: IsoDate | undefined): ClockEvent[] {
  const events = [...(input.events ?? [])].map((e, i) => ({ e, i }));
  for (const { e } of events) {
    assertDate(e.date);
    if (e.date < receivedOn) fail(`${e.type} on ${e.date} is before the receipt date ${receivedOn}`);
    if (asOf && e.date > asOf) fail(`${e.type} on ${e.date} is after the as-of date ${asOf}`);
  }
  events.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i));
  return events.map(({ e }) => e);
}

export function computeDeadline(
  input: DeadlineInput,
  calendar: WorkingDayCalendar = defaultCalendar(),
): DeadlineResult {
  const receivedOn = assertDate(input.receivedOn);
  const options = input.options ?? {};
  const asOf = input.asOf === undefined ? undefined : assertDate(input.asOf);
  const ledger = newLedger(
    receivedOn,
    options.rules ?? rulesFor(receivedOn),
    calendar,
    { countStartDay: options.countStartDay ?? false },
    options.feeNoticePausesClock ?? true,
  );
  applyEvents(ledger, orderedEvents(input, receivedOn, asOf));
  return assembleResult(ledger, asOf);
}

export type ClockState =
  | 'running'
  | 'due_soon'
  | 'overdue'
  | 'paused'
  | 'awaiting_correction'
  | 'awaiting_payment'
  | 'abandoned'
  | 'replied'
  | 'replied_late';

/** Working days left on asOf: counted days after asOf up to the due date (0 on the due date). */
export function workingDaysLeft(asOf: IsoDate, result: DeadlineResult): number | null {
  if (!result.dueDate) return null;
  assertDate(asOf);
  return result.steps.filter((s) => s.kind === 'day' && s.counted && s.date > asOf && s.date <= result.dueDate!).length;
}

/** For display; the platform itself finds overdue applications by comparing stored due dates. */
export function clockState(asOf: IsoDate, result: DeadlineResult, dueSoonDays = 5): ClockState {
  assertDate(asOf);
  if (result.status === 'replied') return result.repliedOnTime === false ? 'replied_late' : 'replied';
  if (result.status === 'abandoned') return 'abandoned';
  if (result.status === 'awaiting_correction') return 'awaiting_correction';
  if (result.status === 'paused') {
    if (result.pausedBy === 'fee')
      return result.deadlines.feePaymentBy && asOf > result.deadlines.feePaymentBy ? 'abandoned' : 'awaiting_payment';
    // A consultation with a time limit is paused only up to the end of the party's window.
    if (!result.pausedUntil || asOf <= result.pausedUntil) return 'paused';
  }
  if (!result.dueDate) return 'running';
  if (asOf > result.dueDate) return 'overdue';
  const left = workingDaysLeft(asOf, result) ?? Infinity;
  return left <= dueSoonDays ? 'due_soon' : 'running';
}
