// The console's import of a 12345 export, /admin/mailbox/import, for the disclosure office: a
// check (nothing stored: the count of new and known orders, every bad row) or an import (every
// order of the file, or none while a row is bad: work-order-import.service.ts says why).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { now } from '../../platform/clock.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { checkedStatus, invalidForm, refusesInput } from '../../platform/http/route-kit.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { reachOf } from '../../platform/reach.ts';
import { organisationStore } from '../organisation/index.ts';
import { createMailboxService } from './mailbox.service.ts';
import type { ReceiveWorkOrders } from './hotline-webhook.service.ts';
import { readUploadedWorkOrders } from './work-order-import.ts';
import { importWorkOrderFile } from './work-order-import.service.ts';
import { presentImportResult, type ImportResultView } from './work-order-import.presenter.ts';
import { WorkOrderImportPage } from './views/work-order-import-page.tsx';

/** The agencies the actor may import for, by the policy with each agency as the resource. */
async function importableAgencies(db: Db, actor: Actor) {
  const ids = reachOf(actor, ['disclosure_officer']).filter((id) => can(actor, 'mailbox.import', { agencyId: id }));
  return (await organisationStore.agencies(db, ids)).map((a) => ({ id: a.id, name: a.name }));
}

export async function workOrderImportRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const { config } = app.deps;
  const mailbox = createMailboxService(
    createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir)),
  );
  const receive: ReceiveWorkOrders = (d, ctx, agencyId, orders) => mailbox.receiveWorkOrders(d, ctx, agencyId, orders);

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: { agency?: string; issues?: readonly ValidationIssue[]; result?: ImportResultView; status?: number } = {},
  ) {
    const actor = req.actor!;
    return reply.page(
      <WorkOrderImportPage
        ctx={reply.view()}
        agencies={await importableAgencies(db, actor)}
        values={{ agency: extra.agency ?? String(actor.agencyId) }}
        issues={extra.issues ?? []}
        result={extra.result}
      />,
      extra.status ?? 200,
    );
  }

  app.get('/admin/mailbox/import', { config: { policy: 'mailbox.import' } }, async (req, reply) => render(req, reply));

  app.post('/admin/mailbox/import', { config: { policy: 'mailbox.import' } }, async (req, reply) => {
    const actor = req.actor!;
    const form = await readMultipartForm(req);
    const agencyField = form.fields.agency ?? '';
    const refused = (problem: readonly ValidationIssue[]) => {
      const { issues, status } = invalidForm(problem);
      return render(req, reply, { agency: agencyField, issues, status });
    };
    const issues: ValidationIssue[] = form.issues.map((i) => ({ ...i, field: 'file' }));
    const file = form.files[0];
    if (!file && issues.length === 0) issues.push(issue('file', 'mailbox.import.file_required'));
    const agencyId = /^\d{1,9}$/.test(agencyField) ? Number(agencyField) : null;
    if (agencyId === null) issues.push(issue('agency', 'mailbox.import.agency_required'));
    if (issues.length || !file || agencyId === null) return refused(issues);
    const agency = await organisationStore.agency(db, agencyId);
    if (!agency) return refused([issue('agency', 'mailbox.import.agency_required')]);
    authorize(actor, 'mailbox.import', { agencyId: agency.id });
    try {
      const parsed = await readUploadedWorkOrders(file.bytes, file.filename, { now: now() });
      const result = await importWorkOrderFile(db, req.auditContext(), receive, agency.id, parsed, {
        check: form.fields.intent !== 'import',
      });
      return render(req, reply, {
        agency: agencyField,
        result: presentImportResult(file.filename, result),
        status: checkedStatus(result.problems),
      });
    } catch (error) {
      // A file in no format the reader takes, or unreadable: said on the file field.
      if (refusesInput(error)) return refused([{ field: 'file', message: error.text }]);
      throw error;
    }
  });
}
