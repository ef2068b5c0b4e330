// Every query of the publishing module.
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { unitDirectory, userDirectory } from '../organisation/index.ts';
import type {
  ConfidentialityReviewRow,
  InformationItemRow,
  ItemStatusHistoryRow,
  ItemValidityHistoryRow,
  ItemAttachmentRow,
  ItemVersionRow,
  PiiOverrideRow,
  WorkflowConfigRow,
} from './publishing.table.ts';

/** An item with its current version's title, for lists. */
export interface ItemListRow extends InformationItemRow {
  title: string;
  unit_name: string;
}

export interface ItemListFilter {
  readonly agencyIds: readonly number[];
  readonly statuses?: readonly string[];
  /** Art. 26: proactive items not yet published, or with a change not yet published, due in [from, to]. */
  readonly dueBetween?: { readonly from?: string; readonly to: string };
  readonly limit?: number;
}

export type HistoryRow = ItemStatusHistoryRow & { actor_name: string | null };
export type ReviewRow = ConfidentialityReviewRow & { reviewer_name: string | null };
export type OverrideRow = PiiOverrideRow & { reviewer_name: string | null };

export const publishingStore = {
  item(db: Executor, id: number): Promise<InformationItemRow | undefined> {
    return db.selectFrom('information_items').selectAll().where('id', '=', id).executeTakeFirst();
  },

  list(db: Executor, filter: ItemListFilter): Promise<ItemListRow[]> {
    if (filter.agencyIds.length === 0) return Promise.resolve([]);
    let q = db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .innerJoin(unitDirectory(db).as('u'), 'u.id', 'i.responsible_unit_id')
      .selectAll('i')
      .select(['v.title', 'u.name as unit_name'])
      .where('i.agency_id', 'in', filter.agencyIds);
    if (filter.statuses?.length) q = q.where('i.status', 'in', filter.statuses);
    if (filter.dueBetween) {
      const { from, to } = filter.dueBetween;
      // An item not yet published, or one with a change (Art. 26 变更) not yet published, due in range.
      q = q.where('i.disclosure_mode', '=', 'proactive').where((eb) =>
        eb.or([
          eb.and([
            eb('i.publication_date', 'is', null),
            eb('i.disclosure_due_on', '<=', to),
            ...(from ? [eb('i.disclosure_due_on', '>=', from)] : []),
          ]),
          eb.exists(
            eb
              .selectFrom('item_changes as c')
              .select('c.id')
              .whereRef('c.item_id', '=', 'i.id')
              .where('c.published_on', 'is', null)
              .where('c.due_on', '<=', to)
              .where('c.due_on', '>=', from ?? '0000-01-01'),
          ),
        ]),
      );
      return q
        .orderBy('i.disclosure_due_on')
        .orderBy('i.id')
        .limit(filter.limit ?? 500)
        .execute();
    }
    return q
      .orderBy('i.updated_at', 'desc')
      .orderBy('i.id', 'desc')
      .limit(filter.limit ?? 500)
      .execute();
  },

  version(db: Executor, id: number): Promise<ItemVersionRow | undefined> {
    return db.selectFrom('item_versions').selectAll().where('id', '=', id).executeTakeFirst();
  },

  versions(db: Executor, itemId: number): Promise<ItemVersionRow[]> {
    return db
      .selectFrom('item_versions')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('version_no', 'desc')
      .execute();
  },

  history(db: Executor, itemId: number): Promise<HistoryRow[]> {
    return db
      .selectFrom('item_status_history as h')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'h.actor_user_id')
      .selectAll('h')
      .select('u.display_name as actor_name')
      .where('h.item_id', '=', itemId)
      .orderBy('h.id')
      .execute();
  },

  reviews(db: Executor, itemId: number): Promise<ReviewRow[]> {
    return db
      .selectFrom('confidentiality_reviews as r')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'r.reviewer_user_id')
      .selectAll('r')
      .select('u.display_name as reviewer_name')
      .where('r.item_id', '=', itemId)
      .orderBy('r.id')
      .execute();
  },

  overrides(db: Executor, itemId: number): Promise<OverrideRow[]> {
    return db
      .selectFrom('pii_overrides as o')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'o.reviewer_user_id')
      .selectAll('o')
      .select('u.display_name as reviewer_name')
      .where('o.item_id', '=', itemId)
      .orderBy('o.id')
      .execute();
  },

  async hasOverride(db: Executor, versionId: number): Promise<boolean> {
    const row = await db
      .selectFrom('pii_overrides')
      .select('id')
      .where('version_id', '=', versionId)
      .executeTakeFirst();
    return row !== undefined;
  },

  /** The files of one version, in their order. */
  attachments(db: Executor, versionId: number): Promise<ItemAttachmentRow[]> {
    return db
      .selectFrom('item_attachments')
      .selectAll()
      .where('version_id', '=', versionId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  },

  attachment(db: Executor, id: number): Promise<ItemAttachmentRow | undefined> {
    return db.selectFrom('item_attachments').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Interpretations that point at an item, with their current titles and states. */
  interpretationsOf(
    db: Executor,
    itemId: number,
  ): Promise<{ id: number; title: string; status: string; index_number: string }[]> {
    return db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'v.title', 'i.status', 'i.index_number'])
      .where('i.interprets_item_id', '=', itemId)
      .orderBy('i.id')
      .execute();
  },

  /** The title and state of one item (the policy document an interpretation explains). */
  itemSummary(
    db: Executor,
    itemId: number,
  ): Promise<{ id: number; title: string; status: string; index_number: string } | undefined> {
    return db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'v.title', 'i.status', 'i.index_number'])
      .where('i.id', '=', itemId)
      .executeTakeFirst();
  },

  /** Policy documents an interpretation may point at: the agency's items that are not interpretations. */
  linkCandidates(
    db: Executor,
    agencyId: number,
    limit = 300,
  ): Promise<{ id: number; title: string; index_number: string }[]> {
    return db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'v.title', 'i.index_number'])
      .where('i.agency_id', '=', agencyId)
      .where('i.catalog_category', 'in', ['normative_document', 'notice', 'other'])
      .orderBy('i.id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Scheduled items whose publication date has come. */
  dueScheduled(db: Executor, today: string, limit = 200): Promise<InformationItemRow[]> {
    return db
      .selectFrom('information_items')
      .selectAll()
      .where('status', '=', 'scheduled')
      .where('scheduled_on', '<=', today)
      .orderBy('scheduled_on')
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  validityHistory(db: Executor, itemId: number): Promise<ItemValidityHistoryRow[]> {
    return db
      .selectFrom('item_validity_history')
      .selectAll()
      .where('item_id', '=', itemId)
      .orderBy('effective_date')
      .orderBy('id')
      .execute();
  },

  workflowConfig(db: Executor, agencyId: number, categoryKey: string): Promise<WorkflowConfigRow | undefined> {
    return db
      .selectFrom('workflow_configs')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('category_key', '=', categoryKey)
      .executeTakeFirst();
  },

  workflowConfigs(db: Executor, agencyIds: readonly number[]): Promise<WorkflowConfigRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db.selectFrom('workflow_configs').selectAll().where('agency_id', 'in', agencyIds).execute();
  },

  /**
   * The next serial of an agency's index numbers in a year, inside the caller's transaction.
   * One statement on both engines: the upsert takes the row lock on PostgreSQL (a concurrent
   * creator waits for this transaction and then reads the incremented value), and SQLite
   * transactions begin immediate with the write lock (db/connect.ts). Serials are never handed
   * out twice and never reused, even when the item is later withdrawn.
   */
  async nextSerial(trx: Executor, agencyId: number, year: number): Promise<number> {
    const row = await trx
      .insertInto('index_number_sequences')
      .values({ agency_id: agencyId, year, last_seq: 1 })
      .onConflict((oc) =>
        oc.columns(['agency_id', 'year']).doUpdateSet({ last_seq: sql<number>`index_number_sequences.last_seq + 1` }),
      )
      .returning('last_seq')
      .executeTakeFirstOrThrow();
    return Number(row.last_seq);
  },

  async indexNumberTaken(db: Executor, indexNumber: string): Promise<boolean> {
    return (
      (await db
        .selectFrom('information_items')
        .select('id')
        .where('index_number', '=', indexNumber)
        .executeTakeFirst()) !== undefined
    );
  },

  /** Proactive items whose publication is not yet done (their Art. 26 due date depends on the calendar). */
  unpublishedWithDeadline(
    db: Executor,
  ): Promise<
    Pick<
      InformationItemRow,
      | 'id'
      | 'formation_date'
      | 'disclosure_due_on'
      | 'disclosure_due_provisional_years'
      | 'publication_limit_days'
      | 'publication_limit_law'
    >[]
  > {
    return db
      .selectFrom('information_items')
      .select([
        'id',
        'formation_date',
        'disclosure_due_on',
        'disclosure_due_provisional_years',
        'publication_limit_days',
        'publication_limit_law',
      ])
      .where('disclosure_mode', '=', 'proactive')
      .where('publication_date', 'is', null)
      .execute();
  },

  /**
   * Art. 26 late items of an agency whose due date falls in `year`: published after the due
   * date, or still unpublished with the due date before `today`. A query, not a stored state.
   */
  async lateCount(
    db: Executor,
    agencyId: number,
    year: number,
    today: string,
  ): Promise<{ total: number; late: number; lateUnpublished: number }> {
    const row = await db
      .selectFrom('information_items')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(
                eb.or([
                  eb('publication_date', '>', eb.ref('disclosure_due_on')),
                  eb.and([eb('publication_date', 'is', null), eb('disclosure_due_on', '<', today)]),
                ]),
              )
              .then(1)
              .else(0)
              .end(),
          )
          .as('late'),
        eb.fn
          .sum<number>(
            eb
              .case()
              .when(eb.and([eb('publication_date', 'is', null), eb('disclosure_due_on', '<', today)]))
              .then(1)
              .else(0)
              .end(),
          )
          .as('late_unpublished'),
      ])
      .where('agency_id', '=', agencyId)
      .where('disclosure_mode', '=', 'proactive')
      .where('disclosure_due_on', 'is not', null)
      .where(sql<string>`substr(disclosure_due_on, 1, 4)`, '=', String(year))
      .executeTakeFirstOrThrow();
    return {
      total: Number(row.total ?? 0),
      late: Number(row.late ?? 0),
      lateUnpublished: Number(row.late_unpublished ?? 0),
    };
  },

  /** The Art. 20 item an entry is counted under, set inside the caller's transaction (the power catalog
   *  reclassifies the item carrying a corrected entry, with its own audit event). */
  async setArt20Item(db: Executor, itemId: number, art20Item: number | null): Promise<void> {
    await db.updateTable('information_items').set({ art20_item: art20Item }).where('id', '=', itemId).execute();
  },
};
