// Store rows → what the channels page shows (docs/conventions.md#presenters).
import { channels, websiteChannels, type Channel } from './channels.ts';
import type { ChannelCounts } from './channels.store.ts';
import type { ChannelPublicationRow } from './channels.table.ts';

/** The year's counts as the page's table reads them. */
export interface ChannelYearCounts {
  readonly byChannel: Readonly<Record<Channel, number>>;
  /** Items on a website in the year, each once. */
  readonly websiteItems: number;
  /** "在各类公开载体共发布信息". */
  readonly total: number;
  /** The rows of the table added up (each channel's records). */
  readonly rowsSum: number;
  /**
   * How many more the rows hold than the total: items recorded on more than one website on the
   * same occasion, counted on each website channel and once in the total. 0: no note needed.
   */
  readonly overlap: number;
}

export interface ChannelPublicationItem {
  readonly publishedOn: string;
  readonly channel: string;
  readonly title: string;
  /** The catalog item it published, linked from the list; null for a record of its own. */
  readonly itemId: number | null;
}

export function presentChannelCounts(counts: ChannelCounts): ChannelYearCounts {
  const rowsSum = channels.reduce((n, c) => n + counts.byChannel[c], 0);
  const websiteRows = websiteChannels.reduce((n, c) => n + counts.byChannel[c], 0);
  return {
    byChannel: counts.byChannel,
    websiteItems: counts.websiteItems,
    total: counts.total,
    rowsSum,
    overlap: Math.max(0, websiteRows - counts.websiteItems),
  };
}

export function presentPublication(row: ChannelPublicationRow): ChannelPublicationItem {
  return { publishedOn: row.published_on, channel: row.channel, title: row.title, itemId: row.item_id };
}
