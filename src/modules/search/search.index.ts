// The search index. It is kept by `indexItem` inside the very transaction that publishes, corrects
// or withdraws an item (search.ts registers it with the publication events); `reindexAll` rebuilds
// it for data written past the services (demo, import) and after a tokenizer change.
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';
import { catalogItems, itemAttachments, itemVersions, publicStatuses } from '../publishing/index.ts';
import type { SearchDocumentTable } from './search.table.ts';
import { documentNumberKey, htmlToText, indexTokens, INDEX_FORMAT, normalise } from './tokenizer.ts';

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
  doc: SearchDocumentTable;
  titleTokens: string;
  bodyTokens: string;
}

const DAY_MS = 86_400_000;

/** Pure: the row and tokens an item is indexed with. */
export function indexRow(s: IndexSource, now = new Date()): IndexRow {
  const title = normalise(s.title);
  const rest = normalise(
    [s.documentNumber ?? '', s.summary ?? '', htmlToText(s.bodyHtml), s.keywords ?? '', ...s.attachmentTexts].join(' '),
  );
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
  await removeItems(
    db,
    rows.map((r) => r.doc.item_id),
  );
  const pg = isPostgres(db);
  for (const r of rows) {
    if (pg) {
      await sql`insert into search_documents (item_id, agency_id, catalog_category, publication_year, publication_day, title, content, document_key, indexed_at, tokens)
        values (${r.doc.item_id}, ${r.doc.agency_id}, ${r.doc.catalog_category}, ${r.doc.publication_year}, ${r.doc.publication_day}, ${r.doc.title}, ${r.doc.content}, ${r.doc.document_key}, ${r.doc.indexed_at},
        setweight(array_to_tsvector(${uniqueTokens(r.titleTokens)}::text[]), 'A') || array_to_tsvector(${uniqueTokens(r.bodyTokens)}::text[]))`.execute(
        db,
      );
    } else {
      await db.insertInto('search_documents').values(r.doc).execute();
      await sql`insert into search_fts (rowid, title, body) values (${r.doc.item_id}, ${r.titleTokens}, ${r.bodyTokens})`.execute(
        db,
      );
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
    .selectFrom(catalogItems(db).as('i'))
    .innerJoin(itemVersions(db).as('v'), 'v.id', 'i.current_version_id')
    .select([
      'i.id',
      'i.agency_id',
      'i.status',
      'i.disclosure_mode',
      'i.catalog_category',
      'i.publication_date',
      'i.current_version_id',
      'v.title',
      'v.document_number',
      'v.summary',
      'v.body_html',
      'v.keywords',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!item || !publicStatuses.includes(item.status as never) || item.disclosure_mode !== 'proactive') {
    await removeItem(db, itemId);
    return;
  }
  const attachments = await db
    .selectFrom(itemAttachments(db).as('a'))
    .select('a.extracted_text')
    .where('a.version_id', '=', item.current_version_id!)
    .where('a.extracted_text', 'is not', null)
    .orderBy('a.sort_order')
    .orderBy('a.id')
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

/**
 * The format (tokenizer.ts INDEX_FORMAT) every row of the index has been written with: queries use
 * only the tokens that format holds. Rows written since are of the current format already.
 */
export async function indexFormat(db: Executor): Promise<number> {
  const row = await db.selectFrom('search_index_state').select('format').where('id', '=', 1).executeTakeFirst();
  return Number(row?.format ?? 1);
}

/**
 * Rebuilds the whole index from the public items, in batches of one transaction each, then drops
 * rows of items no longer public and records the format. Items are replaced one by one rather
 * than the index emptied first, so search keeps answering (from the rows of the older format, read
 * as such) while a large index is rebuilt. Returns how many items were indexed.
 */
export async function reindexAll(db: Db, onProgress?: (done: number) => void): Promise<number> {
  const startedAt = new Date().toISOString();
  let done = 0;
  let after = 0;
  for (;;) {
    const ids = await db
      .selectFrom(catalogItems(db).as('i'))
      .select('i.id')
      .where('i.status', 'in', publicStatuses)
      .where('i.disclosure_mode', '=', 'proactive')
      .where('i.id', '>', after)
      .orderBy('i.id')
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
  await db.transaction().execute(async (trx) => {
    for (;;) {
      const stale = await trx
        .selectFrom('search_documents as d')
        .select('d.item_id')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom(catalogItems(trx).as('i'))
                .select('i.id')
                .whereRef('i.id', '=', 'd.item_id')
                .where('i.status', 'in', publicStatuses)
                .where('i.disclosure_mode', '=', 'proactive'),
            ),
          ),
        )
        .limit(500)
        .execute();
      if (stale.length === 0) break;
      await removeItems(
        trx,
        stale.map((r) => r.item_id),
      );
    }
    await trx
      .updateTable('search_index_state')
      .set({ format: INDEX_FORMAT, rebuilt_at: startedAt })
      .where('id', '=', 1)
      .execute();
  });
  return done;
}

/**
 * Rebuilds the index when it is of an older format than the code writes (run by the server once
 * it listens, and hourly, so an upgraded or restored database is brought up to date); returns what
 * it did, or nothing when the index was current.
 */
export async function upgradeIndex(db: Db): Promise<{ from: number; to: number; indexed: number } | undefined> {
  const from = await indexFormat(db);
  if (from >= INDEX_FORMAT) return undefined;
  return { from, to: INDEX_FORMAT, indexed: await reindexAll(db) };
}
