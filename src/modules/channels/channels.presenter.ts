// Store rows → what the channels page shows (docs/conventions.md#presenters).
import type { Channel } from './channels.ts';
import type { ChannelCounts } from './channels.store.ts';
import type { ChannelPublicationRow } from './channels.table.ts';

/** The year's counts as the page's table reads them. */
export interface ChannelYearCounts {
  readonly byChannel: Readonly<Record<Channel, number>>;
  /** Items on a website in the year, each once. */
  readonly websiteItems: number;
  /** "在各类公开载体共发布信息". */
  readonly total: number;
}

export interface ChannelPublicationItem {
  readonly publishedOn: string;
  readonly channel: string;
  readonly title: string;
  /** The catalog item it published, linked from the list; null for a record of its own. */
  readonly itemId: number | null;
}

export function presentChannelCounts(counts: ChannelCounts): ChannelYearCounts {
  return { byChannel: counts.byChannel, websiteItems: counts.websiteItems, total: counts.total };
}

export function presentPublication(row: ChannelPublicationRow): ChannelPublicationItem {
  return { publishedOn: row.published_on, channel: row.channel, title: row.title, itemId: row.item_id };
}
