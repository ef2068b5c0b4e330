// The disclosure office's console and the deadline API. Each handler: validate → load →
// authorize with the loaded case (agency and assigned unit) → service → render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { ForbiddenError, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import { Type } from '@sinclair/typebox';
import {
  checkedStatus,
  contentDisposition,
  firstQueryValues,
  formBody,
  idParam,
  invalidForm,
  Text,
  TextList,
  typedValues,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { getCalendar } from '../calendar/index.ts';
import { parseProvisionalYears } from '../calendar/index.ts';
import { currentStatus, maskAddress, maskEmail, maskIdNumber, maskPhone } from './applications.ts';
import { applicationsStore as store } from './applications.store.ts';
import { deadlineOf, detailOf } from './applications.clock.ts';
import type { ApplicationsService, PersonalData } from './applications.service.ts';
import {
  maskPersonal,
  presentApplicationList,
  presentCase,
  presentCaseEvents,
  presentLinkedReviews,
} from './applications.presenter.ts';
import type { ApplicationRow } from './applications.table.ts';
import { RegisterPage } from './views/register-page.tsx';
import { CasePage } from './views/case-page.tsx';
import type { Values } from './views/applicant-fields.tsx';
import type { ApplicantService } from './applicant.service.ts';
import { attachmentsFromUpload, listAttachments } from './attachments.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import { issuingEvent, NOTICE_KINDS, noticeFor, templateUseOf, type NoticeKind } from './notices/notices.ts';
import { noticeAgency } from './notices/notice-settings.ts';
import { DOCX_MIME, officialDocx } from './notices/official-docx.ts';
import { noticeTemplates } from './notices/templates.service.ts';
import { ConsoleNoticePage } from './views/notice-page.tsx';
import { linkedReviews } from './linked-reviews.ts';
import { linkedMailbox } from './linked-mailbox.ts';
import { catalogSearchSeeds, pendingDraft } from './applications.events.ts';
import { fieldIssue } from './applications.ts';
import { searchService } from '../search/index.ts';
import { approvalScope } from './reply-approvers.service.ts';
import type { CatalogHit } from './views/case-approval.tsx';

/** As long as the public search allows (search.routes.ts). */
const CATALOG_QUERY_MAX = 100;

export interface CatalogSearchState {
  q: string;
  results: { total: number; capped: boolean; hits: readonly CatalogHit[] } | null;
  linked: readonly string[];
  issues: readonly ValidationIssue[];
}

/** What a case page shows besides the case itself: a form with its values and issues, a notice. */
interface CasePageExtra {
  revealed?: PersonalData;
  issuedKey?: string;
  eventForm?: { values: Values; issues: readonly ValidationIssue[] };
  replyForm?: { values: Values; issues: readonly ValidationIssue[] };
  approvalIssues?: readonly ValidationIssue[];
  catalogSearch?: CatalogSearchState;
  /** The step just recorded (?recorded=… after a redirect), for the page's notice. */
  recorded?: string;
  status?: number;
}

function scopeOf(app: ApplicationRow) {
  return { agencyId: app.agency_id, unitId: app.assigned_unit_id };
}

function officeAgency(actor: Actor): number {
  const grant = actor.grants.find((g) => g.role === 'disclosure_officer');
  if (!grant) throw new ForbiddenError();
  return grant.agencyId;
}

export function consoleApplicationRoutes(
  app: FastifyInstance,
  service: ApplicationsService,
  applicant: ApplicantService,
): void {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { preValidation: firstQueryValues };

  async function loadCase(req: FastifyRequest, action: string): Promise<ApplicationRow> {
    const found = await store.byId(db, idParam(req));
    if (!found) throw new NotFoundError();
    authorize(req.actor, action, await approvalScope(db, scopeOf(found)));
    return found;
  }

  /** What the case page shows beside the case: its history, agency, units, attachments, reviews and duplicates. */
  async function caseData(req: FastifyRequest, found: ApplicationRow) {
    const readsReviews = can(req.actor, 'reconsideration.read', { agencyId: found.agency_id });
    const [events, agency, unit, units, calendar, attachments, reviews, mailbox] = await Promise.all([
      store.events(db, found.id),
      store.agency(db, found.agency_id),
      found.assigned_unit_id ? store.unit(db, found.assigned_unit_id) : Promise.resolve(undefined),
      store.units(db, found.agency_id),
      getCalendar(db),
      listAttachments(db, found.id),
      readsReviews ? linkedReviews(db, found.id) : Promise.resolve(null),
      linkedMailbox(db, found),
    ]);
    // For the disclosure office only: the list names other cases a unit reader may not see.
    const duplicates = can(req.actor, 'applications.handle', scopeOf(found))
      ? await service.duplicates(db, found)
      : undefined;
    const templates = await noticeTemplates(db, events);
    return { events, agency, unit, units, calendar, attachments, reviews, mailbox, duplicates, templates };
  }

  /** The search a case's catalog panel starts with: the first of the request's seeds that finds
   *  one of the agency's published items, or nothing (the hint asks for words). */
  async function catalogSeed(found: ApplicationRow): Promise<string> {
    for (const q of catalogSearchSeeds(found)) {
      const answer = await searchService.search(db, { q, agencyId: found.agency_id, pageSize: 1 });
      if (answer.total > 0) return q;
    }
    return '';
  }

  async function casePage(req: FastifyRequest, reply: FastifyReply, found: ApplicationRow, extra: CasePageExtra = {}) {
    const today = todayInChina();
    const scope = await approvalScope(db, scopeOf(found));
    const { events, agency, unit, units, calendar, attachments, reviews, mailbox, duplicates, templates } =
      await caseData(req, found);
    const latest = events.reduce((max, e) => (e.occurred_on > max ? e.occurred_on : max), found.received_on);
    const deadline = deadlineOf(found, events, calendar, { asOf: latest > today ? latest : today });
    const handles = can(req.actor, 'applications.handle', scope);
    const draft = found.status === 'closed' ? null : pendingDraft(events);
    const opened = service.opened(found);
    const timeline = presentCaseEvents(events.map((e) => ({ ...e, detail: detailOf(e) })));
    const notices = NOTICE_KINDS.filter(
      (k) => noticeFor(k, opened, events, agency?.name ?? '', calendar, templates) !== null,
    ).map((k) => {
      const issuing = issuingEvent(k, events);
      return { kind: k, templateVersion: (issuing && templateUseOf(issuing)?.version) ?? null };
    });
    return reply.page(
      <CasePage
        ctx={reply.view()}
        app={presentCase(opened, timeline, today)}
        agencyName={agency?.name ?? ''}
        unitName={unit?.name ?? null}
        personal={extra.revealed ?? maskPersonal(service.personalData(found))}
        revealed={Boolean(extra.revealed)}
        deadline={deadline}
        events={timeline}
        units={units}
        can={{ handle: handles, reveal: can(req.actor, 'applications.personal_data', scope) }}
        eventForm={extra.eventForm ?? { values: { date: today }, issues: [] }}
        replyForm={extra.replyForm ?? { values: { reply_date: today }, issues: [] }}
        approvers={scope.approvers}
        recorded={/^[a-z_]{1,40}$/.test(extra.recorded ?? '') ? extra.recorded : undefined}
        attachments={attachments}
        notices={notices}
        {...(duplicates ? { duplicates } : {})}
        reviews={
          reviews && {
            rows: presentLinkedReviews(reviews),
            canManage: can(req.actor, 'reconsideration.manage', { agencyId: found.agency_id }),
          }
        }
        {...(extra.issuedKey ? { issuedKey: extra.issuedKey } : {})}
        mailbox={{ rows: mailbox.rows, passPath: handles ? mailbox.passPath : null }}
        approval={
          draft && {
            draft,
            canDecide: can(req.actor, 'applications.approve_reply', scope),
            ownDraft: draft.actorUserId !== null && draft.actorUserId === req.actor?.userId,
            issues: extra.approvalIssues ?? [],
          }
        }
        catalogSearch={
          handles && found.status !== 'closed'
            ? (extra.catalogSearch ?? { q: await catalogSeed(found), results: null, linked: [], issues: [] })
            : null
        }
      />,
      extra.status ?? 200,
    );
  }

  async function registerPage(req: FastifyRequest, reply: FastifyReply, form: ShownForm<Values>) {
    const agencyId = officeAgency(req.actor!);
    const [agency, units] = await Promise.all([store.agency(db, agencyId), store.units(db, agencyId)]);
    return reply.page(
      <RegisterPage
        ctx={reply.view()}
        agencyName={agency?.name ?? ''}
        units={units}
        values={form.values}
        issues={form.issues ?? []}
      />,
      form.status ?? 200,
    );
  }

  app.get('/admin/applications/new', { config: { policy: 'applications.handle' } }, async (req, reply) =>
    registerPage(req, reply, { values: { submitted_on: todayInChina() } }),
  );

  app.post('/admin/applications/new', { config: { policy: 'applications.handle' } }, async (req, reply) => {
    const agencyId = officeAgency(req.actor!);
    authorize(req.actor, 'applications.handle', { agencyId, unitId: null });
    try {
      const upload = await readMultipartForm(req);
      if (upload.issues.length) return registerPage(req, reply, invalidForm(upload.issues, typedValues(upload.fields)));
      const created = await service.registerAtCounter(
        db,
        req.auditContext(),
        agencyId,
        upload.fields,
        attachmentsFromUpload(upload.files),
      );
      return reply.redirect(`/admin/applications/${created.id}?recorded=received`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return registerPage(req, reply, invalidForm(error, typedValues((await readMultipartForm(req)).fields)));
      throw error;
    }
  });

  routes.get(
    '/admin/applications/:id',
    { ...page, config: { policy: 'applications.read' }, schema: { querystring: Type.Object({ recorded: Text }) } },
    async (req, reply) =>
      casePage(req, reply, await loadCase(req, 'applications.read'), { recorded: req.query.recorded }),
  );

  app.post(
    '/admin/applications/:id/reveal',
    { config: { policy: 'applications.personal_data' } },
    async (req, reply) => {
      const found = await loadCase(req, 'applications.personal_data');
      const revealed = await service.revealPersonalData(db, req.auditContext(), found.id);
      return casePage(req, reply, found, { revealed });
    },
  );

  app.post('/admin/applications/:id/events', { config: { policy: 'applications.handle' } }, async (req, reply) => {
    const found = await loadCase(req, 'applications.handle');
    // "Show the fields" without JavaScript: the form again with the chosen step's fields, nothing recorded.
    if (formBody(req).show === '1')
      return casePage(req, reply, found, { eventForm: { values: typedValues(req.body), issues: [] } });
    try {
      await service.recordEvent(db, req.auditContext(), found.id, req.body);
      const kind = typedValues(req.body).kind ?? '';
      return reply.redirect(`/admin/applications/${found.id}?recorded=${encodeURIComponent(kind)}#deadline`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        const { status, ...eventForm } = invalidForm(error, typedValues(req.body));
        return casePage(req, reply, found, { eventForm, status });
      }
      throw error;
    }
  });

  // The handler's draft of the answer; it is issued only when approved (below).
  app.post('/admin/applications/:id/reply', { config: { policy: 'applications.handle' } }, async (req, reply) => {
    const found = await loadCase(req, 'applications.handle');
    try {
      await service.draftReply(db, req.auditContext(), found.id, req.body);
      return reply.redirect(`/admin/applications/${found.id}?recorded=reply_drafted#pending-draft-title`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        const { status, ...replyForm } = invalidForm(error, typedValues(req.body));
        return casePage(req, reply, found, { replyForm, status });
      }
      throw error;
    }
  });

  app.post(
    '/admin/applications/:id/reply/approve',
    { config: { policy: 'applications.approve_reply' } },
    async (req, reply) => {
      const found = await loadCase(req, 'applications.approve_reply');
      try {
        await service.approveReply(db, req.auditContext(), found.id, req.body);
        return reply.redirect(`/admin/applications/${found.id}?recorded=replied`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const { issues, status } = invalidForm(error);
          return casePage(req, reply, found, { approvalIssues: issues, status });
        }
        throw error;
      }
    },
  );

  app.post(
    '/admin/applications/:id/reply/return',
    { config: { policy: 'applications.approve_reply' } },
    async (req, reply) => {
      const found = await loadCase(req, 'applications.approve_reply');
      try {
        await service.returnReply(db, req.auditContext(), found.id, req.body);
        return reply.redirect(`/admin/applications/${found.id}?recorded=reply_returned`, 303);
      } catch (error) {
        if (error instanceof ValidationError) {
          const { issues, status } = invalidForm(error);
          return casePage(req, reply, found, { approvalIssues: issues, status });
        }
        throw error;
      }
    },
  );

  // Search of the agency's published catalog from the case (read only); ticked results go into
  // the reply form's catalog items, for the handler to check and submit as the draft.
  routes.get(
    '/admin/applications/:id/catalog-search',
    {
      ...page,
      config: { policy: 'applications.handle' },
      schema: { querystring: Type.Object({ q: Text, link: TextList, to_reply: Text }) },
    },
    async (req, reply) => {
      const found = await loadCase(req, 'applications.handle');
      const query = req.query;
      const q = (query.q ?? '').trim();
      const rawLinks = query.link ?? [];
      const linked = [
        ...new Set(rawLinks.map((l) => l.trim()).filter((l) => l.length > 0 && l.length <= 50 && !/\s/.test(l))),
      ].slice(0, 20);
      const issues: ValidationIssue[] = [];
      if (q.length > CATALOG_QUERY_MAX)
        issues.push(fieldIssue('q', 'field.too_long', 'applications.catalog_search.q', { max: CATALOG_QUERY_MAX }));
      let results: CatalogSearchState['results'] = null;
      if (q && !issues.length) {
        const answer = await searchService.search(db, { q, agencyId: found.agency_id, pageSize: 20 });
        const hits: CatalogHit[] = answer.results.map((r) => ({
          id: r.id,
          title: r.title,
          indexNumber: r.indexNumber,
          documentNumber: r.documentNumber,
          publicationDate: r.publicationDate,
        }));
        results = { total: answer.total, capped: Boolean(answer.totalCapped), hits };
      }
      const toReply = query.to_reply === '1' && linked.length > 0;
      return casePage(req, reply, found, {
        catalogSearch: { q, results, linked, issues },
        ...(toReply
          ? {
              replyForm: {
                values: { reply_date: todayInChina(), outcome: 'disclosed', catalog_items: linked.join('，') },
                issues: [],
              },
            }
          : {}),
        status: checkedStatus(issues),
      });
    },
  );

  // A new correction key, shown once on the page for the officer to hand to the applicant.
  app.post(
    '/admin/applications/:id/applicant-key',
    { config: { policy: 'applications.handle' } },
    async (req, reply) => {
      const found = await loadCase(req, 'applications.handle');
      const issuedKey = await applicant.issueKey(db, req.auditContext(), found);
      return casePage(req, reply, found, { issuedKey });
    },
  );

  // An attachment (ID copy, authorisation): only for roles that may see personal data, each
  // view an audit event. Sent as a download, never rendered by the browser in our origin.
  app.get(
    '/admin/applications/:id/attachments/:attachmentId',
    { config: { policy: 'applications.personal_data' } },
    async (req, reply) => {
      const found = await loadCase(req, 'applications.personal_data');
      const attachmentId = idParam(req, 'attachmentId');
      const file = await applicant.viewAttachment(db, req.auditContext(), found, attachmentId);
      const ext = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'image/png' ? 'png' : 'jpg';
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition('attachment', file.name, `attachment-${attachmentId}.${ext}`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );

  // The notices of the case as DOCX in the official layout (notices/), or as an HTML page.
  // The params schema only types the names: the id is read with idParam after the policy.
  const noticeUrl = Type.Object({ id: Type.String(), file: Type.String() });
  routes.get(
    '/admin/applications/:id/notices/:file',
    { config: { policy: 'applications.read' }, schema: { params: noticeUrl } },
    async (req, reply) => {
      const found = await loadCase(req, 'applications.read');
      const file = req.params.file;
      const match = /^([a-z]+)\.(docx|html)$/.exec(file);
      const kind = match?.[1] as NoticeKind | undefined;
      if (!match || !kind || !NOTICE_KINDS.includes(kind)) throw new NotFoundError();
      const [events, agency, calendar] = await Promise.all([
        store.events(db, found.id),
        store.agency(db, found.agency_id),
        getCalendar(db),
      ]);
      const notice = noticeFor(
        kind,
        service.opened(found),
        events,
        await noticeAgency(db, found.agency_id, agency?.name ?? ''),
        calendar,
        await noticeTemplates(db, events),
      );
      if (!notice) throw new NotFoundError();
      if (match[2] === 'html') {
        const issuing = issuingEvent(kind, events);
        const use = issuing ? templateUseOf(issuing) : null;
        const { t } = reply.view();
        const templateNote = use
          ? t('notice_templates.used_version', { n: use.version })
          : t('notice_templates.used_built_in');
        return reply
          .header('cache-control', 'no-store')
          .page(
            <ConsoleNoticePage
              ctx={reply.view()}
              appId={found.id}
              trackingCode={found.tracking_code}
              kind={kind}
              notice={notice}
              templateNote={templateNote}
            />,
          );
      }
      return reply
        .header('content-type', DOCX_MIME)
        .header(
          'content-disposition',
          contentDisposition(
            'attachment',
            `${kind}-notice-${found.tracking_code}.docx`,
            `${kind}-notice-${found.id}.docx`,
          ),
        )
        .header('cache-control', 'no-store')
        .send(await officialDocx(notice));
    },
  );

  // The statutory clock of one case as JSON: due date, status, every step and violation.
  app.get('/api/v1/applications/:id/deadline', { config: { policy: 'applications.read' } }, async (req) => {
    const found = await loadCase(req, 'applications.read');
    const [events, calendar] = await Promise.all([store.events(db, found.id), getCalendar(db)]);
    const today = todayInChina();
    const latest = events.reduce((max, e) => (e.occurred_on > max ? e.occurred_on : max), found.received_on);
    const deadline = deadlineOf(found, events, calendar, { asOf: latest > today ? latest : today });
    return {
      application: {
        id: found.id,
        trackingCode: found.tracking_code,
        receivedOn: found.received_on,
        status: currentStatus(found, today),
        dueDate: found.due_date,
        // Years without a loaded holiday notice the due date depends on (provisional until loaded).
        dueDateProvisional: found.due_date !== null && found.due_date_provisional_years !== null,
        dueDateProvisionalYears: parseProvisionalYears(found.due_date_provisional_years),
        waitingUntil: found.waiting_until,
      },
      deadline,
    };
  });
}
