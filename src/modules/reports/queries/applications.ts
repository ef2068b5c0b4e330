// Query: the applications that table 三 of one year can involve — received by the end of the year and
// not decided before it began — with the fields the table is computed from.
import type { Executor } from '../../../db/database.ts';
import { applicationCases, isOutcomeCode, type ApplicantKind, type OutcomeCode } from '../../applications/index.ts';
import { inIds, yearEnd, yearStart } from './figure.ts';

export interface ApplicationFact {
  readonly id: number;
  readonly applicantKind: ApplicantKind;
  /** 收到申请之日 (Art. 31). */
  readonly receivedOn: string;
  readonly outcome: OutcomeCode | null;
  readonly outcomeOn: string | null;
}

export async function applicationFacts(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<ApplicationFact[]> {
  if (!agencyIds.length) return [];
  // Three index ranges instead of one OR over every application ever received: received in the
  // year; received before it and decided in or after it; received before it and still undecided.
  const base = () =>
    db
      .selectFrom(applicationCases(db).as('a'))
      .select(['a.id', 'a.applicant_kind', 'a.received_on', 'a.outcome', 'a.outcome_on'])
      .where(inIds(db, 'a.agency_id', agencyIds));
  const parts = await Promise.all([
    base().where('a.received_on', '>=', yearStart(year)).where('a.received_on', '<=', yearEnd(year)).execute(),
    base().where('a.outcome_on', '>=', yearStart(year)).where('a.received_on', '<', yearStart(year)).execute(),
    base().where('a.outcome_on', 'is', null).where('a.received_on', '<', yearStart(year)).execute(),
  ]);
  return parts
    .flat()
    .sort((a, b) => a.id - b.id)
    .map((r) => ({
      id: r.id,
      applicantKind: r.applicant_kind as ApplicantKind,
      receivedOn: r.received_on,
      // A decision date without a known outcome code cannot be put in a row: treat it as undecided.
      outcome: r.outcome_on && isOutcomeCode(r.outcome) ? r.outcome : null,
      outcomeOn: r.outcome_on && isOutcomeCode(r.outcome) ? r.outcome_on : null,
    }));
}

/** Applications received in a year (the 2008 narrative counts them), by id. */
export async function applicationsReceived(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<{ id: number; channel: string; outcome: string | null; outcomeOn: string | null }[]> {
  if (!agencyIds.length) return [];
  const rows = await db
    .selectFrom(applicationCases(db).as('a'))
    .select(['a.id', 'a.channel', 'a.outcome', 'a.outcome_on'])
    .where(inIds(db, 'a.agency_id', agencyIds))
    .where('a.received_on', '>=', yearStart(year))
    .where('a.received_on', '<=', yearEnd(year))
    .orderBy('a.id')
    .execute();
  return rows.map((r) => ({ id: r.id, channel: r.channel, outcome: r.outcome, outcomeOn: r.outcome_on }));
}
