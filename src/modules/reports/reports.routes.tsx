// The annual report in the console: choose, read (with the checks), download, and follow a cell of
// table 三 to the applications it counts. Routes are read-only; computing a report writes nothing.
import { reachOf } from '../../platform/reach.ts';
import { table3CellLabel } from './report-labels.ts';
import { pick } from '../../platform/i18n/i18n.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { Type, type Static } from '@sinclair/typebox';
import { contentDisposition, firstQueryValues, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { applicationsStore } from '../applications/index.ts';
import { todayInChina } from '../../platform/clock.ts';
import { offeredReportYears } from './report-deadline.ts';
import type { Role } from '../../platform/roles.ts';
import { agencySubtree, buildAgencyTree, flattenAgencyTree } from '../organisation/index.ts';
import { OUTCOMES, isOutcomeCode, outcomeRow2021 } from '../applications/index.ts';
import { computeAnnualReport } from './report.service.ts';
import {
  REPORT_FORMATS,
  REPORT_MIME,
  REPORT_TEMPLATES,
  type ReportFileFormat,
  type ReportTemplate,
} from './report-formats.ts';
import { reportView } from './report-view.ts';
import { validateReport, publicationDeadline, type AgencyKind } from './report-validation.ts';
import { renderReport } from './export/render.ts';
import { ReportCellPage, ReportIndexPage, ReportPage, type CellApplication } from './views/report-pages.tsx';
import { reportPublicationRoutes } from './publication/publication.routes.tsx';
import { previousPublishedReport } from './publication/publication.service.ts';
import { reportCheckRoutes } from './check.routes.tsx';

const READERS: readonly Role[] = ['disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor'];

function readableAgencies(actor: Actor): Set<number> {
  return new Set(reachOf(actor, READERS));
}

interface ReportParams {
  code: string;
  year: number;
  template: ReportTemplate | undefined;
  rollup: boolean;
  /** The query string that carries template and roll-up to links. */
  query: string;
}

/** The report's address: the agency's code and the year, checked by `params` (a bad one is a 404,
 *  answered after the policy); template and roll-up ride in the query string. */
const ReportUrl = Type.Object({ code: Type.String(), year: Type.String() });
const ReportQuery = Type.Object({ template: Text, rollup: Text });

function params(p: Static<typeof ReportUrl>, q: Static<typeof ReportQuery>): ReportParams {
  const code = p.code;
  const year = Number(p.year);
  const thisYear = Number(todayInChina().slice(0, 4));
  if (!/^[\w-]{1,64}$/.test(code) || !Number.isInteger(year) || year < 2008 || year > thisYear)
    throw new NotFoundError();
  const template =
    q.template && (REPORT_TEMPLATES as readonly string[]).includes(q.template)
      ? (q.template as ReportTemplate)
      : undefined;
  const rollup = q.rollup === '1';
  const query = [template ? `template=${template}` : '', rollup ? 'rollup=1' : ''].filter(Boolean).join('&');
  return { code, year, template, rollup, query };
}

export async function reportRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  await reportCheckRoutes(app);
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const read = { config: { policy: 'reports.read' }, preValidation: firstQueryValues };

  /** The agency of the report, authorized; a roll-up needs read access to every agency in it. */
  async function authorizedAgency(req: FastifyRequest, p: ReportParams): Promise<{ id: number; kind: string }> {
    const agency = await organisationStore.agencyByCode(db, p.code);
    if (!agency) throw new NotFoundError();
    authorize(req.actor, 'reports.read', { agencyId: agency.id });
    if (p.rollup)
      for (const id of await agencySubtree(db, agency.id)) authorize(req.actor, 'reports.read', { agencyId: id });
    return agency;
  }

  app.get('/admin/reports', { config: { policy: 'reports.read' } }, async (req, reply) => {
    const reach = readableAgencies(req.actor!);
    const rows = reach.size ? await organisationStore.agencies(db, [...reach]) : [];
    const agencies = flattenAgencyTree(buildAgencyTree(rows)).map(({ agency, depth }) => ({
      code: agency.code,
      name: agency.name,
      depth,
    }));
    const years = offeredReportYears(todayInChina());
    return reply.page(<ReportIndexPage ctx={reply.view()} agencies={agencies} years={years} />);
  });

  // The choice form submits by GET; this turns it into the report's address.
  routes.get(
    '/admin/reports/open',
    { ...read, schema: { querystring: Type.Object({ agency: Text, year: Text, template: Text, rollup: Text }) } },
    async (req, reply) => {
      const q = req.query;
      const code = q.agency ?? '';
      const year = q.year ?? '';
      if (!/^[\w-]{1,64}$/.test(code) || !/^\d{4}$/.test(year)) throw new NotFoundError();
      const rest = [
        q.template && (REPORT_TEMPLATES as readonly string[]).includes(q.template) ? `template=${q.template}` : '',
        q.rollup === '1' ? 'rollup=1' : '',
      ]
        .filter(Boolean)
        .join('&');
      return reply.redirect(`/admin/reports/${code}/${year}${rest ? `?${rest}` : ''}`, 303);
    },
  );

  routes.get(
    '/admin/reports/:code/:year',
    { ...read, schema: { params: ReportUrl, querystring: ReportQuery } },
    async (req, reply) => {
      const p = params(req.params, req.query);
      const agency = await authorizedAgency(req, p);
      const built = await computeAnnualReport(db, {
        agencyCode: p.code,
        year: p.year,
        template: p.template,
        rollup: p.rollup,
      });
      const kind: AgencyKind = agency.kind === 'government' ? 'government' : 'department';
      // A computed draft: the narrative is still to be written, so only the figures are checked here.
      // Last year's report as published, when there is one (docs/domain/annual-report.md#check-e).
      const previous = await previousPublishedReport(db, agency.id, p.year, p.rollup ? 'rollup' : 'agency');
      const findings = validateReport(built.report, {
        agencyKind: kind,
        requireSections: false,
        previous: previous?.report ?? null,
      });
      const view = reportView(built.report, built.template, built.unavailable);
      return reply.page(
        <ReportPage
          ctx={reply.view()}
          view={view}
          findings={findings}
          deadline={publicationDeadline(kind, p.year)}
          query={p.query}
          base={`/admin/reports/${p.code}/${p.year}`}
        />,
      );
    },
  );

  routes.get(
    '/admin/reports/:code/:year/download',
    {
      ...read,
      schema: { params: ReportUrl, querystring: Type.Composite([ReportQuery, Type.Object({ format: Text })]) },
    },
    async (req, reply) => {
      const p = params(req.params, req.query);
      await authorizedAgency(req, p);
      const format = req.query.format ?? 'json';
      if (!(REPORT_FORMATS as readonly string[]).includes(format)) throw new NotFoundError();
      const built = await computeAnnualReport(db, {
        agencyCode: p.code,
        year: p.year,
        template: p.template,
        rollup: p.rollup,
      });
      const body = await renderReport(built, format as ReportFileFormat);
      const name = `${p.code}-${p.year}${p.rollup ? '-rollup' : ''}-${built.template}.${format}`;
      return reply
        .header('content-type', REPORT_MIME[format as ReportFileFormat])
        .header('content-disposition', contentDisposition('attachment', name))
        .send(body);
    },
  );

  routes.get(
    '/admin/reports/:code/:year/cells',
    { ...read, schema: { params: ReportUrl, querystring: Type.Composite([ReportQuery, Type.Object({ path: Text })]) } },
    async (req, reply) => {
      const p = params(req.params, req.query);
      await authorizedAgency(req, p);
      const path = req.query.path ?? '';
      if (!/^applications\.[\w.]+$/.test(path)) throw new NotFoundError();
      // Provenance of table 三 is the same in every template; compute it in the 2021 shape.
      const built = await computeAnnualReport(db, {
        agencyCode: p.code,
        year: p.year,
        template: '2021',
        rollup: p.rollup,
      });
      const ids = (built.report.provenance?.[path] ?? []).map(Number).filter(Number.isInteger);
      const rows: (CellApplication & { agency_id: number; assigned_unit_id: number | null })[] = ids.length
        ? await applicationsStore.summaries(db, ids)
        : [];
      // Each case is listed only to someone who may open it; the supervisor, and a reader of an
      // agency's rollup who does not handle the cases beneath, sees the count alone (issue 14).
      const listed: CellApplication[] = rows.filter((r) =>
        can(req.actor, 'applications.read', { agencyId: r.agency_id, unitId: r.assigned_unit_id }),
      );
      const view = reply.view();
      const en = view.locale === 'en';
      const outcomeLabel = (o: string) => (isOutcomeCode(o) ? (en ? OUTCOMES[o].en : outcomeRow2021(o).label) : o);
      const kindLabel = (k: string) => view.t(`applications.kind.${k}`);
      const back = `/admin/reports/${p.code}/${p.year}${p.query ? `?${p.query}` : ''}`;
      return reply.page(
        <ReportCellPage
          ctx={view}
          title={`${built.report.agency.name} ${p.year}`}
          cellLabel={pick(view.locale, table3CellLabel(path) ?? { zh: '表三', en: 'Table 3' })}
          rows={listed}
          total={rows.length}
          back={back}
          kindLabel={kindLabel}
          outcomeLabel={outcomeLabel}
        />,
      );
    },
  );

  await reportPublicationRoutes(app);
}
