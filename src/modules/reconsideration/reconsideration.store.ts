// Every query of the reconsideration and litigation module, including table 四 of the annual
// report with the ids of the cases behind each cell.
import type { Executor } from '../../db/database.ts';
import { applicationCases, applicationsStore } from '../applications/index.ts';
import { agencyDirectory } from '../organisation/index.ts';
import {
  cellFor,
  RECONSIDERATION_CELLS,
  RECONSIDERATION_KINDS,
  SCHEMA_GROUP,
  isReconsiderationKind,
  type ReconsiderationCell,
} from './reconsideration.ts';
import type { ReconsiderationCaseRow, ReconsiderationCaseTable } from './reconsideration.table.ts';
import type { Insertable } from 'kysely';

/** One cell of table 四: how many cases, and which (for provenance). */
export interface ReconsiderationFigure {
  count: number;
  ids: number[];
}

export type ReconsiderationGroupCounts = Record<ReconsiderationCell | 'total', ReconsiderationFigure>;

/** Table 四 keyed as annual-report.schema.json names its groups and cells. */
export type ReconsiderationTable = Record<
  'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration',
  ReconsiderationGroupCounts
>;

export type ReconsiderationListRow = ReconsiderationCaseRow & { agency_name: string; tracking_code: string | null };

function emptyGroup(): ReconsiderationGroupCounts {
  return {
    upheld: { count: 0, ids: [] },
    corrected: { count: 0, ids: [] },
    other: { count: 0, ids: [] },
    pending: { count: 0, ids: [] },
    total: { count: 0, ids: [] },
  };
}

/**
 * Table 四 for the agencies `agencyIds` (one agency, or a roll-up) and the calendar `year`:
 * reconsideration, litigation without prior reconsideration, litigation after reconsideration,
 * each with upheld / corrected / other / pending / total and the case ids behind every cell.
 * A decided case counts with its result in the year it was decided; a case open on 31 December
 * counts as pending in that year (cellFor in reconsideration.ts, docs/domain/readings.md#table-4).
 */
export async function reconsiderationCounts(
  db: Executor,
  agencyIds: readonly number[],
  year: number,
): Promise<ReconsiderationTable> {
  const table: ReconsiderationTable = {
    reconsideration: emptyGroup(),
    litigationDirect: emptyGroup(),
    litigationAfterReconsideration: emptyGroup(),
  };
  if (agencyIds.length === 0) return table;
  const rows = await db
    .selectFrom('review_cases')
    .select(['id', 'kind', 'filed_on', 'decided_on', 'result'])
    .where('agency_id', 'in', [...agencyIds])
    .where('filed_on', '<=', `${year}-12-31`)
    .where((eb) => eb.or([eb('decided_on', 'is', null), eb('decided_on', '>=', `${year}-01-01`)]))
    .orderBy('id')
    .execute();
  for (const row of rows) {
    if (!isReconsiderationKind(row.kind)) continue;
    const cell = cellFor(row, year);
    if (!cell) continue;
    const group = table[SCHEMA_GROUP[row.kind]];
    group[cell].count++;
    group[cell].ids.push(row.id);
    group.total.count++;
    group.total.ids.push(row.id);
  }
  return table;
}

/** The plain numbers of table 四 (the schema's reviewAndLitigation object). */
export function reconsiderationNumbers(
  table: ReconsiderationTable,
): Record<keyof ReconsiderationTable, Record<ReconsiderationCell | 'total', number>> {
  const out = {} as Record<keyof ReconsiderationTable, Record<ReconsiderationCell | 'total', number>>;
  for (const kind of RECONSIDERATION_KINDS) {
    const g = table[SCHEMA_GROUP[kind]];
    out[SCHEMA_GROUP[kind]] = Object.fromEntries(
      [...RECONSIDERATION_CELLS, 'total'].map((c) => [c, g[c as ReconsiderationCell | 'total'].count]),
    ) as Record<ReconsiderationCell | 'total', number>;
  }
  return out;
}

export const reconsiderationStore = {
  async insert(db: Executor, row: Insertable<ReconsiderationCaseTable>): Promise<number> {
    const created = await db.insertInto('review_cases').values(row).returning('id').executeTakeFirstOrThrow();
    return created.id;
  },

  byId(db: Executor, id: number): Promise<ReconsiderationCaseRow | undefined> {
    return db.selectFrom('review_cases').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async update(db: Executor, id: number, values: Partial<Omit<ReconsiderationCaseRow, 'id'>>): Promise<void> {
    await db.updateTable('review_cases').set(values).where('id', '=', id).execute();
  },

  /** The cases of the agencies, newest filed first: `limit` of them from `offset`. */
  list(db: Executor, agencyIds: readonly number[], offset = 0, limit = 50): Promise<ReconsiderationListRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('review_cases')
      .innerJoin(agencyDirectory(db).as('agencies'), 'agencies.id', 'review_cases.agency_id')
      .leftJoin(applicationCases(db).as('applications'), 'applications.id', 'review_cases.application_id')
      .selectAll('review_cases')
      .select(['agencies.name as agency_name', 'applications.tracking_code as tracking_code'])
      .where('review_cases.agency_id', 'in', [...agencyIds])
      .orderBy('review_cases.filed_on', 'desc')
      .orderBy('review_cases.id', 'desc')
      .offset(offset)
      .limit(limit)
      .execute();
  },

  async count(db: Executor, agencyIds: readonly number[]): Promise<number> {
    if (agencyIds.length === 0) return 0;
    const row = await db
      .selectFrom('review_cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('agency_id', 'in', [...agencyIds])
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** Names stored before they were encrypted and not yet sealed (review-names.ts), by id, read
   *  through the partial index review_cases_name_clear_idx. */
  clearNames(db: Executor, afterId: number, limit: number) {
    return db
      .selectFrom('review_cases')
      .select(['id', 'applicant_name_clear'])
      .where('applicant_name_clear', 'is not', null)
      .where('id', '>', afterId)
      .orderBy('id')
      .limit(limit)
      .execute();
  },

  /** Seals one waiting name; a row another process sealed meanwhile is left as it is. */
  async sealName(db: Executor, id: number, enc: string): Promise<boolean> {
    const result = await db
      .updateTable('review_cases')
      .set({ applicant_name_enc: enc, applicant_name_clear: null })
      .where('id', '=', id)
      .where('applicant_name_clear', 'is not', null)
      .executeTakeFirst();
    return Number(result.numUpdatedRows) > 0;
  },

  /** Reconsideration cases an agency may link a later lawsuit to. */
  reconsiderations(db: Executor, agencyId: number) {
    return db
      .selectFrom('review_cases')
      .select(['id', 'body', 'case_number', 'filed_on'])
      .where('agency_id', '=', agencyId)
      .where('kind', '=', 'reconsideration')
      .orderBy('filed_on', 'desc')
      .execute();
  },

  /** The agency's application with this tracking code (the applications module's), if any. */
  async applicationByCode(db: Executor, agencyId: number, code: string) {
    const found = await applicationsStore.byTrackingCode(db, code);
    return found?.agency_id === agencyId ? found : undefined;
  },
};

/** The cases brought over an application, oldest filing first: the applications module's case page
 *  lists them (the composition root registers this lookup with it). */
export function reviewCasesOfApplication(db: Executor, applicationId: number): Promise<ReconsiderationCaseRow[]> {
  return db
    .selectFrom('review_cases')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('filed_on')
    .execute();
}
