// The search for several words (docs/adr/0023-search-words.md): the items whose normalised text
// holds every term, each term in any of its forms (query-terms.ts). Each form is asked of the index
// as the phrase search asks for one phrase (query-sql.ts), the forms of a term joined by OR and the
// terms by AND, and every candidate is verified by substring, so the result set is exactly that of
// the scan `every term: some form occurs in the text`.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { ftsMatch, titleScoreOf, tsQuery, type IndexPlan } from './query-sql.ts';
import type { QueryTerm } from './query-terms.ts';
import { normalise, queryPlan } from './tokenizer.ts';

export interface WordsPlan {
  readonly terms: readonly QueryTerm[];
  /** Per term, the plan of each form (without the selective tokens: the forms are verified anyway). */
  readonly forms: readonly (readonly IndexPlan[])[];
  /**
   * True when every form of every term is an exact phrase (tokenizer.ts QueryPlan.exact): then the
   * FTS5 match alone is the answer and SQLite skips the substring check, as the phrase search does.
   */
  readonly exact: boolean;
}

function indexedForm(p: IndexPlan): boolean {
  return p.all.length + p.prefixes.length > 0;
}

/** A term the index can narrow: every form has index tokens (else the term is left to verification). */
function indexedTerm(forms: readonly IndexPlan[]): boolean {
  return forms.every(indexedForm);
}

export function wordsPlan(terms: readonly QueryTerm[]): WordsPlan {
  const forms = terms.map((t) => t.variants.map((v): IndexPlan => ({ ...queryPlan(v), selective: [], rare: [] })));
  const exact = forms.every((f) => indexedTerm(f) && f.every((p) => p.exact));
  return { terms, forms, exact };
}

/** FTS5: AND over the terms of (OR over the forms of each). */
function ftsWords(plan: WordsPlan): string {
  return plan.forms
    .filter(indexedTerm)
    .map((f) => `(${f.map((p) => ftsMatch(p)).join(' OR ')})`)
    .join(' AND ');
}

/** PostgreSQL: the same as a tsquery. */
function tsWords(plan: WordsPlan): string {
  return plan.forms
    .filter(indexedTerm)
    .map((f) => `(${f.map((p) => `(${tsQuery(p)})`).join(' | ')})`)
    .join(' & ');
}

function verification(plan: WordsPlan, pg: boolean): RawBuilder<unknown>[] {
  return plan.forms.map(
    (f) =>
      sql`(${sql.join(
        f.map((p) => (pg ? sql`strpos(d.content, ${p.needle}) > 0` : sql`instr(d.content, ${p.needle}) > 0`)),
        sql` or `,
      )})`,
  );
}

/**
 * The matching item ids, newest first, at most `limit` (null: all); `filters` are the conditions on
 * `d` (search_documents) the phrase search applies too. As there, the index hands out matches in
 * id order and a LIMIT stops the scan.
 */
export function wordsNewestSql(
  db: Executor,
  plan: WordsPlan,
  filters: readonly RawBuilder<unknown>[],
  limit: number | null,
): RawBuilder<{ id: number }> {
  const pg = isPostgres(db);
  const conditions = [...(pg || !plan.exact ? verification(plan, pg) : []), ...filters];
  const and = conditions.length ? sql`and ${sql.join(conditions, sql` and `)}` : sql``;
  const indexed = plan.forms.some(indexedTerm);
  if (pg) {
    const lim = limit === null ? sql`` : sql`limit ${limit}`;
    const where = indexed ? sql`d.tokens @@ ${tsWords(plan)}::tsquery` : sql`true`;
    return sql<{ id: number }>`select d.item_id as id from search_documents d where ${where} ${and}
      order by d.item_id desc ${lim}`;
  }
  const lim = sql`limit ${limit ?? -1}`;
  if (!indexed)
    return sql<{ id: number }>`select d.item_id as id from search_documents d where 1 ${and}
      order by d.item_id desc ${lim}`;
  if (conditions.length === 0)
    return sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${ftsWords(plan)}
      order by rowid desc ${lim}`;
  return sql<{ id: number }>`select f.rowid as id from search_fts f cross join search_documents d on d.item_id = f.rowid
    where search_fts match ${ftsWords(plan)} ${and} order by f.rowid desc ${lim}`;
}

/** Title matches ranked at most (as the phrase search's relevance tier). */
const TITLE_TIER = 200;

/**
 * How much of a title the terms cover, or null when a term is not in it: per term the longest form
 * the title holds. The phrase search's score is the same with one term of one form.
 */
export function titleCover(title: string, plan: WordsPlan): number | null {
  let covered = 0;
  for (const term of plan.terms) {
    const found = term.variants.filter((v) => title.includes(v));
    if (found.length === 0) return null;
    covered += Math.max(...found.map((v) => Array.from(v).length));
  }
  return covered;
}

/** Of the candidates (newest first), the TITLE_TIER newest whose title holds every term, by score. */
async function rankTitles(
  db: Executor,
  plan: WordsPlan,
  candidates: readonly number[],
  today: number,
): Promise<number[]> {
  if (candidates.length === 0) return [];
  // The title column, normalised here: reading the stored text would load every match's whole body.
  const rows = await db
    .selectFrom('search_documents as d')
    .select(['d.item_id as id', 'd.publication_day as day', 'd.title'])
    .where('d.item_id', 'in', [...candidates])
    .execute();
  const tier: { id: number; s: number }[] = [];
  for (const r of rows) {
    const title = normalise(r.title);
    const covered = titleCover(title, plan);
    if (covered === null) continue;
    const length = Array.from(title).length;
    const day = r.day === null ? null : Number(r.day);
    tier.push({ id: Number(r.id), s: titleScoreOf(today, Math.min(covered, length), length, day) });
  }
  return tier
    .sort((a, b) => b.id - a.id)
    .slice(0, TITLE_TIER)
    .sort((a, b) => b.s - a.s || b.id - a.id)
    .map((x) => x.id);
}

/**
 * One page: the items whose title holds every term, by the share of the title they cover with the
 * recency boost, then the other matches newest first. `head` is the newest matches (all of them,
 * or the cap's worth when there are more: then the titles ranked are those of the newest).
 */
export async function wordsPage(
  db: Executor,
  plan: WordsPlan,
  head: readonly number[],
  page: { limit: number; offset: number; today: number },
): Promise<number[]> {
  const ranked = await rankTitles(db, plan, head, page.today);
  const seen = new Set(ranked);
  return [...ranked, ...head.filter((id) => !seen.has(id))].slice(page.offset, page.offset + page.limit);
}
