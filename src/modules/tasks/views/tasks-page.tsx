/**
 * TasksPage({ ctx, page, query, open, overdue, mine, filterUnits, units, issues, values, canAssign, saved? })
 * — one page of the disclosure duties of the actor's unit (drafters, unit heads) or of the agencies
 * in reach, with their count, filters (status, unit, deadline year, keyword), sort and pages; each
 * with its scope, deadline and an "overdue" tag; the assignment form for the disclosure office and
 * supervisors; "mark done" for the unit head.
 * TasksPanel({ ctx, open, count, overdue }) — the dashboard panel of the unit's open duties.
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
import { ListCount, ListFilters, listHref, Pager, type FilterField } from '../../../platform/views/pager.tsx';
import type { Page } from '../../../platform/paging.ts';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { TaskListItem } from '../tasks.presenter.ts';
import { taskListStatuses } from '../tasks.ts';

export interface TaskListQueryView {
  readonly status: string;
  readonly unit: string;
  readonly year: string;
  readonly q: string;
  readonly sort: 'due' | 'created' | 'title' | 'unit';
  readonly dir: 'asc' | 'desc';
}

const sorts = ['due', 'created', 'title', 'unit'] as const;

function hrefOf(query: TaskListQueryView, per: number, page: number): string {
  return listHref('/admin/tasks', {
    status: query.status,
    unit: query.unit,
    year: query.year,
    q: query.q,
    sort: query.sort === 'due' ? undefined : query.sort,
    dir: query.dir === 'asc' ? undefined : query.dir,
    per: per === 50 ? undefined : per,
    page: page === 1 ? undefined : page,
  });
}

function filterFields(
  ctx: ViewContext,
  query: TaskListQueryView,
  units: readonly { value: string; label: string }[],
): FilterField[] {
  const { t } = ctx;
  const statusLabel = (s: string) => (s === 'overdue' ? t('tasks.overdue') : t(`tasks.status.${s}`));
  return [
    {
      kind: 'select',
      name: 'status',
      label: t('tasks.field.status'),
      value: query.status,
      options: taskListStatuses.map((s) => ({ value: s, label: statusLabel(s) })),
    },
    ...(units.length > 1
      ? [{ kind: 'select', name: 'unit', label: t('tasks.field.unit'), value: query.unit, options: units } as const]
      : []),
    { kind: 'text', name: 'year', label: t('tasks.filter.year'), value: query.year, short: true },
    { kind: 'text', name: 'q', label: t('tasks.filter.q'), value: query.q },
  ];
}

export function TasksPage(props: {
  ctx: ViewContext;
  page: Page<TaskListItem>;
  query: TaskListQueryView;
  /** Open and overdue duties in the whole scope, not only the filtered list. */
  open: number;
  overdue: number;
  mine: boolean;
  filterUnits: readonly { value: string; label: string }[];
  units: readonly { id: number; name: string }[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  canAssign: boolean;
  saved?: boolean;
}) {
  const { ctx, page, query, issues } = props;
  const { t } = ctx;
  const filtered = query.status !== '' || query.unit !== '' || query.year !== '' || query.q !== '';
  return (
    <Layout ctx={ctx} title={t('tasks.title')} wide>
      <h1>{props.mine ? t('tasks.mine') : t('tasks.title')}</h1>
      <p class="lead">{t('tasks.lead')}</p>
      {props.saved && <Notice kind="success">{t('tasks.saved')}</Notice>}
      {props.mine && props.open > 0 && (
        <Notice kind={props.overdue ? 'warning' : 'success'}>
          {t('tasks.open_count', { count: props.open, overdue: props.overdue })}
        </Notice>
      )}
      <ListFilters
        ctx={ctx}
        action="/admin/tasks"
        fields={filterFields(ctx, query, props.filterUnits)}
        sorts={sorts.map((value) => ({ value, label: t(`tasks.sort.${value}`) }))}
        sort={query.sort}
        dir={query.dir}
        per={page.per}
      />
      <ListCount ctx={ctx} page={page} />
      {page.rows.length === 0 ? (
        <p>{filtered ? t('tasks.none_filtered') : t('tasks.none')}</p>
      ) : (
        <TaskTable ctx={ctx} tasks={page.rows} />
      )}
      <Pager ctx={ctx} page={page} href={(n) => hrefOf(query, page.per, n)} />
      {props.canAssign && <AssignForm ctx={ctx} units={props.units} issues={issues} values={props.values} />}
    </Layout>
  );
}

/** The dashboard panel: the first open duties (nearest deadline first), overdue ones tagged. */
export function TasksPanel(props: { ctx: ViewContext; open: readonly TaskListItem[]; count: number; overdue: number }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="panel-tasks" data-panel="tasks">
      <h2 id="panel-tasks">
        <a href="/admin/tasks">{t('tasks.title')}</a>
      </h2>
      <p>{t('tasks.open_count', { count: props.count, overdue: props.overdue })}</p>
      <ul>
        {props.open.map((task) => (
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
