// Query: table 二 第二十条第（一）项 — regulations (规章) and normative documents (行政规范性文件) issued,
// repealed and in force, from the published items and their validity histories.
// Issued: published items formed (成文) in the year. Repealed: a validity record 'repealed' effective in
// the year. In force at 31 December: published by then and the latest validity record on or before it
// is in force or amended (an amended document stays in force); an item without any record is in force.
// Regulations are the items whose current version's genre (体裁) is 规章: the catalog has no flag for them.
// The literal conditions match the partial indexes of migration 20261129047000_reports.
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { chunks, figure, yearEnd, yearStart, type Figure, type RecordId } from './figure.ts';

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

interface Candidate {
  id: number;
  formation_date: string;
}

type Acc = { issued: RecordId[]; repealed: RecordId[]; inForce: RecordId[] };

export async function normativeDocuments(db: Executor, agencyIds: readonly number[], year: number): Promise<NormativeFigures> {
  const end = yearEnd(year);
  const acc = { regulations: { issued: [], repealed: [], inForce: [] } as Acc, normativeDocuments: { issued: [], repealed: [], inForce: [] } as Acc };
  for (const ids of chunks(agencyIds)) {
    if (!ids.length) continue;
    const [normative, regulations] = await Promise.all([
      db
        .selectFrom('information_items')
        .select(['id', 'formation_date'])
        .where(sql<boolean>`is_normative = 1`)
        .where('agency_id', 'in', ids)
        .where('publication_date', '<=', end)
        .orderBy('id')
        .execute(),
      // CROSS JOIN fixes SQLite's join order: from the (few) regulation versions to their items.
      db
        .selectFrom('item_versions as v')
        .crossJoin('information_items as i')
        .whereRef('i.id', '=', 'v.item_id')
        .whereRef('i.current_version_id', '=', 'v.id')
        .select(['i.id', 'i.formation_date'])
        .where(sql<boolean>`v.genre = '规章'`)
        .where(sql<boolean>`i.is_normative = 0`)
        .where('i.agency_id', 'in', ids)
        .where('i.publication_date', '<=', end)
        .orderBy('i.id')
        .execute(),
    ]);
    const history = new Map<number, { validity: string; effective_date: string }[]>();
    // The normative documents' histories in one join; the few regulations' by id.
    const normativeHistory = await db
      .selectFrom('item_validity_history as h')
      .innerJoin('information_items as i', 'i.id', 'h.item_id')
      .select(['h.item_id', 'h.validity', 'h.effective_date'])
      .where(sql<boolean>`i.is_normative = 1`)
      .where('i.agency_id', 'in', ids)
      .where('i.publication_date', '<=', end)
      .where('h.effective_date', '<=', end)
      .orderBy('h.item_id')
      .orderBy('h.effective_date')
      .orderBy('h.id')
      .execute();
    const regulationHistory = [];
    for (const itemIds of regulations.length ? chunks(regulations.map((r) => r.id)) : []) {
      regulationHistory.push(
        ...(await db
          .selectFrom('item_validity_history as h')
          .select(['h.item_id', 'h.validity', 'h.effective_date'])
          .where('h.item_id', 'in', itemIds)
          .where('h.effective_date', '<=', end)
          .orderBy('h.item_id')
          .orderBy('h.effective_date')
          .orderBy('h.id')
          .execute()),
      );
    }
    for (const r of [...normativeHistory, ...regulationHistory]) {
      const list = history.get(r.item_id);
      if (list) list.push(r);
      else history.set(r.item_id, [r]);
    }
    const classify = (items: readonly Candidate[], target: Acc) => {
      for (const item of items) {
        const records = history.get(item.id) ?? [];
        if (item.formation_date >= yearStart(year) && item.formation_date <= end) target.issued.push(item.id);
        if (records.some((r) => r.validity === 'repealed' && r.effective_date >= yearStart(year))) target.repealed.push(item.id);
        const latest = records.at(-1);
        if (!latest || IN_FORCE.has(latest.validity)) target.inForce.push(item.id);
      }
    };
    classify(normative, acc.normativeDocuments);
    classify(regulations, acc.regulations);
  }
  const wrap = (a: Acc): IssuedRepealedInForceFigures => ({ issued: figure(a.issued), repealed: figure(a.repealed), inForce: figure(a.inForce) });
  return { regulations: wrap(acc.regulations), normativeDocuments: wrap(acc.normativeDocuments) };
}
