// Every query of the mailbox module: cases and their lists, replies, status rows, the limits and
// routing rules an agency sets, and the reminder records. No rule is decided here.
import type { Insertable, SelectQueryBuilder } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { unitDirectory, userDirectory } from '../organisation/index.ts';
import { openMailboxStatuses, type MailboxCategory, type MailboxSource, type MailboxStatus } from './mailbox.ts';
import type {
  MailboxCaseRow,
  MailboxCaseTable,
  MailboxEscalationRow,
  MailboxExtensionRow,
  MailboxExtensionTable,
  MailboxLimitRow,
  MailboxReplyVersionRow,
  MailboxRoutingRuleRow,
  MailboxStatusRow,
} from './mailbox.table.ts';

/** The filters of the console's list; `overdue` compares the stored due date with `today`. */
export interface MailboxFilter {
  readonly agencyIds: readonly number[];
  readonly source?: MailboxSource | undefined;
  readonly status?: MailboxStatus | undefined;
  readonly category?: MailboxCategory | undefined;
  readonly unitId?: number | undefined;
  /** Only the cases assigned to these units (a unit's drafter or head); null: every case of the agencies. */
  readonly unitIds?: readonly number[] | null;
  readonly overdue?: boolean | undefined;
  readonly today: string;
}

// Both the count and the page apply the same filters; the list's join makes its builder another type.
function filtered<Q extends SelectQueryBuilder<any, any, any>>(query: Q, f: MailboxFilter): Q {
  let q = query.where('mailbox_cases.agency_id', 'in', f.agencyIds.length ? [...f.agencyIds] : [-1]);
  if (f.source) q = q.where('mailbox_cases.source', '=', f.source);
  if (f.status) q = q.where('mailbox_cases.status', '=', f.status);
  if (f.category) q = q.where('mailbox_cases.category', '=', f.category);
  if (f.unitId) q = q.where('mailbox_cases.assigned_unit_id', '=', f.unitId);
  if (f.unitIds) q = q.where('mailbox_cases.assigned_unit_id', 'in', f.unitIds.length ? [...f.unitIds] : [-1]);
  if (f.overdue)
    q = q.where('mailbox_cases.status', 'in', [...openMailboxStatuses]).where('mailbox_cases.due_date', '<', f.today);
  return q as Q;
}

export const mailboxStore = {
  async byId(db: Executor, id: number): Promise<MailboxCaseRow | undefined> {
    return db.selectFrom('mailbox_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async byTrackingCode(db: Executor, code: string): Promise<MailboxCaseRow | undefined> {
    return db.selectFrom('mailbox_cases').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },

  /** What names a case outside the module (the auditor's personal-data page): its code. */
  async labels(db: Executor, ids: readonly number[]): Promise<{ id: number; code: string }[]> {
    if (ids.length === 0) return [];
    const rows = await db
      .selectFrom('mailbox_cases')
      .select(['id', 'tracking_code', 'external_no'])
      .where('id', 'in', [...new Set(ids)])
      .execute();
    return rows.map((r) => ({ id: r.id, code: r.external_no ?? r.tracking_code ?? `#${r.id}` }));
  },

  /** The order numbers among `numbers` the agency already has from the hotline. */
  async knownOrderNumbers(db: Executor, agencyId: number, numbers: readonly string[]): Promise<Set<string>> {
    const known = new Set<string>();
    for (let i = 0; i < numbers.length; i += 500) {
      const rows = await db
        .selectFrom('mailbox_cases')
        .select('external_no')
        .where('agency_id', '=', agencyId)
        .where('source', '=', 'hotline')
        .where('external_no', 'in', numbers.slice(i, i + 500))
        .execute();
      for (const r of rows) if (r.external_no) known.add(r.external_no);
    }
    return known;
  },

  async insert(db: Executor, row: Insertable<MailboxCaseTable>): Promise<number> {
    const inserted = await db.insertInto('mailbox_cases').values(row).returning('id').executeTakeFirstOrThrow();
    return Number(inserted.id);
  },

  async count(db: Executor, filter: MailboxFilter): Promise<number> {
    const row = await filtered(
      db.selectFrom('mailbox_cases').select((eb) => eb.fn.countAll<number>().as('n')),
      filter,
    ).executeTakeFirst();
    return Number(row?.n ?? 0);
  },

  async list(
    db: Executor,
    filter: MailboxFilter,
    offset: number,
    limit: number,
  ): Promise<(MailboxCaseRow & { unit_name: string | null })[]> {
    return (
      filtered(
        db
          .selectFrom('mailbox_cases')
          .leftJoin(unitDirectory(db).as('u'), 'u.id', 'mailbox_cases.assigned_unit_id')
          .selectAll('mailbox_cases')
          .select('u.name as unit_name'),
        filter,
      )
        // The work first: open cases by their due date, then the answered ones, latest received first.
        .orderBy((eb) =>
          eb
            .case()
            .when('mailbox_cases.status', 'in', [...openMailboxStatuses])
            .then(0)
            .else(1)
            .end(),
        )
        .orderBy((eb) =>
          eb
            .case()
            .when('mailbox_cases.status', 'in', [...openMailboxStatuses])
            .then(eb.ref('mailbox_cases.due_date'))
            .else(null)
            .end(),
        )
        .orderBy('mailbox_cases.received_at', 'desc')
        .orderBy('mailbox_cases.id', 'desc')
        .offset(offset)
        .limit(limit)
        .execute()
    );
  },

  /** Unanswered cases past their due date on `today`, oldest due first. */
  async overdue(db: Executor, agencyIds: readonly number[] | null, today: string): Promise<MailboxCaseRow[]> {
    let q = db
      .selectFrom('mailbox_cases')
      .selectAll()
      .where('status', 'in', [...openMailboxStatuses])
      .where('due_date', '<', today);
    if (agencyIds) q = q.where('agency_id', 'in', agencyIds.length ? [...agencyIds] : [-1]);
    return q.orderBy('due_date').orderBy('id').execute();
  },

  /** Every unanswered case (the calendar listener recomputes their due dates). */
  async open(db: Executor): Promise<MailboxCaseRow[]> {
    return db
      .selectFrom('mailbox_cases')
      .selectAll()
      .where('status', 'in', [...openMailboxStatuses])
      .orderBy('id')
      .execute();
  },

  async setDueDates(db: Executor, id: number, dueDate: string, originalDueDate: string, at: string): Promise<void> {
    await db
      .updateTable('mailbox_cases')
      .set({ due_date: dueDate, original_due_date: originalDueDate, updated_at: at })
      .where('id', '=', id)
      .execute();
  },

  /** Open cases in the given states of the given agencies (the start page's panel). */
  async waiting(
    db: Executor,
    agencyIds: readonly number[],
    statuses: readonly MailboxStatus[],
    unitIds: readonly number[] | null,
  ): Promise<MailboxCaseRow[]> {
    if (agencyIds.length === 0 || statuses.length === 0) return [];
    let q = db
      .selectFrom('mailbox_cases')
      .selectAll()
      .where('agency_id', 'in', [...agencyIds])
      .where('status', 'in', [...statuses]);
    if (unitIds) q = q.where('assigned_unit_id', 'in', unitIds.length ? [...unitIds] : [-1]);
    return q.orderBy('due_date').orderBy('id').limit(20).execute();
  },

  async history(db: Executor, caseId: number): Promise<(MailboxStatusRow & { actor_name: string | null })[]> {
    return db
      .selectFrom('mailbox_status_history as h')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'h.actor_user_id')
      .selectAll('h')
      .select('u.display_name as actor_name')
      .where('h.case_id', '=', caseId)
      .orderBy('h.id')
      .execute();
  },

  async versions(db: Executor, caseId: number): Promise<MailboxReplyVersionRow[]> {
    return db
      .selectFrom('mailbox_reply_versions')
      .selectAll()
      .where('case_id', '=', caseId)
      .orderBy('version_no')
      .execute();
  },

  async extensions(db: Executor, caseId: number): Promise<MailboxExtensionRow[]> {
    return db.selectFrom('mailbox_extensions').selectAll().where('case_id', '=', caseId).orderBy('id').execute();
  },

  async addExtension(db: Executor, row: Insertable<MailboxExtensionTable>): Promise<void> {
    await db.insertInto('mailbox_extensions').values(row).execute();
  },

  async limits(db: Executor, agencyId: number): Promise<MailboxLimitRow[]> {
    return db.selectFrom('mailbox_limits').selectAll().where('agency_id', '=', agencyId).execute();
  },

  async limit(
    db: Executor,
    agencyId: number,
    source: MailboxSource,
    category: MailboxCategory,
  ): Promise<MailboxLimitRow | undefined> {
    return db
      .selectFrom('mailbox_limits')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('source', '=', source)
      .where('category', '=', category)
      .executeTakeFirst();
  },

  async setLimit(
    db: Executor,
    row: {
      agency_id: number;
      source: string;
      category: string;
      working_days: number;
      same_day: number;
      updated_at: string;
    },
  ): Promise<void> {
    await db
      .insertInto('mailbox_limits')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['agency_id', 'source', 'category']).doUpdateSet({
          working_days: row.working_days,
          same_day: row.same_day,
          updated_at: row.updated_at,
        }),
      )
      .execute();
  },

  async removeLimit(db: Executor, agencyId: number, source: string, category: string): Promise<number> {
    const r = await db
      .deleteFrom('mailbox_limits')
      .where('agency_id', '=', agencyId)
      .where('source', '=', source)
      .where('category', '=', category)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  async routingRules(db: Executor, agencyId: number): Promise<MailboxRoutingRuleRow[]> {
    return db.selectFrom('mailbox_routing_rules').selectAll().where('agency_id', '=', agencyId).execute();
  },

  async routedUnit(db: Executor, agencyId: number, category: string): Promise<number | undefined> {
    const row = await db
      .selectFrom('mailbox_routing_rules')
      .select('unit_id')
      .where('agency_id', '=', agencyId)
      .where('category', '=', category)
      .executeTakeFirst();
    return row?.unit_id;
  },

  async setRoutingRule(db: Executor, agencyId: number, category: string, unitId: number, at: string): Promise<void> {
    await db
      .insertInto('mailbox_routing_rules')
      .values({ agency_id: agencyId, category, unit_id: unitId, updated_at: at })
      .onConflict((oc) => oc.columns(['agency_id', 'category']).doUpdateSet({ unit_id: unitId, updated_at: at }))
      .execute();
  },

  async removeRoutingRule(db: Executor, agencyId: number, category: string): Promise<number> {
    const r = await db
      .deleteFrom('mailbox_routing_rules')
      .where('agency_id', '=', agencyId)
      .where('category', '=', category)
      .executeTakeFirst();
    return Number(r.numDeletedRows);
  },

  /** Records a reminder, escalation or bulletin entry once: false when the case already has one of that kind. */
  async addEscalation(db: Executor, caseId: number, kind: string, dueOn: string, at: string): Promise<boolean> {
    const r = await db
      .insertInto('mailbox_escalations')
      .values({ case_id: caseId, kind, due_on: dueOn, created_at: at })
      .onConflict((oc) => oc.columns(['case_id', 'kind']).doNothing())
      .returning('id')
      .executeTakeFirst();
    return r !== undefined;
  },

  async escalations(db: Executor, caseIds: readonly number[]): Promise<MailboxEscalationRow[]> {
    if (caseIds.length === 0) return [];
    return db
      .selectFrom('mailbox_escalations')
      .selectAll()
      .where('case_id', 'in', [...caseIds])
      .orderBy('id')
      .execute();
  },
};
