// Task assignment: the page with every duty in reach (assigning and completing them), paged,
// filtered and sorted on the server (issue 15 item 9), and a panel on each user's dashboard with
// the open duties of their unit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readForm } from '../../platform/form.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { authorize, can } from '../../platform/policy.ts';
import { todayInChina } from '../../platform/clock.ts';
import { reachOf } from '../../platform/reach.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/policy.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { taskForm, taskListStatuses } from './tasks.ts';
import { Type, type Static } from '@sinclair/typebox';
import { firstQueryValues, idParam, invalidForm, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import {
  choiceQuery,
  IdQuery,
  KeywordQuery,
  numberOf,
  PageQuery,
  pageRequest,
  paged,
  validQuery,
  YearQuery,
} from '../../platform/paging.ts';
import { tasksStore, taskSorts, type TaskFilter, type TaskScope } from './tasks.store.ts';
import { presentTask, type TaskListItem } from './tasks.presenter.ts';
import { organisationStore } from '../organisation/index.ts';
import { assignableUnit, tasksService } from './tasks.service.ts';
import { TasksPage, TasksPanel } from './views/tasks-page.tsx';

const AGENCY_ROLES = [
  'confidentiality_reviewer',
  'disclosure_officer',
  'leader_in_charge',
  'principal_leader',
  'supervisor',
] as const;

/** The reader's scope in SQL terms: agency-wide roles see every unit's tasks; drafters and unit
 *  heads their own unit's (a grant without a unit: the whole agency). */
export function taskScope(actor: Actor): { scope: TaskScope; agencyWide: number[] } {
  const agencies = new Set(reachOf(actor, [...AGENCY_ROLES]));
  const agencyWide = [...agencies];
  const units: { agencyId: number; unitId: number }[] = [];
  for (const g of actor.grants) {
    if (g.role !== 'drafter' && g.role !== 'unit_head') continue;
    if (!actor.reach.get(g.role)?.has(g.agencyId)) continue;
    if (g.unitId === null) agencies.add(g.agencyId);
    else units.push({ agencyId: g.agencyId, unitId: g.unitId });
  }
  return { scope: { agencyIds: [...agencies], units: units.filter((u) => !agencies.has(u.agencyId)) }, agencyWide };
}

const PANEL_ROWS = 5;

// The unit's open duties on the dashboard (/admin), nearest deadline first.
export const unitTasksPanel: DashboardPanel<{ open: TaskListItem[]; count: number; overdue: number }> = {
  id: 'tasks.unit',
  policy: 'tasks.read',
  order: 20,
  async load(db, actor) {
    const today = todayInChina();
    const { scope } = taskScope(actor);
    const [count, overdue, rows] = await Promise.all([
      tasksStore.count(db, { scope, today, status: 'open' }),
      tasksStore.count(db, { scope, today, status: 'overdue' }),
      tasksStore.page(db, { scope, today, status: 'open' }, { sort: 'due', dir: 'asc' }, 0, PANEL_ROWS),
    ]);
    if (count === 0) return null;
    return { open: rows.map((row) => presentTask(row, today)), count, overdue };
  },
  render: (ctx, data) => <TasksPanel ctx={ctx} open={data.open} count={data.count} overdue={data.overdue} />,
};

/** The active units the reader's scope reaches, for the unit filter and (within reach) the form. */
async function unitsInScope(db: Db, scope: TaskScope) {
  const agencies = [...new Set([...scope.agencyIds, ...scope.units.map((u) => u.agencyId)])];
  if (agencies.length === 0) return [];
  return (await organisationStore.unitsOfAgencies(db, agencies)).filter(
    (u) =>
      u.active === 1 &&
      (scope.agencyIds.includes(u.agency_id) ||
        scope.units.some((s) => s.agencyId === u.agency_id && s.unitId === u.id)),
  );
}

export const TaskListQuery = Type.Object({
  ...PageQuery,
  saved: Text,
  status: choiceQuery(taskListStatuses),
  unit: IdQuery,
  year: YearQuery,
  q: KeywordQuery,
  sort: choiceQuery(taskSorts),
});
type TaskListQuery = Static<typeof TaskListQuery>;

const labels = {
  status: { zh: '状态', en: 'status' },
  unit: { zh: '责任科室', en: 'unit' },
};

export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    query: TaskListQuery,
    extra: { issues?: readonly ValidationIssue[]; values?: Record<string, string>; status?: number } = {},
  ) {
    const actor = req.actor!;
    const { scope, agencyWide } = taskScope(actor);
    const today = todayInChina();
    const filter: TaskFilter = {
      scope,
      today,
      status: query.status || undefined,
      unitId: numberOf(query.unit),
      year: numberOf(query.year),
      keyword: query.q?.trim() || undefined,
    };
    const order = { sort: query.sort || 'due', dir: query.dir || 'asc' } as const;
    const [page, open, overdue, units] = await Promise.all([
      paged(
        pageRequest(query),
        () => tasksStore.count(db, filter),
        (offset, limit) => tasksStore.page(db, filter, order, offset, limit),
      ),
      tasksStore.count(db, { scope, today, status: 'open' }),
      tasksStore.count(db, { scope, today, status: 'overdue' }),
      unitsInScope(db, scope),
    ]);
    const assignAgencies = reachOf(actor, ['disclosure_officer', 'supervisor']);
    const rows = page.rows.map((x) =>
      presentTask(
        x,
        today,
        x.status === 'open' && can(actor, 'tasks.complete', { agencyId: x.agency_id, unitId: x.unit_id }),
      ),
    );
    return reply.page(
      <TasksPage
        ctx={reply.view()}
        page={{ ...page, rows }}
        query={{
          status: query.status ?? '',
          unit: query.unit ?? '',
          year: query.year ?? '',
          q: query.q ?? '',
          sort: order.sort,
          dir: order.dir,
        }}
        open={open}
        overdue={overdue}
        mine={agencyWide.length === 0}
        filterUnits={units.map((u) => ({ value: String(u.id), label: u.name }))}
        units={units.filter((u) => assignAgencies.includes(u.agency_id)).map((u) => ({ id: u.id, name: u.name }))}
        issues={extra.issues ?? []}
        values={extra.values ?? {}}
        canAssign={assignAgencies.length > 0}
        saved={query.saved === '1'}
      />,
      extra.status ?? 200,
    );
  }

  const routes = app.withTypeProvider<TypeBoxProvider>();

  routes.get(
    '/admin/tasks',
    {
      config: { policy: 'tasks.read' },
      schema: { querystring: TaskListQuery },
      attachValidation: true,
      preValidation: firstQueryValues,
    },
    async (req, reply) => render(req, reply, validQuery(req, labels)),
  );

  app.post('/admin/tasks', { config: { policy: 'tasks.assign' } }, async (req, reply) => {
    const { values, issues } = readForm(taskForm, req.body);
    const raw = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
    if (issues.length) return render(req, reply, {}, invalidForm(issues, raw));
    try {
      const unit = await assignableUnit(db, values.unit_id!);
      authorize(req.actor!, 'tasks.assign', { agencyId: unit.agency_id });
      await tasksService.assign(
        db,
        req.auditContext(),
        { unit_id: values.unit_id!, title: values.title!, scope: values.scope!, due_on: values.due_on! },
        { createdBy: req.actor!.userId },
      );
      return reply.redirect('/admin/tasks?saved=1', 303);
    } catch (error) {
      if (error instanceof ValidationError) return render(req, reply, {}, invalidForm(error, raw));
      throw error;
    }
  });

  routes.post('/admin/tasks/:id/done', { config: { policy: 'tasks.complete' } }, async (req, reply) => {
    const task = await tasksStore.task(db, idParam(req));
    if (!task) throw new NotFoundError();
    authorize(req.actor!, 'tasks.complete', { agencyId: task.agency_id, unitId: task.unit_id });
    await tasksService.complete(db, req.auditContext(), task.id);
    return reply.redirect('/admin/tasks?saved=1', 303);
  });
}
