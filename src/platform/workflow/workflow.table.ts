// The columns every status-history table of a versioned document has (versioned-document.ts writes
// them); a kind's table adds the column that names its document (item_id, document_id, …).
import type { Generated } from 'kysely';

/** Append-only: one row per transition, and one for the creation (from null). */
export interface StatusHistoryColumns {
  id: Generated<number>;
  version_id: number | null;
  from_status: string | null;
  to_status: string;
  event: string;
  actor_user_id: number | null;
  reason: string | null;
  created_at: string;
}
