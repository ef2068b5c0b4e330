import type { Executor } from '../../db/database.ts';
import { unitDirectory } from '../organisation/index.ts';
import type { DisclosureTaskRow } from './tasks.table.ts';

export type TaskListRow = DisclosureTaskRow & { unit_name: string };

export const tasksStore = {
  list(db: Executor, agencyIds: readonly number[]): Promise<TaskListRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('disclosure_tasks as t')
      .innerJoin(unitDirectory(db).as('u'), 'u.id', 't.unit_id')
      .selectAll('t')
      .select('u.name as unit_name')
      .where('t.agency_id', 'in', agencyIds)
      .orderBy('t.status', 'desc')
      .orderBy('t.due_on')
      .orderBy('t.id')
      .limit(1000)
      .execute();
  },

  task(db: Executor, id: number): Promise<DisclosureTaskRow | undefined> {
    return db.selectFrom('disclosure_tasks').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
