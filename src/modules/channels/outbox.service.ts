// The channel outbox: publications of catalog items on Weibo and WeChat. An entry is queued by
// the disclosure office (or, when the agency's endpoint says so, inside the transaction that
// publishes the item), and a sender delivers what is due through the endpoint's adapter. On
// failure the entry stays with its error and a later attempt time (exponential backoff, as the
// mail outbox), until it gives up after MAX_ATTEMPTS and waits for a person to retry it: nothing
// is dropped. On success the publication record that the report counts is written together with
// the entry's new status, in one transaction with its audit event.
//
// Delivery is at least once: if the process dies between the channel's answer and the commit,
// the claim expires and the entry is sent again — with the same delivery id in the
// x-gongkai-delivery header, so a receiver can drop the repeat.
import type { Db, Executor, Tx } from '../../db/database.ts';
import { systemContext, type AuditContext } from '../../platform/audit/audit.ts';
import { now, nowIso, todayInChina } from '../../platform/clock.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { ConflictError, issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { backoffMs, claimDue, MAX_ATTEMPTS } from '../../platform/mail/outbox.ts';
import { mutate } from '../../platform/mutation.ts';
import type { PublicationListener } from '../../platform/publication-events.ts';
import { agencyDirectory } from '../organisation/index.ts';
import { catalogItems, itemVersions, publicStatuses, publishingStore, type ItemStatus } from '../publishing/index.ts';
import { channelAdapter, endpointUrlProblem, isOutboxChannel, type ChannelPayload } from './channel-adapters.ts';
import { outboxStore as store } from './outbox.store.ts';
import type { ChannelOutboxRow } from './channels.table.ts';

/** The payload of the item's current version, or undefined when the item is not public. */
async function payloadOf(
  db: Executor,
  itemId: number,
): Promise<{ agencyId: number; versionId: number; payload: ChannelPayload } | undefined> {
  const row = await db
    .selectFrom(catalogItems(db).as('i'))
    .innerJoin(itemVersions(db).as('v'), 'v.id', 'i.current_version_id')
    .innerJoin(agencyDirectory(db).as('a'), 'a.id', 'i.agency_id')
    .select([
      'i.id',
      'i.agency_id',
      'i.status',
      'i.index_number',
      'i.publication_date',
      'i.disclosure_mode',
      'v.id as version_id',
      'v.title',
      'v.summary',
      'a.name as agency_name',
    ])
    .where('i.id', '=', itemId)
    .executeTakeFirst();
  if (!row || !publicStatuses.includes(row.status as ItemStatus) || row.disclosure_mode !== 'proactive')
    return undefined;
  const path = `/items/${row.id}`;
  const base = process.env.GONGKAI_PUBLIC_URL?.replace(/\/+$/, '');
  return {
    agencyId: row.agency_id,
    versionId: row.version_id,
    payload: {
      itemId: row.id,
      versionId: row.version_id,
      indexNumber: row.index_number,
      title: row.title,
      summary: row.summary,
      publicationDate: row.publication_date,
      path,
      url: base ? `${base}${path}` : null,
      agency: row.agency_name,
    },
  };
}

/** Queues the item's current version for the channel; null when it is already queued. */
export async function enqueueChannelPublication(
  trx: Executor,
  itemId: number,
  channel: string,
  userId: number | null,
): Promise<number | null> {
  const found = await payloadOf(trx, itemId);
  if (!found) return null;
  const at = nowIso();
  const row = await trx
    .insertInto('channel_outbox')
    .values({
      agency_id: found.agencyId,
      item_id: itemId,
      version_id: found.versionId,
      channel,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      payload_json: JSON.stringify(found.payload),
      publication_id: null,
      created_by: userId,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.columns(['item_id', 'version_id', 'channel']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id ?? null;
}

// An agency whose endpoint queues automatically gets every new publication queued in the same
// transaction that publishes it: it cannot be published and forgotten.
export const queueForAutoEndpoints: PublicationListener = async (trx: Tx, event) => {
  if (event.change !== 'published') return;
  for (const endpoint of await store.autoEndpoints(trx, event.agencyId))
    await enqueueChannelPublication(trx, event.itemId, endpoint.channel, null);
};

export interface EndpointInput {
  channel: string;
  url: string;
  /** Blank keeps the saved secret. */
  secret?: string | null;
  enabled: boolean;
  auto_queue: boolean;
  adapter?: string;
}

/** The item a queue request names, once its channel and item are valid (422 otherwise): the route
 *  authorizes `channels.record` on its agency before queueing. */
export async function itemToQueue(
  db: Executor,
  itemId: number,
  channel: string,
): Promise<{ id: number; agency_id: number; status: string; disclosure_mode: string }> {
  const item = await publishingStore.item(db, itemId);
  const issues: ValidationIssue[] = [];
  if (!isOutboxChannel(channel)) issues.push(issue('channel', 'outbox.error.channel'));
  if (!item) issues.push(issue('item_id', 'outbox.error.item'));
  if (issues.length) throw new ValidationError(issues);
  return item!;
}

/** An outbox entry, or 404: the route authorizes `channels.record` on its agency before a retry. */
export async function outboxEntry(db: Executor, id: number): Promise<ChannelOutboxRow> {
  const entry = await store.entry(db, id);
  if (!entry) throw new NotFoundError();
  return entry;
}

export function createOutboxService(vault: PersonalDataVault) {
  return {
    /** Saves an agency's endpoint of a channel; the secret is sealed and never returned. The route
     *  has authorized `channels.configure` on the agency. */
    async saveEndpoint(
      db: Db,
      ctx: AuditContext,
      agencyId: number,
      input: EndpointInput,
      by: { updatedBy: number },
    ): Promise<void> {
      const issues: ValidationIssue[] = [];
      if (!isOutboxChannel(input.channel)) issues.push(issue('channel', 'outbox.error.channel'));
      const urlProblem = endpointUrlProblem(input.url.trim());
      if (urlProblem)
        issues.push(issue('url', urlProblem === 'insecure' ? 'outbox.error.url_insecure' : 'outbox.error.url'));
      const adapter = input.adapter ?? 'signed_webhook';
      if (!channelAdapter(adapter)) issues.push(issue('adapter', 'outbox.error.adapter'));
      const existing = isOutboxChannel(input.channel) ? await store.endpoint(db, agencyId, input.channel) : undefined;
      const secret = input.secret?.trim() ?? '';
      if (!existing && !secret) issues.push(issue('secret', 'outbox.error.secret_required'));
      if (secret && secret.length < 16) issues.push(issue('secret', 'outbox.error.secret_short'));
      if (issues.length) throw new ValidationError(issues);
      await mutate(db, ctx, async (trx, audit) => {
        const values = {
          adapter,
          url: input.url.trim(),
          secret_enc: secret ? vault.encrypt(secret) : existing!.secret_enc,
          enabled: input.enabled ? 1 : 0,
          auto_queue: input.auto_queue ? 1 : 0,
          updated_by: by.updatedBy,
          updated_at: nowIso(),
        };
        if (existing) await trx.updateTable('channel_endpoints').set(values).where('id', '=', existing.id).execute();
        else
          await trx
            .insertInto('channel_endpoints')
            .values({ agency_id: agencyId, channel: input.channel, ...values })
            .execute();
        // The log says that the secret changed, never what it is.
        await audit({
          action: 'channels.endpoint',
          subjectType: 'agency',
          subjectId: agencyId,
          before: existing
            ? {
                channel: existing.channel,
                url: existing.url,
                enabled: existing.enabled,
                auto_queue: existing.auto_queue,
              }
            : undefined,
          after: {
            channel: input.channel,
            url: values.url,
            enabled: values.enabled,
            auto_queue: values.auto_queue,
            adapter,
            secret_changed: Boolean(secret),
          },
        });
      });
    },

    /** Queues a published item for a channel; the route has authorized `channels.record` on the
     *  agency of `itemToQueue`. */
    async queue(db: Db, ctx: AuditContext, itemId: number, channel: string, by: { queuedBy: number }): Promise<number> {
      const item = await itemToQueue(db, itemId, channel);
      if (!publicStatuses.includes(item.status as ItemStatus) || item.disclosure_mode !== 'proactive')
        throw new ValidationError([issue('item_id', 'outbox.error.not_public')]);
      return mutate(db, ctx, async (trx, audit) => {
        const id = await enqueueChannelPublication(trx, itemId, channel, by.queuedBy);
        if (id === null) throw new ConflictError('outbox.error.already_queued');
        await audit({
          action: 'channels.queue',
          subjectType: 'channel_outbox',
          subjectId: id,
          after: { item_id: itemId, channel },
        });
        return id;
      });
    },

    /** A person asks for another attempt now: a failed entry starts over, a waiting one is due at once. */
    /** The route has authorized `channels.record` on the agency of `outboxEntry`. */
    async retry(db: Db, ctx: AuditContext, id: number): Promise<void> {
      const entry = await outboxEntry(db, id);
      if (entry.status === 'sent') throw new ConflictError('outbox.error.already_sent');
      await mutate(db, ctx, async (trx, audit) => {
        const updated = await trx
          .updateTable('channel_outbox')
          .set({ status: 'pending', attempts: 0, next_attempt_at: nowIso() })
          .where('id', '=', id)
          .where('status', '=', entry.status)
          .where('next_attempt_at', '=', entry.next_attempt_at)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('outbox.error.changed_meanwhile');
        await audit({
          action: 'channels.retry',
          subjectType: 'channel_outbox',
          subjectId: id,
          before: { status: entry.status, attempts: entry.attempts, last_error: entry.last_error },
          after: { status: 'pending' },
        });
      });
    },

    sendDue: (db: Db, options: SendOptions = {}) => sendDueChannelPublications(db, vault, options),
  };
}

export type OutboxService = ReturnType<typeof createOutboxService>;

export interface SendOptions {
  readonly limit?: number;
  readonly timeoutMs?: number;
}

export interface ChannelSendRun {
  readonly sent: number[];
  readonly failed: { id: number; error: string }[];
}

async function fail(db: Db, row: ChannelOutboxRow, attempts: number, error: string): Promise<void> {
  await db
    .updateTable('channel_outbox')
    .set({
      status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
      attempts,
      last_error: error.slice(0, 500),
      next_attempt_at: new Date(now().getTime() + backoffMs(attempts)).toISOString(),
    })
    .where('id', '=', row.id)
    .execute();
}

/** Sends every entry whose time has come (at most `limit`). Several senders may run at once. */
export async function sendDueChannelPublications(
  db: Db,
  vault: PersonalDataVault,
  options: SendOptions = {},
): Promise<ChannelSendRun> {
  const run = { sent: [] as number[], failed: [] as { id: number; error: string }[] };
  for (const row of await store.due(db, now().toISOString(), options.limit ?? 100)) {
    // Another sender that read the same row has claimed it (or a person retried it): skip it.
    if (!(await claimDue(db, 'channel_outbox', row))) continue;
    const attempts = row.attempts + 1;
    const endpoint = await store.endpoint(db, row.agency_id, row.channel);
    const adapter = endpoint ? channelAdapter(endpoint.adapter) : undefined;
    let error: string | null = null;
    if (!endpoint || endpoint.enabled !== 1)
      error = 'no enabled endpoint for this channel (set one on the outbox page)';
    else if (!adapter) error = `unknown adapter ${endpoint.adapter}`;
    else {
      try {
        await adapter.send(
          { deliveryId: row.id, channel: row.channel, payload: JSON.parse(row.payload_json) as ChannelPayload },
          { url: endpoint.url, secret: vault.decrypt(endpoint.secret_enc) },
          { timeoutMs: options.timeoutMs ?? 15_000, now: now() },
        );
      } catch (e) {
        error = e instanceof Error ? e.message : String(e);
      }
    }
    if (error !== null) {
      await fail(db, row, attempts, error);
      run.failed.push({ id: row.id, error });
      continue;
    }
    await mutate(db, systemContext, async (trx, audit) => {
      const payload = JSON.parse(row.payload_json) as ChannelPayload;
      const publication = await trx
        .insertInto('channel_publications')
        .values({
          agency_id: row.agency_id,
          channel: row.channel,
          published_on: todayInChina(),
          title: payload.title,
          item_id: row.item_id,
          note: `outbox #${row.id}`,
          created_by: row.created_by,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await trx
        .updateTable('channel_outbox')
        .set({ status: 'sent', attempts, sent_at: nowIso(), last_error: null, publication_id: publication.id })
        .where('id', '=', row.id)
        .execute();
      await audit({
        action: 'channels.outbox_sent',
        subjectType: 'channel_outbox',
        subjectId: row.id,
        after: { item_id: row.item_id, channel: row.channel, attempts, publication_id: publication.id },
      });
    });
    run.sent.push(row.id);
  }
  return run;
}
