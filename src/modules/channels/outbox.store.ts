// Every query of the channel outbox and its endpoints.
import type { Executor } from '../../db/database.ts';
import { catalogItems, itemVersions } from '../publishing/index.ts';
import type { ChannelEndpointRow, ChannelOutboxRow } from './channels.table.ts';

export interface OutboxListRow extends ChannelOutboxRow {
  readonly index_number: string;
  readonly title: string;
}

export const outboxStore = {
  endpoint(db: Executor, agencyId: number, channel: string): Promise<ChannelEndpointRow | undefined> {
    return db
      .selectFrom('channel_endpoints')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('channel', '=', channel)
      .executeTakeFirst();
  },

  endpoints(db: Executor, agencyIds: readonly number[]): Promise<ChannelEndpointRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('channel_endpoints')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .orderBy('agency_id')
      .orderBy('channel')
      .execute();
  },

  /** Endpoints that queue every publication of the agency. */
  autoEndpoints(db: Executor, agencyId: number): Promise<ChannelEndpointRow[]> {
    return db
      .selectFrom('channel_endpoints')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('enabled', '=', 1)
      .where('auto_queue', '=', 1)
      .execute();
  },

  entry(db: Executor, id: number): Promise<ChannelOutboxRow | undefined> {
    return db.selectFrom('channel_outbox').selectAll().where('id', '=', id).executeTakeFirst();
  },

  due(db: Executor, at: string, limit: number): Promise<ChannelOutboxRow[]> {
    return db
      .selectFrom('channel_outbox')
      .selectAll()
      .where('status', '=', 'pending')
      .where('next_attempt_at', '<=', at)
      .orderBy('next_attempt_at')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  list(
    db: Executor,
    agencyIds: readonly number[],
    options: { status?: string; offset?: number; limit?: number } = {},
  ): Promise<OutboxListRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    let q = db
      .selectFrom('channel_outbox as o')
      .innerJoin(catalogItems(db).as('i'), 'i.id', 'o.item_id')
      .innerJoin(itemVersions(db).as('v'), 'v.id', 'o.version_id')
      .selectAll('o')
      .select(['i.index_number', 'v.title'])
      .where('o.agency_id', 'in', agencyIds);
    if (options.status) q = q.where('o.status', '=', options.status);
    return q
      .orderBy('o.id', 'desc')
      .offset(options.offset ?? 0)
      .limit(options.limit ?? 50)
      .execute();
  },

  /** How many entries `list` pages through. */
  async total(db: Executor, agencyIds: readonly number[], status?: string): Promise<number> {
    if (agencyIds.length === 0) return 0;
    let q = db
      .selectFrom('channel_outbox')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', 'in', agencyIds);
    if (status) q = q.where('status', '=', status);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },

  async counts(db: Executor, agencyIds: readonly number[]): Promise<Record<string, number>> {
    if (agencyIds.length === 0) return {};
    const rows = await db
      .selectFrom('channel_outbox')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('agency_id', 'in', agencyIds)
      .groupBy('status')
      .execute();
    return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
  },
};
