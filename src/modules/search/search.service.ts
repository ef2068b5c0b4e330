// The query service. A query asks the token index (search.index.ts) for candidates and keeps those
// whose normalised text contains the normalised query, so the result set is exactly that of a
// substring scan.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { agencyDirectory } from '../organisation/index.ts';
import { catalogItems, itemVersions, latestValidityOf } from '../publishing/index.ts';
import { indexFormat } from './search.index.ts';
import { documentNumberKey, INDEX_FORMAT, normalise, queryPlan, snippet, type QueryPlan } from './tokenizer.ts';
import { ftsMatch, titleScoreOf, tsQuery, type IndexPlan } from './query-sql.ts';
import { isSinglePhrase, parseTerms, splitTerms, widen, widenedWith, type QueryTerm } from './query-terms.ts';
import { wordsNewestSql, wordsPage, wordsPlan } from './search-words.ts';
import { synonymGroups } from './synonyms.service.ts';
export interface SearchQuery {
  q: string;
  agencyId?: number | undefined;
  category?: string | undefined;
  year?: number | undefined;
  validity?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
  /** Count every match instead of stopping after TOTAL_CAP (tests; costly for common phrases). */
  exactTotal?: boolean | undefined;
}

export interface SearchResult {
  id: number;
  title: string;
  url: string;
  /** HTML: escaped text with the matches in <mark>. */
  snippet: string;
  indexNumber: string;
  documentNumber: string | null;
  publicationDate: string | null;
  agencyName: string;
}

export interface SearchAnswer {
  /** The number of matches, or a lower bound of it when `totalCapped` (see TOTAL_CAP). */
  total: number;
  /** True when counting stopped at `total`: there are more matches than that. */
  totalCapped?: boolean;
  results: SearchResult[];
  didYouMean?: string;
  /** Forms the synonym dictionary added to the words of the query (已包含：社会保险). */
  widenedWith?: string[];
  /** When the query as typed found nothing: the words its phrases were split into and searched. */
  splitInto?: string[];
}

/** Below this many documents a selective token is asked for alone (each candidate is verified). */
const RARE_BELOW = 2000;
/** At most this many selective tokens are probed (one indexed count each, ≈ 0.05 ms). */
const MAX_PROBES = 6;

async function planFor(db: Executor, q: string): Promise<IndexPlan> {
  const plan = queryPlan(q);
  if (plan.selective.length === 0) return { ...plan, rare: [] };
  // An index of an older format lacks these tokens: asking for them would lose matches.
  if ((await indexFormat(db)) < INDEX_FORMAT) return { ...plan, selective: [], rare: [] };
  if (isPostgres(db)) return { ...plan, rare: [] };
  const rare: string[] = [];
  for (const token of plan.selective.slice(0, MAX_PROBES)) {
    const probe = await sql<{
      n: number;
    }>`select count(*) as n from (select rowid from search_fts where search_fts match ${`"${token}"`} limit ${RARE_BELOW})`.execute(
      db,
    );
    if (Number(probe.rows[0]?.n ?? RARE_BELOW) < RARE_BELOW) rare.push(token);
  }
  return rare.length ? { ...plan, rare, exact: false } : { ...plan, rare };
}

const latestValidity = latestValidityOf('d.item_id');

function hasFilters(q: SearchQuery): boolean {
  return q.agencyId !== undefined || !!q.category || q.year !== undefined || !!q.validity;
}

/** The conditions of the filters on `d` (search_documents), shared with the search for words. */
function scopeFilters(q: SearchQuery): RawBuilder<unknown>[] {
  const parts: RawBuilder<unknown>[] = [];
  if (q.agencyId !== undefined) parts.push(sql`d.agency_id = ${q.agencyId}`);
  if (q.category) parts.push(sql`d.catalog_category = ${q.category}`);
  if (q.year !== undefined) parts.push(sql`d.publication_year = ${q.year}`);
  if (q.validity) parts.push(sql`${latestValidity} = ${q.validity}`);
  return parts;
}

function filterSql(q: SearchQuery, plan: QueryPlan, pg: boolean): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (pg || !plan.exact)
    parts.push(pg ? sql`strpos(d.content, ${plan.needle}) > 0` : sql`instr(d.content, ${plan.needle}) > 0`);
  parts.push(...scopeFilters(q));
  return parts.length ? sql`and ${sql.join(parts, sql` and `)}` : sql``;
}

/** Recency factor in [0, 1]: 1 for today, falling to 0 over ten years. */
function recency(pg: boolean, today: number): RawBuilder<number> {
  const r = sql`(1.0 - (${today} - coalesce(d.publication_day, 0)) / 3650.0)`;
  return pg ? sql<number>`greatest(0.0, ${r})` : sql<number>`max(0.0, ${r})`;
}

export const MAX_PAGE_SIZE = 50;
/** Totals are counted up to this many matches (or the end of the page asked for); beyond, "N+". */
export const TOTAL_CAP = 1000;
const TITLE_TIER = 200;

function indexed(plan: QueryPlan): boolean {
  return plan.all.length + plan.prefixes.length > 0;
}

/**
 * The matching item ids, newest first (item ids grow with publication), at most `limit` (null:
 * all). Both indexes hand out matches in id order, so a LIMIT stops the scan: the cost is that of
 * the rows returned, however common the phrase. On SQLite the FTS table drives the join (CROSS
 * JOIN keeps it the outer loop) and an exact query without filters never reads the documents.
 */
function newestSql(
  db: Executor,
  q: SearchQuery,
  plan: IndexPlan,
  limit: number | null,
  titleOnly = false,
): RawBuilder<{ id: number }> {
  const pg = isPostgres(db);
  const filters = filterSql(q, plan, pg);
  if (pg) {
    const lim = limit === null ? sql`` : sql`limit ${limit}`;
    const where = indexed(plan) ? sql`d.tokens @@ ${tsQuery(plan, titleOnly ? 'A' : '')}::tsquery` : sql`true`;
    return sql<{
      id: number;
    }>`select d.item_id as id from search_documents d where ${where} ${filters} order by d.item_id desc ${lim}`;
  }
  const lim = sql`limit ${limit ?? -1}`;
  if (!indexed(plan))
    return sql<{
      id: number;
    }>`select d.item_id as id from search_documents d where 1 ${filters} order by d.item_id desc ${lim}`;
  const match = ftsMatch(plan, titleOnly ? 'title : ' : '');
  if (plan.exact && !hasFilters(q))
    return sql<{
      id: number;
    }>`select rowid as id from search_fts where search_fts match ${match} order by rowid desc ${lim}`;
  return sql<{
    id: number;
  }>`select f.rowid as id from search_fts f cross join search_documents d on d.item_id = f.rowid where search_fts match ${match} ${filters} order by f.rowid desc ${lim}`;
}

/**
 * Relevance of a match whose title holds the query: the share of the title the query covers (a
 * title that is mostly the query is about it), with the recency boost. Not FTS5's bm25: for its
 * IDF bm25 counts every row that matches the phrase — at a million items that alone costs hundreds
 * of milliseconds for a common phrase — and within one query the IDF is the same for every row.
 */
function titleScore(pg: boolean, today: number, needleLength: number): RawBuilder<number> {
  const share = pg
    ? sql`(${needleLength}::float8 / greatest(1, char_length(d.title)))`
    : sql`(${needleLength} * 1.0 / max(1, length(d.title)))`;
  return sql<number>`${share} * (1.0 + 0.5 * ${recency(pg, today)})`;
}

/**
 * The relevance tier: the TITLE_TIER newest matches whose title holds the query, ordered by
 * titleScore. Ranking every match of a common word costs seconds at a million items; ranking the
 * newest title matches costs what a page costs.
 */
async function titleTier(db: Executor, q: SearchQuery, plan: IndexPlan, today: number): Promise<number[]> {
  if (!indexed(plan)) return [];
  const pg = isPostgres(db);
  const filters = filterSql(q, plan, pg);
  const score = titleScore(pg, today, Array.from(plan.needle).length);
  const rows = pg
    ? await sql<{ id: number }>`select id from (select d.item_id as id, ${score} as s
        from search_documents d where d.tokens @@ ${tsQuery(plan, 'A')}::tsquery ${filters} order by d.item_id desc limit ${TITLE_TIER}) t order by s desc, id desc`.execute(
        db,
      )
    : await sql<{ id: number }>`select id from (select f.rowid as id, ${score} as s
        from search_fts f cross join search_documents d on d.item_id = f.rowid where search_fts match ${ftsMatch(plan, 'title : ')} ${filters} order by f.rowid desc limit ${TITLE_TIER}) t order by s desc, id desc`.execute(
        db,
      );
  return rows.rows.map((r) => Number(r.id));
}

/** One page: the relevance tier first, then every other match newest first. */
async function pageIds(
  db: Executor,
  q: SearchQuery,
  plan: IndexPlan,
  limit: number,
  offset: number,
  today: number,
): Promise<number[]> {
  const first = await titleTier(db, q, plan, today);
  if (offset + limit <= first.length) return first.slice(offset, offset + limit);
  const seen = new Set(first);
  const rest = await newestSql(db, q, plan, offset + limit + first.length).execute(db);
  const all = [...first, ...rest.rows.map((r) => Number(r.id)).filter((id) => !seen.has(id))];
  return all.slice(offset, offset + limit);
}

/**
 * The same order when every match is already known (newest first): the tier comes from the stored
 * titles instead of another index scan. A rare phrase of common tokens (a document number: its
 * digit bigrams are everywhere) then costs one scan instead of three.
 */
async function pageOfSet(
  db: Executor,
  plan: QueryPlan,
  all: readonly number[],
  limit: number,
  offset: number,
  today: number,
): Promise<number[]> {
  if (all.length === 0) return [];
  const needleLength = Array.from(plan.needle).length;
  const pg = isPostgres(db);
  // The stored text starts with the normalised title (as long, in characters, as the title).
  const titled = pg
    ? sql`strpos(substr(d.content, 1, char_length(d.title)), ${plan.needle})`
    : sql`instr(substr(d.content, 1, length(d.title)), ${plan.needle})`;
  const len = pg ? sql`char_length(d.title)` : sql`length(d.title)`;
  const rows = await sql<{
    id: number;
    day: number | null;
    len: number;
    titled: number;
  }>`select d.item_id as id, d.publication_day as day, ${len} as len, ${titled} as titled
    from search_documents d where d.item_id in (${sql.join([...all])})`.execute(db);
  const byId = new Map(rows.rows.map((r) => [Number(r.id), r]));
  const tier = all
    .filter((id) => Number(byId.get(id)?.titled ?? 0) > 0)
    .slice(0, TITLE_TIER)
    .map((id) => {
      const r = byId.get(id)!;
      return { id, s: titleScoreOf(today, needleLength, Number(r.len), r.day === null ? null : Number(r.day)) };
    })
    .sort((a, b) => b.s - a.s || b.id - a.id)
    .map((x) => x.id);
  const seen = new Set(tier);
  return [...tier, ...all.filter((id) => !seen.has(id))].slice(offset, offset + limit);
}

/** A query as the search reads it: its terms with their forms (the bench's reference scan). */
export async function termsOf(db: Executor, q: string): Promise<QueryTerm[]> {
  return widen(parseTerms(q), await synonymGroups(db));
}

/** Every matching phrase-search item id, ascending. */
async function phraseIds(db: Executor, q: SearchQuery): Promise<number[]> {
  const plan = await planFor(db, q.q);
  if (!plan.needle) return [];
  const rows = await newestSql(db, q, plan, null).execute(db);
  return rows.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

async function wordsIds(db: Executor, q: SearchQuery, terms: readonly QueryTerm[]): Promise<number[]> {
  const rows = await wordsNewestSql(db, wordsPlan(terms), scopeFilters(q), null).execute(db);
  return rows.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

/**
 * Every matching item id, ascending, as the search finds them: the phrase, or the words with their
 * forms, and when those find nothing the words of the phrases split (tests and the bench compare
 * it with a scan).
 */
export async function matchingIds(db: Executor, q: SearchQuery): Promise<number[]> {
  const terms = await termsOf(db, q.q);
  if (terms.length === 0) return [];
  const ids = isSinglePhrase(terms) ? await phraseIds(db, { ...q, q: terms[0]!.text }) : await wordsIds(db, q, terms);
  const split = ids.length === 0 ? splitTerms(terms) : null;
  return split ? wordsIds(db, q, widen(split, await synonymGroups(db))) : ids;
}

async function didYouMean(db: Executor, q: string, needle: string): Promise<string | undefined> {
  const key = documentNumberKey(q);
  if (!key) return undefined;
  const row = await db
    .selectFrom('search_documents as d')
    .innerJoin(catalogItems(db).as('i'), 'i.id', 'd.item_id')
    .innerJoin(itemVersions(db).as('v'), 'v.id', 'i.current_version_id')
    .select('v.document_number')
    .where('d.document_key', '=', key)
    .orderBy('d.item_id', 'desc')
    .executeTakeFirst();
  const number = row?.document_number;
  return number && normalise(number) !== needle ? number : undefined;
}

function pageOf(q: SearchQuery): { pageSize: number; offset: number; cap: number | null } {
  const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, q.pageSize ?? 10));
  const offset = (Math.max(1, q.page ?? 1) - 1) * pageSize;
  // Counted far enough that the page asked for, and whether one follows, is always within it.
  return { pageSize, offset, cap: q.exactTotal ? null : Math.max(TOTAL_CAP, offset + pageSize) };
}

function counted(head: readonly number[], cap: number | null): { total: number; totalCapped?: boolean } {
  const capped = cap !== null && head.length > cap;
  return { total: capped ? cap : head.length, ...(capped && { totalCapped: true }) };
}

/** The search for one phrase: results are the items whose normalised text contains it. */
async function phraseSearch(db: Executor, q: SearchQuery, today: number): Promise<SearchAnswer> {
  const plan = await planFor(db, q.q);
  if (!plan.needle || plan.needle === ' ') return { total: 0, results: [] };
  const { pageSize, offset, cap } = pageOf(q);
  // The matches, newest first, up to the cap: one index scan. When that is all of them, the page
  // comes from this list; otherwise the phrase is common, and the page from the index.
  const head = (await newestSql(db, q, plan, cap === null ? null : cap + 1).execute(db)).rows.map((r) => Number(r.id));
  const ids =
    head.length <= TOTAL_CAP
      ? await pageOfSet(db, plan, head, pageSize, offset, today)
      : await pageIds(db, q, plan, pageSize, offset, today);
  return { ...counted(head, cap), results: await resultsFor(db, ids, [plan.needle]) };
}

/**
 * The search for several words: the newest matches up to the cap, the page ordered from them (the
 * items whose title holds every word first).
 */
async function wordsSearch(
  db: Executor,
  q: SearchQuery,
  terms: readonly QueryTerm[],
  today: number,
): Promise<SearchAnswer> {
  const plan = wordsPlan(terms);
  const { pageSize, offset, cap } = pageOf(q);
  const filters = scopeFilters(q);
  const head = (await wordsNewestSql(db, plan, filters, cap === null ? null : cap + 1).execute(db)).rows.map((r) =>
    Number(r.id),
  );
  const ids = await wordsPage(db, plan, cap === null ? head : head.slice(0, cap), { limit: pageSize, offset, today });
  const needles = terms.flatMap((t) => t.variants);
  return { ...counted(head, cap), results: await resultsFor(db, ids, needles) };
}

async function resultsFor(db: Executor, ids: readonly number[], needles: readonly string[]): Promise<SearchResult[]> {
  if (ids.length === 0) return [];
  const rows = await db
    .selectFrom('search_documents as d')
    .innerJoin(catalogItems(db).as('i'), 'i.id', 'd.item_id')
    .innerJoin(itemVersions(db).as('v'), 'v.id', 'i.current_version_id')
    .innerJoin(agencyDirectory(db).as('a'), 'a.id', 'i.agency_id')
    .select([
      'i.id',
      'v.title',
      'd.content',
      'i.index_number',
      'v.document_number',
      'i.publication_date',
      'a.name as agency_name',
    ])
    .where('d.item_id', 'in', [...ids])
    .execute();
  const byId = new Map(rows.map((r) => [r.id, r]));
  const results: SearchResult[] = [];
  for (const id of ids) {
    const r = byId.get(id);
    if (!r) continue;
    // The title is shown whole; the extract comes from the text after it.
    const body = r.content.slice(normalise(r.title).length + 1);
    results.push({
      id: r.id,
      title: r.title,
      url: `/items/${r.id}`,
      snippet: snippet(needles.some((n) => body.includes(n)) ? body : r.content, needles),
      indexNumber: r.index_number,
      documentNumber: r.document_number,
      publicationDate: r.publication_date,
      agencyName: r.agency_name,
    });
  }
  return results;
}

/** The query as terms, searched; when nothing is found, the phrases split into words. */
async function searchTerms(db: Executor, q: SearchQuery, today: number): Promise<SearchAnswer> {
  const groups = await synonymGroups(db);
  const terms = widen(parseTerms(q.q), groups);
  if (terms.length === 0) return { total: 0, results: [] };
  const single = isSinglePhrase(terms);
  const answer = single
    ? await phraseSearch(db, { ...q, q: terms[0]!.text }, today)
    : await wordsSearch(db, q, terms, today);
  const widened = widenedWith(terms);
  if (answer.total > 0) return { ...answer, ...(widened.length && { widenedWith: widened }) };
  const split = splitTerms(terms);
  if (!split) return { ...answer, ...(widened.length && { widenedWith: widened }) };
  const words = widen(split, groups);
  const found = await wordsSearch(db, q, words, today);
  const widenedWords = widenedWith(words);
  return {
    ...found,
    splitInto: words.map((t) => t.text),
    ...(widenedWords.length && { widenedWith: widenedWords }),
  };
}

export const searchService = {
  async search(db: Executor, q: SearchQuery): Promise<SearchAnswer> {
    const today = Math.floor(Date.now() / 86_400_000);
    const answer = await searchTerms(db, q, today);
    const suggestion = await didYouMean(db, q.q, normalise(q.q.trim()));
    return suggestion ? { ...answer, didYouMean: suggestion } : answer;
  },
};
