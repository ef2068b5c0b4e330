// Issue 12 items 5, 6 and 8.
// - information_items.document_kind: what a document is for table 二 (规章 / 行政规范性文件), apart from
//   the catalog category it is filed under. Backfilled: a current version whose genre is 规章 is a
//   regulation; otherwise an item filed as a normative document is one.
// - information_items.publication_limit_days / publication_limit_law: where another law sets a
//   publication limit other than Art. 26's 20 working days, the item's own limit and that law's name.
// - item_changes: a correction or a validity change of an item (Art. 26 “变更”), with its own stored
//   due date; overdue is a query.
// - cost_fees_2007 (amounts in fen): the cost fees (2007 Art. 27) and hardship waivers (Art. 28) of applications
//   received while the 2007 Regulation was in force.
import { sql, type Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('information_items').addColumn('document_kind', 'text').execute();
  await db.schema.alterTable('information_items').addColumn('publication_limit_days', 'integer').execute();
  await db.schema.alterTable('information_items').addColumn('publication_limit_law', 'text').execute();
  await sql`UPDATE information_items SET document_kind = 'regulation'
    WHERE EXISTS (SELECT 1 FROM item_versions v WHERE v.id = information_items.current_version_id AND v.genre = '规章')`.execute(
    db,
  );
  await sql`UPDATE information_items SET document_kind = 'normative_document'
    WHERE document_kind IS NULL AND is_normative = 1`.execute(db);
  await db.schema
    .createIndex('information_items_document_kind_idx')
    .on('information_items')
    .columns(['document_kind', 'formation_date'])
    .where(sql.ref('document_kind'), 'is not', null)
    .execute();

  await withId(db, db.schema.createTable('item_changes'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('cascade'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('version_id', 'integer', (c) => c.references('item_versions.id').onDelete('set null'))
    .addColumn('validity_id', 'integer', (c) => c.references('item_validity_history.id').onDelete('set null'))
    .addColumn('changed_on', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('limit_days', 'integer', (c) => c.notNull())
    .addColumn('limit_law', 'text')
    .addColumn('published_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_changes_item_idx').on('item_changes').column('item_id').execute();
  await db.schema
    .createIndex('item_changes_agency_due_idx')
    .on('item_changes')
    .columns(['agency_id', 'due_on'])
    .execute();

  await withId(db, db.schema.createTable('cost_fees_2007'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('search_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('copying_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('postage_fen', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('approver', 'text')
    .addColumn('reason', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('cost_fees_2007_application_idx').on('cost_fees_2007').column('application_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('cost_fees_2007').execute();
  await db.schema.dropTable('item_changes').execute();
  await db.schema.dropIndex('information_items_document_kind_idx').execute();
  await db.schema.alterTable('information_items').dropColumn('publication_limit_law').execute();
  await db.schema.alterTable('information_items').dropColumn('publication_limit_days').execute();
  await db.schema.alterTable('information_items').dropColumn('document_kind').execute();
}
