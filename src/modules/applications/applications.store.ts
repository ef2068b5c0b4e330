// Every query of the applications module. "Overdue" and "due soon" are conditions on the stored
// due date (recomputed only by events), never stored states.
import type { ExpressionBuilder } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import {
  activeUnits,
  agencyDirectory,
  organisationStore,
  unitDirectory,
  userDirectory,
} from '../organisation/index.ts';
import { catalogItems, itemVersions } from '../publishing/index.ts';
import type { ApplicationEventRow, ApplicationRow, NewApplication } from './applications.table.ts';
import type { ListFilter } from './applications.ts';

/** What an actor may see: whole agencies (the disclosure office, leaders) and single units of an
 *  agency (drafters and unit heads see the cases assigned to their unit). */
export interface Visibility {
  readonly agencyIds: readonly number[];
  readonly units: readonly { agencyId: number; unitId: number }[];
}

/** The dates the list filters compare against: today, and the last day that still counts as due soon. */
export interface DueWindow {
  readonly today: string;
  readonly soonUntil: string;
}

export type ApplicationListRow = Pick<
  ApplicationRow,
  | 'id'
  | 'agency_id'
  | 'tracking_code'
  | 'channel'
  | 'applicant_kind'
  | 'applicant_name_enc'
  | 'applicant_name_clear'
  | 'received_on'
  | 'status'
  | 'due_date'
  | 'waiting_until'
  | 'outcome'
  | 'assigned_unit_id'
> & { unit_name: string | null; agency_name: string };

type Eb = ExpressionBuilder<Database, 'applications'>;

function visible(eb: Eb, v: Visibility) {
  const ors = [];
  if (v.agencyIds.length) ors.push(eb('applications.agency_id', 'in', v.agencyIds));
  for (const u of v.units)
    ors.push(
      eb.and([eb('applications.agency_id', '=', u.agencyId), eb('applications.assigned_unit_id', '=', u.unitId)]),
    );
  return ors.length ? eb.or(ors) : eb.lit(false);
}

/** currentStatus(row, today) === 'open' as a condition: a consultation whose window ended
 *  before today runs again (Arts. 32, 34). */
function runningOn(eb: Eb, today: string) {
  return eb.or([
    eb('applications.status', '=', 'open'),
    eb.and([eb('applications.status', '=', 'paused'), eb('applications.waiting_until', '<', today)]),
  ]);
}

function filtered(eb: Eb, filter: ListFilter, w: DueWindow) {
  switch (filter) {
    case 'open':
      return eb('applications.status', '!=', 'closed');
    case 'due_soon':
      return eb.and([
        runningOn(eb, w.today),
        eb('applications.due_date', '>=', w.today),
        eb('applications.due_date', '<=', w.soonUntil),
      ]);
    case 'overdue':
      return eb.and([eb('applications.status', '!=', 'closed'), eb('applications.due_date', '<', w.today)]);
    case 'waiting':
      return eb('applications.status', 'in', ['awaiting_correction', 'awaiting_payment']);
    case 'paused':
      return eb.and([
        eb('applications.status', '=', 'paused'),
        eb.or([eb('applications.waiting_until', 'is', null), eb('applications.waiting_until', '>=', w.today)]),
      ]);
    case 'closed':
      return eb('applications.status', '=', 'closed');
    case 'all':
      return eb.lit(true);
  }
}

/** The list's look-up by name: the blind indexes of the full name typed (every configured key's),
 *  or none for no look-up. */
function named(eb: Eb, nameIndexes: readonly string[] | undefined) {
  return nameIndexes?.length ? eb('applications.applicant_name_index', 'in', [...nameIndexes]) : eb.lit(true);
}

/** The list's filters beside its tabs (issue 15 item 9): unit, year received, tracking code. */
export interface ApplicationListNarrowing {
  readonly unitId?: number;
  readonly year?: number;
  readonly code?: string;
}

export const applicationSorts = ['due', 'received', 'code'] as const;
export type ApplicationSort = (typeof applicationSorts)[number];

/** One page of the list, in a stable order (the sort column, empty values last, then the id). */
export interface ApplicationListPaging {
  readonly offset?: number;
  readonly limit?: number;
  readonly sort?: ApplicationSort;
  readonly dir?: 'asc' | 'desc';
  readonly narrow?: ApplicationListNarrowing;
}

const applicationSortColumns = {
  due: 'applications.due_date',
  received: 'applications.received_on',
  code: 'applications.tracking_code',
} as const;

function narrowed(eb: Eb, n: ApplicationListNarrowing | undefined) {
  const and = [];
  if (n?.unitId !== undefined) and.push(eb('applications.assigned_unit_id', '=', n.unitId));
  if (n?.year !== undefined)
    and.push(
      eb('applications.received_on', '>=', `${n.year}-01-01`),
      eb('applications.received_on', '<=', `${n.year}-12-31`),
    );
  if (n?.code) and.push(eb('applications.tracking_code', '=', n.code.toUpperCase()));
  return and.length ? eb.and(and) : eb.lit(true);
}

export const applicationsStore = {
  async insert(db: Executor, row: NewApplication): Promise<number> {
    const created = await db.insertInto('applications').values(row).returning('id').executeTakeFirstOrThrow();
    return created.id;
  },

  byId(db: Executor, id: number): Promise<ApplicationRow | undefined> {
    return db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirst();
  },

  /** Cases named by id (a report cell's provenance, the personal-data log), oldest first: the
   *  columns that identify a case in a list, without the applicant. */
  summaries(db: Executor, ids: readonly number[]) {
    if (ids.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('applications')
      .select([
        'id',
        'tracking_code',
        'applicant_kind',
        'received_on',
        'outcome',
        'outcome_on',
        'agency_id',
        'assigned_unit_id',
      ])
      .where('id', 'in', ids)
      .orderBy('received_on')
      .orderBy('id')
      .execute();
  },

  byTrackingCode(db: Executor, code: string): Promise<ApplicationRow | undefined> {
    return db.selectFrom('applications').selectAll().where('tracking_code', '=', code).executeTakeFirst();
  },

  /** Names stored before names were encrypted and not yet sealed (applicant-names.ts), by id, read
   *  through the partial index applications_name_clear_idx. */
  clearNames(db: Executor, afterId: number, limit: number) {
    return db
      .selectFrom('applications')
      .select(['id', 'applicant_name_clear'])
      .where('applicant_name_clear', 'is not', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /** Seals one waiting name; a row another process sealed meanwhile is left as it is. */
  async sealName(db: Executor, id: number, sealed: { enc: string; index: string }): Promise<boolean> {
    const result = await db
      .updateTable('applications')
      .set({ applicant_name_enc: sealed.enc, applicant_name_index: sealed.index, applicant_name_clear: null })
      .where('id', '=', id)
      .where('applicant_name_clear', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Sealed names without a blind index (emptied when the names' normalisation changed), by id,
   *  read through the index on the blind index (applications_name_index_idx). */
  unindexedNames(db: Executor, afterId: number, limit: number) {
    return db
      .selectFrom('applications')
      .select(['id', 'applicant_name_enc'])
      .where('applicant_name_index', 'is', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  async indexName(db: Executor, id: number, index: string): Promise<boolean> {
    const result = await db
      .updateTable('applications')
      .set({ applicant_name_index: index })
      .where('id', '=', id)
      .where('applicant_name_index', 'is', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Contact persons stored before they were encrypted, by id (partial index applications_contact_clear_idx). */
  clearContacts(db: Executor, afterId: number, limit: number) {
    return db
      .selectFrom('applications')
      .select(['id', 'contact_person_clear'])
      .where('contact_person_clear', 'is not', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  async sealContact(db: Executor, id: number, enc: string): Promise<boolean> {
    const result = await db
      .updateTable('applications')
      .set({ contact_person_enc: enc, contact_person_clear: null })
      .where('id', '=', id)
      .where('contact_person_clear', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Cases whose clock can still move: every state but closed. */
  openCases(db: Executor): Promise<ApplicationRow[]> {
    return db.selectFrom('applications').selectAll().where('status', '!=', 'closed').orderBy('id').execute();
  },

  events(db: Executor, applicationId: number): Promise<(ApplicationEventRow & { actor_name: string | null })[]> {
    return db
      .selectFrom('application_events')
      .leftJoin(userDirectory(db).as('users'), 'users.id', 'application_events.actor_user_id')
      .selectAll('application_events')
      .select('users.display_name as actor_name')
      .where('application_events.application_id', '=', applicationId)
      .orderBy('application_events.id')
      .execute();
  },

  async addEvent(
    db: Executor,
    row: {
      application_id: number;
      kind: string;
      occurred_on: string;
      detail: Record<string, unknown>;
      public: boolean;
      actor_user_id: number | null;
      created_at: string;
    },
  ): Promise<number> {
    const created = await db
      .insertInto('application_events')
      .values({
        application_id: row.application_id,
        kind: row.kind,
        occurred_on: row.occurred_on,
        detail_json: JSON.stringify(row.detail),
        public: row.public ? 1 : 0,
        actor_user_id: row.actor_user_id,
        created_at: row.created_at,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return created.id;
  },

  async update(db: Executor, id: number, values: Partial<Omit<ApplicationRow, 'id'>>): Promise<void> {
    await db.updateTable('applications').set(values).where('id', '=', id).execute();
  },

  list(
    db: Executor,
    v: Visibility,
    filter: ListFilter,
    w: DueWindow,
    nameIndexes?: readonly string[],
    paging: ApplicationListPaging = {},
  ): Promise<ApplicationListRow[]> {
    const column = applicationSortColumns[paging.sort ?? 'due'];
    const dir = paging.dir ?? 'asc';
    return db
      .selectFrom('applications')
      .innerJoin(agencyDirectory(db).as('agencies'), 'agencies.id', 'applications.agency_id')
      .leftJoin(unitDirectory(db).as('units'), 'units.id', 'applications.assigned_unit_id')
      .select([
        'applications.id',
        'applications.agency_id',
        'applications.tracking_code',
        'applications.channel',
        'applications.applicant_kind',
        'applications.applicant_name_enc',
        'applications.applicant_name_clear',
        'applications.received_on',
        'applications.status',
        'applications.due_date',
        'applications.waiting_until',
        'applications.outcome',
        'applications.assigned_unit_id',
        'units.name as unit_name',
        'agencies.name as agency_name',
      ])
      .where((eb) =>
        eb.and([
          visible(eb as unknown as Eb, v),
          filtered(eb as unknown as Eb, filter, w),
          named(eb as unknown as Eb, nameIndexes),
          narrowed(eb as unknown as Eb, paging.narrow),
        ]),
      )
      .orderBy((eb) => eb.case().when(column, 'is', null).then(1).else(0).end())
      .orderBy(column, dir)
      .orderBy('applications.id', dir)
      .limit(paging.limit ?? 200)
      .offset(paging.offset ?? 0)
      .execute();
  },

  async count(
    db: Executor,
    v: Visibility,
    filter: ListFilter,
    w: DueWindow,
    nameIndexes?: readonly string[],
    narrow?: ApplicationListNarrowing,
  ): Promise<number> {
    const row = await db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where((eb) => eb.and([visible(eb, v), filtered(eb, filter, w), named(eb, nameIndexes), narrowed(eb, narrow)]))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** The agency's active units (the organisation module's), for the unit choices of a case. */
  units(db: Executor, agencyId: number) {
    return activeUnits(db, agencyId);
  },

  unit(db: Executor, id: number) {
    return organisationStore.unit(db, id);
  },

  agency(db: Executor, id: number) {
    return organisationStore.agency(db, id);
  },

  /** Every agency, in the organisation's order (the applicant's choice of agency). */
  agencies(db: Executor) {
    return organisationStore.agencies(db);
  },

  /** The agency's applications received in the two years up to `receivedOn`, as the duplicate
   *  detector reads them (duplicates.ts): no personal data beyond the blind indexes of the identity
   *  number and the name. */
  duplicateCandidates(db: Executor, agencyId: number, receivedOn: string, limit = 5000) {
    const from = `${Number(receivedOn.slice(0, 4)) - 2}${receivedOn.slice(4)}`;
    return db
      .selectFrom('applications')
      .select([
        'id',
        'tracking_code',
        'applicant_name_index',
        'applicant_kind',
        'id_number_index',
        'organisation_credit_code',
        'description',
        'received_on',
        'outcome',
      ])
      .where('agency_id', '=', agencyId)
      .where('received_on', '>=', from)
      .orderBy('received_on', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute();
  },

  /** Open cases of the agencies whose latest draft reply is pending (not returned; an issued
   *  reply closes the case), most urgent first. */
  awaitingApproval(db: Executor, agencyIds: readonly number[], limit = 20) {
    if (!agencyIds.length) return Promise.resolve([]);
    const latest = db
      .selectFrom('application_events')
      .select((eb) => ['application_id', eb.fn.max('id').as('last_id')])
      .where('kind', 'in', ['reply_drafted', 'reply_returned'])
      .groupBy('application_id')
      .as('l');
    return db
      .selectFrom('applications as a')
      .innerJoin(latest, 'l.application_id', 'a.id')
      .innerJoin('application_events as e', 'e.id', 'l.last_id')
      .leftJoin(userDirectory(db).as('u'), 'u.id', 'e.actor_user_id')
      .select(['a.id', 'a.tracking_code', 'a.due_date', 'e.created_at as drafted_at', 'u.display_name as drafted_by'])
      .where('e.kind', '=', 'reply_drafted')
      .where('a.status', '!=', 'closed')
      .where('a.agency_id', 'in', [...agencyIds])
      .orderBy('a.due_date')
      .orderBy('a.id')
      .limit(limit)
      .execute();
  },

  /** Published items of the agency's catalog with these index numbers. */
  async publishedItems(
    db: Executor,
    agencyId: number,
    indexNumbers: readonly string[],
  ): Promise<{ id: number; indexNumber: string; title: string }[]> {
    if (!indexNumbers.length) return [];
    const rows = await db
      .selectFrom(catalogItems(db).as('i'))
      .innerJoin(itemVersions(db).as('v'), 'v.id', 'i.current_version_id')
      .select(['i.id', 'i.index_number', 'v.title'])
      .where('i.agency_id', '=', agencyId)
      .where('i.index_number', 'in', [...indexNumbers])
      .where('i.status', 'in', ['published', 'published_pending_approval'])
      .execute();
    return rows.map((r) => ({ id: r.id, indexNumber: r.index_number, title: r.title }));
  },
};
