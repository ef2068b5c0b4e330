// Attachments of an application (ID copies, authorisations): checked before anything is written —
// size, count, and the type read from the content, not from the name or the browser's claim —
// then stored encrypted with the personal-data vault in the database, inside the transaction
// that stores the application: a refused file leaves no half-written application behind, and an
// acknowledged application has its files. (The blob store on disk, files/blob-store.ts, is
// written outside the transaction, so a crash could leave a row without its file.)
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { checkUpload, safeFilename, type UploadedFile } from '../../platform/files/check.ts';
import { APPLICATION_KINDS, mimeOf, sniffKind } from '../../platform/files/kinds.ts';

export const ATTACHMENT_KINDS = ['id_copy', 'authorisation', 'other', 'released'] as const;
export type AttachmentKind = (typeof ATTACHMENT_KINDS)[number];

/** A scanned ID card or a signed letter fits comfortably; larger files are refused, not cut. */
export const MAX_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_ATTACHMENTS = 5;

export interface AttachmentInput {
  readonly field: string;
  readonly kind: AttachmentKind;
  readonly name: string;
  /** What the browser said: never trusted (the content is sniffed). */
  readonly declaredMime: string;
  readonly data: Buffer;
}

/** Input name of the application forms → kind of attachment stored. */
export const ATTACHMENT_FIELDS = { attachment_id_copy: 'id_copy', attachment_authorisation: 'authorisation' } as const;

/** The files of a multipart form (http/uploads.ts) as attachments; files in other inputs are 'other'. */
export function attachmentsFromUpload(files: readonly UploadedFile[]): AttachmentInput[] {
  return files.map((f) => ({
    field: f.field,
    kind: (ATTACHMENT_FIELDS as Record<string, AttachmentKind>)[f.field] ?? 'other',
    name: f.filename,
    declaredMime: f.declaredMime,
    data: f.bytes,
  }));
}

/** Issues for the whole set; empty means every file may be stored. The kind is read from the
 *  content by the platform's check (files/check.ts): a file whose content is not what its name
 *  says (an executable called id.jpg, HTML called .pdf) is refused as disguised. */
export function attachmentIssues(files: readonly AttachmentInput[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (files.length > MAX_ATTACHMENTS)
    issues.push(issue(files[0]!.field, 'applications.attachment.too_many', { max: MAX_ATTACHMENTS }));
  for (const f of files) {
    if (f.data.length > MAX_ATTACHMENT_BYTES) {
      issues.push(
        issue(f.field, 'applications.attachment.too_large', { name: f.name, max: MAX_ATTACHMENT_BYTES / 1024 / 1024 }),
      );
      continue;
    }
    const check = checkUpload({ field: f.field, filename: f.name, bytes: f.data }, APPLICATION_KINDS);
    if (!check.ok) issues.push(check.issue);
  }
  return issues;
}

/** Stores already-checked files, encrypted; returns how many. Call inside the application's transaction. */
export async function insertAttachments(
  trx: Executor,
  vault: PersonalDataVault,
  applicationId: number,
  files: readonly AttachmentInput[],
  actor: number | null,
  at: string,
): Promise<number> {
  for (const f of files) {
    await trx
      .insertInto('application_attachments')
      .values({
        application_id: applicationId,
        name: safeFilename(f.name),
        mime: mimeOf(sniffKind(f.data)),
        bytes: f.data.length,
        content_enc: vault.seal(f.data.toString('base64'))!,
        kind: f.kind,
        // Keyed, like the vault's blind index: a plain hash would let anyone holding a copy of an
        // ID card confirm that it is in the database.
        sha256: vault.blindIndex(createHash('sha256').update(f.data).digest('hex')),
        created_by: actor,
        created_at: at,
      })
      .execute();
  }
  return files.length;
}

export function listAttachments(db: Executor, applicationId: number) {
  return db
    .selectFrom('application_attachments')
    .select(['id', 'application_id', 'name', 'mime', 'bytes', 'kind', 'created_at'])
    .where('application_id', '=', applicationId)
    .orderBy('id')
    .execute();
}

export function attachmentRow(db: Executor, id: number) {
  return db.selectFrom('application_attachments').selectAll().where('id', '=', id).executeTakeFirst();
}

export function decryptAttachment(vault: PersonalDataVault, contentEnc: string): Buffer {
  return Buffer.from(vault.decrypt(contentEnc), 'base64');
}
