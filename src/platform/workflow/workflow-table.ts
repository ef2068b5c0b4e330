// A workflow as data: rows of (state, event) → { to, requires, needs }. A document kind builds its
// table (publishing/workflow.ts for catalog items, which the annual report narrows); this file only
// knows what a row is, so a kind's table can be tested pair by pair without a database.
import type { Role } from '../roles.ts';

export interface Transition<S extends string = string, E extends string = string, N extends string = string> {
  readonly from: S;
  readonly event: E;
  readonly to: S;
  /** The role that may take the step; the kind turns it into a permission on the document. */
  readonly requires: Role;
  /** What the step asks for besides the role (a reason, a recorded decision, a clean text…). */
  readonly needs: readonly N[];
}

export function findTransition<T extends Transition>(
  table: readonly T[],
  from: T['from'],
  event: T['event'],
): T | undefined {
  return table.find((r) => r.from === from && r.event === event);
}
