// Annual report documents: the record, its immutable versions, its append-only status rows and the
// recorded overrides of failed validation (migration 20261129091000).
import type { Generated, Selectable } from 'kysely';
import type { StatusHistoryColumns } from '../../../platform/workflow/workflow.table.ts';

export interface ReportDocumentTable {
  id: Generated<number>;
  agency_id: number;
  report_year: number;
  /** 2008 | 2019 | 2021 (report-builder.ts). */
  template: string;
  /** agency | rollup. */
  scope: string;
  /** An ItemStatus of the publishing workflow (the same review chain as information items). */
  status: string;
  current_version_id: number | null;
  published_version_id: number | null;
  published_on: string | null;
  /** Published after the statutory deadline (report-validation.ts publicationDeadline). */
  is_late: Generated<number>;
  /** The report body as rendered from the published version's frozen figures. */
  published_html: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Immutable: an edit is a new row with the next version_no. */
export interface ReportDocumentVersionTable {
  id: Generated<number>;
  document_id: number;
  version_no: number;
  /** JSON object: narrative section key (narrative.ts) → text. */
  sections_json: string;
  /** JSON: the computed AnnualReport at this version (its narrative replaced by sections_json). */
  figures_json: string;
  change_note: string | null;
  created_by: number | null;
  created_at: string;
}

/** Append-only: one row per transition (platform/workflow/workflow.table.ts). */
export interface ReportDocumentStatusHistoryTable extends StatusHistoryColumns {
  document_id: number;
}

/** An authorised user lets one version with failed checks be published, with a reason. */
export interface ReportDocumentOverrideTable {
  id: Generated<number>;
  document_id: number;
  version_id: number;
  user_id: number | null;
  reason: string;
  findings_json: string;
  created_at: string;
}

export type ReportDocumentRow = Selectable<ReportDocumentTable>;
export type ReportDocumentVersionRow = Selectable<ReportDocumentVersionTable>;
export type ReportDocumentStatusRow = Selectable<ReportDocumentStatusHistoryTable>;
export type ReportDocumentOverrideRow = Selectable<ReportDocumentOverrideTable>;
