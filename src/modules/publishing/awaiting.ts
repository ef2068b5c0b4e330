// Items that wait for the actor: those on which one of the actor's next steps is a step of the
// review chain (submit, approve, check, publish…). The console's "待我办理" list and the start
// page's panel show the same set, so a person's first screen holds the work the list promises.
import { reachOf } from '../../platform/reach.ts';
import type { Db } from '../../db/database.ts';
import { can, type Actor } from '../../platform/policy.ts';
import { readerRoles } from './publishing.policy.ts';
import { publishingStore as store, type ItemListRow } from './publishing.store.ts';
import { scopeOf, tableFor, transitionsFor } from './publishing.service.ts';
import type { ItemEvent, ItemStatus } from './publishing.ts';
import type { Transition } from './workflow.ts';

/** Events that mean "this item waits for you"; withdraw, correct and emergency publishing are
 *  always possible on some items and would make every published item look pending. */
export const PENDING_EVENTS: ReadonlySet<ItemEvent> = new Set([
  'submit',
  'unit_approve',
  'confidentiality_approve',
  'leader_check',
  'principal_approve',
  'schedule',
  'publish',
  'approve_emergency',
  'redraft',
]);

/** The statuses from which a pending event can start: a published item waits for nobody (only
 *  withdrawal or correction are open), nor does a withdrawn one unless someone decides to redraft
 *  it; an emergency publication waits for its approval. */
export const OPEN_STATUSES: readonly ItemStatus[] = [
  'draft',
  'returned',
  'submitted',
  'unit_approved',
  'confidentiality_reviewed',
  'leader_checked',
  'approved',
  'scheduled',
  'published_pending_approval',
];

export interface AwaitingItem {
  readonly item: ItemListRow;
  /** The actor's next step on it (the first pending one the workflow table offers). */
  readonly event: ItemEvent;
}

/** The items of `items` on which one of the actor's next steps is a pending step of the chain. */
export async function waitingFor(db: Db, actor: Actor, items: readonly ItemListRow[]): Promise<AwaitingItem[]> {
  const tables = new Map<string, Transition[]>();
  const waiting: AwaitingItem[] = [];
  for (const item of items) {
    const key = `${item.agency_id} ${item.catalog_category}`;
    if (!tables.has(key)) tables.set(key, await tableFor(db, item));
    const step = transitionsFor(actor, item, tables.get(key)!).find((r) => PENDING_EVENTS.has(r.event));
    if (step) waiting.push({ item, event: step.event });
  }
  return waiting;
}

/** The open items in the actor's reach that wait for the actor, the earliest due first. */
export async function itemsAwaiting(db: Db, actor: Actor): Promise<AwaitingItem[]> {
  const open = (await store.list(db, { agencyIds: reachOf(actor, readerRoles), statuses: OPEN_STATUSES })).filter((i) =>
    can(actor, 'publishing.read', scopeOf(i)),
  );
  const due = (w: AwaitingItem) => w.item.disclosure_due_on ?? '9999-12-31';
  return (await waitingFor(db, actor, open)).sort(
    (a, b) =>
      due(a).localeCompare(due(b)) ||
      a.item.formation_date.localeCompare(b.item.formation_date) ||
      a.item.id - b.item.id,
  );
}
