// Files of an information item. Attachments belong to a version: adding, replacing or removing
// a file makes a new version of the draft (text fields copied, the other files carried over), so
// the version a reviewer approved — or the guard let through — never changes under them.
// The bytes themselves are stored content-addressed by platform/files; here only their address,
// name, kind, size and extracted text are recorded.
import type { Db, Executor, Tx } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import type { Audit } from '../../platform/mutation.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso } from '../../platform/clock.ts';
import { ConflictError, NotFoundError } from '../../platform/errors.ts';
import { publicStatuses, type ItemStatus } from './publishing.ts';
import { publishingStore as store } from './publishing.store.ts';
import { copyVersion, currentVersion, itemDocuments, loadItem } from './item-documents.ts';
import type { InformationItemRow, ItemAttachmentRow } from './publishing.table.ts';

/** A file already stored by platform/files, as the item records it. */
export interface StoredAttachment {
  readonly sha256: string;
  readonly filename: string;
  readonly kind: string;
  readonly mime: string;
  readonly size: number;
  /** Text extracted from DOCX/XLSX/PDF/TXT (null for images and formats without a text layer). */
  readonly text: string | null;
}

/** At most this many files on one version (a publication, not an archive). */
export const MAX_ATTACHMENTS = 20;

/** Copies the current version (text fields unchanged) into a new one and returns its id. */
async function nextVersion(
  trx: Tx,
  createdBy: number,
  item: InformationItemRow,
  exceptAttachments: readonly number[],
): Promise<{ versionId: number; previousId: number }> {
  const version = await currentVersion(trx, item);
  const versionId = await copyVersion(trx, version, createdBy, {}, exceptAttachments);
  // Compare-and-set on the version: two uploads at once cannot both build on the same one.
  await itemDocuments.setCurrentVersion(trx, item, versionId, {
    set: { updated_at: nowIso() },
    whileStatus: 'draft',
    whileVersion: true,
  });
  return { versionId, previousId: version.id };
}

/**
 * Only a draft's files change; a published item changes through a correction. The state is read
 * in the transaction that writes the new version (the route has authorized `publishing.draft`).
 */
async function draftOf(trx: Tx, itemId: number): Promise<InformationItemRow> {
  const item = await loadItem(trx, itemId);
  if (item.status !== 'draft') throw new ConflictError('pub.error.not_draft');
  return item;
}

async function insertAttachment(
  trx: Tx,
  createdBy: number,
  itemId: number,
  versionId: number,
  file: StoredAttachment,
): Promise<number> {
  const order = (await store.attachments(trx, versionId)).length;
  const row = await trx
    .insertInto('item_attachments')
    .values({
      item_id: itemId,
      version_id: versionId,
      sha256: file.sha256,
      filename: file.filename,
      kind: file.kind,
      mime: file.mime,
      size: file.size,
      extracted_text: file.text,
      sort_order: order,
      created_by: createdBy,
      created_at: nowIso(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

function auditFile(audit: Audit, action: string, itemId: number, after: Record<string, unknown>) {
  // Name, kind, size and address — never the extracted text, which may hold personal data.
  return audit({ action, subjectType: 'information_item', subjectId: itemId, after });
}

/** Who adds, replaces or removes a file: the drafter the new version names. */
export interface FileBy {
  readonly createdBy: number;
}

// Each operation's route has loaded the item and authorized `publishing.draft` on it.
export const attachmentService = {
  /** Adds a file to a draft: a new version with the file. */
  async add(
    db: Db,
    ctx: AuditContext,
    itemId: number,
    file: StoredAttachment,
    by: FileBy,
  ): Promise<{ versionId: number; attachmentId: number }> {
    return mutate(db, ctx, async (trx, audit) => {
      const item = await draftOf(trx, itemId);
      if ((await store.attachments(trx, item.current_version_id!)).length >= MAX_ATTACHMENTS)
        throw new ConflictError('pub.error.too_many_attachments', { max: MAX_ATTACHMENTS });
      const { versionId } = await nextVersion(trx, by.createdBy, item, []);
      const attachmentId = await insertAttachment(trx, by.createdBy, itemId, versionId, file);
      await auditFile(audit, 'publishing.attachment_add', itemId, {
        version_id: versionId,
        filename: file.filename,
        kind: file.kind,
        size: file.size,
        sha256: file.sha256,
      });
      return { versionId, attachmentId };
    });
  },

  /** Replaces one file of a draft (e.g. one with personal data inside) in a new version. */
  async replace(
    db: Db,
    ctx: AuditContext,
    itemId: number,
    attachmentId: number,
    file: StoredAttachment,
    by: FileBy,
  ): Promise<{ versionId: number; attachmentId: number }> {
    return mutate(db, ctx, async (trx, audit) => {
      const item = await draftOf(trx, itemId);
      const old = await currentAttachment(trx, item, attachmentId);
      const { versionId } = await nextVersion(trx, by.createdBy, item, [old.id]);
      const id = await insertAttachment(trx, by.createdBy, itemId, versionId, file);
      await trx.updateTable('item_attachments').set({ sort_order: old.sort_order }).where('id', '=', id).execute();
      await auditFile(audit, 'publishing.attachment_replace', itemId, {
        version_id: versionId,
        replaced: old.filename,
        filename: file.filename,
        kind: file.kind,
        size: file.size,
        sha256: file.sha256,
      });
      return { versionId, attachmentId: id };
    });
  },

  /** Removes a file from a draft in a new version (older versions keep it). */
  async remove(
    db: Db,
    ctx: AuditContext,
    itemId: number,
    attachmentId: number,
    by: FileBy,
  ): Promise<{ versionId: number }> {
    return mutate(db, ctx, async (trx, audit) => {
      const item = await draftOf(trx, itemId);
      const old = await currentAttachment(trx, item, attachmentId);
      const { versionId } = await nextVersion(trx, by.createdBy, item, [old.id]);
      await auditFile(audit, 'publishing.attachment_remove', itemId, { version_id: versionId, filename: old.filename });
      return { versionId };
    });
  },
};

async function currentAttachment(
  db: Executor,
  item: InformationItemRow,
  attachmentId: number,
): Promise<ItemAttachmentRow> {
  const a = await store.attachment(db, attachmentId);
  if (!a || a.item_id !== item.id || a.version_id !== item.current_version_id) throw new NotFoundError();
  return a;
}

/**
 * An attachment as the public may download it: only a file of the version the public sees now
 * (the current version of a published item). The portal serves it; this is its only way in.
 */
export async function publishedAttachment(
  db: Executor,
  itemId: number,
  attachmentId: number,
): Promise<ItemAttachmentRow | undefined> {
  const item = await store.item(db, itemId);
  if (!item || !publicStatuses.includes(item.status as ItemStatus)) return undefined;
  const a = await store.attachment(db, attachmentId);
  if (!a || a.item_id !== itemId || a.version_id !== item.current_version_id) return undefined;
  return a;
}
