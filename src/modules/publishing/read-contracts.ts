// The publishing module's read contracts (docs/adr/0022-table-ownership.md): query builders other modules
// join as derived tables — `.selectFrom(catalogItems(db).as('i'))` — instead of naming the catalog's tables.
// Reads only: every write to these tables goes through publishing's services, which keep the versions,
// the status history and the audit chain together. Both SQLite and PostgreSQL flatten a plain sub-select
// into the outer query, so the plan is the one a direct join gets.
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';

/** Every catalog item (政府信息), all columns, whatever its status: callers filter by status. */
export function catalogItems(db: Executor) {
  return db.selectFrom('information_items').selectAll();
}

/** Every version of every item (title, body, document number…), immutable once written. */
export function itemVersions(db: Executor) {
  return db.selectFrom('item_versions').selectAll();
}

/** Each item's status changes, oldest first by id. */
export function itemStatusHistory(db: Executor) {
  return db.selectFrom('item_status_history').selectAll();
}

/** Each item's validity changes (有效/失效/废止) with their dates. */
export function itemValidityHistory(db: Executor) {
  return db.selectFrom('item_validity_history').selectAll();
}

/** Files attached to items. */
export function itemAttachments(db: Executor) {
  return db.selectFrom('item_attachments').selectAll();
}

/**
 * An item's validity as its latest record says (有效/失效/废止…), null without one: a correlated scalar
 * sub-query over the outer query's item id column `itemId` (e.g. 'i.id'), looked up in the history's index.
 */
export function latestValidityOf(itemId: string) {
  return sql<
    string | null
  >`(select vh.validity from item_validity_history vh where vh.item_id = ${sql.ref(itemId)} order by vh.effective_date desc, vh.id desc limit 1)`;
}

/** An item's validity on `date` (YYYY-MM-DD): its latest record effective on or before it, null without one. */
export function validityAsOf(itemId: string, date: string) {
  return sql<
    string | null
  >`(select vh.validity from item_validity_history vh where vh.item_id = ${sql.ref(itemId)} and vh.effective_date <= ${date} order by vh.effective_date desc, vh.id desc limit 1)`;
}
