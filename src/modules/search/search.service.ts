// The search index and the query service. The index is kept by `indexItem` inside the very
// transaction that publishes, corrects or withdraws an item (search.ts registers it with the
// publication events); `reindexAll` rebuilds it for data written past the services (demo, import).
// A query asks the token index for candidates and keeps those whose normalised text contains the
// normalised query, so the result set is exactly that of a substring scan.
import { sql, type RawBuilder } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { publicStatuses } from '../publishing/publishing.ts';
import { documentNumberKey, htmlToText, indexTokens, normalise, queryPlan, runs, snippet, type QueryPlan } from './tokenizer.ts';

export interface SearchQuery {
  q: string;
  agencyId?: number | undefined;
  category?: string | undefined;
  year?: number | undefined;
  validity?: string | undefined;
  page?: number | undefined;
  pageSize?: number | undefined;
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
  total: number;
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
  const pub = s.publicationDate && /^\d{4}-\d\d-\d\d/.test(s.publicationDate) ? s.publicationDate.slice(0, 10) : null;
  return {
    doc: {
      item_id: s.itemId,
      agency_id: s.agencyId,
      catalog_category: s.catalogCategory,
      publication_year: pub ? Number(pub.slice(0, 4)) : null,
      publication_day: pub ? Math.floor(Date.parse(`${pub}T00:00:00Z`) / DAY_MS) : null,
      title: s.title,
      content: `${title} ${rest}`,
      document_key: s.documentNumber ? documentNumberKey(s.documentNumber) : null,
      indexed_at: now.toISOString(),
    },
    // Not deduplicated: the positions of bigrams make phrase queries exact.
    titleTokens: indexTokens(title, { words: true }).join(' '),
    bodyTokens: indexTokens(rest).join(' '),
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

function ftsMatch(plan: QueryPlan): string {
  // Each run of the query as an FTS5 phrase of its bigrams (consecutive positions).
  const parts = runs(plan.needle).map((run) => {
    const chars = Array.from(run);
    if (chars.length === 1) return `"${run}" *`;
    const grams: string[] = [];
    for (let i = 0; i + 1 < chars.length; i++) grams.push(chars[i]! + chars[i + 1]!);
    return `"${grams.join(' ')}"`;
  });
  return parts.join(' AND ');
}

function tsQuery(plan: QueryPlan): string {
  return [...plan.all.map((t) => `'${t}'`), ...plan.prefixes.map((t) => `'${t}':*`)].join(' & ');
}

const latestValidity = sql`(select vh.validity from item_validity_history vh where vh.item_id = d.item_id order by vh.effective_date desc, vh.id desc limit 1)`;

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
const TITLE_TIER = 200;

/**
 * The order of an unfiltered exact query on SQLite, computed without ranking every match (bm25
 * over a few hundred thousand matches of a common word costs seconds): first the TITLE_TIER newest
 * items whose title contains the query, ordered by relevance (bm25: term frequency, title weighted
 * 4×) with the recency boost; then every other match, newest first (item ids grow with
 * publication). FTS5 streams matches in rowid order, so both steps stop after what the page needs.
 */
async function indexOnlyPage(db: Executor, plan: QueryPlan, limit: number, offset: number, today: number): Promise<number[]> {
  const match = ftsMatch(plan);
  const tier = await sql<{ id: number }>`select t.id from (select rowid as id, -bm25(search_fts, 4.0, 1.0) as s from search_fts where search_fts match ${`title : ${match}`} order by rowid desc limit ${TITLE_TIER}) t
    join search_documents d on d.item_id = t.id order by t.s * (1.0 + 0.5 * ${recency(false, today)}) desc, t.id desc`.execute(db);
  const first = tier.rows.map((r) => Number(r.id));
  if (offset + limit <= first.length) return first.slice(offset, offset + limit);
  const seen = new Set(first);
  const rest = await sql<{ id: number }>`select rowid as id from search_fts where search_fts match ${match} order by rowid desc limit ${offset + limit + first.length}`.execute(db);
  const all = [...first, ...rest.rows.map((r) => Number(r.id)).filter((id) => !seen.has(id))];
  return all.slice(offset, offset + limit);
}

async function ranked(db: Executor, q: SearchQuery, plan: QueryPlan, limit: number, offset: number): Promise<{ total: number; ids: number[] }> {
  const pg = isPostgres(db);
  const today = Math.floor(Date.now() / DAY_MS);
  const filters = filterSql(q, plan, pg);
  const indexed = plan.all.length + plan.prefixes.length > 0;
  if (pg) {
    const from = indexed ? sql`from search_documents d where d.tokens @@ ${tsQuery(plan)}::tsquery` : sql`from search_documents d where true`;
    const score = indexed ? sql`ts_rank(d.tokens, ${tsQuery(plan)}::tsquery, 1) * (1.0 + 0.5 * ${recency(pg, today)})` : recency(pg, today);
    const count = await sql<{ n: string }>`select count(*) as n ${from} ${filters}`.execute(db);
    const rows = await sql<{ item_id: number }>`select d.item_id ${from} ${filters} order by ${score} desc, d.item_id desc limit ${limit} offset ${offset}`.execute(db);
    return { total: Number(count.rows[0]?.n ?? 0), ids: rows.rows.map((r) => Number(r.item_id)) };
  }
  const from = indexed
    ? sql`from search_fts f join search_documents d on d.item_id = f.rowid where search_fts match ${ftsMatch(plan)}`
    : sql`from search_documents d where 1`;
  const score = indexed ? sql`(-bm25(search_fts, 4.0, 1.0)) * (1.0 + 0.5 * ${recency(pg, today)})` : recency(pg, today);
  // Without filters, an exact query is answered by the FTS index alone (see indexOnlyPage).
  const indexOnly = indexed && plan.exact && q.agencyId === undefined && !q.category && q.year === undefined && !q.validity;
  if (indexOnly) {
    const count = await sql<{ n: number }>`select count(*) as n from search_fts where search_fts match ${ftsMatch(plan)}`.execute(db);
    return { total: Number(count.rows[0]?.n ?? 0), ids: await indexOnlyPage(db, plan, limit, offset, today) };
  }
  // One pass over the verified candidates gives both the count and the page (the substring check
  // is the expensive part; a count query and a page query would each run it).
  const rows = await sql<{ item_id: number }>`select d.item_id ${from} ${filters} order by ${score} desc, d.item_id desc`.execute(db);
  return { total: rows.rows.length, ids: rows.rows.slice(offset, offset + limit).map((r) => Number(r.item_id)) };
}

/** Every matching item id (tests and the bench compare it with a substring scan). */
export async function matchingIds(db: Executor, q: SearchQuery): Promise<number[]> {
  const plan = queryPlan(q.q);
  if (!plan.needle) return [];
  const { ids } = await ranked(db, q, plan, 1_000_000_000, 0);
  return ids.sort((a, b) => a - b);
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
    const { total, ids } = await ranked(db, q, plan, pageSize, (page - 1) * pageSize);
    const suggestion = await didYouMean(db, q.q, plan.needle);
    if (ids.length === 0) return { total, results: [], ...(suggestion && { didYouMean: suggestion }) };
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
    return { total, results, ...(suggestion && { didYouMean: suggestion }) };
  },
};
