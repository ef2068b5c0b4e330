import type { Selectable } from 'kysely';

/** Who may approve an agency's drafted answers (migration 20261207201000); no row: the default. */
export interface AgencyReplyApproversTable {
  agency_id: number;
  /** Comma-separated approver codes (reply-approvers.ts REPLY_APPROVERS), in that order. */
  approvers: string;
  updated_by: number | null;
  updated_at: string;
}

export type AgencyReplyApproversRow = Selectable<AgencyReplyApproversTable>;
