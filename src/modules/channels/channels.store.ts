// Every query of the channels module, including the counts the annual report reads.
import type { Executor } from '../../db/database.ts';
import { catalogItems, itemVersions } from '../publishing/index.ts';
import { channels, websiteChannels, type Channel } from './channels.ts';
import type { ChannelPublicationRow } from './channels.table.ts';

export interface ChannelCounts {
  readonly year: number;
  /** Publication records per channel in the year (website channels included, one per item and site). */
  readonly byChannel: Readonly<Record<Channel, number>>;
  /** Items published on the portal and/or the own website in the year, each once (= websiteItemCount). */
  readonly websiteItems: number;
  /** Records on every channel that is not a website. */
  readonly otherPublications: number;
  /** "在各类公开载体共发布信息": websiteItems + otherPublications. */
  readonly total: number;
}

export interface ContentAreas {
  /** Items published in the year per catalog category (publishing's catalog_category). */
  readonly byCategory: Readonly<Record<string, number>>;
  /** The same items per (category, topic): the finer content areas (e.g. 劳务派遣行政许可). */
  readonly byTopic: readonly { category: string; topic: string | null; count: number }[];
}

function yearRange(year: number): [string, string] {
  return [`${year}-01-01`, `${year}-12-31`];
}

export const channelsStore = {
  /**
   * Items of the agencies whose publication date (publishing's publication_date) falls in the
   * year: what the platform published on the portal and the own website. Withdrawn items were
   * published all the same and count; items never published do not.
   */
  async websiteItemCount(db: Executor, agencyIds: readonly number[], year: number): Promise<number> {
    if (agencyIds.length === 0) return 0;
    const [from, to] = yearRange(year);
    const row = await db
      .selectFrom(catalogItems(db).as('information_items'))
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', 'in', agencyIds)
      .where('disclosure_mode', '=', 'proactive')
      .where('publication_date', '>=', from)
      .where('publication_date', '<=', to)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  async publicationsByChannel(db: Executor, agencyIds: readonly number[], year: number): Promise<ChannelCounts> {
    const byChannel = Object.fromEntries(channels.map((c) => [c, 0])) as Record<Channel, number>;
    if (agencyIds.length === 0) return { year, byChannel, websiteItems: 0, otherPublications: 0, total: 0 };
    const [from, to] = yearRange(year);
    const rows = await db
      .selectFrom('channel_publications')
      .select(['channel', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', 'in', agencyIds)
      .where('published_on', '>=', from)
      .where('published_on', '<=', to)
      .groupBy('channel')
      .execute();
    for (const r of rows) if (r.channel in byChannel) byChannel[r.channel as Channel] = Number(r.n);
    const otherPublications = channels
      .filter((c) => !websiteChannels.includes(c))
      .reduce((n, c) => n + byChannel[c], 0);
    const websiteItems = await channelsStore.websiteItemCount(db, agencyIds, year);
    return { year, byChannel, websiteItems, otherPublications, total: websiteItems + otherPublications };
  },

  async contentAreaBreakdown(db: Executor, agencyIds: readonly number[], year: number): Promise<ContentAreas> {
    if (agencyIds.length === 0) return { byCategory: {}, byTopic: [] };
    const [from, to] = yearRange(year);
    const rows = await db
      .selectFrom(catalogItems(db).as('i'))
      .innerJoin(itemVersions(db).as('v'), 'v.id', 'i.current_version_id')
      .select(['i.catalog_category as category', 'v.topic as topic', (eb) => eb.fn.countAll<number>().as('n')])
      .where('i.agency_id', 'in', agencyIds)
      .where('i.disclosure_mode', '=', 'proactive')
      .where('i.publication_date', '>=', from)
      .where('i.publication_date', '<=', to)
      .groupBy(['i.catalog_category', 'v.topic'])
      .orderBy('i.catalog_category')
      .orderBy('v.topic')
      .execute();
    const byCategory: Record<string, number> = {};
    for (const r of rows) byCategory[r.category] = (byCategory[r.category] ?? 0) + Number(r.n);
    return { byCategory, byTopic: rows.map((r) => ({ category: r.category, topic: r.topic, count: Number(r.n) })) };
  },

  /**
   * This year's website items against last year's: (current / previous − 1) × 100, one decimal
   * (annual-report.schema.json report2008 websiteGrowthPercent); null without a previous count.
   */
  async websiteGrowth(
    db: Executor,
    agencyIds: readonly number[],
    year: number,
  ): Promise<{ current: number; previous: number; growthPercent: number | null }> {
    const current = await channelsStore.websiteItemCount(db, agencyIds, year);
    const previous = await channelsStore.websiteItemCount(db, agencyIds, year - 1);
    return { current, previous, growthPercent: growthPercent(current, previous) };
  },

  recent(db: Executor, agencyIds: readonly number[], limit = 100): Promise<ChannelPublicationRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('channel_publications')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .orderBy('published_on', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  async hasWebsiteRecord(db: Executor, itemId: number): Promise<boolean> {
    const row = await db
      .selectFrom('channel_publications')
      .select('id')
      .where('item_id', '=', itemId)
      .where('channel', 'in', [...websiteChannels])
      .executeTakeFirst();
    return row !== undefined;
  },
};

export function growthPercent(current: number, previous: number): number | null {
  if (previous <= 0) return null;
  return Math.round((current / previous - 1) * 1000) / 10;
}

export const { websiteItemCount, publicationsByChannel, contentAreaBreakdown, websiteGrowth } = channelsStore;
