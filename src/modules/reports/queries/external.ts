// Figures owned by other modules, read through their exported queries and put in the report's terms:
// channels (publications per channel, website items, content areas), the power catalog (power items,
// service guides with their workflows, and the yearly figures of table 二 (五)(六)(八)), and
// reconsideration and litigation (table 四, with case ids).
// Channel counts come as numbers without record ids, so those figures carry no provenance.
import { missingYearlyFiguresNote } from '../report-labels.ts';
import type { Executor } from '../../../db/database.ts';
import { contentAreaBreakdown, publicationsByChannel, websiteItemCount } from '../../channels/index.ts';
import { reportChannelKey, type Channel } from '../../channels/index.ts';
import { catalogCounts } from '../../power-catalog/index.ts';
import { reconsiderationCounts } from '../../reconsideration/index.ts';
import { mailboxYear, type MailboxYear } from '../../mailbox/index.ts';
import { REVIEW_GROUP_KEYS, REVIEW_COLUMNS, type ReviewColumn, type ReviewGroupKey } from '../report-types.ts';
import { yearEnd, type Figure } from './figure.ts';
import { reportYearlyFigures } from './yearly-figures.ts';

const count = (value: number): Figure => ({ value, ids: [] });

export interface ExternalFigures {
  /** "在各类公开载体共发布信息": website items once each, plus every record on other channels. */
  readonly totalPublished: Figure | null;
  /** Per report channel key (annual-report.schema.json byChannel). */
  readonly byChannel: Record<string, Figure> | null;
  readonly byCategory: Record<string, Figure> | null;
  readonly websiteItems: Figure | null;
  readonly yearly: {
    licences: Figure;
    penalties: Figure;
    coercion: Figure;
    administrativeFeesTenThousandYuan: number;
  } | null;
  readonly powerItems: Figure | null;
  readonly workflows: Figure | null;
  readonly reviews: Record<ReviewGroupKey, Record<ReviewColumn, Figure>> | null;
  /** Mayor's-mailbox letters and 12345 work orders of the year (the mailbox module's counts). */
  readonly mailbox: MailboxYear | null;
  /** Figures that are missing or incomplete (shown with the report, never hidden behind a zero). */
  readonly unavailable: readonly string[];
}

const NO_CHANNELS = { total: 0, byChannel: {} as Record<string, number> };
const NO_AREAS = { byCategory: {} as Record<string, number> };

/**
 * `publicationFigures`: also the channel, content-area and catalog figures that only the 2008
 * narrative reports (the 2021 and 2019 tables do not have them, so they are not queried).
 */
export async function externalFigures(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
  options: { publicationFigures?: boolean } = {},
): Promise<ExternalFigures> {
  const unavailable: string[] = [];
  const all = options.publicationFigures ?? true;
  const [channelCounts, website, areas, yearly, catalog, reviews, mailbox] = await Promise.all([
    all ? publicationsByChannel(db, agencyIds, year) : NO_CHANNELS,
    all ? websiteItemCount(db, agencyIds, year) : null,
    all ? contentAreaBreakdown(db, agencyIds, year) : NO_AREAS,
    reportYearlyFigures(db, agencyIds, year),
    all ? catalogCounts(db, agencyIds, yearEnd(year)) : null,
    reconsiderationCounts(db, agencyIds, year),
    mailboxYear(db, agencyIds, year),
  ]);
  const byChannel: Record<string, Figure> = {};
  for (const [channel, n] of Object.entries(channelCounts.byChannel)) {
    if (!n) continue;
    const key = reportChannelKey[channel as Channel] ?? 'other';
    byChannel[key] = count((byChannel[key]?.value ?? 0) + n);
  }
  if (yearly.missing.length) {
    const kinds = [...new Set(yearly.missing.map((m) => m.kind))];
    unavailable.push(missingYearlyFiguresNote(kinds, new Set(yearly.missing.map((m) => m.agencyId)).size));
  }
  const reviewTable = {} as Record<ReviewGroupKey, Record<ReviewColumn, Figure>>;
  for (const g of REVIEW_GROUP_KEYS) {
    reviewTable[g] = Object.fromEntries(
      REVIEW_COLUMNS.map((c) => [c, { value: reviews[g][c].count, ids: reviews[g][c].ids }]),
    ) as unknown as Record<ReviewColumn, Figure>;
  }
  return {
    totalPublished: all ? count(channelCounts.total) : null,
    byChannel: all ? byChannel : null,
    byCategory: all ? Object.fromEntries(Object.entries(areas.byCategory).map(([k, n]) => [k, count(n)])) : null,
    websiteItems: website === null ? null : count(website),
    yearly: {
      // The yearly-figure rows entered for the agencies are the records behind these cells.
      licences: yearly.licences,
      penalties: yearly.penalties,
      coercion: yearly.coercion,
      administrativeFeesTenThousandYuan: yearly.administrativeFeesTenThousandYuan,
    },
    powerItems: catalog ? count(catalog.powerItems) : null,
    workflows: catalog ? count(catalog.serviceGuides) : null,
    reviews: reviewTable,
    mailbox,
    unavailable,
  };
}
