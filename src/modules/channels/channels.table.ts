import type { Generated, Selectable } from 'kysely';

/** One publication of information on one channel at one date (optionally of a catalog item). */
export interface ChannelPublicationTable {
  id: Generated<number>;
  agency_id: number;
  channel: string;
  published_on: string;
  title: string;
  item_id: number | null;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export type ChannelPublicationRow = Selectable<ChannelPublicationTable>;
