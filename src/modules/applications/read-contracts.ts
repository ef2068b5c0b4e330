// The applications module's read contracts (docs/adr/0022-table-ownership.md): query builders other
// modules join as derived tables — `.leftJoin(applicationCases(db).as('applications'), …)` — instead of
// naming the applications' tables. Both SQLite and PostgreSQL flatten such a plain sub-select into the
// outer query, so the plan is the one a direct join gets. The applicant's personal data (name, identity
// number, contact details, the request's text) and the correction key are not part of any contract.
import type { Executor } from '../../db/database.ts';

/** Cases as other modules list them: which agency and unit, the tracking code, the kind of applicant,
 *  the state and the dates of the clock. */
export function applicationCases(db: Executor) {
  return db
    .selectFrom('applications')
    .select([
      'id',
      'agency_id',
      'tracking_code',
      'channel',
      'applicant_kind',
      'received_on',
      'rules',
      'status',
      'due_date',
      'waiting_until',
      'outcome',
      'outcome_on',
      'assigned_unit_id',
    ]);
}

/** The fee events of applications (fee_notice_sent, fee_paid, fee_waived: every fee event there is), with
 *  their detail, which holds the amount. */
export function applicationFeeEvents(db: Executor) {
  return db
    .selectFrom('application_events')
    .select(['id', 'application_id', 'kind', 'occurred_on', 'detail_json'])
    .where('kind', 'in', ['fee_notice_sent', 'fee_paid', 'fee_waived']);
}

/** The cost fees (2007 Regulation Arts. 27–28) collected or waived, with their amounts in fen. */
export function costFees2007Entries(db: Executor) {
  return db
    .selectFrom('cost_fees_2007')
    .select(['id', 'application_id', 'kind', 'occurred_on', 'search_fen', 'copying_fen', 'postage_fen', 'amount_fen']);
}
