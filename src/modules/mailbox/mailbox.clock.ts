// The stored side of a case's limit: when the working-day calendar changes (a holiday notice loaded
// for a year counted provisionally, an administrator's correction), the due dates of the cases
// still waiting for their answer are counted again inside that change's transaction, as an
// application's are (applications.clock.ts), on the limit each case was received under. A date
// the 12345 centre required does not move; an extension's date, agreed as a date, does not either.
import type { Tx } from '../../db/database.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';
import { nowIso } from '../../platform/clock.ts';
import type { CalendarListener } from '../calendar/index.ts';
import { computeDue, type MailboxLimit } from './mailbox-limits.ts';
import { mailboxStore as store } from './mailbox.store.ts';
import type { MailboxCaseRow } from './mailbox.table.ts';

/** The limit the case was received under, as stored with it. */
export function storedLimit(row: Pick<MailboxCaseRow, 'limit_working_days' | 'limit_same_day'>): MailboxLimit {
  return {
    workingDays: row.limit_working_days ?? 0,
    sameDay: row.limit_same_day === 1,
    origin: 'configured',
  };
}

/** Recounts the open cases on `calendar`; returns how many stored dates moved. */
export async function recountOpenCases(trx: Tx, calendar: WorkingDayCalendar): Promise<number> {
  let moved = 0;
  for (const row of await store.open(trx)) {
    if (row.required_reply_date || row.limit_working_days === null) continue;
    const original = computeDue({ receivedOn: row.received_on, limit: storedLimit(row) }, calendar).dueDate;
    if (original === row.original_due_date) continue;
    const extended = row.due_date !== row.original_due_date;
    await store.setDueDates(trx, row.id, extended ? row.due_date : original, original, nowIso());
    moved++;
  }
  return moved;
}

/** Open cases follow a change of the calendar (registered by the composition root). */
export const openCasesFollowCalendar: CalendarListener = (trx, calendar) => recountOpenCases(trx, calendar);
