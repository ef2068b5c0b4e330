// Publishing, second part: attachments of item versions and the link from a policy
// interpretation (政策解读) to the policy document it explains.
// Attachments belong to a version, not to the item: a new version carries the rows of the one it
// replaces (same sha256, the content itself is stored once by platform/files), so every version
// keeps the exact files it was reviewed and published with.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('item_attachments'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('item_versions.id').onDelete('restrict'))
    // Content address of the bytes (platform/files stores each content once).
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('filename', 'text', (c) => c.notNull())
    // What the content is, sniffed from the bytes (docx, xlsx, pdf, txt, …), not from the name.
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    // Extracted text, scanned by the personal-data guard (and later indexed for search).
    .addColumn('extracted_text', 'text')
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('item_attachments_version_idx').on('item_attachments').column('version_id').execute();
  await db.schema.createIndex('item_attachments_item_idx').on('item_attachments').column('item_id').execute();

  // 政策解读 → 政策文件: the interpretation points at the document; the document finds its
  // interpretations through the index.
  await db.schema
    .alterTable('information_items')
    .addColumn('interprets_item_id', 'integer', (c) => c.references('information_items.id').onDelete('restrict'))
    .execute();
  await db.schema
    .createIndex('information_items_interprets_idx')
    .on('information_items')
    .column('interprets_item_id')
    .execute();
  // The scheduled-publishing job looks for due items.
  await db.schema
    .createIndex('information_items_status_scheduled_idx')
    .on('information_items')
    .columns(['status', 'scheduled_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('information_items_status_scheduled_idx').execute();
  await db.schema.dropIndex('information_items_interprets_idx').execute();
  await db.schema.alterTable('information_items').dropColumn('interprets_item_id').execute();
  await db.schema.dropTable('item_attachments').execute();
}
