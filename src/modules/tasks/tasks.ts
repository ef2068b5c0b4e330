// Task assignment (任务分解): disclosure duties split among units, each with its scope and
// deadline — "将信息公开各项任务逐一分解到相关科室和单位，进一步明确了信息公开的范围、时限和
// 责任分工". Overdue is derived from the deadline, never stored.
import type { FormSpec } from '../../platform/form.ts';
import { defineMessages } from '../../platform/i18n/i18n.ts';

export const taskStatuses = ['open', 'done'] as const;
export type TaskStatus = (typeof taskStatuses)[number];
/** The list's status filter: a stored status, or "overdue" (open past its deadline). */
export const taskListStatuses = ['open', 'overdue', 'done'] as const;

export function isOverdue(task: { status: string; due_on: string }, today: string): boolean {
  return task.status === 'open' && task.due_on < today;
}

export const taskForm = {
  unit_id: { kind: 'int', label: 'tasks.field.unit', required: true },
  title: { kind: 'text', label: 'tasks.field.title', required: true, max: 200 },
  scope: { kind: 'text', label: 'tasks.field.scope', required: true, max: 2000 },
  due_on: { kind: 'date', label: 'tasks.field.due_on', required: true },
} as const satisfies FormSpec;

export const taskMessages = defineMessages({
  'nav.tasks': { zh: '任务分解', en: 'Task assignment' },
  'nav.tasks_hint': {
    zh: '分解到本科室的信息公开任务、范围和时限',
    en: 'Disclosure duties of your unit, with scope and deadline',
  },
  'tasks.title': { zh: '任务分解', en: 'Task assignment' },
  'tasks.lead': {
    zh: '信息公开各项任务分解到科室和单位，明确范围、时限和责任。',
    en: 'Disclosure duties assigned to units, with scope, deadline and responsibility.',
  },
  'tasks.mine': { zh: '本科室的任务', en: "Your unit's tasks" },
  'tasks.all': { zh: '全部任务', en: 'All tasks' },
  'tasks.none': { zh: '暂无任务。', en: 'No tasks.' },
  'tasks.none_filtered': { zh: '没有符合筛选条件的任务。', en: 'No tasks match the filters.' },
  'tasks.filter.q': { zh: '关键词（任务或公开范围）', en: 'Keyword (task or scope)' },
  'tasks.filter.year': { zh: '时限年份', en: 'Deadline year' },
  'tasks.sort.due': { zh: '完成时限', en: 'Deadline' },
  'tasks.sort.created': { zh: '分解时间', en: 'Date assigned' },
  'tasks.sort.title': { zh: '任务名称', en: 'Task' },
  'tasks.sort.unit': { zh: '责任科室', en: 'Unit' },
  'tasks.field.unit': { zh: '责任科室', en: 'Unit' },
  'tasks.field.title': { zh: '任务', en: 'Task' },
  'tasks.field.scope': { zh: '公开范围', en: 'Scope' },
  'tasks.field.due_on': { zh: '完成时限', en: 'Deadline' },
  'tasks.field.status': { zh: '状态', en: 'State' },
  'tasks.status.open': { zh: '进行中', en: 'Open' },
  'tasks.status.done': { zh: '已完成', en: 'Done' },
  'tasks.overdue': { zh: '已逾期', en: 'Overdue' },
  'tasks.add': { zh: '分解新任务', en: 'Assign a task' },
  'tasks.complete': { zh: '标记完成', en: 'Mark done' },
  'tasks.saved': { zh: '已保存。', en: 'Saved.' },
  'tasks.error.unit': { zh: '责任科室无效', en: 'The unit is not valid' },
  'tasks.error.done': { zh: '该任务已完成', en: 'The task is already done' },
  'tasks.open_count': {
    zh: '有 {count} 项进行中的信息公开任务，其中 {overdue} 项已逾期。',
    en: '{count} open disclosure tasks, {overdue} overdue.',
  },
});
