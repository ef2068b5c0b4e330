// The rows of a public item's page, shared by the page route (portal.routes.tsx, which presents
// them through item.presenter.ts) and the JSON API (api.routes.ts), which would otherwise import
// each other.
import type { Db } from '../../db/database.ts';
import { portalStore as store } from './portal.store.ts';

type Rows<F extends (...args: never[]) => Promise<unknown>> = Awaited<ReturnType<F>>;

/** Everything the item's page and its API answer show, as the store reads it. */
export interface PublicItemRecord {
  readonly item: NonNullable<Rows<typeof store.publicItem>>;
  readonly validity: Rows<typeof store.validityHistory>;
  readonly attachments: Rows<typeof store.attachments>;
  readonly linked: Rows<typeof store.linked>;
  readonly events: Rows<typeof store.publicEvents>;
  readonly corrections: Rows<typeof store.corrections>;
}

export type WithdrawnRecord = NonNullable<Rows<typeof store.withdrawnNotice>>;

/** The item's rows, or its withdrawal notice, or nothing (never public: 404). */
export async function loadPublicItem(
  db: Db,
  id: number,
): Promise<
  { kind: 'item'; record: PublicItemRecord } | { kind: 'withdrawn'; notice: WithdrawnRecord } | { kind: 'none' }
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
  return { kind: 'item', record: { item, validity, attachments, linked, events, corrections } };
}
