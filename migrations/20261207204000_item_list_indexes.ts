// The console catalog list pages and sorts in SQL (issue 15 item 9): an agency's items by their
// last change (the default order) and by formation date (the year filter and its sort) are read
// a page at a time from these indexes instead of sorting the agency's whole catalog per page.
// Applications already have (agency_id, status, due_date) and (agency_id, received_on).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('information_items_agency_updated_idx')
    .on('information_items')
    .columns(['agency_id', 'updated_at', 'id'])
    .execute();
  await db.schema
    .createIndex('information_items_agency_formation_idx')
    .on('information_items')
    .columns(['agency_id', 'formation_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('information_items_agency_formation_idx').execute();
  await db.schema.dropIndex('information_items_agency_updated_idx').execute();
}
