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

/** Where an agency's publications on a channel (Weibo, WeChat) are delivered, and how. */
export interface ChannelEndpointTable {
  id: Generated<number>;
  agency_id: number;
  channel: string;
  /** The adapter's key (channel-adapters.ts), e.g. signed_webhook. */
  adapter: string;
  url: string;
  /** Sealed by the personal-data vault; never shown again once saved. */
  secret_enc: string;
  enabled: Generated<number>;
  /** 1: every publication of the agency is queued for the channel automatically. */
  auto_queue: Generated<number>;
  updated_by: number | null;
  updated_at: string;
}

/** One publication of an item version on a channel, waiting to be sent, sent, or given up. */
export interface ChannelOutboxTable {
  id: Generated<number>;
  agency_id: number;
  item_id: number;
  version_id: number;
  channel: string;
  /** pending | sent | failed */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  payload_json: string;
  /** The channel_publications record written when it was sent. */
  publication_id: number | null;
  created_by: number | null;
  created_at: string;
  sent_at: string | null;
}

export type ChannelEndpointRow = Selectable<ChannelEndpointTable>;
export type ChannelOutboxRow = Selectable<ChannelOutboxTable>;
