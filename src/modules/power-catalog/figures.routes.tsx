// Console page of table 二's yearly figures (行政许可、处罚、强制 decisions and fees per agency and year):
// the figures the agencies' own systems hold, typed in or imported from a spreadsheet. Handlers:
// validate → authorize → service → redirect (303), or re-render with the issues (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { readForm } from '../../platform/form.ts';
import { issue, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import type { RowFailure } from '../catalog-import/index.ts';
import { readUploadedRows } from '../catalog-import/index.ts';
import { importYearlyFigures } from './figures-import.ts';
import { authorize, can } from '../../platform/policy.ts';
import { todayInChina } from '../../platform/clock.ts';
import { Type } from '@sinclair/typebox';
import {
  checkedStatus,
  firstQueryValues,
  invalidForm,
  refusesInput,
  Text,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { figureForm, tenThousandYuanToFen, type FigureKind } from './power-catalog.ts';
import { powerCatalogStore as store } from './power-catalog.store.ts';
import { powerCatalogService as service } from './power-catalog.service.ts';
import { FiguresPage } from './views/figures-page.tsx';
import { presentFigureLines } from './catalog.presenter.ts';
import { reachOf } from '../../platform/reach.ts';

export async function yearlyFiguresRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function renderFigures(
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: {
      issues?: readonly ValidationIssue[];
      values?: Record<string, string>;
      status?: number;
      saved?: boolean;
      importResult?: { imported: number; failures: readonly RowFailure[] };
      importIssues?: readonly ValidationIssue[];
    } = {},
  ) {
    const actor = req.actor!;
    const agencyIds = reachOf(actor, ['disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor']);
    const agencies = agencyIds.length
      ? (await organisationStore.agencies(db, agencyIds)).sort((a, b) => a.id - b.id)
      : [];
    const rows = await store.figureRows(db, agencyIds, year);
    const lines = presentFigureLines(agencies, rows);
    return reply.page(
      <FiguresPage
        ctx={reply.view()}
        year={year}
        lines={lines}
        issues={extra.issues ?? []}
        values={extra.values ?? {}}
        canEdit={can(actor, 'figures.edit', { agencyId: actor.agencyId })}
        saved={extra.saved}
        importResult={extra.importResult}
        importIssues={extra.importIssues}
      />,
      extra.status ?? 200,
    );
  }

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/yearly-figures',
    {
      config: { policy: 'figures.read' },
      schema: { querystring: Type.Object({ year: Text, imported: Text, saved: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const query = req.query;
      const year =
        query.year && /^\d{4}$/.test(query.year) ? Number(query.year) : Number(todayInChina().slice(0, 4)) - 1;
      const imported = query.imported && /^\d{1,6}$/.test(query.imported) ? Number(query.imported) : undefined;
      return renderFigures(req, reply, year, {
        saved: query.saved === '1',
        importResult: imported === undefined ? undefined : { imported, failures: [] },
      });
    },
  );

  // A CSV / XLSX file of figures: all rows or none (figures-import.ts). Rows may name other
  // agencies only where the actor is the disclosure office too.
  app.post('/admin/yearly-figures/import', { config: { policy: 'figures.edit' } }, async (req, reply) => {
    const actor = req.actor!;
    const form = await readMultipartForm(req);
    const year = Number(todayInChina().slice(0, 4)) - 1;
    // The import form's own issues, on the file field; the figure form stays empty.
    const refused = (problem: readonly ValidationIssue[]) => {
      const { issues, status } = invalidForm(problem);
      return renderFigures(req, reply, year, { importIssues: issues, status });
    };
    const issues: ValidationIssue[] = form.issues.map((i) => ({ ...i, field: 'file' }));
    const file = form.files[0];
    if (!file && issues.length === 0) issues.push(issue('file', 'figures.import.file_required'));
    if (issues.length || !file) return refused(issues);
    const agency = await organisationStore.agency(db, actor.agencyId);
    if (!agency) throw new Error(`agency ${actor.agencyId} of user ${actor.userId} is missing`);
    const allowed = new Set(
      reachOf(actor, ['disclosure_officer']).filter((id) => can(actor, 'figures.edit', { agencyId: id })),
    );
    try {
      const result = await importYearlyFigures(db, req.auditContext(), readUploadedRows(file.bytes, file.filename), {
        agencyCode: agency.code,
        allowedAgencyIds: allowed,
        userId: actor.userId,
        source: file.filename,
      });
      if (result.failures.length)
        return renderFigures(req, reply, year, {
          importResult: { imported: 0, failures: result.failures },
          status: checkedStatus(result.failures),
        });
      const shown = result.figures.length ? Math.max(...result.figures.map((f) => f.year)) : year;
      return reply.redirect(`/admin/yearly-figures?year=${shown}&imported=${result.imported}`, 303);
    } catch (error) {
      // An unreadable file, a wrong format or missing columns: said on the file field.
      if (refusesInput(error)) return refused([{ field: 'file', message: error.text }]);
      throw error;
    }
  });

  app.post('/admin/yearly-figures', { config: { policy: 'figures.edit' } }, async (req, reply) => {
    const actor = req.actor!;
    const { values, issues } = readForm(figureForm, req.body);
    const raw = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
    const given: Partial<Record<FigureKind, number>> = {};
    for (const k of ['licence', 'penalty', 'coercion'] as const) {
      const v = values[k];
      if (v === null) continue;
      if (v < 0) issues.push(issue(k, 'figures.error.value'));
      else given[k] = v;
    }
    if (values.fee !== null) {
      const fen = tenThousandYuanToFen(values.fee);
      if (fen === null) issues.push(issue('fee', 'figures.error.value'));
      else given.fee = fen;
    }
    const year = values.year ?? Number(todayInChina().slice(0, 4)) - 1;
    if (issues.length === 0 && Object.keys(given).length === 0) issues.push(issue('licence', 'figures.error.none'));
    if (issues.length) return renderFigures(req, reply, year, invalidForm(issues, raw));
    try {
      authorize(actor, 'figures.edit', { agencyId: actor.agencyId });
      await service.setFigures(db, req.auditContext(), actor.agencyId, year, given, { updatedBy: actor.userId });
      return reply.redirect(`/admin/yearly-figures?year=${year}&saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderFigures(req, reply, year, invalidForm(error, raw));
      throw error;
    }
  });
}
