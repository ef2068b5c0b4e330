// The named queries behind the supervision indicators (supervision.ts). Other modules' tables are
// read only through their read contracts, joined as derived tables (docs/adr/0022-table-ownership.md):
// the catalog through publishing's `catalogItems`, the cases through applications' `applicationCases`
// (which leaves the applicants' personal data out), the units through organisation's `unitDirectory`.
// Every figure is counted by the database, grouped by agency for the overview and by unit or month
// for one agency's breakdown; the conditions are those of supervision.ts's definitions.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { catalogItems, publicStatuses } from '../publishing/index.ts';
import { applicationCases } from '../applications/index.ts';
import { unitDirectory } from '../organisation/index.ts';
import type { ApplicationFigures, PublicationFigures } from './supervision.ts';

const yearStart = (year: number) => `${year}-01-01`;
const yearEnd = (year: number) => `${year}-12-31`;

/** 1 where the condition holds, 0 elsewhere, summed: a count under a condition in one grouped pass. */
function countWhere(eb: ExpressionBuilder<any, any>, condition: any) {
  return eb.fn.sum<number | string>(eb.case().when(condition).then(1).else(0).end());
}

const num = (v: unknown): number => Number(v ?? 0);

type ItemsQuery = SelectQueryBuilder<any, 'i', {}>;

/** The catalog's figures of the agencies, grouped by `group` ('i.agency_id' or 'i.responsible_unit_id'). */
async function publicationCounts(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
  today: string,
  group: 'i.agency_id' | 'i.responsible_unit_id',
): Promise<Map<number, PublicationFigures>> {
  const out = new Map<number, PublicationFigures>();
  if (agencyIds.length === 0) return out;
  const q = (db.selectFrom(catalogItems(db).as('i')) as unknown as ItemsQuery)
    .where('i.agency_id', 'in', [...agencyIds])
    .select((eb) => {
      // published: publication_date in the year, and the item still public (so the catalog shows it).
      const published = eb.and([
        eb('i.status', 'in', [...publicStatuses]),
        eb('i.publication_date', '>=', yearStart(year)),
        eb('i.publication_date', '<=', yearEnd(year)),
      ]);
      // with a due date: of those, the proactive items Art. 26 gives a limit (disclosure_due_on).
      const withDue = eb.and([
        published,
        eb('i.disclosure_mode', '=', 'proactive'),
        eb('i.disclosure_due_on', 'is not', null),
      ]);
      return [
        eb.ref(group).as('key'),
        countWhere(eb, published).as('published'),
        countWhere(eb, withDue).as('with_due'),
        countWhere(eb, eb.and([withDue, eb('i.publication_date', '<=', eb.ref('i.disclosure_due_on'))])).as('in_time'),
        // overdue unpublished: proactive, not published, due before today, not withdrawn — as of today.
        countWhere(
          eb,
          eb.and([
            eb('i.disclosure_mode', '=', 'proactive'),
            eb('i.publication_date', 'is', null),
            eb('i.disclosure_due_on', '<', today),
            eb('i.status', '!=', 'withdrawn'),
          ]),
        ).as('overdue_unpublished'),
      ];
    })
    .groupBy(group);
  for (const r of (await q.execute()) as Record<string, unknown>[])
    out.set(num(r.key), {
      published: num(r.published),
      withDueDate: num(r.with_due),
      inTime: num(r.in_time),
      overdueUnpublished: num(r.overdue_unpublished),
    });
  return out;
}

type CasesQuery = SelectQueryBuilder<any, 'c', {}>;

/** The cases received in the year, grouped by agency or by the month received (YYYY-MM). */
async function applicationCounts<K extends number | string>(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
  today: string,
  group: 'agency' | 'month',
): Promise<Map<K, ApplicationFigures>> {
  const out = new Map<K, ApplicationFigures>();
  if (agencyIds.length === 0) return out;
  const key = group === 'agency' ? sql.ref('c.agency_id') : sql`substr(c.received_on, 1, 7)`;
  const q = (db.selectFrom(applicationCases(db).as('c')) as unknown as CasesQuery)
    .where('c.agency_id', 'in', [...agencyIds])
    .where('c.received_on', '>=', yearStart(year))
    .where('c.received_on', '<=', yearEnd(year))
    .select((eb) => {
      const answered = eb('c.outcome_on', 'is not', null);
      const open = eb('c.status', '!=', 'closed');
      return [
        key.as('key'),
        eb.fn.countAll<number | string>().as('received'),
        countWhere(eb, answered).as('answered'),
        countWhere(
          eb,
          eb.and([answered, eb('c.due_date', 'is not', null), eb('c.outcome_on', '<=', eb.ref('c.due_date'))]),
        ).as('in_time'),
        countWhere(eb, open).as('open'),
        countWhere(eb, eb.and([open, eb('c.due_date', '<', today)])).as('overdue'),
      ];
    })
    .groupBy(key);
  for (const r of (await q.execute()) as Record<string, unknown>[])
    out.set((group === 'agency' ? num(r.key) : String(r.key)) as K, {
      received: num(r.received),
      answered: num(r.answered),
      answeredInTime: num(r.in_time),
      open: num(r.open),
      overdue: num(r.overdue),
    });
  return out;
}

export const supervisionStore = {
  /** Publications per agency for the year (published, Art. 26 in time of those with a due date, overdue unpublished). */
  publicationsByAgency(db: Executor, agencyIds: readonly number[], year: number, today: string) {
    return publicationCounts(db, agencyIds, year, today, 'i.agency_id');
  },

  /** One agency's publications per responsible unit. */
  publicationsByUnit(db: Executor, agencyId: number, year: number, today: string) {
    return publicationCounts(db, [agencyId], year, today, 'i.responsible_unit_id');
  },

  /** Applications received in the year per agency. */
  applicationsByAgency(db: Executor, agencyIds: readonly number[], year: number, today: string) {
    return applicationCounts<number>(db, agencyIds, year, today, 'agency');
  },

  /** One agency's applications received in the year per month received (YYYY-MM). */
  applicationsByMonth(db: Executor, agencyId: number, year: number, today: string) {
    return applicationCounts<string>(db, [agencyId], year, today, 'month');
  },

  /** The agency's units (active or not: an inactive unit may still be responsible for items), in their order. */
  units(db: Executor, agencyId: number): Promise<{ id: number; name: string }[]> {
    return db
      .selectFrom(unitDirectory(db).as('u'))
      .select(['u.id', 'u.name'])
      .where('u.agency_id', '=', agencyId)
      .orderBy('u.sort_order')
      .orderBy('u.id')
      .execute();
  },
};
