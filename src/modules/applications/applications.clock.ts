// The stored side of the statutory clock: an application's due date is recomputed from its
// receipt date and its recorded events by deadline.ts (never edited by hand), and stored, so
// that "overdue" and "due soon" are plain queries. Also the calendar-change listener: when the
// working-day calendar changes, the open cases are recomputed inside that change's transaction
// and each changed case gets an event saying why.
import type { Executor, Tx } from '../../db/database.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';
import { todayInChina, nowIso } from '../../platform/clock.ts';
import { getCalendar, storedYears, type CalendarListener } from '../calendar/index.ts';
import { notificationsStore } from '../notifications/index.ts';
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import {
  computeDeadline,
  DeadlineInputError,
  type ClockEvent,
  type DeadlineResult,
  type RulesVersion,
} from './deadline.ts';
import { DUE_SOON_WORKING_DAYS, isClockEventKind, toClockEvent, type ApplicationStatus } from './applications.ts';
import { applicationsStore as store, type DueWindow } from './applications.store.ts';
import type { ApplicationEventRow, ApplicationRow } from './applications.table.ts';

type EventLike = Pick<ApplicationEventRow, 'kind' | 'occurred_on' | 'detail_json'>;

export function detailOf(row: Pick<ApplicationEventRow, 'detail_json'>): Record<string, unknown> {
  try {
    const value = JSON.parse(row.detail_json) as unknown;
    return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
  } catch {
    return {};
  }
}

export function clockEventsOf(rows: readonly EventLike[]): ClockEvent[] {
  const out: ClockEvent[] = [];
  for (const row of rows)
    if (isClockEventKind(row.kind)) out.push(toClockEvent(row.kind, row.occurred_on, detailOf(row)));
  return out;
}

/** computeDeadline for a stored case; `extra` is an event about to be recorded (checked first). */
export function deadlineOf(
  app: Pick<ApplicationRow, 'received_on' | 'rules'>,
  rows: readonly EventLike[],
  calendar: WorkingDayCalendar,
  options: { asOf?: string; extra?: ClockEvent } = {},
): DeadlineResult {
  const events = clockEventsOf(rows);
  if (options.extra) events.push(options.extra);
  return computeDeadline(
    {
      receivedOn: app.received_on,
      events,
      ...(options.asOf ? { asOf: options.asOf } : {}),
      options: { rules: app.rules as RulesVersion },
    },
    calendar,
  );
}

export interface StoredClock {
  readonly due_date: string | null;
  /** The years without a loaded holiday notice that due_date depends on; null when it is final. */
  readonly due_date_provisional_years: string | null;
  readonly status: ApplicationStatus;
  readonly waiting_until: string | null;
}

/** What is stored from a result computed without an as-of date (so nothing depends on "today"):
 *  the due date (null while the clock is stopped with no end in sight), the state, and the date
 *  the wait ends by itself: the applicant's own deadline, or the consulted party's window. */
function clockOf(result: DeadlineResult, rows: readonly EventLike[]): Omit<StoredClock, 'due_date_provisional_years'> {
  if (result.status === 'replied') return { due_date: result.dueDate, status: 'closed', waiting_until: null };
  if (result.status === 'awaiting_correction') {
    const request = [...rows].reverse().find((r) => r.kind === 'correction_requested');
    const correctBy = request ? detailOf(request).correctBy : undefined;
    return {
      due_date: null,
      status: 'awaiting_correction',
      waiting_until: typeof correctBy === 'string' ? correctBy : null,
    };
  }
  if (result.status === 'paused') {
    // A 2019-rules consultation stores the due date if the party stays silent and the end of its
    // window: from the next day the case is open again without anyone touching it (currentStatus),
    // and "overdue" works on the stored date. A 2007-rules one has no end (dueDate null).
    return result.pausedBy === 'fee'
      ? { due_date: null, status: 'awaiting_payment', waiting_until: result.deadlines.feePaymentBy ?? null }
      : { due_date: result.dueDate, status: 'paused', waiting_until: result.pausedUntil ?? null };
  }
  return { due_date: result.dueDate, status: 'open', waiting_until: null };
}

export function storedClock(result: DeadlineResult, rows: readonly EventLike[]): StoredClock {
  const clock = clockOf(result, rows);
  return {
    ...clock,
    due_date_provisional_years: clock.due_date === null ? null : storedYears(result.provisionalYears),
  };
}

/** Today and the last date that is still "due soon" (5 working days ahead) on the official calendar. */
export async function dueWindow(db: Executor, today: string = todayInChina()): Promise<DueWindow> {
  const calendar = await getCalendar(db);
  return { today, soonUntil: calendar.addWorkingDays(today, DUE_SOON_WORKING_DAYS) };
}

/** Recomputes every open case on `calendar`; returns how many stored dates changed. */
export async function recomputeOpenCases(trx: Executor, calendar: WorkingDayCalendar, reason: string): Promise<number> {
  const open = await store.openCases(trx);
  if (open.length === 0) return 0;
  const byApp = new Map<number, EventLike[]>();
  const ids = open.map((a) => a.id);
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await trx
      .selectFrom('application_events')
      .select(['application_id', 'kind', 'occurred_on', 'detail_json'])
      .where('application_id', 'in', ids.slice(i, i + 500))
      .orderBy('id')
      .execute();
    for (const r of rows) {
      const list = byApp.get(r.application_id) ?? [];
      list.push(r);
      byApp.set(r.application_id, list);
    }
  }
  let changed = 0;
  const today = todayInChina();
  for (const app of open) {
    const rows = byApp.get(app.id) ?? [];
    const next = storedClock(deadlineOf(app, rows, calendar), rows);
    if (
      next.due_date === app.due_date &&
      next.waiting_until === app.waiting_until &&
      next.status === app.status &&
      next.due_date_provisional_years === app.due_date_provisional_years
    )
      continue;
    const at = nowIso();
    await store.update(trx, app.id, { ...next, updated_at: at });
    await store.addEvent(trx, {
      application_id: app.id,
      kind: 'due_date_recomputed',
      occurred_on: today,
      detail: {
        reason,
        from: app.due_date,
        to: next.due_date,
        waitingFrom: app.waiting_until,
        waitingTo: next.waiting_until,
        ...(app.due_date_provisional_years ? { provisionalFrom: app.due_date_provisional_years } : {}),
        ...(next.due_date_provisional_years ? { provisionalTo: next.due_date_provisional_years } : {}),
      },
      public: false,
      actor_user_id: null,
      created_at: at,
    });
    if (next.due_date !== app.due_date) await tellDueDateMoved(trx, app, next.due_date, today, at);
    changed++;
  }
  return changed;
}

/** The people handling a case are told when a calendar change moved its due date (for instance
 *  a holiday notice replacing the provisional statutory days): one notice per case and new date. */
async function tellDueDateMoved(
  trx: Executor,
  app: ApplicationRow,
  to: string | null,
  today: string,
  at: string,
): Promise<void> {
  for (const p of await notificationsStore.recipients(trx, app.agency_id, app.assigned_unit_id))
    await notificationsStore.addNotification(trx, {
      user_id: p.id,
      dedupe_key: `due_date_moved:${app.id}:${to ?? 'none'}:${p.id}`,
      kind: 'due_date_moved',
      application_id: app.id,
      detail: { trackingCode: app.tracking_code, dueDate: to ?? '', previousDueDate: app.due_date ?? '' },
      created_on: today,
      created_at: at,
    });
}

/** Open cases follow a change of the calendar (registered by the composition root). */
export const openCasesFollowCalendar: CalendarListener = (trx: Tx, calendar: WorkingDayCalendar, reason: string) =>
  recomputeOpenCases(trx, calendar, reason);

/** A clock step that does not fit the recorded ones, as a form issue. */
export function clockIssue(field: string, error: DeadlineInputError): ValidationIssue {
  return issue(field, 'applications.error.clock_sequence', { detail: error.message });
}
