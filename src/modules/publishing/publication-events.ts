// Listeners that must change with what the public sees — the search index, the portal's page
// cache, the static export's change list — run inside the transaction that publishes, corrects
// or withdraws an item, so they can never disagree with the catalog.
import type { Tx } from '../../db/database.ts';

export type PublicationChange = 'published' | 'corrected' | 'withdrawn';

export interface PublicationEvent {
  readonly itemId: number;
  readonly agencyId: number;
  readonly change: PublicationChange;
  /** The version the public now sees (the last public one when withdrawn). */
  readonly versionId: number | null;
}

type Listener = (trx: Tx, event: PublicationEvent) => Promise<void>;

const listeners: Listener[] = [];

/** Registers a listener once per process (modules call this at import time). */
export function onPublicationChange(listener: Listener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

export async function publicationChanged(trx: Tx, event: PublicationEvent): Promise<void> {
  for (const listener of listeners) await listener(trx, event);
}
