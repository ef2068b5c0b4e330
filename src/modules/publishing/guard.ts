// The personal-data guard of publishing: what it reads in a version — the title, summary and
// body, and the text extracted from the version's files. Findings block publishing until the
// text is masked (or the file replaced) or a confidentiality reviewer records an override.
import type { Executor } from '../../db/database.ts';
import { scanText, type Finding } from '../../platform/pii/scanner.ts';
import { publishingStore as store } from './publishing.store.ts';
import type { ItemVersionRow } from './publishing.table.ts';

export interface FieldFindings {
  /** A text field of the version, or `attachment:<id>` for the extracted text of a file. */
  readonly field: 'title' | 'summary' | 'body_html' | `attachment:${number}`;
  readonly findings: readonly Finding[];
  /** The file's name, for findings in an attachment. */
  readonly filename?: string;
}

export interface TextFieldFindings extends FieldFindings {
  readonly field: 'title' | 'summary' | 'body_html';
}

/** Personal data in a version's published fields (title, summary, body). */
export function findingsOf(version: Pick<ItemVersionRow, 'title' | 'summary' | 'body_html'>): TextFieldFindings[] {
  const out: TextFieldFindings[] = [];
  for (const field of ['title', 'summary', 'body_html'] as const) {
    const text = version[field];
    if (!text) continue;
    const findings = scanText(text);
    if (findings.length) out.push({ field, findings });
  }
  return out;
}

/**
 * Personal data in the text extracted from a version's attachments. Masking cannot reach into
 * a binary file: the drafter replaces the file, or a confidentiality reviewer lets it through.
 */
export async function attachmentFindingsOf(db: Executor, versionId: number): Promise<FieldFindings[]> {
  const out: FieldFindings[] = [];
  for (const a of await store.attachments(db, versionId)) {
    if (!a.extracted_text) continue;
    const findings = scanText(a.extracted_text);
    if (findings.length) out.push({ field: `attachment:${a.id}`, findings, filename: a.filename });
  }
  return out;
}

/** Everything the guard looks at in a version: its text fields and its attachments. */
export async function allFindingsOf(db: Executor, version: ItemVersionRow): Promise<FieldFindings[]> {
  return [...findingsOf(version), ...(await attachmentFindingsOf(db, version.id))];
}

export function findingCount(fields: readonly FieldFindings[]): number {
  return fields.reduce((n, f) => n + f.findings.length, 0);
}
