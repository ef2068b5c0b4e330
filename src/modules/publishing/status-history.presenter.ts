// A versioned document's status history (an item's, a report document's) as the "办理记录" section
// shows it (docs/conventions.md#presenters): the time in China time, who acted, the move and why.
import { formatChinaTime } from '../../platform/clock.ts';
import type { StatusHistoryColumns } from '../../platform/workflow/workflow.table.ts';

export interface StatusHistoryEntry {
  /** When, in China time (formatChinaTime). */
  readonly at: string;
  /** Who acted; null when no user did (the scheduler, an import). */
  readonly actorName: string | null;
  /** A workflow event (pub.event.*). */
  readonly event: string;
  /** The state before (pub.status.*); null for the creation. */
  readonly fromStatus: string | null;
  readonly toStatus: string;
  readonly reason: string | null;
}

/** A status-history row joined with the actor's display name. */
export type StatusHistoryRow = Pick<StatusHistoryColumns, 'created_at' | 'event' | 'from_status' | 'to_status'> & {
  readonly reason: string | null;
  readonly actor_name: string | null;
};

export function presentStatusHistory(rows: readonly StatusHistoryRow[]): StatusHistoryEntry[] {
  return rows.map((h) => ({
    at: formatChinaTime(h.created_at),
    actorName: h.actor_name,
    event: h.event,
    fromStatus: h.from_status,
    toStatus: h.to_status,
    reason: h.reason,
  }));
}
