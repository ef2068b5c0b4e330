// /admin/mailbox/webhook: the system administrator sets the agency's secret for the 12345 webhook
// (三员分立: a setting, as a channel endpoint's secret is) or stops the calls. A new secret is
// shown on the answer to the POST that saved it, once, never in an address or a later page.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { formatChinaTime } from '../../platform/clock.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { formBody, invalidForm } from '../../platform/http/route-kit.ts';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { reachOf } from '../../platform/reach.ts';
import { organisationStore } from '../organisation/index.ts';
import { hotlineWebhookStore as store } from './hotline-webhook.store.ts';
import { hotlineWebhookServiceOf } from './hotline-webhook.routes.ts';
import { HotlineWebhookPage } from './views/hotline-webhook-page.tsx';

/** The agency a request names (query or form), else the actor's own. */
function agencyOf(actor: Actor, raw: unknown): number | null {
  if (raw === undefined || raw === '') return actor.agencyId;
  return typeof raw === 'string' && /^\d{1,9}$/.test(raw) ? Number(raw) : null;
}

export async function hotlineWebhookSettingsRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const service = hotlineWebhookServiceOf(app);

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    agencyId: number,
    extra: { issues?: readonly ValidationIssue[]; status?: number; newSecret?: string; removed?: boolean } = {},
  ) {
    const actor = req.actor!;
    const agency = await organisationStore.agency(db, agencyId);
    const row = await store.secret(db, agencyId);
    const ids = reachOf(actor, ['system_admin']).filter((id) =>
      can(actor, 'mailbox.webhook_configure', { agencyId: id }),
    );
    const agencies = (await organisationStore.agencies(db, ids)).map((a) => ({ id: a.id, name: a.name }));
    return reply.page(
      <HotlineWebhookPage
        ctx={reply.view()}
        agencies={agencies}
        agencyId={agencyId}
        status={{ agencyName: agency?.name ?? '', configuredAt: row ? formatChinaTime(row.updated_at) : null }}
        issues={extra.issues ?? []}
        newSecret={extra.newSecret}
        removed={extra.removed}
      />,
      extra.status ?? 200,
    );
  }

  app.get('/admin/mailbox/webhook', { config: { policy: 'mailbox.webhook_configure' } }, async (req, reply) => {
    const agencyId = agencyOf(req.actor!, (req.query as Record<string, unknown>).agency);
    const agency = agencyId === null ? undefined : await organisationStore.agency(db, agencyId);
    if (!agency) throw new NotFoundError();
    authorize(req.actor!, 'mailbox.webhook_configure', { agencyId: agency.id });
    return render(req, reply, agency.id);
  });

  app.post('/admin/mailbox/webhook', { config: { policy: 'mailbox.webhook_configure' } }, async (req, reply) => {
    const actor = req.actor!;
    const body = formBody(req);
    const agencyId = agencyOf(actor, body.agency);
    const agency = agencyId === null ? undefined : await organisationStore.agency(db, agencyId);
    if (!agency) throw new NotFoundError();
    authorize(actor, 'mailbox.webhook_configure', { agencyId: agency.id });
    if (body.intent === 'remove') {
      const had = await store.secret(db, agency.id);
      if (had) await service.removeSecret(db, req.auditContext(), agency.id);
      return render(req, reply, agency.id, { removed: true });
    }
    try {
      const secret = typeof body.secret === 'string' ? body.secret : '';
      const saved = await service.setSecret(
        db,
        req.auditContext(),
        agency.id,
        { secret },
        {
          updatedBy: actor.userId,
        },
      );
      // The page carrying the secret must not be kept by a cache or the browser's history.
      reply.header('cache-control', 'no-store');
      return render(req, reply, agency.id, { newSecret: saved.secret });
    } catch (error) {
      if (error instanceof ValidationError) {
        const { issues, status } = invalidForm(error);
        return render(req, reply, agency.id, { issues, status });
      }
      throw error;
    }
  });
}
