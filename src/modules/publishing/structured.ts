// Items that carry a structured entry of another module (a power of the power catalog, a service
// guide): their content is generated from the entry's fields, so it is edited — as a draft — and
// corrected — once published — on that module's pages, never as free text here, or the entry and
// the published text would drift apart. Such modules register a lookup; the item page links to
// their forms and the generic edit and correction refuse these items. The composition root
// registers the lookups.
import type { Executor } from '../../db/database.ts';

export interface StructuredEntry {
  /** Where the draft is edited. */
  readonly editHref: string;
  /** Where a published entry is corrected (new version with a public change note). */
  readonly correctHref: string;
}

export type StructuredEntryLookup = (db: Executor, itemId: number) => Promise<StructuredEntry | null>;

const lookups: StructuredEntryLookup[] = [];

export function registerStructuredEntries(lookup: StructuredEntryLookup): void {
  if (!lookups.includes(lookup)) lookups.push(lookup);
}

/** How many lookups are registered (for the tests of the wiring). */
export function structuredEntryLookupCount(): number {
  return lookups.length;
}

export async function structuredEntryOf(db: Executor, itemId: number): Promise<StructuredEntry | null> {
  for (const lookup of lookups) {
    const found = await lookup(db, itemId);
    if (found) return found;
  }
  return null;
}
