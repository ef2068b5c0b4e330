// Store rows → the version comparison page (docs/conventions.md#presenters): every version, newest
// first, with each field as comparable text (the body as plain text, the agencies as a list, the
// files by name and hash) and the fields that differ from the version before it marked.
import { formatChinaTime } from '../../platform/clock.ts';
import type { ItemAttachmentRow, ItemVersionRow } from './publishing.table.ts';
import { bodyText } from './sanitize.ts';

/** What the route loaded for one version. */
export interface VersionRows {
  readonly version: ItemVersionRow;
  readonly authorName: string | null;
  readonly attachments: readonly ItemAttachmentRow[];
}

export interface VersionField {
  /** The field's label (a message key). */
  readonly label: string;
  /** The comparable text; '' when empty. */
  readonly value: string;
  /** Differs from the version before. */
  readonly changed: boolean;
}

export interface VersionEntry {
  readonly versionNo: number;
  readonly isCurrent: boolean;
  /** In China time. */
  readonly createdAt: string;
  readonly authorName: string | null;
  readonly changeNote: string | null;
  readonly fields: readonly VersionField[];
}

const FIELDS = [
  'title',
  'document_number',
  'issuing_agencies',
  'topic',
  'genre',
  'keywords',
  'summary',
  'body_html',
] as const;
type Field = (typeof FIELDS)[number] | 'attachments';

const LABELS: Record<Field, string> = {
  title: 'pub.field.title',
  document_number: 'pub.field.document_number',
  issuing_agencies: 'pub.field.issuing_agencies',
  topic: 'pub.field.topic',
  genre: 'pub.field.genre',
  keywords: 'pub.field.keywords',
  summary: 'pub.field.summary',
  body_html: 'pub.field.body',
  attachments: 'pub.item.attachments',
};

/** The comparable text of a field: the body as plain text, agencies as a list. */
function valueOf(v: VersionRows, field: Field): string {
  if (field === 'attachments') return v.attachments.map((a) => `${a.filename} (${a.sha256.slice(0, 12)})`).join('\n');
  const raw = v.version[field];
  if (raw === null || raw === undefined) return '';
  if (field === 'body_html') return bodyText(raw);
  if (field === 'issuing_agencies') return (JSON.parse(raw) as string[]).join('、');
  return String(raw);
}

/** `versions` newest first, as the store returns them: the one before is the next in the list. */
export function presentVersions(versions: readonly VersionRows[], currentVersionId: number | null): VersionEntry[] {
  return versions.map((v, i) => {
    const previous = versions[i + 1];
    return {
      versionNo: v.version.version_no,
      isCurrent: v.version.id === currentVersionId,
      createdAt: formatChinaTime(v.version.created_at),
      authorName: v.authorName,
      changeNote: v.version.change_note,
      fields: [...FIELDS, 'attachments' as const].map((field) => {
        const value = valueOf(v, field);
        return { label: LABELS[field], value, changed: previous !== undefined && valueOf(previous, field) !== value };
      }),
    };
  });
}
