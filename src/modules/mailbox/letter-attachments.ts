// Attachments of a letter (a photo of the pothole, a scanned notice): the same checks as an
// application's files — size, count, and the kind read from the content rather than the name —
// before anything is written; then sealed by the personal-data vault inside the letter's own
// transaction, since a photo can show a face, a plate or a house number.
import { createHash } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { checkUpload, safeFilename, type UploadedFile } from '../../platform/files/check.ts';
import { APPLICATION_KINDS, mimeOf, sniffKind } from '../../platform/files/kinds.ts';

export const MAX_LETTER_ATTACHMENT_BYTES = 5 * 1024 * 1024;
export const MAX_LETTER_ATTACHMENTS = 3;
export const LETTER_ATTACHMENT_FIELDS = ['attachment_1', 'attachment_2', 'attachment_3'] as const;

/** Issues for the files of a letter form; empty means every file may be stored. */
export function letterAttachmentIssues(files: readonly UploadedFile[]): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (files.length > MAX_LETTER_ATTACHMENTS)
    issues.push(issue(files[0]!.field, 'mailbox.write.error.too_many_files', { max: MAX_LETTER_ATTACHMENTS }));
  for (const f of files) {
    if (f.bytes.length > MAX_LETTER_ATTACHMENT_BYTES) {
      issues.push(issue(f.field, 'mailbox.write.error.file_too_large', { name: f.filename, max: 5 }));
      continue;
    }
    const check = checkUpload({ field: f.field, filename: f.filename, bytes: f.bytes }, APPLICATION_KINDS);
    if (!check.ok) issues.push(check.issue);
  }
  return issues;
}

/** Stores already-checked files of a letter, sealed. Call inside the letter's transaction. */
export async function insertLetterAttachments(
  trx: Executor,
  vault: PersonalDataVault,
  caseId: number,
  files: readonly UploadedFile[],
  at: string,
): Promise<number> {
  for (const f of files) {
    await trx
      .insertInto('mailbox_letter_attachments')
      .values({
        case_id: caseId,
        name: safeFilename(f.filename),
        mime: mimeOf(sniffKind(f.bytes)),
        bytes: f.bytes.length,
        content_enc: vault.seal(f.bytes.toString('base64'))!,
        sha256: vault.blindIndex(createHash('sha256').update(f.bytes).digest('hex')),
        created_at: at,
      })
      .execute();
  }
  return files.length;
}

export function letterAttachments(db: Executor, caseId: number) {
  return db
    .selectFrom('mailbox_letter_attachments')
    .select(['id', 'case_id', 'name', 'mime', 'bytes', 'created_at'])
    .where('case_id', '=', caseId)
    .orderBy('id')
    .execute();
}

/** One attachment of the case with its sealed content, or undefined (another case's id included). */
export function letterAttachmentContent(db: Executor, caseId: number, attachmentId: number) {
  return db
    .selectFrom('mailbox_letter_attachments')
    .select(['id', 'name', 'mime', 'content_enc'])
    .where('case_id', '=', caseId)
    .where('id', '=', attachmentId)
    .executeTakeFirst();
}
