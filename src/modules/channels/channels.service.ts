// Publication records. The platform itself publishes to the websites: a record for the own
// website follows every first publication of an item, written inside the publishing
// transaction (publication-events.ts), so the channel counts can never disagree with the
// catalog. Other channels' publications are entered by the disclosure office.
import type { Db, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { issue, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import { mutate } from '../../platform/mutation.ts';
import type { PublicationListener } from '../../platform/publication-events.ts';
import { isChannel, websiteChannels, type Channel } from './channels.ts';
import { catalogItems, itemVersions, publishingStore } from '../publishing/index.ts';
import { channelsStore } from './channels.store.ts';

export interface PublicationInput {
  channel: string;
  published_on: string;
  title: string;
  item_id?: number | null;
  note?: string | null;
}

/** Inserts the website record of an item just published (its publication date, once per item). */
export async function recordWebsitePublication(
  trx: Tx,
  itemId: number,
  channel: Channel = 'own_website',
): Promise<void> {
  if (await channelsStore.hasWebsiteRecord(trx, itemId)) return;
  const item = await trx
    .selectFrom(catalogItems(trx).as('i'))
    .innerJoin(itemVersions(trx).as('v'), 'v.id', 'i.current_version_id')
    .select(['i.agency_id', 'i.publication_date', 'v.title'])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!item?.publication_date) return;
  await trx
    .insertInto('channel_publications')
    .values({
      agency_id: item.agency_id,
      channel,
      published_on: item.publication_date,
      title: item.title,
      item_id: itemId,
      note: null,
      created_by: null,
      created_at: nowIso(),
    })
    .execute();
}

/**
 * The publication records of an item imported with its history (catalog-import): its website — the
 * own website unless it names another website channel — and its other channels, in one statement,
 * as recordWebsitePublication records a new publication. Written before the publication listeners
 * run, so recordWebsitePublications finds the website record and adds none.
 */
export async function recordImportedPublications(
  trx: Tx,
  item: { agencyId: number; itemId: number; title: string; publishedOn: string; channels?: readonly Channel[] },
  createdAt: string = nowIso(),
): Promise<void> {
  const site = (item.channels ?? []).find((c) => websiteChannels.includes(c)) ?? 'own_website';
  const onChannels = [site, ...new Set((item.channels ?? []).filter((c) => c !== site && isChannel(c)))];
  await trx
    .insertInto('channel_publications')
    .values(
      onChannels.map((channel) => ({
        agency_id: item.agencyId,
        channel,
        published_on: item.publishedOn,
        title: item.title.trim(),
        item_id: item.itemId,
        note: null,
        created_by: null,
        created_at: createdAt,
      })),
    )
    .execute();
}

export const recordWebsitePublications: PublicationListener = async (trx, event) => {
  if (event.change === 'published') await recordWebsitePublication(trx, event.itemId);
};

export function publicationIssues(input: PublicationInput, today: string): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isChannel(input.channel)) issues.push(issue('channel', 'field.invalid_choice', { label: '渠道 / Channel' }));
  else if (websiteChannels.includes(input.channel)) issues.push(issue('channel', 'channels.error.website'));
  if (!isRealDate(input.published_on))
    issues.push(issue('published_on', 'field.invalid_date', { label: '发布日期 / Date' }));
  else if (input.published_on > today) issues.push(issue('published_on', 'channels.error.future'));
  if (!input.title.trim()) issues.push(issue('title', 'field.required', { label: '标题 / Title' }));
  return issues;
}

export const channelsService = {
  /** Records a publication on another channel; the route has authorized `channels.record` on the agency. */
  async record(
    db: Db,
    ctx: AuditContext,
    agencyId: number,
    input: PublicationInput,
    by: { createdBy: number },
  ): Promise<number> {
    const issues = publicationIssues(input, todayInChina());
    if (input.item_id != null) {
      const item = await publishingStore.item(db, input.item_id);
      if (!item || item.agency_id !== agencyId) issues.push(issue('item_id', 'channels.error.item'));
    }
    if (issues.length) throw new ValidationError(issues);
    return mutate(db, ctx, async (trx, audit) => {
      const row = await trx
        .insertInto('channel_publications')
        .values({
          agency_id: agencyId,
          channel: input.channel,
          published_on: input.published_on,
          title: input.title.trim(),
          item_id: input.item_id ?? null,
          note: input.note?.trim() || null,
          created_by: by.createdBy,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({
        action: 'channels.record',
        subjectType: 'channel_publication',
        subjectId: row.id,
        after: { ...input, agency_id: agencyId },
      });
      return row.id;
    });
  },
};
