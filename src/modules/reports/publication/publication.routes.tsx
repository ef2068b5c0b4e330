// Annual report documents in the console (start, edit by section, review, override, publish,
// versions) and the published report on the portal. Console handlers: validate → load → authorize
// with the loaded document → service → redirect (303), or re-render with the issues (422) or the
// reason the action was refused (409). The public page is served from the portal's page cache.
import { reachOf } from '../../../platform/reach.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, type Actor } from '../../../platform/policy.ts';
import { AppError, issue, ValidationError, type ValidationIssue } from '../../../platform/errors.ts';
import type { Text } from '../../../platform/i18n/i18n.ts';
import { todayInChina } from '../../../platform/clock.ts';
import type { Role } from '../../../platform/roles.ts';
import { buildAgencyTree, flattenAgencyTree, organisationStore } from '../../organisation/index.ts';
import { isItemEvent, readerRoles } from '../../publishing/index.ts';
import { Type } from '@sinclair/typebox';
import {
  field,
  firstQueryValues,
  idParam,
  invalidForm,
  Text as QueryText,
  type ShownForm,
  type TypeBoxProvider,
} from '../../../platform/http/route-kit.ts';
import { ErrorPage, html, servePage } from '../../portal/index.ts';
import { reportView } from '../report-view.ts';
import { tableHtml } from '../export/html.ts';
import { blockingFindings, sectionsOf } from './publication.ts';
import { publicationStore as store, type DocumentRow } from './publication.store.ts';
import {
  authorizeReportTransition,
  authorizeStart,
  checkVersion,
  currentVersionOf,
  documentTitle,
  loadDocument,
  reportDocumentService as service,
  reportOfVersion,
  reportTable,
  reportTransitionsFor,
  scopeOfDocument,
  sectionsOfVersion,
  snapshotOf,
} from './publication.service.ts';
import type { ReportTemplate } from '../report-formats.ts';
import { presentDocumentPage, presentListEntry, presentVersions } from './document.presenter.ts';
import { DocumentPage } from './views/document-page.tsx';
import { DocumentListPage } from './views/list-page.tsx';
import { VersionsPage } from './views/versions-page.tsx';
import { PublicReportPage } from './views/public-page.tsx';

function baseVersion(body: unknown): number | null {
  const raw = field(body, 'base');
  return raw && /^\d{1,6}$/.test(raw) ? Number(raw) : null;
}

export async function reportPublicationRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function renderList(
    req: FastifyRequest,
    reply: FastifyReply,
    form: ShownForm<Record<string, string | undefined>> = { values: {} },
  ) {
    const actor = req.actor!;
    const docs = (await store.list(db, reachOf(actor, readerRoles))).filter((d) =>
      can(actor, 'reports.doc.read', scopeOfDocument(d)),
    );
    const ids = reachOf(actor, ['drafter', 'disclosure_officer']);
    const rows = ids.length ? await organisationStore.agencies(db, ids) : [];
    const allowed = new Set(
      rows
        .filter((a) => can(actor, 'reports.doc.draft', { agencyId: a.id, unitId: a.disclosure_office_unit_id }))
        .map((a) => a.id),
    );
    const agencies = flattenAgencyTree(buildAgencyTree(rows))
      .filter(({ agency }) => allowed.has(agency.id))
      .map(({ agency }) => ({ code: agency.code, name: agency.name }));
    const thisYear = Number(todayInChina().slice(0, 4));
    const years = Array.from({ length: thisYear - 2008 + 1 }, (_, i) => thisYear - i);
    return reply.page(
      <DocumentListPage
        ctx={reply.view()}
        docs={docs.map(presentListEntry)}
        agencies={agencies}
        years={years}
        canStart={agencies.length > 0}
        issues={form.issues ?? []}
        values={form.values}
      />,
      form.status ?? 200,
    );
  }

  async function renderDocument(
    req: FastifyRequest,
    reply: FastifyReply,
    doc: DocumentRow,
    options: { issues?: readonly ValidationIssue[]; notice?: Text; status?: number; done?: string } = {},
  ) {
    const actor = req.actor!;
    const scope = scopeOfDocument(doc);
    const version = await currentVersionOf(db, doc);
    // A published report is checked as it was published; anything else as if published today.
    const on = doc.status === 'published' && doc.published_on ? doc.published_on : todayInChina();
    const [checks, overrides, history, table] = await Promise.all([
      checkVersion(db, doc, version, on),
      store.overrides(db, doc.id),
      store.history(db, doc.id),
      reportTable(db, doc.agency_id),
    ]);
    const snapshot = snapshotOf(version);
    const view = reportView(reportOfVersion(version), snapshot.template, snapshot.unavailable);
    const texts = sectionsOfVersion(version);
    const data = presentDocumentPage({
      doc,
      title: documentTitle(doc)[reply.view().locale === 'en' ? 'en' : 'zh'],
      versionId: version.id,
      versionNo: version.version_no,
      sections: sectionsOf(doc.template as ReportTemplate).map(([key, heading]) => ({
        key,
        heading,
        text: texts[key] ?? '',
      })),
      tablesHtml: view.sections.flatMap((s) => s.tables.map((tb) => tableHtml(tb))).join('\n'),
      findings: checks.findings,
      blocking: blockingFindings(checks.findings).length,
      deadline: checks.deadline,
      previous: checks.previous,
      overrides,
      history,
      transitions: reportTransitionsFor(actor, doc, table),
      can: {
        edit: doc.status === 'draft' && can(actor, 'reports.doc.draft', scope),
        override: can(actor, 'reports.doc.override', scope),
      },
    });
    return reply.page(
      <DocumentPage
        ctx={reply.view()}
        data={data}
        issues={options.issues}
        notice={options.notice}
        done={options.done}
      />,
      options.status ?? 200,
    );
  }

  async function readable(req: FastifyRequest): Promise<DocumentRow> {
    const doc = await loadDocument(db, idParam(req));
    authorize(req.actor, 'reports.doc.read', scopeOfDocument(doc));
    return doc;
  }

  /** Runs a POST's service call; answers with the page and the issues or the refusal. */
  async function act(
    req: FastifyRequest,
    reply: FastifyReply,
    doc: DocumentRow,
    run: () => Promise<unknown>,
    done: string,
    fieldOf: (f: string) => string = (f) => f,
  ) {
    try {
      await run();
      return reply.redirect(`/admin/report-documents/${doc.id}?done=${done}`, 303);
    } catch (error) {
      const fresh = await loadDocument(db, doc.id);
      if (error instanceof ValidationError)
        return renderDocument(
          req,
          reply,
          fresh,
          invalidForm(error.issues.map((i) => ({ ...i, field: fieldOf(i.field) }))),
        );
      if (error instanceof AppError && error.status === 409)
        return renderDocument(req, reply, fresh, { notice: error.text, status: 409 });
      throw error;
    }
  }

  app.get('/admin/report-documents', { config: { policy: 'reports.doc.read' } }, async (req, reply) =>
    renderList(req, reply),
  );

  app.post('/admin/report-documents', { config: { policy: 'reports.doc.draft' } }, async (req, reply) => {
    const values = {
      agency: field(req.body, 'agency'),
      year: field(req.body, 'year'),
      template: field(req.body, 'template'),
      rollup: field(req.body, 'rollup'),
    };
    const year = values.year && /^\d{4}$/.test(values.year) ? Number(values.year) : NaN;
    const input = {
      agencyCode: values.agency ?? '',
      year,
      template: values.template || null,
      rollup: values.rollup === '1',
    };
    try {
      await authorizeStart(db, req.actor, input);
      const id = await service.start(db, req.auditContext(), input, { createdBy: req.actor!.userId });
      return reply.redirect(`/admin/report-documents/${id}?done=started`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderList(req, reply, invalidForm(error, values));
      if (error instanceof AppError && error.status === 409)
        return renderList(req, reply, { values, issues: [issue('agency', 'rdoc.error.exists')], status: 409 });
      throw error;
    }
  });

  const routes = app.withTypeProvider<TypeBoxProvider>();

  routes.get(
    '/admin/report-documents/:id',
    {
      config: { policy: 'reports.doc.read' },
      schema: { querystring: Type.Object({ done: QueryText }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => renderDocument(req, reply, await readable(req), { done: req.query.done }),
  );

  app.post('/admin/report-documents/:id/sections', { config: { policy: 'reports.doc.draft' } }, async (req, reply) => {
    const doc = await readable(req);
    authorize(req.actor, 'reports.doc.draft', scopeOfDocument(doc));
    const key = field(req.body, 'key') ?? '';
    // The page's field for a section is text-KEY; the service names it section-KEY.
    return act(
      req,
      reply,
      doc,
      () =>
        service.editSection(
          db,
          req.auditContext(),
          doc.id,
          { key, text: field(req.body, 'text') ?? '', baseVersionNo: baseVersion(req.body) },
          { createdBy: req.actor!.userId },
        ),
      'saved',
      (f) => f.replace(/^section-/, 'text-'),
    );
  });

  app.post('/admin/report-documents/:id/refresh', { config: { policy: 'reports.doc.draft' } }, async (req, reply) => {
    const doc = await readable(req);
    authorize(req.actor, 'reports.doc.draft', scopeOfDocument(doc));
    const by = { createdBy: req.actor!.userId };
    return act(
      req,
      reply,
      doc,
      () => service.refreshFigures(db, req.auditContext(), doc.id, baseVersion(req.body), by),
      'saved',
    );
  });

  app.post(
    '/admin/report-documents/:id/transition',
    { config: { policy: 'reports.doc.transition' } },
    async (req, reply) => {
      const doc = await readable(req);
      const event = field(req.body, 'event');
      if (!isItemEvent(event))
        return renderDocument(req, reply, doc, invalidForm([issue('event', 'pub.error.event_required')]));
      // The actor's step on the document as loaded; the service takes it only from that state.
      await authorizeReportTransition(db, req.actor, doc, event);
      const by = { actedBy: req.actor!.userId, whileStatus: doc.status };
      const input = { reason: field(req.body, 'reason'), basis: field(req.body, 'basis') };
      // The page has one form per action: an issue points at this action's field.
      return act(
        req,
        reply,
        doc,
        () => service.transition(db, req.auditContext(), doc.id, event, input, by),
        'transition',
        (f) => `${f}-${event}`,
      );
    },
  );

  app.post(
    '/admin/report-documents/:id/override',
    { config: { policy: 'reports.doc.override' } },
    async (req, reply) => {
      const doc = await readable(req);
      authorize(req.actor, 'reports.doc.override', scopeOfDocument(doc));
      return act(
        req,
        reply,
        doc,
        () =>
          service.override(db, req.auditContext(), doc.id, field(req.body, 'override_reason') ?? '', {
            overriddenBy: req.actor!.userId,
          }),
        'override',
      );
    },
  );

  app.get('/admin/report-documents/:id/versions', { config: { policy: 'reports.doc.read' } }, async (req, reply) => {
    const doc = await readable(req);
    const versions = await store.versions(db, doc.id);
    const entries = presentVersions(versions, doc.template as ReportTemplate);
    const title = documentTitle(doc)[reply.view().locale === 'en' ? 'en' : 'zh'];
    return reply.page(
      <VersionsPage
        ctx={reply.view()}
        title={title}
        documentId={doc.id}
        currentVersionId={doc.current_version_id}
        publishedVersionId={doc.published_version_id}
        versions={entries}
      />,
    );
  });

  // The public page: only a published report, exactly as stored at publication; anything else is
  // not found (a draft's address reveals nothing, not even that it exists).
  routes.get(
    '/reports/:code/:year',
    { config: { public: true }, schema: { params: Type.Object({ code: Type.String(), year: Type.String() }) } },
    async (req, reply) => {
      const { code, year } = req.params;
      if (!/^[a-z0-9-]{1,64}$/.test(code) || !/^(19|20)\d{2}$/.test(year)) return reply.callNotFound();
      return servePage(db, req, reply, `/reports/${code}/${year}`, async (ctx) => {
        const doc = await store.publishedByCode(db, code, Number(year));
        if (!doc?.published_html) return html(<ErrorPage ctx={ctx} status={404} />, 404);
        return html(
          <PublicReportPage
            ctx={ctx}
            title={documentTitle(doc)[ctx.locale === 'en' ? 'en' : 'zh']}
            html={doc.published_html}
            publishedOn={doc.published_on}
          />,
        );
      });
    },
  );
}
