// Task assignment: the page with every duty in reach (assigning and completing them), and a panel
// on each user's dashboard with the open duties of their unit.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readForm } from '../../platform/form.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { authorize, can } from '../../platform/policy.ts';
import { todayInChina } from '../../platform/clock.ts';
import { reachOf } from '../../platform/reach.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/policy.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { taskForm } from './tasks.ts';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, idParam, invalidForm, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { tasksStore, type TaskListRow } from './tasks.store.ts';
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

/** Agency-wide roles see every unit's tasks; drafters and unit heads their own unit's. */
export async function visibleTasks(db: Db, actor: Actor): Promise<{ tasks: TaskListRow[]; agencyWide: number[] }> {
  const agencyWide = reachOf(actor, [...AGENCY_ROLES]);
  const unitGrants = actor.grants.filter((g) => g.role === 'drafter' || g.role === 'unit_head');
  const all = await tasksStore.list(db, [...new Set([...agencyWide, ...unitGrants.map((g) => g.agencyId)])]);
  const tasks = all.filter(
    (x) =>
      agencyWide.includes(x.agency_id) ||
      unitGrants.some((g) => g.agencyId === x.agency_id && (g.unitId === null || g.unitId === x.unit_id)),
  );
  return { tasks, agencyWide };
}

// The unit's open duties on the dashboard (/admin), nearest deadline first.
export const unitTasksPanel: DashboardPanel<{ open: TaskListItem[]; overdue: number }> = {
  id: 'tasks.unit',
  policy: 'tasks.read',
  order: 20,
  async load(db, actor) {
    const today = todayInChina();
    const open = (await visibleTasks(db, actor)).tasks
      .filter((x) => x.status === 'open')
      .sort((a, b) => a.due_on.localeCompare(b.due_on))
      .map((row) => presentTask(row, today));
    if (open.length === 0) return null;
    return { open, overdue: open.filter((x) => x.overdue).length };
  },
  render: (ctx, data) => <TasksPanel ctx={ctx} open={data.open} overdue={data.overdue} />,
};

export async function taskRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      issues?: readonly ValidationIssue[];
      values?: Record<string, string>;
      status?: number;
      saved?: boolean;
    } = {},
  ) {
    const actor = req.actor!;
    const { tasks, agencyWide } = await visibleTasks(db, actor);
    const assignAgencies = reachOf(actor, ['disclosure_officer', 'supervisor']);
    const units = assignAgencies.length
      ? (await organisationStore.unitsOfAgencies(db, assignAgencies)).filter((u) => u.active === 1)
      : [];
    const today = todayInChina();
    const items = tasks.map((x) =>
      presentTask(
        x,
        today,
        x.status === 'open' && can(actor, 'tasks.complete', { agencyId: x.agency_id, unitId: x.unit_id }),
      ),
    );
    return reply.page(
      <TasksPage
        ctx={reply.view()}
        tasks={items}
        mine={agencyWide.length === 0}
        units={units.map((u) => ({ id: u.id, name: u.name }))}
        issues={extra.issues ?? []}
        values={extra.values ?? {}}
        canAssign={assignAgencies.length > 0}
        saved={extra.saved}
      />,
      extra.status ?? 200,
    );
  }

  const routes = app.withTypeProvider<TypeBoxProvider>();

  routes.get(
    '/admin/tasks',
    {
      config: { policy: 'tasks.read' },
      schema: { querystring: Type.Object({ saved: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => render(req, reply, { saved: req.query.saved === '1' }),
  );

  app.post('/admin/tasks', { config: { policy: 'tasks.assign' } }, async (req, reply) => {
    const { values, issues } = readForm(taskForm, req.body);
    const raw = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
    if (issues.length) return render(req, reply, invalidForm(issues, raw));
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
      if (error instanceof ValidationError) return render(req, reply, invalidForm(error, raw));
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
