// Console pages of the power catalog, the service guides and table 二's yearly figures.
// Each handler: validate → load → authorize with the loaded record → service → redirect (303),
// or re-render with the issues (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { readForm } from '../../platform/form.ts';
import {
  AppError,
  ConflictError,
  issue,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from '../../platform/errors.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import type { RowFailure } from '../catalog-import/index.ts';
import { readUploadedRows } from '../catalog-import/index.ts';
import { importYearlyFigures } from './figures-import.ts';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';
import { todayInChina } from '../../platform/clock.ts';
import { caller, idParam } from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { publishingStore, readerRoles } from '../publishing/index.ts';
import {
  figureForm,
  figureKinds,
  fenToTenThousandYuan,
  guideCorrectionForm,
  powerCorrectionForm,
  powerItemForm,
  serviceGuideForm,
  tenThousandYuanToFen,
  type FigureKind,
  type PowerType,
} from './power-catalog.ts';
import { powerCatalogStore as store } from './power-catalog.store.ts';
import { powerCatalogService as service } from './power-catalog.service.ts';
import { CatalogFormPage, GuideListPage, PowerListPage, type CatalogFormValues } from './views/catalog-pages.tsx';
import { FiguresPage, type FigureLine } from './views/figures-page.tsx';
import { reachOf } from '../../platform/reach.ts';

function doneOf(req: FastifyRequest): string | undefined {
  const done = (req.query as Record<string, unknown> | undefined)?.done;
  return typeof done === 'string' ? done : undefined;
}

/** The units the actor drafts for (a unit-scoped drafter: their unit). */
async function draftUnits(db: Db, actor: Actor): Promise<{ id: number; name: string }[]> {
  return organisationStore.activeUnitsOfGrants(
    db,
    actor.grants.filter((g) => g.role === 'drafter'),
  );
}

export async function powerCatalogRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    kind: 'power' | 'guide',
    id: number | undefined,
    values: CatalogFormValues,
    issues: readonly ValidationIssue[],
    status = 200,
    correctAgency?: number,
  ) {
    const units = await draftUnits(db, req.actor!);
    const agencies =
      correctAgency !== undefined
        ? [correctAgency]
        : [...new Set(req.actor!.grants.filter((g) => g.role === 'drafter').map((g) => g.agencyId))];
    const powers =
      kind === 'guide'
        ? (await store.powerItems(db, agencies)).map((p) => ({ id: p.id, code: p.code, name: p.name }))
        : undefined;
    return reply.page(
      <CatalogFormPage
        ctx={reply.view()}
        kind={kind}
        id={id}
        values={values}
        issues={issues}
        units={units}
        powers={powers}
        correct={correctAgency !== undefined}
      />,
      status,
    );
  }

  /** A published entry's item, for the correction routes (the item's policy decides). */
  /** The catalog item behind a power or guide row (the foreign key guarantees it). */
  async function itemOf(id: number) {
    const item = await publishingStore.item(db, id);
    if (!item) throw new Error(`information item ${id} is missing`);
    return item;
  }

  async function correctable(req: FastifyRequest, row: { item_id: number } | undefined) {
    if (!row) throw new NotFoundError();
    const item = await itemOf(row.item_id);
    authorize(req.actor, 'publishing.correct', { agencyId: item.agency_id, unitId: item.responsible_unit_id });
    if (item.status !== 'published') throw new ConflictError('pub.error.not_correctable');
    return item;
  }

  /** Issues of the service's correction on the form (the change note's reason, a blocked guard). */
  function correctionIssues(error: unknown): ValidationIssue[] | null {
    if (error instanceof ValidationError)
      return error.issues.map((i) => (i.field === 'reason' ? { ...i, field: 'change_note' } : i));
    if (error instanceof AppError && error.status === 409) return [{ field: 'change_note', message: error.text }];
    return null;
  }

  app.get('/admin/power-catalog', { config: { policy: 'power_catalog.read' } }, async (req, reply) => {
    const actor = req.actor!;
    const items = (await store.powerItems(db, reachOf(actor, readerRoles))).filter((p) =>
      can(actor, 'power_catalog.read', { agencyId: p.agency_id, unitId: p.responsible_unit_id }),
    );
    return reply.page(
      <PowerListPage
        ctx={reply.view()}
        items={items}
        canCreate={can(actor, 'power_catalog.edit')}
        canCorrect={can(actor, 'publishing.correct')}
        done={doneOf(req)}
      />,
    );
  });

  app.get('/admin/power-catalog/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const units = await draftUnits(db, req.actor!);
    return renderForm(
      req,
      reply,
      'power',
      undefined,
      { formation_date: todayInChina(), responsible_unit_id: units.length === 1 ? units[0]!.id : null },
      [],
    );
  });

  app.post('/admin/power-catalog/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const { values, issues } = readForm(powerItemForm, req.body);
    if (issues.length) return renderForm(req, reply, 'power', undefined, values, issues, 422);
    try {
      await service.createPowerItem(db, caller(req), {
        ...values,
        power_type: values.power_type as PowerType,
      } as Parameters<typeof service.createPowerItem>[2]);
      return reply.redirect('/admin/power-catalog?done=created', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(req, reply, 'power', undefined, values, error.issues, 422);
      throw error;
    }
  });

  async function loadPower(req: FastifyRequest) {
    const power = await store.powerItem(db, idParam(req));
    if (!power) throw new NotFoundError();
    authorize(req.actor, 'power_catalog.edit', { agencyId: power.agency_id, unitId: power.responsible_unit_id });
    return power;
  }

  app.get('/admin/power-catalog/:id/edit', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const power = await loadPower(req);
    const item = await itemOf(power.item_id);
    return renderForm(req, reply, 'power', power.id, { ...power, formation_date: item.formation_date }, []);
  });

  app.post('/admin/power-catalog/:id/edit', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const power = await loadPower(req);
    const { values, issues } = readForm(powerItemForm, req.body);
    if (issues.length) return renderForm(req, reply, 'power', power.id, values, issues, 422);
    try {
      await service.updatePowerItem(db, caller(req), power.id, {
        ...values,
        power_type: values.power_type as PowerType,
      } as Parameters<typeof service.updatePowerItem>[3]);
      return reply.redirect('/admin/power-catalog?done=saved', 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(req, reply, 'power', power.id, values, error.issues, 422);
      throw error;
    }
  });

  app.get('/admin/power-catalog/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const power = await store.powerItem(db, idParam(req));
    const item = await correctable(req, power);
    return renderForm(req, reply, 'power', power!.id, { ...power!, change_note: '' }, [], 200, item.agency_id);
  });

  app.post('/admin/power-catalog/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const power = await store.powerItem(db, idParam(req));
    const item = await correctable(req, power);
    const { values, issues } = readForm(powerCorrectionForm, req.body);
    if (issues.length) return renderForm(req, reply, 'power', power!.id, values, issues, 422, item.agency_id);
    try {
      await service.correctPowerItem(
        db,
        caller(req),
        power!.id,
        {
          code: values.code!,
          name: values.name!,
          power_type: values.power_type as PowerType,
          legal_basis: values.legal_basis!,
        },
        values.change_note!,
      );
      return reply.redirect(`/admin/items/${item.id}?done=corrected`, 303);
    } catch (error) {
      const shown = correctionIssues(error);
      if (shown)
        return renderForm(
          req,
          reply,
          'power',
          power!.id,
          values,
          shown,
          error instanceof ValidationError ? 422 : 409,
          item.agency_id,
        );
      throw error;
    }
  });

  app.get('/admin/service-guides', { config: { policy: 'power_catalog.read' } }, async (req, reply) => {
    const actor = req.actor!;
    const guides = (await store.serviceGuides(db, reachOf(actor, readerRoles))).filter((g) =>
      can(actor, 'power_catalog.read', { agencyId: g.agency_id, unitId: g.responsible_unit_id }),
    );
    return reply.page(
      <GuideListPage
        ctx={reply.view()}
        guides={guides}
        canCreate={can(actor, 'power_catalog.edit')}
        canCorrect={can(actor, 'publishing.correct')}
        done={doneOf(req)}
      />,
    );
  });

  app.get('/admin/service-guides/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const units = await draftUnits(db, req.actor!);
    return renderForm(
      req,
      reply,
      'guide',
      undefined,
      { formation_date: todayInChina(), fees: '不收费', responsible_unit_id: units.length === 1 ? units[0]!.id : null },
      [],
    );
  });

  app.post('/admin/service-guides/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const { values, issues } = readForm(serviceGuideForm, req.body);
    if (issues.length) return renderForm(req, reply, 'guide', undefined, values, issues, 422);
    try {
      await service.createServiceGuide(db, caller(req), values as Parameters<typeof service.createServiceGuide>[2]);
      return reply.redirect('/admin/service-guides?done=created', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(req, reply, 'guide', undefined, values, error.issues, 422);
      throw error;
    }
  });

  async function loadGuide(req: FastifyRequest) {
    const guide = await store.serviceGuide(db, idParam(req));
    if (!guide) throw new NotFoundError();
    authorize(req.actor, 'power_catalog.edit', { agencyId: guide.agency_id, unitId: guide.responsible_unit_id });
    return guide;
  }

  app.get('/admin/service-guides/:id/edit', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const guide = await loadGuide(req);
    const item = await itemOf(guide.item_id);
    return renderForm(req, reply, 'guide', guide.id, { ...guide, formation_date: item.formation_date }, []);
  });

  app.post('/admin/service-guides/:id/edit', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const guide = await loadGuide(req);
    const { values, issues } = readForm(serviceGuideForm, req.body);
    if (issues.length) return renderForm(req, reply, 'guide', guide.id, values, issues, 422);
    try {
      await service.updateServiceGuide(
        db,
        caller(req),
        guide.id,
        values as Parameters<typeof service.updateServiceGuide>[3],
      );
      return reply.redirect('/admin/service-guides?done=saved', 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(req, reply, 'guide', guide.id, values, error.issues, 422);
      throw error;
    }
  });

  app.get('/admin/service-guides/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const guide = await store.serviceGuide(db, idParam(req));
    const item = await correctable(req, guide);
    return renderForm(req, reply, 'guide', guide!.id, { ...guide!, change_note: '' }, [], 200, item.agency_id);
  });

  app.post('/admin/service-guides/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const guide = await store.serviceGuide(db, idParam(req));
    const item = await correctable(req, guide);
    const { values, issues } = readForm(guideCorrectionForm, req.body);
    if (issues.length) return renderForm(req, reply, 'guide', guide!.id, values, issues, 422, item.agency_id);
    const { change_note: note, ...fields } = values;
    try {
      await service.correctServiceGuide(
        db,
        caller(req),
        guide!.id,
        fields as Parameters<typeof service.correctServiceGuide>[3],
        note!,
      );
      return reply.redirect(`/admin/items/${item.id}?done=corrected`, 303);
    } catch (error) {
      const shown = correctionIssues(error);
      if (shown)
        return renderForm(
          req,
          reply,
          'guide',
          guide!.id,
          values,
          shown,
          error instanceof ValidationError ? 422 : 409,
          item.agency_id,
        );
      throw error;
    }
  });

  async function renderFigures(
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: {
      issues?: ValidationIssue[];
      values?: Record<string, string>;
      status?: number;
      saved?: boolean;
      importResult?: { imported: number; failures: readonly RowFailure[] };
      importIssues?: ValidationIssue[];
    } = {},
  ) {
    const actor = req.actor!;
    const agencyIds = reachOf(actor, ['disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor']);
    const agencies = agencyIds.length
      ? (await organisationStore.agencies(db, agencyIds)).sort((a, b) => a.id - b.id)
      : [];
    const rows = await store.figureRows(db, agencyIds, year);
    const lines: FigureLine[] = agencies.map((a) => ({
      agencyName: a.name,
      values: Object.fromEntries(
        figureKinds.map((k) => {
          const r = rows.find((x) => x.agency_id === a.id && x.kind === k);
          return [
            k,
            !r
              ? null
              : k === 'fee'
                ? String(fenToTenThousandYuan(Number(r.amount_fen ?? 0)))
                : String(r.decisions ?? 0),
          ];
        }),
      ),
    }));
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

  app.get('/admin/yearly-figures', { config: { policy: 'figures.read' } }, async (req, reply) => {
    const query = req.query as Record<string, string | undefined>;
    const year = query.year && /^\d{4}$/.test(query.year) ? Number(query.year) : Number(todayInChina().slice(0, 4)) - 1;
    const imported = query.imported && /^\d{1,6}$/.test(query.imported) ? Number(query.imported) : undefined;
    return renderFigures(req, reply, year, {
      saved: query.saved === '1',
      importResult: imported === undefined ? undefined : { imported, failures: [] },
    });
  });

  // A CSV / XLSX file of figures: all rows or none (figures-import.ts). Rows may name other
  // agencies only where the actor is the disclosure office too.
  app.post('/admin/yearly-figures/import', { config: { policy: 'figures.edit' } }, async (req, reply) => {
    const actor = req.actor!;
    const form = await readMultipartForm(req);
    const year = Number(todayInChina().slice(0, 4)) - 1;
    const issues: ValidationIssue[] = form.issues.map((i) => ({ ...i, field: 'file' }));
    const file = form.files[0];
    if (!file && issues.length === 0) issues.push(issue('file', 'figures.import.file_required'));
    if (issues.length || !file) return renderFigures(req, reply, year, { importIssues: issues, status: 422 });
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
          status: 422,
        });
      const shown = result.figures.length ? Math.max(...result.figures.map((f) => f.year)) : year;
      return reply.redirect(`/admin/yearly-figures?year=${shown}&imported=${result.imported}`, 303);
    } catch (error) {
      // An unreadable file, a wrong format or missing columns: said on the file field.
      if (error instanceof AppError && error.status === 422)
        return renderFigures(req, reply, year, { importIssues: [{ field: 'file', message: error.text }], status: 422 });
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
    if (issues.length) return renderFigures(req, reply, year, { issues, values: raw, status: 422 });
    try {
      await service.setFigures(db, caller(req), actor.agencyId, year, given);
      return reply.redirect(`/admin/yearly-figures?year=${year}&saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderFigures(req, reply, year, { issues: [...error.issues], values: raw, status: 422 });
      throw error;
    }
  });
}
