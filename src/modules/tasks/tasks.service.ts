import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import { mutate } from '../../platform/mutation.ts';
import { organisationStore } from '../organisation/index.ts';
import { tasksStore } from './tasks.store.ts';

export interface TaskInput {
  unit_id: number;
  title: string;
  scope: string;
  due_on: string;
}

/** The active unit a task is assigned to; a missing or retired unit is the form's error (422). */
export async function assignableUnit(db: Db, unitId: number): Promise<{ id: number; agency_id: number }> {
  const found = await organisationStore.unit(db, unitId);
  if (found?.active !== 1) throw new ValidationError([issue('unit_id', 'tasks.error.unit')]);
  return found;
}

/** Writes a task; the route has authorized `tasks.assign` on the unit's agency. `createdBy` null
 *  is the operator (demo, CLI). */
async function insertTask(
  db: Db,
  ctx: AuditContext,
  input: TaskInput,
  createdBy: number | null,
  done: string | null = null,
): Promise<number> {
  const unit = await assignableUnit(db, input.unit_id);
  if (!isRealDate(input.due_on))
    throw new ValidationError([issue('due_on', 'field.invalid_date', { label: '完成时限 / Deadline' })]);
  return mutate(db, ctx, async (trx, audit) => {
    const now = nowIso();
    const row = await trx
      .insertInto('disclosure_tasks')
      .values({
        agency_id: unit.agency_id,
        unit_id: unit.id,
        title: input.title.trim(),
        scope: input.scope.trim(),
        due_on: input.due_on,
        status: done ? 'done' : 'open',
        done_on: done,
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await audit({
      action: 'tasks.assign',
      subjectType: 'disclosure_task',
      subjectId: row.id,
      after: { ...input, done_on: done },
    });
    return row.id;
  });
}

export const tasksService = {
  /** Assigns a task; the route has authorized `tasks.assign` on the unit's agency. */
  assign(db: Db, ctx: AuditContext, input: TaskInput, by: { createdBy: number }): Promise<number> {
    return insertTask(db, ctx, input, by.createdBy);
  },

  /** The demo's history: tasks assigned (and some done) in the past. */
  record(db: Db, ctx: AuditContext, input: TaskInput, doneOn: string | null): Promise<number> {
    return insertTask(db, ctx, input, null, doneOn);
  },

  /** Marks an open task done; the route has loaded it and authorized `tasks.complete`. */
  async complete(db: Db, ctx: AuditContext, id: number): Promise<void> {
    if (!(await tasksStore.task(db, id))) throw new NotFoundError();
    await mutate(db, ctx, async (trx, audit) => {
      const today = todayInChina();
      const updated = await trx
        .updateTable('disclosure_tasks')
        .set({ status: 'done', done_on: today, updated_at: nowIso() })
        .where('id', '=', id)
        .where('status', '=', 'open')
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) !== 1) throw new ConflictError('tasks.error.done');
      await audit({
        action: 'tasks.complete',
        subjectType: 'disclosure_task',
        subjectId: id,
        before: { status: 'open' },
        after: { status: 'done', done_on: today },
      });
    });
  },
};
