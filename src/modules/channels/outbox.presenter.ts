// Store rows → what the outbox page shows (docs/conventions.md#presenters): times cut to the
// minute, and per outbox channel the endpoint's settings without its secret, which is
// write-only and never leaves the store.
import { outboxChannels, type OutboxChannel } from './channel-adapters.ts';
import type { ChannelEndpointRow } from './channels.table.ts';
import type { OutboxListRow } from './outbox.store.ts';

export interface OutboxEntry {
  readonly id: number;
  readonly itemId: number;
  readonly title: string;
  readonly indexNumber: string;
  readonly channel: string;
  readonly status: string;
  readonly attempts: number;
  /** "YYYY-MM-DD HH:MM"; null until sent. */
  readonly sentAt: string | null;
  readonly nextAttemptAt: string;
  readonly lastError: string | null;
}

/** An outbox channel's endpoint as the settings table shows it; null fields when not configured. */
export interface OutboxEndpointItem {
  readonly channel: OutboxChannel;
  readonly url: string | null;
  readonly enabled: boolean;
  readonly autoQueue: boolean;
}

const minute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

export function presentOutboxEntry(row: OutboxListRow): OutboxEntry {
  return {
    id: row.id,
    itemId: row.item_id,
    title: row.title,
    indexNumber: row.index_number,
    channel: row.channel,
    status: row.status,
    attempts: row.attempts,
    sentAt: row.sent_at === null ? null : minute(row.sent_at),
    nextAttemptAt: minute(row.next_attempt_at),
    lastError: row.last_error,
  };
}

/** One line per outbox channel, from the first endpoint configured for it. */
export function presentEndpoints(rows: readonly ChannelEndpointRow[]): OutboxEndpointItem[] {
  return outboxChannels.map((channel) => {
    const e = rows.find((x) => x.channel === channel);
    return e
      ? { channel, url: e.url, enabled: Boolean(e.enabled), autoQueue: Boolean(e.auto_queue) }
      : { channel, url: null, enabled: false, autoQueue: false };
  });
}
