// The system administrator's setting of who approves an agency's drafted replies (issue 15 item
// 10). Each handler: load the agency → authorize with it → validate → service → redirect (303) or
// re-render with the issue (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { authorize } from '../../platform/policy.ts';
import { NotFoundError, ValidationError } from '../../platform/errors.ts';
import {
  firstQueryValues,
  formBody,
  idParam,
  invalidForm,
  Text,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { isReplyApprover, type ReplyApprover } from './reply-approvers.ts';
import { replyApprovers, saveReplyApprovers } from './reply-approvers.service.ts';
import { ReplyApproversPage } from './views/reply-approvers-page.tsx';

const POLICY = 'organisation.agency.manage';

type Agency = { id: number; name: string; officeName: string | null };

export function replyApproverRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  async function loadAgency(req: FastifyRequest): Promise<Agency> {
    const a = await organisationStore.agency(db, idParam(req));
    if (!a) throw new NotFoundError();
    authorize(req.actor, POLICY, { agencyId: a.id });
    const office = a.disclosure_office_unit_id ? await organisationStore.unit(db, a.disclosure_office_unit_id) : null;
    return { id: a.id, name: a.name, officeName: office?.name ?? null };
  }

  function page(
    reply: FastifyReply,
    agency: Agency,
    form: ShownForm<{ chosen: readonly ReplyApprover[] }>,
    saved = false,
  ) {
    return reply.page(
      <ReplyApproversPage
        ctx={reply.view()}
        agency={agency}
        chosen={form.values.chosen}
        issues={form.issues ?? []}
        saved={saved}
      />,
      form.status ?? 200,
    );
  }

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/agencies/:id/reply-approvers',
    {
      config: { policy: POLICY },
      schema: { querystring: Type.Object({ saved: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const agency = await loadAgency(req);
      return page(reply, agency, { values: { chosen: await replyApprovers(db, agency.id) } }, req.query.saved === '1');
    },
  );

  app.post('/admin/agencies/:id/reply-approvers', { config: { policy: POLICY } }, async (req, reply) => {
    const agency = await loadAgency(req);
    const raw = formBody(req).approvers;
    const chosen = (Array.isArray(raw) ? raw : [raw]).filter(isReplyApprover);
    try {
      await saveReplyApprovers(db, req.auditContext(), agency.id, chosen);
    } catch (error) {
      if (error instanceof ValidationError) return page(reply, agency, invalidForm(error, { chosen }));
      throw error;
    }
    return reply.redirect(`/admin/agencies/${agency.id}/reply-approvers?saved=1`, 303);
  });
}
