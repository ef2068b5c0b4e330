// The catalog console, second part: published corrections and the version comparison, the
// validity history of normative documents, attachments (upload, replace, remove, download) and
// the review-workflow configuration. Same shape as publishing.routes.tsx: validate → load →
// authorize with the loaded item → service → redirect 303, or re-render with issues (422) or
// the reason of a refusal (409).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../platform/policy.ts';
import { readForm } from '../../platform/form.ts';
import { AppError, issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { textOf, type Text } from '../../platform/i18n/i18n.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import { sendBlob } from '../../platform/files/send.ts';
import { registerNav } from '../../platform/views/navigation.ts';
import './publishing.messages.ts';
import { catalogCategories, correctionForm, splitAgencies, validityForm, type Validity } from './publishing.ts';
import { publishingStore as store } from './publishing.store.ts';
import { publishingService as service, scopeOf, stepsFor } from './publishing.service.ts';
import { attachmentService } from './attachments.service.ts';
import { storeAttachment } from './attachment-files.ts';
import type { InformationItemRow } from './publishing.table.ts';
import { caller, field, idParam } from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/organisation.store.ts';
import { CorrectionPage } from './views/correction-page.tsx';
import { structuredEntryOf } from './structured.ts';
import { VersionsPage } from './views/versions-page.tsx';
import { WorkflowPage, type WorkflowRow } from './views/workflow-page.tsx';
import { extraWorkflowCategories, extraWorkflowCategory } from './workflow-categories.ts';
import { normaliseSteps } from './workflow.ts';
import type { FormValues as ShownValues } from './views/item-form-page.tsx';

type RenderItem = (
  req: FastifyRequest,
  reply: FastifyReply,
  item: InformationItemRow,
  options?: {
    issues?: readonly ValidationIssue[];
    notice?: Text;
    status?: number;
    done?: string;
    values?: Record<string, string | undefined>;
  },
) => Promise<FastifyReply>;

function attachmentParam(req: FastifyRequest): number {
  const raw = (req.params as Record<string, string | undefined>).attachmentId;
  if (!raw || !/^[1-9]\d{0,8}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

export async function registerItemExtraRoutes(
  app: FastifyInstance,
  deps: { loadItem: (id: number) => Promise<InformationItemRow>; renderItem: RenderItem },
): Promise<void> {
  const db = app.deps.database.db;
  const config = app.deps.config;
  const { loadItem, renderItem } = deps;
  registerNav({ href: '/admin/workflows', labelKey: 'nav.workflows', policy: 'publishing.workflow_read', order: 25 });

  // ——— versions ———

  app.get('/admin/items/:id/versions', { config: { policy: 'publishing.read' } }, async (req, reply) => {
    const item = await loadItem(idParam(req));
    authorize(req.actor, 'publishing.read', scopeOf(item));
    const versions = await store.versions(db, item.id);
    const authors = new Map(
      (
        await organisationStore.usersByIds(
          db,
          versions.flatMap((v) => (v.created_by === null ? [] : [v.created_by])),
        )
      ).map((u) => [u.id, u.display_name]),
    );
    const views = [];
    for (const version of versions)
      views.push({
        version,
        authorName: version.created_by === null ? null : (authors.get(version.created_by) ?? null),
        attachments: await store.attachments(db, version.id),
      });
    return reply.page(
      <VersionsPage
        ctx={reply.view()}
        indexNumber={item.index_number}
        itemId={item.id}
        currentVersionId={item.current_version_id}
        versions={views}
      />,
    );
  });

  // ——— published correction ———

  async function correctable(req: FastifyRequest): Promise<InformationItemRow> {
    const item = await loadItem(idParam(req));
    authorize(req.actor, 'publishing.correct', scopeOf(item));
    return item;
  }

  function renderCorrection(
    reply: FastifyReply,
    item: InformationItemRow,
    values: ShownValues,
    issues: readonly ValidationIssue[],
    status = 200,
  ) {
    return reply.page(
      <CorrectionPage
        ctx={reply.view()}
        itemId={item.id}
        indexNumber={item.index_number}
        values={values}
        issues={issues}
      />,
      status,
    );
  }

  app.get('/admin/items/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const item = await correctable(req);
    if (item.status !== 'published')
      return renderItem(req, reply, item, { notice: textOf('pub.error.not_correctable'), status: 409 });
    const structured = await structuredEntryOf(db, item.id);
    if (structured) return reply.redirect(structured.correctHref, 303);
    const version = (await store.version(db, item.current_version_id!))!;
    return renderCorrection(
      reply,
      item,
      { ...version, issuing_agencies: (JSON.parse(version.issuing_agencies) as string[]).join('、'), change_note: '' },
      [],
    );
  });

  app.post('/admin/items/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const item = await correctable(req);
    if (await structuredEntryOf(db, item.id))
      return renderItem(req, reply, item, { notice: textOf('pub.error.structured_entry'), status: 409 });
    const { values, issues } = readForm(correctionForm, req.body);
    if (issues.length) return renderCorrection(reply, item, values, issues, 422);
    try {
      await service.publishCorrection(
        db,
        caller(req),
        item.id,
        {
          title: values.title!,
          document_number: values.document_number,
          issuing_agencies: splitAgencies(values.issuing_agencies),
          topic: values.topic,
          genre: values.genre,
          keywords: values.keywords,
          summary: values.summary,
          body_html: values.body_html,
        },
        values.change_note!,
        values.changed_on,
      );
      return reply.redirect(`/admin/items/${item.id}?done=corrected`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderCorrection(
          reply,
          item,
          values,
          error.issues.map((i) => (i.field === 'reason' ? { ...i, field: 'change_note' } : i)),
          422,
        );
      // Blocked by the guard, or no longer published: the form stays filled, the reason on top.
      if (error instanceof AppError && error.status === 409)
        return renderCorrection(reply, item, values, [{ field: 'body_html', message: error.text }], 409);
      throw error;
    }
  });

  // ——— validity of normative documents ———

  app.post('/admin/items/:id/validity', { config: { policy: 'publishing.validity' } }, async (req, reply) => {
    const item = await loadItem(idParam(req));
    authorize(req.actor, 'publishing.validity', scopeOf(item));
    const raw = {
      validity: field(req.body, 'validity'),
      effective_date: field(req.body, 'effective_date'),
      note: field(req.body, 'note'),
      changed_on: field(req.body, 'changed_on'),
    };
    const { values, issues } = readForm(validityForm, req.body);
    if (issues.length) return renderItem(req, reply, item, { issues, status: 422, values: raw });
    try {
      await service.setValidity(
        db,
        caller(req),
        item.id,
        values.validity as Validity,
        values.effective_date!,
        values.note,
        values.changed_on,
      );
      return reply.redirect(`/admin/items/${item.id}?done=validity`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderItem(req, reply, item, { issues: error.issues, status: 422, values: raw });
      if (error instanceof AppError && error.status === 409)
        return renderItem(req, reply, item, { notice: error.text, status: 409 });
      throw error;
    }
  });

  // ——— attachments ———

  async function upload(
    req: FastifyRequest,
    reply: FastifyReply,
    item: InformationItemRow,
    fieldName: string,
    apply: (stored: Parameters<typeof attachmentService.add>[3]) => Promise<unknown>,
    done: string,
  ) {
    const form = await readMultipartForm(req);
    const issues: ValidationIssue[] = form.issues.map((i) => ({ ...i, field: fieldName }));
    const file = form.files[0];
    if (!file && issues.length === 0) issues.push(issue(fieldName, 'file.required'));
    if (file && issues.length === 0) {
      const stored = await storeAttachment(config, file);
      if (!stored.ok) issues.push({ ...stored.issue, field: fieldName });
      else {
        try {
          await apply(stored.stored);
          return reply.redirect(`/admin/items/${item.id}?done=${done}`, 303);
        } catch (error) {
          if (error instanceof AppError && error.status === 409)
            return renderItem(req, reply, await loadItem(item.id), { notice: error.text, status: 409 });
          throw error;
        }
      }
    }
    return renderItem(req, reply, item, { issues, status: 422 });
  }

  app.post('/admin/items/:id/attachments', { config: { policy: 'publishing.draft' } }, async (req, reply) => {
    const item = await loadItem(idParam(req));
    authorize(req.actor, 'publishing.draft', scopeOf(item));
    return upload(
      req,
      reply,
      item,
      'file',
      (stored) => attachmentService.add(db, caller(req), item.id, stored),
      'attachment_added',
    );
  });

  app.post(
    '/admin/items/:id/attachments/:attachmentId/replace',
    { config: { policy: 'publishing.draft' } },
    async (req, reply) => {
      const item = await loadItem(idParam(req));
      authorize(req.actor, 'publishing.draft', scopeOf(item));
      const attachmentId = attachmentParam(req);
      return upload(
        req,
        reply,
        item,
        `replace-${attachmentId}`,
        (stored) => attachmentService.replace(db, caller(req), item.id, attachmentId, stored),
        'attachment_replaced',
      );
    },
  );

  app.post(
    '/admin/items/:id/attachments/:attachmentId/remove',
    { config: { policy: 'publishing.draft' } },
    async (req, reply) => {
      const item = await loadItem(idParam(req));
      authorize(req.actor, 'publishing.draft', scopeOf(item));
      try {
        await attachmentService.remove(db, caller(req), item.id, attachmentParam(req));
        return reply.redirect(`/admin/items/${item.id}?done=attachment_removed`, 303);
      } catch (error) {
        if (error instanceof AppError && error.status === 409)
          return renderItem(req, reply, item, { notice: error.text, status: 409 });
        throw error;
      }
    },
  );

  // Any version's file: reviewers open what they approve, and history stays inspectable.
  app.get(
    '/admin/items/:id/attachments/:attachmentId',
    { config: { policy: 'publishing.read' } },
    async (req, reply) => {
      const item = await loadItem(idParam(req));
      authorize(req.actor, 'publishing.read', scopeOf(item));
      const attachment = await store.attachment(db, attachmentParam(req));
      if (!attachment || attachment.item_id !== item.id) throw new NotFoundError();
      return sendBlob(reply, { sha256: attachment.sha256, filename: attachment.filename, download: true });
    },
  );

  // ——— review-workflow configuration ———

  async function renderWorkflows(
    req: FastifyRequest,
    reply: FastifyReply,
    agencyId: number | undefined,
    issues: readonly ValidationIssue[],
    done: boolean,
    status = 200,
  ) {
    const actor = req.actor!;
    const reach = new Set<number>();
    for (const role of ['system_admin', 'disclosure_officer'] as const)
      for (const id of actor.reach.get(role) ?? []) reach.add(id);
    const agencies = (await organisationStore.agencies(db, [...reach])).sort((a, b) => a.id - b.id);
    const visible = agencies.filter((a) => can(actor, 'publishing.workflow_read', { agencyId: a.id }));
    // The system admin's own agency is often the city government, which publishes little:
    // open on the first agency that has a disclosure office, or the one asked for.
    const chosen = visible.find((a) => a.id === agencyId) ?? visible.find((a) => a.id === actor.agencyId) ?? visible[0];
    if (!chosen) throw new NotFoundError();
    const configs = await store.workflowConfigs(db, [chosen.id]);
    const rows: WorkflowRow[] = [];
    for (const category of [...catalogCategories, '*']) {
      rows.push({
        category,
        steps: await stepsFor(db, chosen.id, category),
        configured: configs.some((c) => c.category_key === category),
      });
    }
    for (const extra of extraWorkflowCategories()) {
      const row = configs.find((c) => c.category_key === extra.key);
      rows.push({
        category: extra.key,
        labelKey: extra.labelKey,
        steps: row ? normaliseSteps(JSON.parse(row.steps) as string[]) : [...extra.defaultSteps],
        configured: !!row,
      });
    }
    return reply.page(
      <WorkflowPage
        ctx={reply.view()}
        agencies={visible}
        agencyId={chosen.id}
        rows={rows}
        canConfigure={can(actor, 'publishing.configure', { agencyId: chosen.id })}
        issues={issues}
        done={done}
      />,
      status,
    );
  }

  app.get('/admin/workflows', { config: { policy: 'publishing.workflow_read' } }, async (req, reply) => {
    const query = (req.query ?? {}) as Record<string, unknown>;
    const agency =
      typeof query.agency === 'string' && /^[1-9]\d{0,8}$/.test(query.agency) ? Number(query.agency) : undefined;
    return renderWorkflows(req, reply, agency, [], query.done === '1');
  });

  app.post('/admin/workflows', { config: { policy: 'publishing.configure' } }, async (req, reply) => {
    const body = (req.body ?? {}) as Record<string, unknown>;
    const agencyRaw = field(body, 'agency_id') ?? '';
    const agencyId = /^[1-9]\d{0,8}$/.test(agencyRaw) ? Number(agencyRaw) : 0;
    const category = field(body, 'category') ?? '';
    if (
      !(
        category === '*' ||
        (catalogCategories as readonly string[]).includes(category) ||
        extraWorkflowCategory(category)
      )
    )
      throw new NotFoundError();
    authorize(req.actor, 'publishing.configure', { agencyId });
    const raw = body.steps;
    const steps = (Array.isArray(raw) ? raw : raw === undefined ? [] : [raw]).map(String);
    try {
      await service.configureWorkflow(db, caller(req), agencyId, category, steps);
      return reply.redirect(`/admin/workflows?agency=${agencyId}&done=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) {
        const key = category === '*' ? 'any' : category;
        return renderWorkflows(
          req,
          reply,
          agencyId,
          error.issues.map((i) => ({ ...i, field: `steps-${key}` })),
          false,
          422,
        );
      }
      throw error;
    }
  });
}
