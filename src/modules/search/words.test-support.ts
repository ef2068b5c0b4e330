// The reference answer of a search, for tests: every stored document (optionally filtered by SQL)
// tested in JavaScript against the terms of the query — each term present as one of its forms —
// and, when that finds nothing, against the words the phrases split into. No index is involved.
import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/database.ts';
import { parseTerms, splitTerms, widen, type QueryTerm } from './query-terms.ts';
import { synonymStore } from './synonyms.store.ts';

export async function bruteForce(db: Db, q: string, where: RawBuilder<unknown> = sql`1 = 1`): Promise<number[]> {
  const rows = await sql<{
    item_id: number;
    content: string;
  }>`select d.item_id, d.content from search_documents d where ${where} order by d.item_id`.execute(db);
  const groups = (await synonymStore.all(db)).map((g) => g.terms);
  const holding = (terms: readonly QueryTerm[]) =>
    rows.rows
      .filter((r) => terms.every((t) => t.variants.some((v) => r.content.includes(v))))
      .map((r) => Number(r.item_id));
  const terms = widen(parseTerms(q), groups);
  if (terms.length === 0) return [];
  const ids = holding(terms);
  const split = ids.length ? null : splitTerms(terms);
  return split ? holding(widen(split, groups)) : ids;
}
