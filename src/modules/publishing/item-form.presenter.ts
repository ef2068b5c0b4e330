// Store rows → the values the draft and correction forms start from (docs/conventions.md#presenters):
// one value per form field, keyed by the field's name (the form's contract with its route), the
// agencies joined with 、 as the form takes them; and the policy documents an interpretation may
// point at, as the form's choice shows them.
import type { InformationItemRow, ItemVersionRow } from './publishing.table.ts';

/** The values of a form as shown, by field name. */
export type FormValues = Record<string, string | number | null | undefined>;

export interface LinkCandidate {
  readonly id: number;
  /** The title with the index number, as the choice reads. */
  readonly label: string;
}

const CONTENT_FIELDS = ['title', 'document_number', 'topic', 'genre', 'keywords', 'summary', 'body_html'] as const;

const DRAFT_ITEM_FIELDS = [
  'responsible_unit_id',
  'formation_date',
  'catalog_category',
  'document_kind',
  'art20_item',
  'disclosure_mode',
  'non_disclosure_basis',
  'interprets_item_id',
  'publication_limit_days',
  'publication_limit_law',
] as const;

function agenciesText(version: ItemVersionRow): string {
  return (JSON.parse(version.issuing_agencies) as string[]).join('、');
}

function contentValues(version: ItemVersionRow): FormValues {
  return Object.fromEntries(CONTENT_FIELDS.map((f) => [f, version[f]]));
}

/** A draft as its edit form shows it. */
export function draftFormValues(item: InformationItemRow, version: ItemVersionRow): FormValues {
  return {
    ...Object.fromEntries(DRAFT_ITEM_FIELDS.map((f) => [f, item[f]])),
    ...contentValues(version),
    issuing_agencies: agenciesText(version),
  };
}

/** A published version as the correction form starts from it: its content and an empty note. */
export function correctionFormValues(version: ItemVersionRow): FormValues {
  return { ...contentValues(version), issuing_agencies: agenciesText(version), change_note: '' };
}

/** The policy documents an interpretation may point at, less the item itself. */
export function presentLinkCandidates(
  rows: readonly { id: number; title: string; index_number: string }[],
  itemId: number | undefined,
): LinkCandidate[] {
  return rows.filter((c) => c.id !== itemId).map((c) => ({ id: c.id, label: `${c.title}（${c.index_number}）` }));
}
