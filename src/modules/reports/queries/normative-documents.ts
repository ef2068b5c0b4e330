// Query: table 二 第二十条第（一）项 — regulations (规章) and normative documents (行政规范性文件) issued,
// repealed and in force (docs/domain/readings.md#table-2, docs/domain/annual-report.md#table-2).
// A document is counted by what it is (information_items.document_kind), whatever catalog category it
// is filed under, and by when it was made (formation_date, 成文日期), whatever its publication date:
// - issued: made in the year and published, at any time (one made in December and published in
//   January counts in December's year; one never published is not proactive disclosure yet);
// - repealed: a validity record 'repealed' effective in the year;
// - in force at 31 December: made by then, published, and the latest validity record on or before it
//   is in force or amended (an amended document stays in force); an item without any record is in force.
import { sql } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { catalogItems, itemValidityHistory, validityAsOf } from '../../publishing/index.ts';
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

type Acc = { issued: RecordId[]; repealed: RecordId[]; inForce: RecordId[] };

export interface NormativeCandidate {
  readonly id: number;
  readonly document_kind: string | null;
  readonly formation_date: string;
  /** The latest validity record on or before 31 December, null without one. */
  readonly latest: string | null;
}

/**
 * The pure rule of table 二 row (一) for `year`: which cells each document counts in.
 * `candidates` are the published documents of a kind made on or before 31 December.
 */
export function classifyNormative(
  candidates: readonly NormativeCandidate[],
  repealedInYear: ReadonlySet<number>,
  year: number,
): NormativeFigures {
  const start = yearStart(year);
  const end = yearEnd(year);
  const acc = {
    regulation: { issued: [], repealed: [], inForce: [] } as Acc,
    normative_document: { issued: [], repealed: [], inForce: [] } as Acc,
  };
  for (const item of candidates) {
    const target = item.document_kind === 'regulation' ? acc.regulation : acc.normative_document;
    if (item.document_kind !== 'regulation' && item.document_kind !== 'normative_document') continue;
    if (item.formation_date > end) continue;
    if (item.formation_date >= start) target.issued.push(item.id);
    if (repealedInYear.has(item.id)) target.repealed.push(item.id);
    if (item.latest === null || IN_FORCE.has(item.latest)) target.inForce.push(item.id);
  }
  const wrap = (a: Acc): IssuedRepealedInForceFigures => ({
    issued: figure(a.issued),
    repealed: figure(a.repealed),
    inForce: figure(a.inForce),
  });
  return { regulations: wrap(acc.regulation), normativeDocuments: wrap(acc.normative_document) };
}

export async function normativeDocuments(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<NormativeFigures> {
  if (!agencyIds.length) return classifyNormative([], new Set(), year);
  const start = yearStart(year);
  const end = yearEnd(year);
  // The latest record of each candidate's validity history on or before 31 December, looked up per
  // item in the history's index.
  const [candidates, repeals] = await Promise.all([
    db
      .selectFrom(catalogItems(db).as('i'))
      .select(['i.id', 'i.document_kind', 'i.formation_date', validityAsOf('i.id', end).as('latest')])
      .where('i.document_kind', 'is not', null)
      .where(inIds(db, 'i.agency_id', agencyIds))
      .where('i.formation_date', '<=', end)
      .where('i.publication_date', 'is not', null)
      .where(sql<boolean>`i.disclosure_mode = 'proactive'`)
      .orderBy('i.id')
      .execute(),
    // Repeals taking effect in the year are few: read once, matched to the candidates.
    db
      .selectFrom(itemValidityHistory(db).as('h'))
      .select('h.item_id')
      .where('h.validity', '=', 'repealed')
      .where('h.effective_date', '>=', start)
      .where('h.effective_date', '<=', end)
      .execute(),
  ]);
  return classifyNormative(candidates, new Set(repeals.map((r) => r.item_id)), year);
}
