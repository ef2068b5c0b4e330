// The tasks presenter: overdue only while open and past the deadline; done duties keep their
// completion date and are never overdue.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentTask } from './tasks.presenter.ts';
import type { TaskListRow } from './tasks.store.ts';

const row: TaskListRow = {
  id: 7,
  agency_id: 1,
  unit_id: 2,
  title: '公开年度预算',
  scope: '部门预算及说明',
  due_on: '2026-03-31',
  status: 'open',
  done_on: null,
  created_by: null,
  created_at: '2026-01-05T00:00:00Z',
  updated_at: '2026-01-05T00:00:00Z',
  unit_name: '财务科',
};

test('an open duty is overdue from the day after its deadline', () => {
  assert.equal(presentTask(row, '2026-03-31').overdue, false);
  const late = presentTask(row, '2026-04-01', true);
  assert.deepEqual(late, {
    id: 7,
    title: '公开年度预算',
    unitName: '财务科',
    scope: '部门预算及说明',
    dueOn: '2026-03-31',
    status: 'open',
    doneOn: null,
    overdue: true,
    completable: true,
  });
});

test('a done duty is not overdue and shows when it was done', () => {
  const done = presentTask({ ...row, status: 'done', done_on: '2026-04-02' }, '2026-05-01');
  assert.equal(done.overdue, false);
  assert.equal(done.doneOn, '2026-04-02');
  assert.equal(done.completable, false);
});
