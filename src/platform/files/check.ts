// Judging an uploaded file against what one use of it allows: the content decides the kind,
// the name must agree with it, and the kind must be on that use's list.
import { issue, type ValidationIssue } from '../errors.ts';
import { KINDS, extensionOf, mimeOf, sniffKind, type FileKind } from './kinds.ts';

/** One file of a multipart form, buffered in memory (bounded by the upload limits). */
export interface UploadedFile {
  /** The form field (input name) it came in, for the error summary's links. */
  readonly field: string;
  /** The name the browser sent, reduced to a safe base name (no path, no control characters). */
  readonly filename: string;
  /** The browser's Content-Type claim: recorded, never trusted. */
  readonly declaredMime: string;
  readonly bytes: Buffer;
  readonly size: number;
}

export type UploadCheck =
  | { readonly ok: true; readonly kind: FileKind; readonly mime: string }
  | { readonly ok: false; readonly issue: ValidationIssue };

export function kindList(kinds: readonly FileKind[]): string {
  return kinds.map((k) => KINDS[k].label).join(', ');
}

/** Sniffs the file and checks it against `allowed`. Refuses unknown content, content that does
 *  not match the name's extension (x.pdf that is an executable or HTML), and kinds not allowed. */
export function checkUpload(
  file: Pick<UploadedFile, 'field' | 'filename' | 'bytes'>,
  allowed: readonly FileKind[],
): UploadCheck {
  const name = file.filename;
  if (file.bytes.length === 0) return { ok: false, issue: issue(file.field, 'file.empty', { name }) };
  const kind = sniffKind(file.bytes);
  const extension = extensionOf(name);
  if (!kind) {
    // A known extension on unknown content is a disguise; anything else is just unsupported.
    const claimed = Object.values(KINDS).some((k) => k.extensions.includes(extension));
    return { ok: false, issue: issue(file.field, claimed ? 'file.mismatch' : 'file.unsupported', { name }) };
  }
  if (!KINDS[kind].extensions.includes(extension))
    return { ok: false, issue: issue(file.field, 'file.mismatch', { name }) };
  if (!allowed.includes(kind))
    return { ok: false, issue: issue(file.field, 'file.not_allowed', { name, kinds: kindList(allowed) }) };
  return { ok: true, kind, mime: mimeOf(kind) };
}

export interface AcceptedFile extends UploadedFile {
  readonly kind: FileKind;
  readonly mime: string;
}

export interface CheckUploadsOptions {
  /** Only the files of this input (all files when omitted); also the field of the issues below. */
  readonly field?: string;
  /** At least one file must be given. */
  readonly required?: boolean;
  /** At most this many files (for this field). */
  readonly maxFiles?: number;
}

/** checkUpload for every file of a form (or of one of its inputs), with the count rules. */
export function checkUploads(
  files: readonly UploadedFile[],
  allowed: readonly FileKind[],
  options: CheckUploadsOptions = {},
): { accepted: AcceptedFile[]; issues: ValidationIssue[] } {
  const mine = options.field === undefined ? files : files.filter((f) => f.field === options.field);
  const field = options.field ?? mine[0]?.field ?? 'file';
  const accepted: AcceptedFile[] = [];
  const issues: ValidationIssue[] = [];
  if (options.required && mine.length === 0) issues.push(issue(field, 'file.required'));
  if (options.maxFiles !== undefined && mine.length > options.maxFiles) {
    issues.push(issue(field, 'file.too_many', { max: options.maxFiles }));
    return { accepted, issues };
  }
  for (const file of mine) {
    const check = checkUpload(file, allowed);
    if (check.ok) accepted.push({ ...file, kind: check.kind, mime: check.mime });
    else issues.push(check.issue);
  }
  return { accepted, issues };
}

/** A file name as it may be stored and shown: base name only (browsers on Windows send paths),
 *  NFC, no control or bidi-override characters, at most 200 characters (extension kept). */
export function safeFilename(raw: string): string {
  let name = raw.normalize('NFC').replace(/^.*[\\/]/, '');
  name = name.replace(/[\u0000-\u001f\u007f\u202a-\u202e\u2066-\u2069"]/g, '').trim();
  if (name === '' || name === '.' || name === '..') name = 'file';
  if (name.length > 200) {
    const ext = extensionOf(name);
    name = name.slice(0, 199 - ext.length) + (ext ? '.' + ext : '');
  }
  return name;
}

/** Bytes as people read them: 20 MiB, 512 KiB. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${+(bytes / 1024 / 1024).toFixed(1)} MiB`;
  if (bytes >= 1024) return `${+(bytes / 1024).toFixed(1)} KiB`;
  return `${bytes} B`;
}
