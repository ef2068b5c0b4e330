// Queries of the dashboards and reminders. "Due soon" and "overdue" are computed here from the
// stored due date, the state and today's due window (5 working days on the official calendar),
// never stored.
import type { Executor } from '../../db/database.ts';
import type { DueWindow } from '../applications/index.ts';
import { applicationCases, currentStatus } from '../applications/index.ts';
import { unitDirectory } from '../organisation/index.ts';

export const ATTENTION_KINDS = ['due_soon', 'overdue', 'waiting', 'paused'] as const;
export type AttentionKind = (typeof ATTENTION_KINDS)[number];

export interface OpenCase {
  readonly id: number;
  readonly agency_id: number;
  readonly tracking_code: string;
  readonly applicant_kind: string;
  readonly status: string;
  readonly due_date: string | null;
  readonly waiting_until: string | null;
  readonly assigned_unit_id: number | null;
  readonly unit_name: string | null;
}

/** The same conditions as the applications list filters (applications.store.ts), on one row. */
export function attentionOf(
  c: Pick<OpenCase, 'status' | 'due_date' | 'waiting_until'>,
  w: DueWindow,
): AttentionKind | null {
  const status = currentStatus(c, w.today);
  if (status === 'closed') return null;
  if (c.due_date !== null && c.due_date < w.today) return 'overdue';
  if (status === 'open' && c.due_date !== null && c.due_date <= w.soonUntil) return 'due_soon';
  if (status === 'awaiting_correction' || status === 'awaiting_payment') return 'waiting';
  if (status === 'paused') return 'paused';
  return null;
}

/** A consultation whose window ended before today with no answer recorded: the clock runs again
 *  (Arts. 32, 34), and the people handling the case are told once (reminders.ts). */
export function consultationLapsed(c: Pick<OpenCase, 'status' | 'waiting_until'>, today: string): boolean {
  return c.status === 'paused' && c.waiting_until !== null && c.waiting_until < today;
}

export const dashboardStore = {
  /** Every case not closed in the agencies (all units) — the working set of a bureau is small. */
  openCases(db: Executor, agencyIds: readonly number[]): Promise<OpenCase[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom(applicationCases(db).as('applications'))
      .leftJoin(unitDirectory(db).as('units'), 'units.id', 'applications.assigned_unit_id')
      .select([
        'applications.id',
        'applications.agency_id',
        'applications.tracking_code',
        'applications.applicant_kind',
        'applications.status',
        'applications.due_date',
        'applications.waiting_until',
        'applications.assigned_unit_id',
        'units.name as unit_name',
      ])
      .where('applications.agency_id', 'in', [...agencyIds])
      .where('applications.status', '!=', 'closed')
      .orderBy('applications.due_date')
      .orderBy('applications.id')
      .execute();
  },
};
