// Listeners that must change with what the public sees — the search index, the portal's page
// cache, the static export's change list — run inside the transaction that publishes, corrects
// or withdraws an item, so they can never disagree with the catalog. Modules declare their listeners
// (ModuleDefinition.publicationListeners); only the composition root registers them, so importing
// publishing alone publishes and tells no one — the server, the CLI and the demo loader all wire first.
import type { Tx } from '../db/database.ts';

export type PublicationChange = 'published' | 'corrected' | 'withdrawn';

export interface PublicationEvent {
  readonly itemId: number;
  readonly agencyId: number;
  readonly change: PublicationChange;
  /** The version the public now sees (the last public one when withdrawn). */
  readonly versionId: number | null;
}

export type PublicationListener = (trx: Tx, event: PublicationEvent) => Promise<void>;

const listeners: PublicationListener[] = [];

/** Registers a listener once per process. */
export function onPublicationChange(listener: PublicationListener): void {
  if (!listeners.includes(listener)) listeners.push(listener);
}

/** How many listeners are registered (for the tests of the wiring). */
export function publicationListenerCount(): number {
  return listeners.length;
}

export async function publicationChanged(trx: Tx, event: PublicationEvent): Promise<void> {
  for (const listener of listeners) await listener(trx, event);
}
