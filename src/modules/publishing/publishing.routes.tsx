// The disclosure catalog console. Each handler: validate → load → authorize with the loaded item
// → service (one transaction with its audit event) → redirect (303), or re-render with the
// issues (422) or with the reason the action was refused (409).
import { reachOf } from '../../platform/reach.ts';
import { changesStore } from './changes.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import { authorize, can } from '../../platform/policy.ts';
import { Type } from '@sinclair/typebox';
import {
  field,
  firstQueryValues,
  idParam,
  invalidForm,
  Text as QueryText,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { readForm, type FormValues } from '../../platform/form.ts';
import {
  AppError,
  ConflictError,
  issue,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from '../../platform/errors.ts';
import { textOf, type Text } from '../../platform/i18n/i18n.ts';
import { structuredEntryOf } from './structured.ts';
import { todayInChina } from '../../platform/clock.ts';
import { readerRoles } from './publishing.policy.ts';
import {
  itemForm,
  isItemEvent,
  isItemStatus,
  isLate,
  splitAgencies,
  type DisclosureMode,
  type ItemStatus,
} from './publishing.ts';
import { publishingStore as store, type ItemListRow } from './publishing.store.ts';
import {
  allFindingsOf,
  authorizeTransition,
  draftEditScope,
  draftScope,
  prepareDraft,
  publishingDeps,
  publishingService as service,
  scopeOf,
  tableFor,
  transitionsFor,
  type ItemInput,
} from './publishing.service.ts';
import type { InformationItemRow } from './publishing.table.ts';
import { eventsFrom } from './workflow.ts';
import { PENDING_EVENTS } from './awaiting.ts';
import { registerItemListRoute } from './item-list.routes.tsx';
import { registerItemHistoryRoutes } from './item-history.routes.tsx';
import { registerItemAttachmentRoutes } from './item-attachments.routes.tsx';
import { registerWorkflowRoutes } from './workflow.routes.tsx';
import { dayBefore } from './publishing.panel.tsx';
import { ItemFormPage } from './views/item-form-page.tsx';
import { ItemPage } from './views/item-page.tsx';
import { draftFormValues, presentLinkCandidates, type FormValues as ShownValues } from './item-form.presenter.ts';
import { presentItemPage } from './item.presenter.ts';

function inputOf(v: FormValues<typeof itemForm>): ItemInput {
  return {
    title: v.title!,
    document_number: v.document_number,
    issuing_agencies: splitAgencies(v.issuing_agencies),
    responsible_unit_id: v.responsible_unit_id!,
    formation_date: v.formation_date!,
    disclosure_mode: v.disclosure_mode as DisclosureMode,
    non_disclosure_basis: v.non_disclosure_basis,
    art20_item: v.art20_item,
    catalog_category: v.catalog_category!,
    topic: v.topic,
    genre: v.genre,
    keywords: v.keywords,
    summary: v.summary,
    body_html: v.body_html,
    interprets_item_id: v.interprets_item_id,
    document_kind: v.document_kind,
    publication_limit_days: v.publication_limit_days,
    publication_limit_law: v.publication_limit_law,
  };
}

async function loadItem(db: Db, id: number): Promise<InformationItemRow> {
  const item = await store.item(db, id);
  if (!item) throw new NotFoundError();
  return item;
}

/** The units the actor drafts for: their drafter grants' units (all units for an agency-wide grant). */
async function draftUnits(db: Db, req: FastifyRequest): Promise<{ id: number; name: string }[]> {
  return organisationStore.activeUnitsOfGrants(
    db,
    req.actor!.grants.filter((g) => g.role === 'drafter'),
  );
}

export async function publishingRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  async function renderForm(
    req: FastifyRequest,
    reply: FastifyReply,
    item: InformationItemRow | undefined,
    form: ShownForm<ShownValues>,
  ) {
    let units = await draftUnits(db, req);
    if (item && !units.some((u) => u.id === item.responsible_unit_id)) {
      const current = await organisationStore.unit(db, item.responsible_unit_id);
      if (current) units = [current, ...units];
    }
    const agencyId = item?.agency_id ?? req.actor!.grants.find((g) => g.role === 'drafter')?.agencyId;
    const linkCandidates = agencyId === undefined ? [] : await store.linkCandidates(db, agencyId);
    return reply.page(
      <ItemFormPage
        ctx={reply.view()}
        itemId={item?.id}
        indexNumber={item?.index_number}
        values={form.values}
        issues={form.issues ?? []}
        units={units}
        linkCandidates={presentLinkCandidates(linkCandidates, item?.id)}
      />,
      form.status ?? 200,
    );
  }

  async function renderItem(
    req: FastifyRequest,
    reply: FastifyReply,
    item: InformationItemRow,
    options: {
      issues?: readonly ValidationIssue[];
      notice?: Text;
      status?: number;
      done?: string;
      values?: Record<string, string | undefined>;
    } = {},
  ) {
    const actor = req.actor!;
    const scope = scopeOf(item);
    const [attachments, interprets, interpretations] = await Promise.all([
      store.attachments(db, item.current_version_id!),
      item.interprets_item_id === null ? undefined : store.itemSummary(db, item.interprets_item_id),
      store.interpretationsOf(db, item.id),
    ]);
    const [version, versions, history, reviews, overrides, validity, unit, table, changes] = await Promise.all([
      store.version(db, item.current_version_id!),
      store.versions(db, item.id),
      store.history(db, item.id),
      store.reviews(db, item.id),
      store.overrides(db, item.id),
      store.validityHistory(db, item.id),
      organisationStore.unit(db, item.responsible_unit_id),
      tableFor(db, item),
      changesStore.ofItem(db, item.id),
    ]);
    if (!version) throw new NotFoundError();
    const findings = await allFindingsOf(db, version);
    const today = todayInChina();
    const data = presentItemPage(
      {
        item,
        version,
        versions,
        history,
        reviews,
        validity,
        changes,
        overrides,
        unitName: unit?.name ?? '',
        late: isLate(item, today),
        // Corrections need new content: they go through the service, not a one-button form.
        transitions: transitionsFor(actor, item, table).filter((r) => r.event !== 'correct'),
        nextSteps: eventsFrom(table, item.status as ItemStatus).filter((r) => PENDING_EVENTS.has(r.event)),
        findings,
        attachments,
        uploadMaxBytes: app.deps.config.uploadMaxBytes,
        interprets,
        interpretations,
        can: {
          edit: item.status === 'draft' && can(actor, 'publishing.draft', scope),
          mask: can(actor, 'publishing.mask', scope),
          override: can(actor, 'publishing.pii_override', scope),
          correct: item.status === 'published' && can(actor, 'publishing.correct', scope),
          validity:
            (item.is_normative === 1 || item.document_kind !== null) && can(actor, 'publishing.validity', scope),
        },
      },
      today,
    );
    return reply.page(
      <ItemPage
        ctx={reply.view()}
        data={data}
        issues={options.issues}
        notice={options.notice}
        done={options.done}
        values={options.values}
      />,
      options.status ?? 200,
    );
  }

  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { preValidation: firstQueryValues };

  registerItemListRoute(app, db);

  app.get('/admin/items/new', { config: { policy: 'publishing.draft' } }, async (req, reply) => {
    const units = await draftUnits(db, req);
    return renderForm(req, reply, undefined, {
      values: {
        formation_date: todayInChina(),
        disclosure_mode: 'proactive',
        responsible_unit_id: units.length === 1 ? units[0]!.id : null,
      },
    });
  });

  app.post('/admin/items/new', { config: { policy: 'publishing.draft' } }, async (req, reply) => {
    const { values, issues } = readForm(itemForm, req.body);
    if (issues.length) return renderForm(req, reply, undefined, invalidForm(issues, values));
    try {
      const input = inputOf(values);
      // The draft's agency is its unit's: the form's 422 for a bad unit comes before the 403.
      authorize(req.actor, 'publishing.draft', draftScope(await prepareDraft(db, input), input));
      const { id } = await service.createDraft(db, req.auditContext(), input, { createdBy: req.actor!.userId });
      return reply.redirect(`/admin/items/${id}?done=created`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(req, reply, undefined, invalidForm(error, values));
      throw error;
    }
  });

  routes.get(
    '/admin/items/:id',
    { ...page, config: { policy: 'publishing.read' }, schema: { querystring: Type.Object({ done: QueryText }) } },
    async (req, reply) => {
      const item = await loadItem(db, idParam(req));
      authorize(req.actor, 'publishing.read', scopeOf(item));
      return renderItem(req, reply, item, { done: req.query.done });
    },
  );

  async function editable(req: FastifyRequest): Promise<InformationItemRow> {
    const item = await loadItem(db, idParam(req));
    authorize(req.actor, 'publishing.draft', scopeOf(item));
    if (item.status !== 'draft') throw new ConflictError('pub.error.not_draft');
    return item;
  }

  app.get('/admin/items/:id/edit', { config: { policy: 'publishing.draft' } }, async (req, reply) => {
    const item = await editable(req);
    // A power or service guide is edited with its fields, on its own page (structured.ts).
    const structured = await structuredEntryOf(db, item.id);
    if (structured) return reply.redirect(structured.editHref, 303);
    const version = (await store.version(db, item.current_version_id!))!;
    return renderForm(req, reply, item, { values: draftFormValues(item, version) });
  });

  app.post('/admin/items/:id/edit', { config: { policy: 'publishing.draft' } }, async (req, reply) => {
    const item = await editable(req);
    if (await structuredEntryOf(db, item.id))
      return renderItem(req, reply, item, { notice: textOf('pub.error.structured_entry'), status: 409 });
    const { values, issues } = readForm(itemForm, req.body);
    if (issues.length) return renderForm(req, reply, item, invalidForm(issues, values));
    try {
      const input = inputOf(values);
      // A drafter keeps the draft in a unit of theirs: checked after the form's 422, as before.
      authorize(req.actor, 'publishing.draft', await draftEditScope(db, item, input));
      await service.updateDraft(db, req.auditContext(), item.id, input, { createdBy: req.actor!.userId });
      return reply.redirect(`/admin/items/${item.id}?done=saved`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderForm(req, reply, item, invalidForm(error, values));
      throw error;
    }
  });

  app.post('/admin/items/:id/transition', { config: { policy: 'publishing.transition' } }, async (req, reply) => {
    const item = await loadItem(db, idParam(req));
    authorize(req.actor, 'publishing.read', scopeOf(item));
    const event = field(req.body, 'event');
    if (!isItemEvent(event))
      return renderItem(req, reply, item, invalidForm([issue('event', 'pub.error.event_required')]));
    // The actor's step on the item as loaded; the service takes it only from that state.
    await authorizeTransition(db, req.actor, item, event);
    try {
      await service.transition(
        db,
        req.auditContext(),
        item.id,
        event,
        { reason: field(req.body, 'reason'), basis: field(req.body, 'basis'), date: field(req.body, 'date') },
        { actedBy: req.actor!.userId, whileStatus: item.status },
      );
      return reply.redirect(`/admin/items/${item.id}?done=transition`, 303);
    } catch (error) {
      const fresh = await loadItem(db, item.id);
      if (error instanceof ValidationError) {
        // The page has one form per action: the issue points at this action's field.
        const issues = error.issues.map((i) => ({ ...i, field: `${i.field}-${event}` }));
        return renderItem(req, reply, fresh, invalidForm(issues));
      }
      if (error instanceof AppError && error.status === 409)
        return renderItem(req, reply, fresh, { notice: error.text, status: 409 });
      throw error;
    }
  });

  app.post('/admin/items/:id/mask', { config: { policy: 'publishing.mask' } }, async (req, reply) => {
    const item = await loadItem(db, idParam(req));
    authorize(req.actor, 'publishing.mask', scopeOf(item));
    try {
      await service.maskPersonalData(db, req.auditContext(), item.id, { createdBy: req.actor!.userId });
      return reply.redirect(`/admin/items/${item.id}?done=masked`, 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 409)
        return renderItem(req, reply, item, { notice: error.text, status: 409 });
      throw error;
    }
  });

  app.post('/admin/items/:id/pii-override', { config: { policy: 'publishing.pii_override' } }, async (req, reply) => {
    const item = await loadItem(db, idParam(req));
    authorize(req.actor, 'publishing.pii_override', scopeOf(item));
    try {
      await service.overridePersonalData(db, req.auditContext(), item.id, field(req.body, 'override_reason') ?? '', {
        reviewedBy: req.actor!.userId,
      });
      return reply.redirect(`/admin/items/${item.id}?done=override`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderItem(req, reply, item, invalidForm(error));
      if (error instanceof AppError && error.status === 409)
        return renderItem(req, reply, item, { notice: error.text, status: 409 });
      throw error;
    }
  });

  const itemDeps = { loadItem: (id: number) => loadItem(db, id), renderItem };
  await registerItemHistoryRoutes(app, itemDeps);
  await registerItemAttachmentRoutes(app, itemDeps);
  await registerWorkflowRoutes(app);
}
