// The format of the search index (src/modules/search/tokenizer.ts INDEX_FORMAT). Format 2 adds digit
// quads; a query may only ask for them once every row holds them, so an index that already has rows
// is recorded as format 1 until `reindexAll` (run by `gongkai search reindex`, or by the server
// when it starts) has rewritten it. An empty index is filled by code that writes format 2.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('search_index_state')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('format', 'integer', (c) => c.notNull())
    .addColumn('rebuilt_at', 'text')
    .addCheckConstraint('search_index_state_single_row', sql`id = 1`)
    .execute();
  const existing = await db.selectFrom('search_documents').select('item_id').limit(1).executeTakeFirst();
  await db
    .insertInto('search_index_state')
    .values({ id: 1, format: existing ? 1 : 2, rebuilt_at: null })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('search_index_state').execute();
}
