// The search index and the query service. The index is kept by `indexItem` inside the very
// transaction that publishes, corrects or withdraws an item (search.ts registers it with the
// publication events); `reindexAll` rebuilds it for data written past the services (demo, import).
// A query asks the token index for candidates and keeps those whose normalised text contains the
// normalised query, so the result set is exactly that of a substring scan.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { publicStatuses } from '../publishing/publishing.ts';
import { documentNumberKey, htmlToText, indexTokens, JUNCTION_MARK, normalise, queryPlan, snippet, type QueryPlan } from './tokenizer.ts';

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
}

/** What one item contributes to the index: separate so the bench can feed rows in bulk. */
export interface IndexSource {
  itemId: number;
  agencyId: number;
  catalogCategory: string;
  publicationDate: string | null;
  title: string;
  documentNumber: string | null;
  summary: string | null;
  bodyHtml: string;
  keywords: string | null;
  attachmentTexts: readonly string[];
}

export interface IndexRow {
  doc: {
    item_id: number;
    agency_id: number;
    catalog_category: string;
    publication_year: number | null;
    publication_day: number | null;
    title: string;
    content: string;
    document_key: string | null;
    indexed_at: string;
  };
  titleTokens: string;
  bodyTokens: string;
}

const DAY_MS = 86_400_000;

/** Pure: the row and tokens an item is indexed with. */
export function indexRow(s: IndexSource, now = new Date()): IndexRow {
  const title = normalise(s.title);
  const rest = normalise([s.documentNumber ?? '', s.summary ?? '', htmlToText(s.bodyHtml), s.keywords ?? '', ...s.attachmentTexts].join(' '));
  const content = `${title} ${rest}`;
  const pub = s.publicationDate && /^\d{4}-\d\d-\d\d/.test(s.publicationDate) ? s.publicationDate.slice(0, 10) : null;
  return {
    doc: {
      item_id: s.itemId,
      agency_id: s.agencyId,
      catalog_category: s.catalogCategory,
      publication_year: pub ? Number(pub.slice(0, 4)) : null,
      publication_day: pub ? Math.floor(Date.parse(`${pub}T00:00:00Z`) / DAY_MS) : null,
      title: s.title,
      content,
      document_key: s.documentNumber ? documentNumberKey(s.documentNumber) : null,
      indexed_at: now.toISOString(),
    },
    // Not deduplicated: the positions of bigrams make phrase queries exact. The body column holds
    // the whole text, title included, so a phrase running from the title into the body is found.
    titleTokens: indexTokens(title, { words: true }).join(' '),
    bodyTokens: indexTokens(content).join(' '),
  };
}

/** Writes index rows (replacing any earlier ones of the same items). */
export async function writeIndexRows(db: Executor, rows: readonly IndexRow[]): Promise<void> {
  if (rows.length === 0) return;
  await removeItems(db, rows.map((r) => r.doc.item_id));
  const pg = isPostgres(db);
  for (const r of rows) {
    if (pg) {
      await sql`insert into search_documents (item_id, agency_id, catalog_category, publication_year, publication_day, title, content, document_key, indexed_at, tokens)
        values (${r.doc.item_id}, ${r.doc.agency_id}, ${r.doc.catalog_category}, ${r.doc.publication_year}, ${r.doc.publication_day}, ${r.doc.title}, ${r.doc.content}, ${r.doc.document_key}, ${r.doc.indexed_at},
        setweight(array_to_tsvector(${uniqueTokens(r.titleTokens)}::text[]), 'A') || array_to_tsvector(${uniqueTokens(r.bodyTokens)}::text[]))`.execute(db);
    } else {
      await db.insertInto('search_documents').values(r.doc).execute();
      await sql`insert into search_fts (rowid, title, body) values (${r.doc.item_id}, ${r.titleTokens}, ${r.bodyTokens})`.execute(db);
    }
  }
}

function uniqueTokens(tokens: string): string[] {
  return tokens ? [...new Set(tokens.split(' '))] : [];
}

async function removeItems(db: Executor, itemIds: readonly number[]): Promise<void> {
  if (itemIds.length === 0) return;
  if (!isPostgres(db)) {
    // Only rows that exist: deleting an absent rowid from a contentless table is harmless but the
    // check keeps the common case (first publication) to one indexed lookup.
    const present = await db.selectFrom('search_documents').select('item_id').where('item_id', 'in', itemIds).execute();
    for (const p of present) await sql`delete from search_fts where rowid = ${p.item_id}`.execute(db);
  }
  await db.deleteFrom('search_documents').where('item_id', 'in', itemIds).execute();
}

/** Removes an item from the index (withdrawal). */
export async function removeItem(db: Executor, itemId: number): Promise<void> {
  await removeItems(db, [itemId]);
}

/**
 * (Re)indexes one item from its current public version — title, document number, summary, body
 * text, keywords and the extracted text of its attachments — or removes it when it is not public.
 */
export async function indexItem(db: Executor, itemId: number): Promise<void> {
  const item = await db
    .selectFrom('information_items as i')
    .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
    .select(['i.id', 'i.agency_id', 'i.status', 'i.disclosure_mode', 'i.catalog_category', 'i.publication_date', 'i.current_version_id', 'v.title', 'v.document_number', 'v.summary', 'v.body_html', 'v.keywords'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!item || !publicStatuses.includes(item.status as never) || item.disclosure_mode !== 'proactive') {
    await removeItem(db, itemId);
    return;
  }
  const attachments = await db
    .selectFrom('item_attachments')
    .select('extracted_text')
    .where('version_id', '=', item.current_version_id!)
    .where('extracted_text', 'is not', null)
    .orderBy('sort_order')
    .orderBy('id')
    .execute();
  await writeIndexRows(db, [
    indexRow({
      itemId: item.id,
      agencyId: item.agency_id,
      catalogCategory: item.catalog_category,
      publicationDate: item.publication_date,
      title: item.title,
      documentNumber: item.document_number,
      summary: item.summary,
      bodyHtml: item.body_html,
      keywords: item.keywords,
      attachmentTexts: attachments.map((a) => a.extracted_text ?? ''),
    }),
  ]);
}

/** Rebuilds the whole index from the public items, in batches; returns how many were indexed. */
export async function reindexAll(db: Db, onProgress?: (done: number) => void): Promise<number> {
  await db.transaction().execute(async (trx) => {
    if (isPostgres(trx)) await sql`delete from search_documents`.execute(trx);
    else {
      await sql`delete from search_fts`.execute(trx);
      await sql`delete from search_documents`.execute(trx);
    }
  });
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = await db
      .selectFrom('information_items')
      .select('id')
      .where('status', 'in', publicStatuses)
      .where('disclosure_mode', '=', 'proactive')
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (ids.length === 0) break;
    await db.transaction().execute(async (trx) => {
      for (const { id } of ids) await indexItem(trx, id);
    });
    done += ids.length;
    after = ids[ids.length - 1]!.id;
    onProgress?.(done);
  }
  return done;
}

/** Tokens of the phrase asked of FTS5 after the last junction, when the match is verified anyway. */
const JUNCTION_WINDOW = 4;

function ftsMatch(plan: QueryPlan): string {
  if (plan.prefixes.length) return `"${plan.prefixes[0]}" *`;
  // One FTS5 phrase: the needle's tokens at consecutive positions (see phraseTokens). A phrase of
  // many common tokens is slow to match (a document number: every candidate holding 20, 01, 13
  // and 12 has its positions compared), so a verified query asks only for a window of it — any
  // run of consecutive tokens of the phrase is present wherever the needle is — starting at the
  // last junction: 3〕1 in 岳人社发〔2013〕12号 is far rarer than 岳人社发 or 发〔2.
  const last = plan.all.findLastIndex((t) => t.includes(JUNCTION_MARK));
  const tokens = !plan.exact && last >= 0 && plan.all.length > JUNCTION_WINDOW ? plan.all.slice(last, last + JUNCTION_WINDOW) : plan.all;
  return `"${tokens.join(' ')}"`;
}

function tsQuery(plan: QueryPlan, weight = ''): string {
  return [...plan.all.map((t) => `'${t}'${weight && `:${weight}`}`), ...plan.prefixes.map((t) => `'${t}':*${weight}`)].join(' & ');
}

const latestValidity = sql`(select vh.validity from item_validity_history vh where vh.item_id = d.item_id order by vh.effective_date desc, vh.id desc limit 1)`;

function hasFilters(q: SearchQuery): boolean {
  return q.agencyId !== undefined || !!q.category || q.year !== undefined || !!q.validity;
}

function filterSql(q: SearchQuery, plan: QueryPlan, pg: boolean): RawBuilder<unknown> {
  const parts: RawBuilder<unknown>[] = [];
  if (pg || !plan.exact) parts.push(pg ? sql`strpos(d.content, ${plan.needle}) > 0` : sql`instr(d.content, ${plan.needle}) > 0`);
  if (q.agencyId !== undefined) parts.push(sql`d.agency_id = ${q.agencyId}`);
  if (q.category) parts.push(sql`d.catalog_category = ${q.category}`);
  if (q.year !== undefined) parts.push(sql`d.publication_year = ${q.year}`);
  if (q.validity) parts.push(sql`${latestValidity} = ${q.validity}`);
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
function newestSql(db: Executor, q: SearchQuery, plan: QueryPlan, limit: number | null, titleOnly = false): RawBuilder<{ id: number }> {
  const pg = isPostgres(db);
  const filters = filterSql(q, plan, pg);
  if (pg) {
    const lim = limit === null ? sql`` : sql`limit ${limit}`;
    const where = indexed(plan) ? sql`d.tokens @@ ${tsQuery(plan, titleOnly ? 'A' : '')}::tsquery` : sql`true`;
    return sql<{ id: number }>`select d.item_id as id from search_documents d where ${where} ${filters} order by d.item_id desc ${lim}`;
  }
  const lim = sql`limit ${limit ?? -1}`;
  if (!indexed(plan)) return sql<{ id: number }>`select d.item_id as id from search_documents d where 1 ${filters} order by d.item_id desc ${lim}`;
  const match = titleOnly ? `title : ${ftsMatch(plan)}` : ftsMatch(plan);
  if (plan.exact && !hasFilters(q)) return sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${match} order by rowid desc ${lim}`;
  return sql<{ id: number }>`select f.rowid as id from search_fts f cross join search_documents d on d.item_id = f.rowid where search_fts match ${match} ${filters} order by f.rowid desc ${lim}`;
}

/**
 * Relevance of a match whose title holds the query: the share of the title the query covers (a
 * title that is mostly the query is about it), with the recency boost. Not FTS5's bm25: for its
 * IDF bm25 counts every row that matches the phrase — at a million items that alone costs hundreds
 * of milliseconds for a common phrase — and within one query the IDF is the same for every row.
 */
function titleScore(pg: boolean, today: number, needleLength: number): RawBuilder<number> {
  const share = pg ? sql`(${needleLength}::float8 / greatest(1, char_length(d.title)))` : sql`(${needleLength} * 1.0 / max(1, length(d.title)))`;
  return sql<number>`${share} * (1.0 + 0.5 * ${recency(pg, today)})`;
}

/** The same score in JavaScript, for a match set already fetched (see pageOfSet). */
function titleScoreOf(today: number, needleLength: number, titleLength: number, day: number | null): number {
  return (needleLength / Math.max(1, titleLength)) * (1 + 0.5 * Math.max(0, 1 - (today - (day ?? 0)) / 3650));
}

/**
 * The relevance tier: the TITLE_TIER newest matches whose title holds the query, ordered by
 * titleScore. Ranking every match of a common word costs seconds at a million items; ranking the
 * newest title matches costs what a page costs.
 */
async function titleTier(db: Executor, q: SearchQuery, plan: QueryPlan, today: number): Promise<number[]> {
  if (!indexed(plan)) return [];
  const pg = isPostgres(db);
  const filters = filterSql(q, plan, pg);
  const score = titleScore(pg, today, Array.from(plan.needle).length);
  const rows = pg
    ? await sql<{ id: number }>`select id from (select d.item_id as id, ${score} as s
        from search_documents d where d.tokens @@ ${tsQuery(plan, 'A')}::tsquery ${filters} order by d.item_id desc limit ${TITLE_TIER}) t order by s desc, id desc`.execute(db)
    : await sql<{ id: number }>`select id from (select f.rowid as id, ${score} as s
        from search_fts f cross join search_documents d on d.item_id = f.rowid where search_fts match ${`title : ${ftsMatch(plan)}`} ${filters} order by f.rowid desc limit ${TITLE_TIER}) t order by s desc, id desc`.execute(db);
  return rows.rows.map((r) => Number(r.id));
}

/** One page: the relevance tier first, then every other match newest first. */
async function pageIds(db: Executor, q: SearchQuery, plan: QueryPlan, limit: number, offset: number, today: number): Promise<number[]> {
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
async function pageOfSet(db: Executor, plan: QueryPlan, all: readonly number[], limit: number, offset: number, today: number): Promise<number[]> {
  if (all.length === 0) return [];
  const needleLength = Array.from(plan.needle).length;
  const pg = isPostgres(db);
  // The stored text starts with the normalised title (as long, in characters, as the title).
  const titled = pg ? sql`strpos(substr(d.content, 1, char_length(d.title)), ${plan.needle})` : sql`instr(substr(d.content, 1, length(d.title)), ${plan.needle})`;
  const len = pg ? sql`char_length(d.title)` : sql`length(d.title)`;
  const rows = await sql<{ id: number; day: number | null; len: number; titled: number }>`select d.item_id as id, d.publication_day as day, ${len} as len, ${titled} as titled
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

/** Every matching item id (tests and the bench compare it with a substring scan). */
export async function matchingIds(db: Executor, q: SearchQuery): Promise<number[]> {
  const plan = queryPlan(q.q);
  if (!plan.needle) return [];
  const rows = await newestSql(db, q, plan, null).execute(db);
  return rows.rows.map((r) => Number(r.id)).sort((a, b) => a - b);
}

async function didYouMean(db: Executor, q: string, needle: string): Promise<string | undefined> {
  const key = documentNumberKey(q);
  if (!key) return undefined;
  const row = await db
    .selectFrom('search_documents as d')
    .innerJoin('information_items as i', 'i.id', 'd.item_id')
    .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
    .select('v.document_number')
    .where('d.document_key', '=', key)
    .orderBy('d.item_id', 'desc')
    .executeTakeFirst();
  const number = row?.document_number;
  return number && normalise(number) !== needle ? number : undefined;
}

export const searchService = {
  async search(db: Executor, q: SearchQuery): Promise<SearchAnswer> {
    const plan = queryPlan(q.q);
    if (!plan.needle || plan.needle === ' ') return { total: 0, results: [] };
    const pageSize = Math.min(MAX_PAGE_SIZE, Math.max(1, q.pageSize ?? 10));
    const page = Math.max(1, q.page ?? 1);
    const offset = (page - 1) * pageSize;
    const today = Math.floor(Date.now() / DAY_MS);
    // The matches, newest first, up to the cap (counted far enough that the page asked for, and
    // whether one follows, is always within it): one index scan. When that is all of them, the
    // page comes from this list; otherwise the phrase is common, and the page from the index.
    const cap = q.exactTotal ? null : Math.max(TOTAL_CAP, offset + pageSize);
    const head = (await newestSql(db, q, plan, cap === null ? null : cap + 1).execute(db)).rows.map((r) => Number(r.id));
    const capped = cap !== null && head.length > cap;
    const total = capped ? cap : head.length;
    const ids = head.length <= TOTAL_CAP ? await pageOfSet(db, plan, head, pageSize, offset, today) : await pageIds(db, q, plan, pageSize, offset, today);
    const counted = { total, ...(capped && { totalCapped: true }) };
    const suggestion = await didYouMean(db, q.q, plan.needle);
    if (ids.length === 0) return { ...counted, results: [], ...(suggestion && { didYouMean: suggestion }) };
    const rows = await db
      .selectFrom('search_documents as d')
      .innerJoin('information_items as i', 'i.id', 'd.item_id')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .innerJoin('agencies as a', 'a.id', 'i.agency_id')
      .select(['i.id', 'v.title', 'd.content', 'i.index_number', 'v.document_number', 'i.publication_date', 'a.name as agency_name'])
      .where('d.item_id', 'in', ids)
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
        snippet: snippet(body.includes(plan.needle) ? body : r.content, plan.needle),
        indexNumber: r.index_number,
        documentNumber: r.document_number,
        publicationDate: r.publication_date,
        agencyName: r.agency_name,
      });
    }
    return { ...counted, results, ...(suggestion && { didYouMean: suggestion }) };
  },
};
