// The disclosure duties' queries: the console list is counted, filtered, sorted and paged in SQL
// within the reader's scope (issue 15 item 9: it stopped at 1,000 rows and narrowed to the
// reader's unit in memory).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { unitDirectory } from '../organisation/index.ts';
import type { DisclosureTaskRow } from './tasks.table.ts';

export type TaskListRow = DisclosureTaskRow & { unit_name: string };

/** What a reader may see: whole agencies, and single units of others (a drafter's, a unit head's). */
export interface TaskScope {
  readonly agencyIds: readonly number[];
  readonly units: readonly { readonly agencyId: number; readonly unitId: number }[];
}

export const taskSorts = ['due', 'created', 'title', 'unit'] as const;
export type TaskSort = (typeof taskSorts)[number];

/** The list's filters; "overdue" is an open duty whose deadline is before `today`. */
export interface TaskFilter {
  readonly scope: TaskScope;
  readonly status?: 'open' | 'done' | 'overdue';
  readonly today: string;
  readonly unitId?: number;
  /** The year of the deadline. */
  readonly year?: number;
  /** Words of the task or of its scope. */
  readonly keyword?: string;
}

const sortColumns = { due: 't.due_on', created: 't.created_at', title: 't.title', unit: 'u.name' } as const;

/** `column` contains `text`, with `%`, `_` and `\` typed by a user matched as themselves (both engines). */
function contains(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

function filtered(db: Executor, f: TaskFilter) {
  let q = db
    .selectFrom('disclosure_tasks as t')
    .innerJoin(unitDirectory(db).as('u'), 'u.id', 't.unit_id')
    .where((eb) =>
      eb.or([
        ...(f.scope.agencyIds.length ? [eb('t.agency_id', 'in', f.scope.agencyIds)] : []),
        ...f.scope.units.map((u) => eb.and([eb('t.agency_id', '=', u.agencyId), eb('t.unit_id', '=', u.unitId)])),
      ]),
    );
  if (f.status === 'open' || f.status === 'done') q = q.where('t.status', '=', f.status);
  if (f.status === 'overdue') q = q.where('t.status', '=', 'open').where('t.due_on', '<', f.today);
  if (f.unitId !== undefined) q = q.where('t.unit_id', '=', f.unitId);
  if (f.year !== undefined) q = q.where('t.due_on', '>=', `${f.year}-01-01`).where('t.due_on', '<=', `${f.year}-12-31`);
  if (f.keyword) {
    const keyword = f.keyword;
    q = q.where((eb) => eb.or([contains('t.title', keyword), contains('t.scope', keyword)]));
  }
  return q;
}

function nothingInScope(f: TaskFilter): boolean {
  return f.scope.agencyIds.length === 0 && f.scope.units.length === 0;
}

export const tasksStore = {
  async count(db: Executor, f: TaskFilter): Promise<number> {
    if (nothingInScope(f)) return 0;
    const row = await filtered(db, f)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** One page in a stable order: open duties before done ones, then the sort column, then the id. */
  page(
    db: Executor,
    f: TaskFilter,
    order: { readonly sort: TaskSort; readonly dir: 'asc' | 'desc' },
    offset: number,
    limit: number,
  ): Promise<TaskListRow[]> {
    if (nothingInScope(f)) return Promise.resolve([]);
    return filtered(db, f)
      .selectAll('t')
      .select('u.name as unit_name')
      .orderBy('t.status', 'desc')
      .orderBy(sortColumns[order.sort], order.dir)
      .orderBy('t.id', order.dir)
      .limit(limit)
      .offset(offset)
      .execute();
  },

  task(db: Executor, id: number): Promise<DisclosureTaskRow | undefined> {
    return db.selectFrom('disclosure_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
