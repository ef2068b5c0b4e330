/**
 * TasksPage({ ctx, tasks, mine, units, issues, values, canAssign, saved? }) — the
 * disclosure duties of the actor's unit (drafters, unit heads) or of the agencies in reach, with
 * their scope, deadline and an "overdue" tag; the assignment form for the disclosure office and
 * supervisors; "mark done" for the unit head.
 * TasksPanel({ ctx, open, overdue }) — the dashboard panel of the unit's open duties.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  PostButton,
  SelectField,
  SubmitRow,
  TableWrap,
  TextField,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { TaskListItem } from '../tasks.presenter.ts';

export function TasksPage(props: {
  ctx: ViewContext;
  tasks: readonly TaskListItem[];
  mine: boolean;
  units: readonly { id: number; name: string }[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  canAssign: boolean;
  saved?: boolean;
}) {
  const { ctx, tasks, issues } = props;
  const { t } = ctx;
  const open = tasks.filter((x) => x.status === 'open');
  const overdue = open.filter((x) => x.overdue);
  return (
    <Layout ctx={ctx} title={t('tasks.title')} wide>
      <h1>{props.mine ? t('tasks.mine') : t('tasks.title')}</h1>
      <p class="lead">{t('tasks.lead')}</p>
      {props.saved && <Notice kind="success">{t('tasks.saved')}</Notice>}
      {props.mine && open.length > 0 && (
        <Notice kind={overdue.length ? 'warning' : 'success'}>
          {t('tasks.open_count', { count: open.length, overdue: overdue.length })}
        </Notice>
      )}
      <TaskTable ctx={ctx} tasks={tasks} />
      {props.canAssign && <AssignForm ctx={ctx} units={props.units} issues={issues} values={props.values} />}
    </Layout>
  );
}

/** The dashboard panel: the open duties (nearest deadline first), overdue ones tagged. */
export function TasksPanel(props: { ctx: ViewContext; open: readonly TaskListItem[]; overdue: number }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-tasks" data-panel="tasks">
      <h2 id="panel-tasks">
        <a href="/admin/tasks">{t('tasks.title')}</a>
      </h2>
      <p>{t('tasks.open_count', { count: props.open.length, overdue: props.overdue })}</p>
      <ul>
        {props.open.slice(0, 5).map((task) => (
          <li>
            {task.title}（{task.unitName}，{t('tasks.field.due_on')} {task.dueOn}）
            {task.overdue && <span class="tag tag--danger">{t('tasks.overdue')}</span>}
          </li>
        ))}
      </ul>
    </section>
  );
}

/** The duties with their scope, deadline and state; "mark done" where the actor may complete one. */
function TaskTable(props: { ctx: ViewContext; tasks: readonly TaskListItem[] }) {
  const { ctx, tasks } = props;
  const { t } = ctx;
  return (
    <>
      {tasks.length === 0 ? (
        <p>{t('tasks.none')}</p>
      ) : (
        <TableWrap ctx={ctx}>
          <table class="table">
            <caption class="visually-hidden">{t('tasks.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('tasks.field.title')}</th>
                <th scope="col">{t('tasks.field.unit')}</th>
                <th scope="col">{t('tasks.field.scope')}</th>
                <th scope="col">{t('tasks.field.due_on')}</th>
                <th scope="col">{t('tasks.field.status')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {tasks.map((task) => (
                <tr>
                  <td>{task.title}</td>
                  <td>{task.unitName}</td>
                  <td>{task.scope}</td>
                  <td class="date">{task.dueOn}</td>
                  <td>
                    <span class="tag">{t(`tasks.status.${task.status}`)}</span>
                    {task.overdue && <span class="tag tag--danger">{t('tasks.overdue')}</span>}
                    {task.doneOn ? ` ${task.doneOn}` : ''}
                  </td>
                  <td>
                    {task.completable ? (
                      <PostButton
                        ctx={ctx}
                        action={`/admin/tasks/${task.id}/done`}
                        label={t('tasks.complete')}
                        secondary
                        hiddenLabel={task.title}
                      />
                    ) : (
                      '—'
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

/** The form that assigns a duty to a unit, for the disclosure office and supervisors. */
function AssignForm(props: {
  ctx: ViewContext;
  units: readonly { id: number; name: string }[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
}) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="add">{t('tasks.add')}</h2>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action="/admin/tasks" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="unit_id"
          label={t('tasks.field.unit')}
          value={props.values.unit_id ?? ''}
          issues={issues}
          required
          options={[
            { value: '', label: t('pub.choose') },
            ...props.units.map((u) => ({ value: String(u.id), label: u.name })),
          ]}
        />
        <TextField
          ctx={ctx}
          name="title"
          label={t('tasks.field.title')}
          value={props.values.title}
          issues={issues}
          required
        />
        <TextField
          ctx={ctx}
          name="scope"
          label={t('tasks.field.scope')}
          value={props.values.scope}
          issues={issues}
          multiline
          required
        />
        <TextField
          ctx={ctx}
          name="due_on"
          label={t('tasks.field.due_on')}
          value={props.values.due_on}
          issues={issues}
          type="date"
          width="short"
          required
        />
        <SubmitRow ctx={ctx} />
      </form>
    </>
  );
}
