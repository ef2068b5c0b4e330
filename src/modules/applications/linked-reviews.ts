// The reconsideration and litigation cases brought over an application, which its case page lists.
// They are the reconsideration module's rows, and that module depends on this one (a case is
// brought over an application), not the other way round: so it provides the lookup, and the
// composition root registers it (ADR 0019, docs/adr/0022-table-ownership.md). Without a lookup the
// page lists none.
import type { Executor } from '../../db/database.ts';

/** A case as the lookup reads it (the reconsideration module's columns); presented for the page by
 *  applications.presenter.ts. */
export interface LinkedReconsideration {
  readonly id: number;
  readonly kind: string;
  readonly body: string;
  readonly case_number: string | null;
  readonly filed_on: string;
  readonly decided_on: string | null;
  readonly result: string | null;
}

export type LinkedReviewsLookup = (db: Executor, applicationId: number) => Promise<readonly LinkedReconsideration[]>;

let lookup: LinkedReviewsLookup | null = null;

export function registerLinkedReviews(found: LinkedReviewsLookup): void {
  lookup = found;
}

/** How many lookups are registered (for the tests of the wiring). */
export function linkedReviewsLookupCount(): number {
  return lookup ? 1 : 0;
}

/** The cases brought over the application, oldest filing first. */
export function linkedReviews(db: Executor, applicationId: number): Promise<readonly LinkedReconsideration[]> {
  return lookup ? lookup(db, applicationId) : Promise.resolve([]);
}
