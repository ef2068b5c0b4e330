// The publishing module's use of platform/files: an uploaded file is checked by its content
// against the kinds a publication may carry, stored content-addressed, and its text extracted
// for the personal-data guard (and later search).
import type { ValidationIssue } from '../../platform/errors.ts';
import { checkUpload, type UploadedFile } from '../../platform/files/check.ts';
import { PUBLICATION_KINDS, type FileKind } from '../../platform/files/kinds.ts';
import { storeBlob, type BlobConfig } from '../../platform/files/blob-store.ts';
import { extractText } from '../../platform/files/extract.ts';
import type { StoredAttachment } from './attachments.service.ts';

/** Kinds whose text platform/files extracts; for the others (images, DOC/XLS) the text is null. */
const TEXT_KINDS: readonly FileKind[] = ['txt', 'docx', 'xlsx', 'pdf', 'ofd'];

export async function storeAttachment(
  config: BlobConfig,
  file: UploadedFile,
): Promise<{ ok: true; stored: StoredAttachment } | { ok: false; issue: ValidationIssue }> {
  const check = checkUpload(file, PUBLICATION_KINDS);
  if (!check.ok) return check;
  const blob = await storeBlob(config, file.bytes);
  // A file whose text cannot be read (a scan, a corrupt PDF) gets '' — the guard then sees
  // nothing in it, so such files are for the confidentiality reviewer's eyes.
  const text = TEXT_KINDS.includes(check.kind) ? await extractText(file.bytes, check.kind) : null;
  return {
    ok: true,
    stored: { sha256: blob.sha256, filename: file.filename, kind: check.kind, mime: check.mime, size: file.size, text },
  };
}
