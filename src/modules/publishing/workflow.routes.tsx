// Catalog console, the review-workflow configuration (/admin/workflows): which steps an item's
// category goes through per agency; configured by the system admin, read by the disclosure office.
import { reachOf } from '../../platform/reach.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../platform/policy.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { catalogCategories } from './publishing.ts';
import { publishingStore as store } from './publishing.store.ts';
import { publishingService as service, stepsFor } from './publishing.service.ts';
import { Type } from '@sinclair/typebox';
import {
  field,
  firstQueryValues,
  formBody,
  invalidForm,
  Text,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { WorkflowPage, type WorkflowRow } from './views/workflow-page.tsx';
import { extraWorkflowCategories, extraWorkflowCategory } from './workflow-categories.ts';
import { normaliseSteps } from './workflow.ts';

export async function registerWorkflowRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  // ——— review-workflow configuration ———

  async function renderWorkflows(
    req: FastifyRequest,
    reply: FastifyReply,
    agencyId: number | undefined,
    shown: { issues?: readonly ValidationIssue[]; status?: number; done?: boolean } = {},
  ) {
    const actor = req.actor!;
    const reach = reachOf(actor, ['system_admin', 'disclosure_officer']);
    const agencies = (await organisationStore.agencies(db, reach)).sort((a, b) => a.id - b.id);
    const visible = agencies.filter((a) => can(actor, 'publishing.workflow_read', { agencyId: a.id }));
    // The system admin's own agency is often the city government, which publishes little:
    // open on the first agency that has a disclosure office, or the one asked for.
    const chosen = visible.find((a) => a.id === agencyId) ?? visible.find((a) => a.id === actor.agencyId) ?? visible[0];
    if (!chosen) throw new NotFoundError();
    const configs = await store.workflowConfigs(db, [chosen.id]);
    const rows: WorkflowRow[] = [];
    for (const category of [...catalogCategories, '*']) {
      rows.push({
        category,
        steps: await stepsFor(db, chosen.id, category),
        configured: configs.some((c) => c.category_key === category),
      });
    }
    for (const extra of extraWorkflowCategories()) {
      const row = configs.find((c) => c.category_key === extra.key);
      rows.push({
        category: extra.key,
        labelKey: extra.labelKey,
        steps: row ? normaliseSteps(JSON.parse(row.steps) as string[]) : [...extra.defaultSteps],
        configured: !!row,
      });
    }
    return reply.page(
      <WorkflowPage
        ctx={reply.view()}
        agencies={visible}
        agencyId={chosen.id}
        rows={rows}
        canConfigure={can(actor, 'publishing.configure', { agencyId: chosen.id })}
        issues={shown.issues ?? []}
        done={shown.done ?? false}
      />,
      shown.status ?? 200,
    );
  }

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/workflows',
    {
      config: { policy: 'publishing.workflow_read' },
      schema: { querystring: Type.Object({ agency: Text, done: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const query = req.query;
      const agency = query.agency && /^[1-9]\d{0,8}$/.test(query.agency) ? Number(query.agency) : undefined;
      return renderWorkflows(req, reply, agency, { done: query.done === '1' });
    },
  );

  app.post('/admin/workflows', { config: { policy: 'publishing.configure' } }, async (req, reply) => {
    const body = formBody(req);
    const agencyRaw = field(body, 'agency_id') ?? '';
    const agencyId = /^[1-9]\d{0,8}$/.test(agencyRaw) ? Number(agencyRaw) : 0;
    const category = field(body, 'category') ?? '';
    if (
      !(
        category === '*' ||
        (catalogCategories as readonly string[]).includes(category) ||
        extraWorkflowCategory(category)
      )
    )
      throw new NotFoundError();
    authorize(req.actor, 'publishing.configure', { agencyId });
    const raw = body.steps;
    const steps = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    try {
      await service.configureWorkflow(db, req.auditContext(), agencyId, category, steps, {
        updatedBy: req.actor!.userId,
      });
      return reply.redirect(`/admin/workflows?agency=${agencyId}&done=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        const key = category === '*' ? 'any' : category;
        return renderWorkflows(
          req,
          reply,
          agencyId,
          invalidForm(error.issues.map((i) => ({ ...i, field: `steps-${key}` }))),
        );
      }
      throw error;
    }
  });
}
