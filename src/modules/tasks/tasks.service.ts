import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { ConflictError, issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import { mutate } from '../../platform/mutation.ts';
import { authorize, type Actor } from '../../platform/policy.ts';
import { organisationStore } from '../organisation/index.ts';
import { tasksStore } from './tasks.store.ts';

export interface TaskInput {
  unit_id: number;
  title: string;
  scope: string;
  due_on: string;
}

/** Writes a task; `actor` null is the operator (demo, CLI), who is not checked. */
async function insertTask(
  db: Db,
  ctx: AuditContext,
  actor: Actor | null,
  input: TaskInput,
  done: string | null = null,
): Promise<number> {
  const found = await organisationStore.unit(db, input.unit_id);
  const unit = found?.active === 1 ? found : undefined;
  if (!unit) throw new ValidationError([issue('unit_id', 'tasks.error.unit')]);
  if (actor) authorize(actor, 'tasks.assign', { agencyId: unit.agency_id });
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
        created_by: actor?.userId ?? null,
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
  assign(db: Db, actor: Actor, ctx: AuditContext, input: TaskInput): Promise<number> {
    return insertTask(db, ctx, actor, input);
  },

  /** The demo's history: tasks assigned (and some done) in the past. */
  record(db: Db, ctx: AuditContext, input: TaskInput, doneOn: string | null): Promise<number> {
    return insertTask(db, ctx, null, input, doneOn);
  },

  async complete(db: Db, actor: Actor, ctx: AuditContext, id: number): Promise<void> {
    const task = await tasksStore.task(db, id);
    if (!task) throw new NotFoundError();
    authorize(actor, 'tasks.complete', { agencyId: task.agency_id, unitId: task.unit_id });
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
