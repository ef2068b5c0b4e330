// Query: table 二 第二十条第（一）项 — regulations (规章) and normative documents (行政规范性文件) issued,
// repealed and in force, from the published items and their validity histories.
// Issued: published items formed (成文) in the year. Repealed: a validity record 'repealed' effective in
// the year. In force at 31 December: published by then and the latest validity record on or before it
// is in force or amended (an amended document stays in force); an item without any record is in force.
// Regulations are the items whose current version's genre (体裁) is 规章: the catalog has no flag for them.
// The literal conditions match the partial indexes of migration 20261129047000_reports.
import { sql, type ExpressionBuilder } from 'kysely';
import type { Database as DB, Executor } from '../../../db/database.ts';
import { figure, inIds, yearEnd, yearStart, type Figure, type RecordId } from './figure.ts';

export interface IssuedRepealedInForceFigures {
  readonly issued: Figure;
  readonly repealed: Figure;
  readonly inForce: Figure;
}

export interface NormativeFigures {
  readonly regulations: IssuedRepealedInForceFigures;
  readonly normativeDocuments: IssuedRepealedInForceFigures;
}

const IN_FORCE = new Set(['in_force', 'amended']);

/** The schema with information_items aliased as i, as both candidate queries have it. */
type WithItems = DB & { i: DB['information_items'] };

type Acc = { issued: RecordId[]; repealed: RecordId[]; inForce: RecordId[] };

export async function normativeDocuments(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<NormativeFigures> {
  const start = yearStart(year);
  const end = yearEnd(year);
  const acc = {
    regulations: { issued: [], repealed: [], inForce: [] } as Acc,
    normativeDocuments: { issued: [], repealed: [], inForce: [] } as Acc,
  };
  const wrap = (a: Acc): IssuedRepealedInForceFigures => ({
    issued: figure(a.issued),
    repealed: figure(a.repealed),
    inForce: figure(a.inForce),
  });
  if (!agencyIds.length)
    return { regulations: wrap(acc.regulations), normativeDocuments: wrap(acc.normativeDocuments) };
  // Each candidate comes with the latest record of its validity history on or before 31 December,
  // looked up per item in the history's index, instead of every history row being read and
  // sorted out here.
  const latestValidity = (eb: ExpressionBuilder<WithItems, 'i'>) =>
    eb
      .selectFrom('item_validity_history as h')
      .select('h.validity')
      .whereRef('h.item_id', '=', 'i.id')
      .where('h.effective_date', '<=', end)
      .orderBy('h.effective_date', 'desc')
      .orderBy('h.id', 'desc')
      .limit(1)
      .as('latest');
  const [normative, regulations, repeals] = await Promise.all([
    db
      .selectFrom('information_items as i')
      .select((eb) => ['i.id', 'i.formation_date', latestValidity(eb)])
      .where(sql<boolean>`i.is_normative = 1`)
      .where(inIds(db, 'i.agency_id', agencyIds))
      .where('i.publication_date', '<=', end)
      .orderBy('i.id')
      .execute(),
    // CROSS JOIN fixes SQLite's join order: from the (few) regulation versions to their items.
    db
      .selectFrom('item_versions as v')
      .crossJoin('information_items as i')
      .whereRef('i.id', '=', 'v.item_id')
      .whereRef('i.current_version_id', '=', 'v.id')
      .select((eb) => ['i.id', 'i.formation_date', latestValidity(eb as unknown as ExpressionBuilder<WithItems, 'i'>)])
      .where(sql<boolean>`v.genre = '规章'`)
      .where(sql<boolean>`i.is_normative = 0`)
      .where(inIds(db, 'i.agency_id', agencyIds))
      .where('i.publication_date', '<=', end)
      .orderBy('i.id')
      .execute(),
    // Repeals taking effect in the year are few: read once, matched to the candidates below.
    db
      .selectFrom('item_validity_history')
      .select('item_id')
      .where('validity', '=', 'repealed')
      .where('effective_date', '>=', start)
      .where('effective_date', '<=', end)
      .execute(),
  ]);
  const repealed = new Set(repeals.map((r) => r.item_id));
  const classify = (items: readonly { id: number; formation_date: string; latest: string | null }[], target: Acc) => {
    for (const item of items) {
      if (item.formation_date >= start && item.formation_date <= end) target.issued.push(item.id);
      if (repealed.has(item.id)) target.repealed.push(item.id);
      // An item without any record is in force; an amended document stays in force.
      if (item.latest === null || IN_FORCE.has(item.latest)) target.inForce.push(item.id);
    }
  };
  classify(normative, acc.normativeDocuments);
  classify(regulations, acc.regulations);
  return { regulations: wrap(acc.regulations), normativeDocuments: wrap(acc.normativeDocuments) };
}
