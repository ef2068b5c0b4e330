// Catalog console, an item's files: upload, replace, remove and download (each change a new
// version, the personal-data guard reading the text); apart so file handling sits in one place.
// Same shape as publishing.routes.tsx: validate → load → authorize with the loaded item → service
// → redirect 303, or re-render the item page with issues (422) or the reason of a refusal (409).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize } from '../../platform/policy.ts';
import { AppError, issue, NotFoundError, type ValidationIssue } from '../../platform/errors.ts';
import { readMultipartForm } from '../../platform/http/uploads.ts';
import { sendBlob } from '../../platform/files/send.ts';
import { publishingStore as store } from './publishing.store.ts';
import { scopeOf } from './publishing.service.ts';
import { attachmentService } from './attachments.service.ts';
import { storeAttachment } from './attachment-files.ts';
import type { InformationItemRow } from './publishing.table.ts';
import { idParam, invalidForm } from '../../platform/http/route-kit.ts';
import type { ItemRouteDeps } from './item-history.routes.tsx';

const attachmentParam = (req: FastifyRequest): number => idParam(req, 'attachmentId');

export async function registerItemAttachmentRoutes(app: FastifyInstance, deps: ItemRouteDeps): Promise<void> {
  const db = app.deps.database.db;
  const config = app.deps.config;
  const { loadItem, renderItem } = deps;

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
    return renderItem(req, reply, item, invalidForm(issues));
  }

  app.post('/admin/items/:id/attachments', { config: { policy: 'publishing.draft' } }, async (req, reply) => {
    const item = await loadItem(idParam(req));
    authorize(req.actor, 'publishing.draft', scopeOf(item));
    return upload(
      req,
      reply,
      item,
      'file',
      (stored) => attachmentService.add(db, req.auditContext(), item.id, stored, { createdBy: req.actor!.userId }),
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
        (stored) =>
          attachmentService.replace(db, req.auditContext(), item.id, attachmentId, stored, {
            createdBy: req.actor!.userId,
          }),
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
        await attachmentService.remove(db, req.auditContext(), item.id, attachmentParam(req), {
          createdBy: req.actor!.userId,
        });
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
}
