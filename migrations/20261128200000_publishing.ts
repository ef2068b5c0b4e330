// Proactive disclosure (主动公开): information items of the catalog, their immutable versions,
// the append-only status history of the review workflow, recorded confidentiality reviews,
// validity history of normative documents, per-agency index-number sequences, per-category
// workflow configuration and recorded overrides of the personal-data guard.
// Dates are YYYY-MM-DD text, instants ISO text, flags integers (docs/adr/0002).
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('information_items'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    // 索引号: unique across the platform, generated once and never reused (docs/domain/websites.md#index-numbers).
    .addColumn('index_number', 'text', (c) => c.notNull().unique())
    // No foreign key: versions reference items; the service keeps the pair consistent.
    .addColumn('current_version_id', 'integer')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('disclosure_mode', 'text', (c) => c.notNull())
    .addColumn('non_disclosure_basis', 'text')
    .addColumn('art20_item', 'integer')
    .addColumn('catalog_category', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('formation_date', 'text', (c) => c.notNull())
    // Art. 26: 20 working days from formation; recomputed when the calendar changes. "Late" is
    // a query over this date and publication_date, never a stored state.
    .addColumn('disclosure_due_on', 'text')
    .addColumn('scheduled_on', 'text')
    .addColumn('publication_date', 'text')
    .addColumn('is_normative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('information_items_agency_status_idx')
    .on('information_items')
    .columns(['agency_id', 'status'])
    .execute();
  await db.schema
    .createIndex('information_items_unit_idx')
    .on('information_items')
    .column('responsible_unit_id')
    .execute();

  await withId(db, db.schema.createTable('item_versions'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('document_number', 'text')
    .addColumn('issuing_agencies', 'text', (c) => c.notNull())
    .addColumn('topic', 'text')
    .addColumn('genre', 'text')
    .addColumn('keywords', 'text')
    .addColumn('summary', 'text')
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('item_versions_item_no_unique', ['item_id', 'version_no'])
    .execute();

  await withId(db, db.schema.createTable('item_status_history'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('version_id', 'integer')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_status_history_item_idx').on('item_status_history').column('item_id').execute();

  await withId(db, db.schema.createTable('confidentiality_reviews'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('item_versions.id').onDelete('restrict'))
    .addColumn('reviewer_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('decision', 'text', (c) => c.notNull())
    .addColumn('basis', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('confidentiality_reviews_item_idx')
    .on('confidentiality_reviews')
    .column('item_id')
    .execute();

  await withId(db, db.schema.createTable('item_validity_history'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('validity', 'text', (c) => c.notNull())
    .addColumn('effective_date', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_validity_history_item_idx').on('item_validity_history').column('item_id').execute();

  await db.schema
    .createTable('index_number_sequences')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('index_number_sequences_pk', ['agency_id', 'year'])
    .execute();

  await withId(db, db.schema.createTable('workflow_configs'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('category_key', 'text', (c) => c.notNull())
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('workflow_configs_agency_category_unique', ['agency_id', 'category_key'])
    .execute();

  await withId(db, db.schema.createTable('pii_overrides'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('item_versions.id').onDelete('restrict'))
    .addColumn('reviewer_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pii_overrides_version_idx').on('pii_overrides').column('version_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'pii_overrides',
    'workflow_configs',
    'index_number_sequences',
    'item_validity_history',
    'confidentiality_reviews',
    'item_status_history',
    'item_versions',
    'information_items',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
