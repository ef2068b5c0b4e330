// The page and form of the 2007-era cost fees and hardship waivers of one application
// (cost-fees-2007.ts). The disclosure office records them; the page refuses an application that
// the 2007 Regulation does not govern.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../platform/policy.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import { idParam, invalidForm, typedValues, type ShownForm } from '../../platform/http/route-kit.ts';
import { applicationsStore as store } from './applications.store.ts';
import type { ApplicationRow } from './applications.table.ts';
import { costFees2007 } from './cost-fees-2007.ts';
import { presentCostFees } from './cost-fees-2007.presenter.ts';
import { CostFees2007Page } from './views/cost-fees-2007-page.tsx';

export function costFee2007Routes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  async function loadCase(req: FastifyRequest): Promise<ApplicationRow> {
    const found = await store.byId(db, idParam(req));
    if (!found) throw new NotFoundError();
    authorize(req.actor, 'applications.handle', { agencyId: found.agency_id, unitId: found.assigned_unit_id });
    return found;
  }

  async function page(reply: FastifyReply, found: ApplicationRow, form: ShownForm<Record<string, string>>) {
    return reply.page(
      <CostFees2007Page
        ctx={reply.view()}
        applicationId={found.id}
        trackingCode={found.tracking_code}
        rows={presentCostFees(await costFees2007.list(db, found.id))}
        values={form.values}
        issues={form.issues ?? []}
      />,
      form.status ?? 200,
    );
  }

  app.get('/admin/applications/:id/cost-fees-2007', { config: { policy: 'applications.handle' } }, async (req, reply) =>
    page(reply, await loadCase(req), { values: {} }),
  );

  app.post(
    '/admin/applications/:id/cost-fees-2007',
    { config: { policy: 'applications.handle' } },
    async (req, reply) => {
      const found = await loadCase(req);
      try {
        await costFees2007.record(db, req.auditContext(), found.id, req.body);
        return reply.redirect(`/admin/applications/${found.id}/cost-fees-2007`, 303);
      } catch (error) {
        if (error instanceof ValidationError) return page(reply, found, invalidForm(error, typedValues(req.body)));
        throw error;
      }
    },
  );
}
