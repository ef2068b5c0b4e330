// The organisation module's read contracts (docs/adr/0022-table-ownership.md): query builders other
// modules join as derived tables — `.innerJoin(agencyDirectory(db).as('a'), 'a.id', 'i.agency_id')` — instead
// of naming the organisation's tables. Both SQLite and PostgreSQL flatten such a plain sub-select into the
// outer query, so the plan is the one a direct join gets. Secrets (password hashes, lock-out counters) are
// not part of any contract.
import type { Executor } from '../../db/database.ts';

/** Every agency, all columns: an agency's record is public information. */
export function agencyDirectory(db: Executor) {
  return db.selectFrom('agencies').selectAll();
}

/** Every unit (科室/下属单位), active or not. */
export function unitDirectory(db: Executor) {
  return db.selectFrom('units').selectAll();
}

/** Officers as others may show them: who they are and where they sit, nothing about their credentials. */
export function userDirectory(db: Executor) {
  return db
    .selectFrom('users')
    .select(['id', 'agency_id', 'unit_id', 'username', 'display_name', 'job_title', 'email', 'disabled']);
}

/** Role grants: who holds which role in which agency or unit. */
export function roleDirectory(db: Executor) {
  return db.selectFrom('role_assignments').select(['id', 'user_id', 'role', 'agency_id', 'unit_id']);
}

/** The active units (id, name, agency) of one agency, or of every agency when none is named, in their order:
 *  the unit choices of the application forms and the unit names the catalog import matches. */
export function activeUnits(db: Executor, agencyId?: number) {
  let q = db.selectFrom('units').select(['id', 'name', 'agency_id']).where('active', '=', 1);
  if (agencyId !== undefined) q = q.where('agency_id', '=', agencyId);
  return q.orderBy('sort_order').orderBy('id').execute();
}
