import type { Generated, Selectable } from 'kysely';
import type { StatusHistoryColumns } from '../../platform/workflow/workflow.table.ts';

export interface InformationItemTable {
  id: Generated<number>;
  agency_id: number;
  index_number: string;
  current_version_id: number | null;
  status: string;
  disclosure_mode: string;
  non_disclosure_basis: string | null;
  art20_item: number | null;
  catalog_category: string;
  responsible_unit_id: number;
  formation_date: string;
  disclosure_due_on: string | null;
  /** Set by emergency publishing: the confidentiality review owed afterwards is due by this day. */
  emergency_review_due_on: Generated<string | null>;
  /** Years without a loaded holiday notice that disclosure_due_on was counted through; null: final. */
  disclosure_due_provisional_years: string | null;
  scheduled_on: string | null;
  publication_date: string | null;
  is_normative: Generated<number>;
  /** What the document is for table 二: regulation (规章) | normative_document (行政规范性文件) | null. */
  document_kind: string | null;
  /** Another law's publication limit in working days, replacing Art. 26's 20 (null: Art. 26). */
  publication_limit_days: number | null;
  /** The name of the law that sets publication_limit_days. */
  publication_limit_law: string | null;
  /** A policy interpretation (政策解读) points at the policy document it explains. */
  interprets_item_id: number | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

/** Immutable: a change is a new row with the next version_no. */
export interface ItemVersionTable {
  id: Generated<number>;
  item_id: number;
  version_no: number;
  title: string;
  document_number: string | null;
  /** JSON array of agency names (one or several issuing agencies). */
  issuing_agencies: string;
  topic: string | null;
  genre: string | null;
  keywords: string | null;
  summary: string | null;
  /** Sanitized on the way in (sanitize.ts). */
  body_html: string;
  change_note: string | null;
  created_by: number | null;
  created_at: string;
}

/** Append-only: one row per transition (platform/workflow/workflow.table.ts). */
export interface ItemStatusHistoryTable extends StatusHistoryColumns {
  item_id: number;
}

export interface ConfidentialityReviewTable {
  id: Generated<number>;
  item_id: number;
  version_id: number;
  reviewer_user_id: number | null;
  decision: string;
  basis: string;
  decided_on: string;
  created_at: string;
}

export interface ItemValidityHistoryTable {
  id: Generated<number>;
  item_id: number;
  validity: string;
  effective_date: string;
  note: string | null;
  created_by: number | null;
  created_at: string;
}

export interface IndexNumberSequenceTable {
  agency_id: number;
  year: number;
  last_seq: number;
}

export interface WorkflowConfigTable {
  id: Generated<number>;
  agency_id: number;
  category_key: string;
  /** JSON array of review step keys (workflow.ts). */
  steps: string;
  updated_by: number | null;
  updated_at: string;
}

export interface PiiOverrideTable {
  id: Generated<number>;
  item_id: number;
  version_id: number;
  reviewer_user_id: number | null;
  reason: string;
  findings_json: string;
  created_at: string;
}

/** A file of one version (a new version carries its predecessor's rows: history stays exact). */
export interface ItemAttachmentTable {
  id: Generated<number>;
  item_id: number;
  version_id: number;
  sha256: string;
  filename: string;
  kind: string;
  mime: string;
  size: number;
  extracted_text: string | null;
  sort_order: Generated<number>;
  created_by: number | null;
  created_at: string;
}

export type InformationItemRow = Selectable<InformationItemTable>;
export type ItemVersionRow = Selectable<ItemVersionTable>;
export type ItemStatusHistoryRow = Selectable<ItemStatusHistoryTable>;
export type ConfidentialityReviewRow = Selectable<ConfidentialityReviewTable>;
export type ItemValidityHistoryRow = Selectable<ItemValidityHistoryTable>;
export type WorkflowConfigRow = Selectable<WorkflowConfigTable>;
export type PiiOverrideRow = Selectable<PiiOverrideTable>;
export type ItemAttachmentRow = Selectable<ItemAttachmentTable>;

/** A finding of the re-scan of what is already public, per item version, until resolved. */
export interface PiiRescanFlagTable {
  id: Generated<number>;
  agency_id: number;
  item_id: number;
  version_id: number;
  responsible_unit_id: number;
  finding_count: number;
  /** [{field, kind, line, masked}] — masked values only. */
  findings_json: string;
  first_found_at: string;
  last_seen_at: string;
  resolved_at: string | null;
  /** changed (a new version, e.g. masked) | overridden | withdrawn */
  resolution: string | null;
}

export type PiiRescanFlagRow = Selectable<PiiRescanFlagTable>;

/** A change (变更) of an item, Art. 26: its own publication deadline, stored; overdue is a query. */
export interface ItemChangeTable {
  id: Generated<number>;
  item_id: number;
  agency_id: number;
  /** correction | validity */
  kind: string;
  version_id: number | null;
  validity_id: number | null;
  changed_on: string;
  due_on: string;
  limit_days: number;
  /** Null: Art. 26 of the Regulation; otherwise the law that sets limit_days. */
  limit_law: string | null;
  /** When the change was public: recorded on a public item, or when the item was published. */
  published_on: string | null;
  created_by: number | null;
  created_at: string;
}

export type ItemChangeRow = Selectable<ItemChangeTable>;
