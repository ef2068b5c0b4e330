// The public portal: a change counter that every app process reads to know when its rendered
// page cache is stale (several processes behind one database invalidate together), the
// service-hall display screens and their configuration, and indexes for the public catalog.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('portal_state')
    .addColumn('name', 'text', (c) => c.primaryKey())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('changed_at', 'text', (c) => c.notNull())
    .execute();
  await db
    .insertInto('portal_state')
    .values({ name: 'pages', version: 1, changed_at: new Date().toISOString() })
    .execute();

  await withId(db, db.schema.createTable('display_screens'))
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('title', 'text', (c) => c.notNull())
    // null: every agency's content (a city's service hall).
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id').onDelete('cascade'))
    // Comma-separated slide kinds, in order: power_catalog, service_guides, notices, latest.
    .addColumn('slides', 'text', (c) => c.notNull())
    .addColumn('seconds_per_slide', 'integer', (c) => c.notNull().defaultTo(15))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // The public catalog lists by status and publication date.
  await db.schema
    .createIndex('information_items_status_publication_idx')
    .on('information_items')
    .columns(['status', 'publication_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('information_items_status_publication_idx').execute();
  await db.schema.dropTable('display_screens').execute();
  await db.schema.dropTable('portal_state').execute();
}
