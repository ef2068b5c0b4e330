// The console's checker for received reports (/admin/reports/check) and the status of the
// followed agencies' reports (/admin/reports/status), with the dashboard panels of the report task.
// A file is read in memory and checked; it is recorded (figures and findings, not the file) only
// when an agency is chosen and the form is valid — a bad file stores nothing.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { issue, NotFoundError, type ValidationIssue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import { isRealDate } from '../../platform/form.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import { formatBytes } from '../../platform/files/check.ts';
import type { Actor } from '../../platform/policy.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import type { Db } from '../../db/database.ts';
import { buildAgencyTree, flattenAgencyTree, organisationStore } from '../organisation/index.ts';
import { checkReceivedReport, UnreadableReport, type CheckResult } from './check/checker.ts';
import { recordReceivedReport } from './received.service.ts';
import { candidateReportYears, isOutstanding, reportStatus } from './report-deadline.ts';
import {
  agencyKindOf,
  followedAgencies,
  reportStatuses,
  supervisedAgencies,
  type AgencyReportStatus,
} from './report-status.ts';
import { publicationDeadline } from './report-validation.ts';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, invalidForm, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { CheckPage, StatusPage, type AgencyOption } from './views/check-pages.tsx';
import { MissingReportsPanel, ReportTaskPanel } from './views/check-panels.tsx';

const reportYears = (today: string): number[] => {
  const thisYear = Number(today.slice(0, 4));
  return Array.from({ length: thisYear - 2008 + 1 }, (_, i) => thisYear - i);
};

// The disclosure office's own report task, from 1 December of the report year until published.
export const reportTaskPanel: DashboardPanel<{ rows: AgencyReportStatus[] }> = {
  id: 'reports.task',
  policy: 'reports.status',
  order: 30,
  async load(db: Db, actor: Actor) {
    const own = [...(actor.reach.get('disclosure_officer') ?? [])];
    if (own.length === 0) return null;
    const today = todayInChina();
    const rows: AgencyReportStatus[] = [];
    for (const year of candidateReportYears(today)) {
      for (const s of await reportStatuses(db, own, year, today))
        if (s.window.state !== 'hidden' && isOutstanding(s.status)) rows.push(s);
    }
    return rows.length ? { rows } : null;
  },
  render: (ctx, data) => <ReportTaskPanel ctx={ctx} rows={data.rows} />,
};

// The supervisor's list: reports of the agencies beneath still outstanding after their deadline.
export const missingReportsPanel: DashboardPanel<{ rows: AgencyReportStatus[]; year: number }> = {
  id: 'reports.missing',
  policy: 'reports.status',
  order: 31,
  async load(db: Db, actor: Actor) {
    const supervised = await supervisedAgencies(db, actor);
    if (supervised.length === 0) return null;
    const today = todayInChina();
    const year = candidateReportYears(today)[0]!;
    const rows = (await reportStatuses(db, supervised, year, today)).filter(
      (s) => s.window.state === 'overdue' && isOutstanding(s.status),
    );
    return rows.length ? { rows, year } : null;
  },
  render: (ctx, data) => <MissingReportsPanel ctx={ctx} rows={data.rows} year={data.year} />,
};

export async function reportCheckRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const maxBytes = formatBytes(app.deps.config.uploadMaxBytes);

  async function agencyOptions(actor: Actor): Promise<AgencyOption[]> {
    const ids = await followedAgencies(db, actor);
    const rows = ids.length ? await organisationStore.agencies(db, ids) : [];
    return flattenAgencyTree(buildAgencyTree(rows)).map(({ agency, depth }) => ({
      id: agency.id,
      name: agency.name,
      depth,
    }));
  }

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      issues?: readonly ValidationIssue[];
      values?: Record<string, string>;
      status?: number;
      result?: { result: CheckResult; filename: string; recorded: string | null };
    } = {},
  ) {
    const today = todayInChina();
    return reply.page(
      <CheckPage
        ctx={reply.view()}
        agencies={await agencyOptions(req.actor!)}
        years={reportYears(today).slice(1)}
        maxBytes={maxBytes}
        issues={extra.issues ?? []}
        values={extra.values ?? {}}
        result={extra.result}
      />,
      extra.status ?? 200,
    );
  }

  app.get('/admin/reports/check', { config: { policy: 'reports.check' } }, async (req, reply) => render(req, reply));

  app.post('/admin/reports/check', { config: { policy: 'reports.check' } }, async (req, reply) => {
    const form = await readMultipartForm(req);
    const today = todayInChina();
    const values = {
      agency: (form.fields.agency ?? '').trim(),
      year: (form.fields.year ?? '').trim(),
      published_on: (form.fields.published_on ?? '').trim(),
    };
    const issues: ValidationIssue[] = form.issues.map((i) => ({ ...i, field: 'file' }));
    const file = form.files[0];
    if (!file && issues.length === 0) issues.push(issue('file', 'reports.check.file_required'));

    // Recording against an agency: the agency must be one the actor follows, the year and date real.
    let agency: { id: number; name: string; kind: string } | null = null;
    const year = Number(values.year);
    if (values.agency) {
      const followed = new Set(await followedAgencies(db, req.actor!));
      const id = /^[1-9]\d{0,9}$/.test(values.agency) ? Number(values.agency) : NaN;
      agency = followed.has(id) ? ((await organisationStore.agency(db, id)) ?? null) : null;
      if (!agency) issues.push(issue('agency', 'reports.check.agency_invalid'));
      const maxYear = Number(today.slice(0, 4)) - 1;
      if (!/^\d{4}$/.test(values.year) || year < 2008 || year > maxYear)
        issues.push(issue('year', 'reports.check.year_invalid', { max: maxYear }));
      if (values.published_on) {
        if (!isRealDate(values.published_on)) issues.push(issue('published_on', 'reports.check.date_invalid'));
        else if (values.published_on > today) issues.push(issue('published_on', 'reports.check.date_future'));
        else if (/^\d{4}$/.test(values.year) && values.published_on <= `${year}-12-31`)
          issues.push(issue('published_on', 'reports.check.date_early'));
      }
    }
    if (issues.length || !file) return render(req, reply, invalidForm(issues, values));

    let result: CheckResult;
    try {
      result = await checkReceivedReport(file.bytes);
    } catch (error) {
      if (!(error instanceof UnreadableReport)) throw error;
      issues.push({
        field: 'file',
        message: { zh: `无法读取该文件：${error.zh}`, en: `The file cannot be read: ${error.en}` },
      });
      return render(req, reply, invalidForm(issues, values));
    }
    if (agency && result.year !== null && result.year !== year) {
      issues.push(issue('year', 'reports.check.year_mismatch', { found: result.year }));
      return render(req, reply, invalidForm(issues, values));
    }

    let recorded: string | null = null;
    if (agency) {
      await recordReceivedReport(db, req.auditContext(), {
        agencyId: agency.id,
        year,
        filename: file.filename,
        bytes: file.bytes,
        result,
        publishedOn: values.published_on || null,
        receivedOn: today,
        userId: req.actor!.userId,
      });
      const view = reply.view();
      const status = reportStatus(
        { passes: result.passes, publishedOn: values.published_on || null },
        publicationDeadline(agencyKindOf(agency.kind), year),
      );
      recorded = view.t('reports.check.recorded', {
        agency: agency.name,
        year,
        status: view.t(`reports.status.${status}`),
      });
    }
    return render(req, reply, { values, result: { result, filename: file.filename, recorded } });
  });

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/reports/status',
    {
      config: { policy: 'reports.status' },
      schema: { querystring: Type.Object({ year: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const today = todayInChina();
      const years = reportYears(today);
      const raw = req.query.year;
      const year = raw === undefined || raw === '' ? candidateReportYears(today)[0]! : Number(raw);
      if (!/^\d{4}$/.test(String(year)) || !years.includes(year)) throw new NotFoundError();
      const rows = await reportStatuses(db, await followedAgencies(db, req.actor!), year, today);
      return reply.page(<StatusPage ctx={reply.view()} year={year} years={years} rows={rows} />);
    },
  );
}
