// Queries of the dashboards and reminders. Which cases need attention is decided from these rows
// by the rules of dashboard.ts.
import type { Executor } from '../../db/database.ts';
import { applicationCases } from '../applications/index.ts';
import { unitDirectory } from '../organisation/index.ts';

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
