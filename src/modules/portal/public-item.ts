// The data of a public item's page, shared by the page route (portal.routes.tsx) and the JSON
// API (api.routes.ts), which would otherwise import each other.
import type { Db } from '../../db/database.ts';
import { portalStore as store } from './portal.store.ts';
import type { ItemData } from './views/item-page.tsx';

/** The item page's data, or the withdrawal notice, or nothing (never public: 404). */
export async function itemView(
  db: Db,
  id: number,
): Promise<
  | { kind: 'item'; data: Omit<ItemData, 'attachmentHref'> }
  | { kind: 'withdrawn'; notice: NonNullable<Awaited<ReturnType<typeof store.withdrawnNotice>>> }
  | { kind: 'none' }
> {
  const item = await store.publicItem(db, id);
  if (!item) {
    const notice = await store.withdrawnNotice(db, id);
    return notice ? { kind: 'withdrawn', notice } : { kind: 'none' };
  }
  const [validity, attachments, linked, events, corrections] = await Promise.all([
    store.validityHistory(db, id),
    item.current_version_id ? store.attachments(db, item.current_version_id) : Promise.resolve([]),
    store.linked(db, id, item.interprets_item_id),
    store.publicEvents(db, id),
    store.corrections(db, id),
  ]);
  return { kind: 'item', data: { item, validity, attachments, linked, events, corrections } };
}
