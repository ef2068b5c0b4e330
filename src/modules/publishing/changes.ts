// Art. 26 on change (变更): “应当自该政府信息形成或者变更之日起20个工作日内及时公开”
// (docs/domain/regulation.md#art-26, reading in docs/domain/readings.md#art-26-change). A correction or a
// validity change of an item gets its own publication deadline from the day of the change, stored with
// it as an item's own due date is; whether it is late is a query. The item's own limit (another law's,
// Art. 26 ¶2) replaces the 20 working days, and the law's name is stored with the change.
import { sql } from 'kysely';
import type { Executor, Tx } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { CalendarListener } from '../calendar/index.ts';
import {
  disclosureDueOn,
  publicationLimitOf,
  publicStatuses,
  type ItemStatus,
  type WorkingDays,
} from './publishing.ts';
import type { InformationItemRow, ItemChangeRow } from './publishing.table.ts';

export const changeKinds = ['correction', 'validity'] as const;
export type ChangeKind = (typeof changeKinds)[number];

/** The stored deadline of a change: the day of the change + the item's limit. Pure. */
export function changeDeadline(
  calendar: WorkingDays,
  item: Pick<InformationItemRow, 'publication_limit_days' | 'publication_limit_law'>,
  changedOn: string,
): { dueOn: string; limitDays: number; limitLaw: string | null } {
  const limit = publicationLimitOf(item);
  return { dueOn: disclosureDueOn(calendar, changedOn, limit.days), limitDays: limit.days, limitLaw: limit.law };
}

/**
 * The day a validity change counts from when none is typed: its effective date, or today when the
 * change takes effect later (the change is made when it is decided, not when it takes effect).
 */
export function defaultValidityChangeDate(effectiveDate: string, today: string): string {
  return effectiveDate <= today ? effectiveDate : today;
}

/** Late under Art. 26, as isLate for items: published after the due date, or unpublished past it. */
export function isChangeLate(change: Pick<ItemChangeRow, 'due_on' | 'published_on'>, today: string): boolean {
  if (change.published_on) return change.published_on > change.due_on;
  return today > change.due_on;
}

/**
 * Records a change inside the caller's transaction. It is public the day it is recorded when the item
 * is public (a correction and a validity record are shown at once); otherwise when the item is published.
 * Only proactive items have the Art. 26 duty.
 */
export async function recordChange(
  trx: Tx,
  calendar: WorkingDays,
  item: InformationItemRow,
  change: { kind: ChangeKind; changedOn: string; versionId?: number | null; validityId?: number | null },
  userId: number | null,
  today: string,
): Promise<number | null> {
  if (item.disclosure_mode !== 'proactive') return null;
  const deadline = changeDeadline(calendar, item, change.changedOn);
  const row = await trx
    .insertInto('item_changes')
    .values({
      item_id: item.id,
      agency_id: item.agency_id,
      kind: change.kind,
      version_id: change.versionId ?? null,
      validity_id: change.validityId ?? null,
      changed_on: change.changedOn,
      due_on: deadline.dueOn,
      limit_days: deadline.limitDays,
      limit_law: deadline.limitLaw,
      published_on: publicStatuses.includes(item.status as ItemStatus) ? today : null,
      created_by: userId,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** The item went public: its changes recorded meanwhile are public from today. */
export async function publishPendingChanges(trx: Executor, itemId: number, today: string): Promise<void> {
  await trx
    .updateTable('item_changes')
    .set({ published_on: today })
    .where('item_id', '=', itemId)
    .where('published_on', 'is', null)
    .execute();
}

export const changesStore = {
  ofItem(db: Executor, itemId: number): Promise<ItemChangeRow[]> {
    return db.selectFrom('item_changes').selectAll().where('item_id', '=', itemId).orderBy('id').execute();
  },

  /** Unpublished changes of proactive items due in [from, to] (the console's overdue / due-soon). */
  async pendingDueCount(
    db: Executor,
    agencyIds: readonly number[],
    range: { from?: string; to: string },
  ): Promise<number> {
    if (!agencyIds.length) return 0;
    let q = db
      .selectFrom('item_changes')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', 'in', [...agencyIds])
      .where('published_on', 'is', null)
      .where('due_on', '<=', range.to);
    if (range.from) q = q.where('due_on', '>=', range.from);
    return Number((await q.executeTakeFirstOrThrow()).n);
  },

  /** Art. 26 counts of an agency's changes whose due date falls in `year` (like lateCount for items). */
  async lateCount(
    db: Executor,
    agencyId: number,
    year: number,
    today: string,
  ): Promise<{ total: number; late: number; lateUnpublished: number }> {
    const rows = await db
      .selectFrom('item_changes')
      .select(['due_on', 'published_on'])
      .where('agency_id', '=', agencyId)
      .where(sql<string>`substr(due_on, 1, 4)`, '=', String(year))
      .execute();
    return {
      total: rows.length,
      late: rows.filter((r) => isChangeLate(r, today)).length,
      lateUnpublished: rows.filter((r) => !r.published_on && isChangeLate(r, today)).length,
    };
  },
};

// A change to the official calendar moves the due dates of changes not yet published.
export const changeDueDatesFollowCalendar: CalendarListener = async (trx, calendar) => {
  const pending = await trx
    .selectFrom('item_changes')
    .select(['id', 'changed_on', 'due_on', 'limit_days'])
    .where('published_on', 'is', null)
    .execute();
  let moved = 0;
  for (const c of pending) {
    const due = disclosureDueOn(calendar, c.changed_on, c.limit_days);
    if (due !== c.due_on) {
      await trx.updateTable('item_changes').set({ due_on: due }).where('id', '=', c.id).execute();
      moved++;
    }
  }
  return moved;
};
