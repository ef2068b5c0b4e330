// Catalog console, how a published item changes: the version comparison, published corrections
// and the validity history of normative documents (kept apart from drafting in publishing.routes).
// Same shape as publishing.routes.tsx: validate → load → authorize with the loaded item → service
// → redirect 303, or re-render the item page with issues (422) or the reason of a refusal (409).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../platform/policy.ts';
import { readForm } from '../../platform/form.ts';
import { AppError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { textOf, type Text } from '../../platform/i18n/i18n.ts';
import { correctionForm, splitAgencies, validityForm, type Validity } from './publishing.ts';
import { publishingStore as store } from './publishing.store.ts';
import { publishingService as service, scopeOf } from './publishing.service.ts';
import type { InformationItemRow } from './publishing.table.ts';
import { field, idParam, invalidForm, type ShownForm } from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { CorrectionPage } from './views/correction-page.tsx';
import { structuredEntryOf } from './structured.ts';
import { VersionsPage } from './views/versions-page.tsx';
import { correctionFormValues, type FormValues as ShownValues } from './item-form.presenter.ts';
import { presentVersions } from './item-versions.presenter.ts';

/** What these routes borrow from the item page in publishing.routes.tsx. */
export type RenderItem = (
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
export type ItemRouteDeps = { loadItem: (id: number) => Promise<InformationItemRow>; renderItem: RenderItem };

export async function registerItemHistoryRoutes(app: FastifyInstance, deps: ItemRouteDeps): Promise<void> {
  const db = app.deps.database.db;
  const { loadItem, renderItem } = deps;

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
        versions={presentVersions(views, item.current_version_id)}
      />,
    );
  });

  // ——— published correction ———

  /** The item, with `publishing.correct` authorized on it: the role of the workflow's 'correct' row. */
  async function correctable(req: FastifyRequest): Promise<InformationItemRow> {
    const item = await loadItem(idParam(req));
    authorize(req.actor, 'publishing.correct', scopeOf(item));
    return item;
  }

  function renderCorrection(reply: FastifyReply, item: InformationItemRow, form: ShownForm<ShownValues>) {
    return reply.page(
      <CorrectionPage
        ctx={reply.view()}
        itemId={item.id}
        indexNumber={item.index_number}
        values={form.values}
        issues={form.issues ?? []}
      />,
      form.status ?? 200,
    );
  }

  app.get('/admin/items/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const item = await correctable(req);
    if (item.status !== 'published')
      return renderItem(req, reply, item, { notice: textOf('pub.error.not_correctable'), status: 409 });
    const structured = await structuredEntryOf(db, item.id);
    if (structured) return reply.redirect(structured.correctHref, 303);
    const version = (await store.version(db, item.current_version_id!))!;
    return renderCorrection(reply, item, { values: correctionFormValues(version) });
  });

  app.post('/admin/items/:id/correct', { config: { policy: 'publishing.correct' } }, async (req, reply) => {
    const item = await correctable(req);
    if (await structuredEntryOf(db, item.id))
      return renderItem(req, reply, item, { notice: textOf('pub.error.structured_entry'), status: 409 });
    const { values, issues } = readForm(correctionForm, req.body);
    if (issues.length) return renderCorrection(reply, item, invalidForm(issues, values));
    try {
      await service.publishCorrection(
        db,
        req.auditContext(),
        [
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
        ],
        { correctedBy: req.actor!.userId },
      );
      return reply.redirect(`/admin/items/${item.id}?done=corrected`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return renderCorrection(
          reply,
          item,
          invalidForm(
            error.issues.map((i) => (i.field === 'reason' ? { ...i, field: 'change_note' } : i)),
            values,
          ),
        );
      // Blocked by the guard, or no longer published: the form stays filled, the reason on top.
      if (error instanceof AppError && error.status === 409)
        return renderCorrection(reply, item, {
          values,
          issues: [{ field: 'body_html', message: error.text }],
          status: 409,
        });
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
    if (issues.length) return renderItem(req, reply, item, invalidForm(issues, raw));
    try {
      await service.setValidity(
        db,
        req.auditContext(),
        item.id,
        {
          validity: values.validity as Validity,
          date: values.effective_date!,
          note: values.note,
          changedOn: values.changed_on,
        },
        { createdBy: req.actor!.userId },
      );
      return reply.redirect(`/admin/items/${item.id}?done=validity`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return renderItem(req, reply, item, invalidForm(error, raw));
      if (error instanceof AppError && error.status === 409)
        return renderItem(req, reply, item, { notice: error.text, status: 409 });
      throw error;
    }
  });
}
