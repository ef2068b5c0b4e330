// Query: the yearly figures of table 二 (五)(六)(八) — licence, penalty and coercion decisions and
// administrative fees, as entered per agency and year (power-catalog's yearly_figures) — summed over
// the report's agencies, with the ids of the rows summed (provenance) and the agencies that entered
// nothing for a kind (the figure is then incomplete, and the report says so).
// The same sums as the power catalog's yearlyFigures, computed in the database: a province's
// roll-up covers thousands of agencies with four rows each, and reading every row to add them up
// cost more than all the report's other queries together.
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { isPostgres } from '../../../db/dialect.ts';
import { agencyDirectory } from '../../organisation/index.ts';
import { fenToTenThousandYuan, figureKinds, yearlyFigureEntries, type FigureKind } from '../../power-catalog/index.ts';
import { inIds, type Figure } from './figure.ts';

export interface ReportYearlyFigures {
  /** Decisions summed per kind; ids: the yearly_figures rows. */
  readonly licences: Figure;
  readonly penalties: Figure;
  readonly coercion: Figure;
  readonly administrativeFeesTenThousandYuan: number;
  /** Agency and kind pairs without a row, in the order of `agencyIds` and of the kinds. */
  readonly missing: readonly { agencyId: number; kind: FigureKind }[];
}

export async function reportYearlyFigures(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<ReportYearlyFigures> {
  const none: Figure = { value: 0, ids: [] };
  if (!agencyIds.length)
    return { licences: none, penalties: none, coercion: none, administrativeFeesTenThousandYuan: 0, missing: [] };
  // The row ids of a kind as one text, in agency order (ordered aggregates: SQLite ≥ 3.44, PostgreSQL).
  const ids = isPostgres(db)
    ? sql<string>`string_agg(cast(f.id as text), ',' order by f.agency_id, f.id)`
    : sql<string>`group_concat(f.id, ',' order by f.agency_id, f.id)`;
  const sums = await db
    .selectFrom(yearlyFigureEntries(db).as('f'))
    .select((eb) => [
      'f.kind',
      eb.fn.countAll<number | string>().as('n'),
      eb.fn.sum<number | string | null>('f.decisions').as('decisions'),
      eb.fn.sum<number | string | null>('f.amount_fen').as('fen'),
      ids.as('ids'),
    ])
    .where(inIds(db, 'f.agency_id', agencyIds))
    .where('f.year', '=', year)
    .where('f.kind', 'in', [...figureKinds])
    .groupBy('f.kind')
    .execute();
  const byKind = new Map(sums.map((r) => [r.kind, r]));
  // One row per agency, year and kind (a unique constraint): a kind with as many rows as agencies
  // is complete, and when every kind is, no agency needs looking at.
  const agencies = new Set(agencyIds).size;
  const complete = figureKinds.every((kind) => Number(byKind.get(kind)?.n ?? 0) === agencies);
  // Otherwise only the agencies short of a kind are read row by row (from the unique index).
  const incomplete = complete
    ? []
    : await db
        .selectFrom(agencyDirectory(db).as('a'))
        .leftJoin(yearlyFigureEntries(db).as('f'), (join) =>
          join
            .onRef('f.agency_id', '=', 'a.id')
            .on('f.year', '=', year)
            .on('f.kind', 'in', [...figureKinds]),
        )
        .select('a.id')
        .where(inIds(db, 'a.id', agencyIds))
        .groupBy('a.id')
        .having((eb) => eb.fn.count('f.id'), '<', figureKinds.length)
        .execute();
  const decisions = (kind: FigureKind): Figure => {
    const row = byKind.get(kind);
    return { value: Number(row?.decisions ?? 0), ids: row?.ids ? row.ids.split(',').map(Number) : [] };
  };
  const missing: { agencyId: number; kind: FigureKind }[] = [];
  if (incomplete.length) {
    const present = await db
      .selectFrom(yearlyFigureEntries(db).as('f'))
      .select(['f.agency_id', 'f.kind'])
      .where(
        inIds(
          db,
          'f.agency_id',
          incomplete.map((r) => r.id),
        ),
      )
      .where('f.year', '=', year)
      .execute();
    const entered = new Set(present.map((r) => `${r.agency_id}/${r.kind}`));
    const short = new Set(incomplete.map((r) => r.id));
    for (const agencyId of agencyIds) {
      if (!short.has(agencyId)) continue;
      for (const kind of figureKinds) if (!entered.has(`${agencyId}/${kind}`)) missing.push({ agencyId, kind });
    }
  }
  return {
    licences: decisions('licence'),
    penalties: decisions('penalty'),
    coercion: decisions('coercion'),
    administrativeFeesTenThousandYuan: fenToTenThousandYuan(Number(byKind.get('fee')?.fen ?? 0)),
    missing,
  };
}
