// Console pages of the power catalog and the service guides (table 二's yearly figures: figures.routes.tsx).
// Each handler: validate → load → authorize with the loaded record → service → redirect (303),
// or re-render with the issues (422).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { readForm } from '../../platform/form.ts';
import { AppError, ConflictError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { todayInChina } from '../../platform/clock.ts';
import { Type } from '@sinclair/typebox';
import {
  firstQueryValues,
  idParam,
  invalidForm,
  Text,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { publishingStore, readerRoles } from '../publishing/index.ts';
import {
  guideCorrectionForm,
  powerCorrectionForm,
  powerItemForm,
  serviceGuideForm,
  type PowerType,
} from './power-catalog.ts';
import { powerCatalogStore as store } from './power-catalog.store.ts';
import { powerCatalogService as service } from './power-catalog.service.ts';
import {
  checkGuide,
  guideEditScope,
  powerItemEditScope,
  powerItemUnit,
  unitScope,
  type PowerItemInput,
  type ServiceGuideInput,
} from './entry-checks.ts';
import { presentGuide, presentPower } from './catalog.presenter.ts';
import { CatalogFormPage, GuideListPage, PowerListPage, type CatalogFormValues } from './views/catalog-pages.tsx';
import { reachOf } from '../../platform/reach.ts';

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
    form: ShownForm<CatalogFormValues>,
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
        values={form.values}
        issues={form.issues ?? []}
        units={units}
        powers={powers}
        correct={correctAgency !== undefined}
      />,
      form.status ?? 200,
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

  /** The correction form again after the service refused it: its issues (the change note's
   *  reason) with 422, or a blocked guard's reason with 409; null for any other error. */
  function refusedCorrection(error: unknown, values: CatalogFormValues): ShownForm<CatalogFormValues> | null {
    if (error instanceof ValidationError)
      return invalidForm(
        error.issues.map((i) => (i.field === 'reason' ? { ...i, field: 'change_note' } : i)),
        values,
      );
    if (error instanceof AppError && error.status === 409)
      return { values, issues: [{ field: 'change_note', message: error.text }], status: 409 };
    return null;
  }

  const routes = app.withTypeProvider<TypeBoxProvider>();
  const list = (policy: string) => ({
    config: { policy },
    schema: { querystring: Type.Object({ done: Text }) },
    preValidation: firstQueryValues,
  });

  routes.get('/admin/power-catalog', list('power_catalog.read'), async (req, reply) => {
    const actor = req.actor!;
    const items = (await store.powerItems(db, reachOf(actor, readerRoles))).filter((p) =>
      can(actor, 'power_catalog.read', { agencyId: p.agency_id, unitId: p.responsible_unit_id }),
    );
    return reply.page(
      <PowerListPage
        ctx={reply.view()}
        items={items.map(presentPower)}
        canCreate={can(actor, 'power_catalog.edit')}
        canCorrect={can(actor, 'publishing.correct')}
        done={req.query.done}
      />,
    );
  });

  app.get('/admin/power-catalog/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const units = await draftUnits(db, req.actor!);
    return renderForm(req, reply, 'power', undefined, {
      values: { formation_date: todayInChina(), responsible_unit_id: units.length === 1 ? units[0]!.id : null },
    });
  });

  app.post('/admin/power-catalog/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const { values, issues } = readForm(powerItemForm, req.body);
    if (issues.length) return renderForm(req, reply, 'power', undefined, invalidForm(issues, values));
    try {
      const input = { ...values, power_type: values.power_type as PowerType } as PowerItemInput;
      // The power's agency is its unit's: the form's 422 for a bad unit comes before the 403.
      authorize(req.actor, 'power_catalog.edit', unitScope(await powerItemUnit(db, input)));
      await service.createPowerItem(db, req.auditContext(), input, { createdBy: req.actor!.userId });
      return reply.redirect('/admin/power-catalog?done=created', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(req, reply, 'power', undefined, invalidForm(error, values));
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
    return renderForm(req, reply, 'power', power.id, { values: { ...power, formation_date: item.formation_date } });
  });

  app.post('/admin/power-catalog/:id/edit', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const power = await loadPower(req);
    const { values, issues } = readForm(powerItemForm, req.body);
    if (issues.length) return renderForm(req, reply, 'power', power.id, invalidForm(issues, values));
    try {
      const input = { ...values, power_type: values.power_type as PowerType } as PowerItemInput;
      authorize(req.actor, 'publishing.draft', await powerItemEditScope(db, power, input));
      await service.updatePowerItem(db, req.auditContext(), power.id, input, { createdBy: req.actor!.userId });
      return reply.redirect('/admin/power-catalog?done=saved', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(req, reply, 'power', power.id, invalidForm(error, values));
      throw error;
    }
  });

  app.get('/admin/power-catalog/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const power = await store.powerItem(db, idParam(req));
    const item = await correctable(req, power);
    return renderForm(req, reply, 'power', power!.id, { values: { ...power!, change_note: '' } }, item.agency_id);
  });

  app.post('/admin/power-catalog/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const power = await store.powerItem(db, idParam(req));
    const item = await correctable(req, power);
    const { values, issues } = readForm(powerCorrectionForm, req.body);
    if (issues.length) return renderForm(req, reply, 'power', power!.id, invalidForm(issues, values), item.agency_id);
    try {
      await service.correctPowerItem(
        db,
        req.auditContext(),
        power!.id,
        {
          code: values.code!,
          name: values.name!,
          power_type: values.power_type as PowerType,
          legal_basis: values.legal_basis!,
        },
        values.change_note!,
        { correctedBy: req.actor!.userId },
      );
      return reply.redirect(`/admin/items/${item.id}?done=corrected`, 303);
    } catch (error) {
      const shown = refusedCorrection(error, values);
      if (shown) return renderForm(req, reply, 'power', power!.id, shown, item.agency_id);
      throw error;
    }
  });

  routes.get('/admin/service-guides', list('power_catalog.read'), async (req, reply) => {
    const actor = req.actor!;
    const guides = (await store.serviceGuides(db, reachOf(actor, readerRoles))).filter((g) =>
      can(actor, 'power_catalog.read', { agencyId: g.agency_id, unitId: g.responsible_unit_id }),
    );
    return reply.page(
      <GuideListPage
        ctx={reply.view()}
        guides={guides.map(presentGuide)}
        canCreate={can(actor, 'power_catalog.edit')}
        canCorrect={can(actor, 'publishing.correct')}
        done={req.query.done}
      />,
    );
  });

  app.get('/admin/service-guides/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const units = await draftUnits(db, req.actor!);
    return renderForm(req, reply, 'guide', undefined, {
      values: {
        formation_date: todayInChina(),
        fees: '不收费',
        responsible_unit_id: units.length === 1 ? units[0]!.id : null,
      },
    });
  });

  app.post('/admin/service-guides/new', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const { values, issues } = readForm(serviceGuideForm, req.body);
    if (issues.length) return renderForm(req, reply, 'guide', undefined, invalidForm(issues, values));
    try {
      const input = values as ServiceGuideInput;
      authorize(req.actor, 'power_catalog.edit', unitScope(await checkGuide(db, input, null)));
      await service.createServiceGuide(db, req.auditContext(), input, { createdBy: req.actor!.userId });
      return reply.redirect('/admin/service-guides?done=created', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(req, reply, 'guide', undefined, invalidForm(error, values));
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
    return renderForm(req, reply, 'guide', guide.id, { values: { ...guide, formation_date: item.formation_date } });
  });

  app.post('/admin/service-guides/:id/edit', { config: { policy: 'power_catalog.edit' } }, async (req, reply) => {
    const guide = await loadGuide(req);
    const { values, issues } = readForm(serviceGuideForm, req.body);
    if (issues.length) return renderForm(req, reply, 'guide', guide.id, invalidForm(issues, values));
    try {
      const input = values as ServiceGuideInput;
      authorize(req.actor, 'publishing.draft', await guideEditScope(db, guide, input));
      await service.updateServiceGuide(db, req.auditContext(), guide.id, input, { createdBy: req.actor!.userId });
      return reply.redirect('/admin/service-guides?done=saved', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderForm(req, reply, 'guide', guide.id, invalidForm(error, values));
      throw error;
    }
  });

  app.get('/admin/service-guides/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const guide = await store.serviceGuide(db, idParam(req));
    const item = await correctable(req, guide);
    return renderForm(req, reply, 'guide', guide!.id, { values: { ...guide!, change_note: '' } }, item.agency_id);
  });

  app.post('/admin/service-guides/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const guide = await store.serviceGuide(db, idParam(req));
    const item = await correctable(req, guide);
    const { values, issues } = readForm(guideCorrectionForm, req.body);
    if (issues.length) return renderForm(req, reply, 'guide', guide!.id, invalidForm(issues, values), item.agency_id);
    const { change_note: note, ...fields } = values;
    try {
      await service.correctServiceGuide(
        db,
        req.auditContext(),
        guide!.id,
        fields as Parameters<typeof service.correctServiceGuide>[3],
        note!,
        { correctedBy: req.actor!.userId },
      );
      return reply.redirect(`/admin/items/${item.id}?done=corrected`, 303);
    } catch (error) {
      const shown = refusedCorrection(error, values);
      if (shown) return renderForm(req, reply, 'guide', guide!.id, shown, item.agency_id);
      throw error;
    }
  });
}
