// Store rows of disclosure duties → what the tasks page and the dashboard panel show
// (docs/conventions.md#presenters): camelCase, overdue worked out against today, and whether the
// actor may mark the duty done, so the views decide nothing.
import type { TaskListRow } from './tasks.store.ts';
import { isOverdue, type TaskStatus } from './tasks.ts';

export interface TaskListItem {
  readonly id: number;
  readonly title: string;
  readonly unitName: string;
  readonly scope: string;
  readonly dueOn: string;
  readonly status: TaskStatus;
  readonly doneOn: string | null;
  readonly overdue: boolean;
  /** The actor may mark it done (an open duty of a unit they head). */
  readonly completable: boolean;
}

export function presentTask(row: TaskListRow, today: string, completable = false): TaskListItem {
  return {
    id: row.id,
    title: row.title,
    unitName: row.unit_name,
    scope: row.scope,
    dueOn: row.due_on,
    status: row.status as TaskStatus,
    doneOn: row.done_on,
    overdue: isOverdue(row, today),
    completable,
  };
}
