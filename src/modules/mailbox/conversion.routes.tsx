// The links between the mailbox and disclosure applications, and the 12345 centre's feedback export
// (issue 16 items 6 and 7). Each handler: load → authorize with the loaded case or application →
// service → redirect (303), a file, or the form again with its issues (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { authorize, type Actor } from '../../platform/policy.ts';
import { ForbiddenError, NotFoundError, ValidationError, issue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import {
  contentDisposition,
  firstQueryValues,
  formBody,
  idParam,
  invalidForm,
  Text,
  typedValues,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import {
  APPLICANT_KINDS,
  applicationsStore,
  createApplicationsService,
  DELIVERY_WAYS,
  formatTrackingCode,
  FORMS_WANTED,
} from '../applications/index.ts';
import { organisationStore } from '../organisation/index.ts';
import { mailboxStore as store } from './mailbox.store.ts';
import type { MailboxCaseRow } from './mailbox.table.ts';
import { createConversionService } from './conversion.service.ts';
import { feedbackCsv, feedbackPeriod, feedbackXlsx } from './mailbox-feedback.ts';
import { feedbackOrders } from './mailbox-figures.store.ts';
import { ConvertPage } from './views/convert-page.tsx';
import { FeedbackPage } from './views/feedback-page.tsx';

const MANAGE = 'mailbox.manage';
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** The agency whose office the actor works in (the feedback export is the office's). */
function officeAgency(actor: Actor | undefined): number {
  const grant = actor?.grants.find((g) => g.role === 'disclosure_officer');
  if (!grant) throw new ForbiddenError();
  return grant.agencyId;
}

export async function conversionRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const vault = createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
  const db = app.deps.database.db;
  const conversion = createConversionService(vault, createApplicationsService(vault));
  const typed = app.withTypeProvider<TypeBoxProvider>();

  async function loadCase(req: FastifyRequest): Promise<MailboxCaseRow> {
    const row = await store.byId(db, idParam(req));
    if (!row) throw new NotFoundError();
    authorize(req.actor, MANAGE, { agencyId: row.agency_id });
    return row;
  }

  function convertPage(reply: FastifyReply, row: MailboxCaseRow, form: ShownForm<Record<string, string>>) {
    return reply.page(
      <ConvertPage
        ctx={reply.view()}
        kase={{
          id: row.id,
          subject: row.subject,
          reference: row.external_no ?? formatTrackingCode(row.tracking_code ?? ''),
          receivedOn: row.received_on,
        }}
        values={form.values}
        issues={form.issues ?? []}
        kinds={APPLICANT_KINDS}
        formsWanted={FORMS_WANTED}
        deliveryWays={DELIVERY_WAYS}
      />,
      form.status ?? 200,
    );
  }

  app.get('/admin/mailbox/:id/convert', { config: { policy: MANAGE } }, async (req, reply) => {
    const row = await loadCase(req);
    return convertPage(reply, row, {
      values: { applicant_kind: 'natural_person', form_wanted: 'electronic', delivery_way: 'email' },
    });
  });

  app.post('/admin/mailbox/:id/convert', { config: { policy: MANAGE } }, async (req, reply) => {
    const row = await loadCase(req);
    const body = formBody(req);
    try {
      const created = await conversion.convertToApplication(db, req.auditContext(), row.id, body, {
        actedBy: req.actor!.userId,
        whileStatus: row.status,
      });
      return reply.redirect(`/admin/applications/${created.id}`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return convertPage(reply, row, invalidForm(error, typedValues(body)));
      throw error;
    }
  });

  app.post('/admin/mailbox/from-application/:id', { config: { policy: MANAGE } }, async (req, reply) => {
    const found = await applicationsStore.byId(db, idParam(req));
    if (!found) throw new NotFoundError();
    authorize(req.actor, MANAGE, { agencyId: found.agency_id });
    const passed = await conversion.passFromApplication(db, req.auditContext(), found.id);
    return reply.redirect(`/admin/mailbox/${passed.id}`, 303);
  });

  typed.get(
    '/admin/mailbox/feedback',
    {
      config: { policy: MANAGE },
      schema: { querystring: Type.Object({ from: Text, to: Text, format: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const agencyId = officeAgency(req.actor);
      const agency = await organisationStore.agency(db, agencyId);
      if (!agency) throw new NotFoundError();
      const today = todayInChina();
      const { from, to, format } = req.query;
      const period = feedbackPeriod(from || undefined, to || undefined, today);
      const shown = period ?? { from: from ?? '', to: to ?? '' };
      if (!period || (format !== 'csv' && format !== 'xlsx'))
        return reply.page(
          <FeedbackPage
            ctx={reply.view()}
            agencyName={agency.name}
            {...shown}
            issues={period ? [] : [issue('from', 'mailbox.feedback.bad_period')]}
          />,
          period ? 200 : 422,
        );
      const orders = await feedbackOrders(db, agencyId, period);
      const name = `12345办结反馈-${agency.short_name ?? agency.name}-${period.from}至${period.to}.${format}`;
      const ascii = `12345-feedback-${period.from}-${period.to}.${format}`;
      return reply
        .header('content-disposition', contentDisposition('attachment', name, ascii))
        .type(format === 'csv' ? 'text/csv; charset=utf-8' : XLSX_MIME)
        .send(format === 'csv' ? feedbackCsv(orders) : await feedbackXlsx(orders));
    },
  );
}
