// Full-text search over public items (src/modules/search). search_documents holds, per public
// item, the filter columns and the normalised text used to verify candidates; the token index is
// an FTS5 contentless table on SQLite (rowid = item id; the tokens are not stored twice) and a
// GIN-indexed tsvector column on PostgreSQL. Both are filled from our own tokenizer's output.
import { sql, type Kysely } from 'kysely';
import { isPostgres } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_documents')
    .addColumn('item_id', 'integer', (c) => c.primaryKey().references('information_items.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull())
    .addColumn('catalog_category', 'text', (c) => c.notNull())
    .addColumn('publication_year', 'integer')
    // Days since 1970-01-01 of the publication date: the recency boost without date functions.
    .addColumn('publication_day', 'integer')
    .addColumn('title', 'text', (c) => c.notNull())
    // Normalised (tokenizer.ts `normalise`) title, document number, summary, body, keywords and
    // attachment text, separated by newlines: the substring check runs on it.
    .addColumn('content', 'text', (c) => c.notNull())
    .addColumn('document_key', 'text')
    .addColumn('indexed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('search_documents_document_key_idx')
    .on('search_documents')
    .column('document_key')
    .execute();
  if (isPostgres(db)) {
    await sql`alter table search_documents add column tokens tsvector not null default ''::tsvector`.execute(db);
    await sql`create index search_documents_tokens_idx on search_documents using gin (tokens)`.execute(db);
  } else {
    await sql`create virtual table search_fts using fts5(title, body, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0')`.execute(
      db,
    );
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (!isPostgres(db)) await sql`drop table search_fts`.execute(db);
  await db.schema.dropTable('search_documents').execute();
}
