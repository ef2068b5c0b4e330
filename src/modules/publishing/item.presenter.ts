// Store rows → what the console's item page shows (docs/conventions.md#presenters): the catalog
// data with its display values chosen (the agencies joined, the date shown as "published", the
// emergency review overdue or not against today), the body cleaned once more, the personal-data
// findings without the values they found, the changes with their lateness worked out, and the
// versions, reviews and history with their times in China time. Pure: the route passes today.
import { formatChinaTime } from '../../platform/clock.ts';
import { formatBytes } from '../../platform/files/index.ts';
import { isChangeLate } from './changes.ts';
import type { FieldFindings } from './guard.ts';
import type { HistoryRow, OverrideRow, ReviewRow } from './publishing.store.ts';
import type {
  InformationItemRow,
  ItemAttachmentRow,
  ItemChangeRow,
  ItemValidityHistoryRow,
  ItemVersionRow,
} from './publishing.table.ts';
import { sanitizeBody } from './sanitize.ts';
import { presentStatusHistory, type StatusHistoryEntry } from './status-history.presenter.ts';
import type { Transition } from './workflow.ts';

/** An item linked to another: the policy document an interpretation explains, or an interpretation. */
export interface LinkedItem {
  readonly id: number;
  readonly title: string;
  /** An item status (pub.status.*). */
  readonly status: string;
  readonly indexNumber: string;
}

export interface ItemFacts {
  readonly id: number;
  /** An item status (pub.status.*). */
  readonly status: string;
  readonly indexNumber: string;
  readonly title: string;
  readonly documentNumber: string | null;
  /** The issuing agencies joined with 、. */
  readonly issuingAgencies: string;
  readonly unitName: string;
  readonly formationDate: string;
  readonly dueOn: string | null;
  readonly dueProvisionalYears: string | null;
  /** The publication date, or the date it is scheduled for. */
  readonly publicationDate: string | null;
  readonly disclosureMode: string;
  readonly nonDisclosureBasis: string | null;
  readonly category: string;
  readonly art20Item: number | null;
  readonly topic: string | null;
  readonly genre: string | null;
  readonly keywords: string | null;
  readonly isNormative: boolean;
  /** A normative document or a document of a kind: it has a validity history. */
  readonly hasValidity: boolean;
  /** Published before its approval: by when it is due, and whether that day has passed. */
  readonly emergency: { readonly dueOn: string; readonly overdue: boolean } | null;
  /** Scheduled: the day it will be published. */
  readonly scheduledOn: string | null;
  readonly late: boolean;
}

export interface CurrentVersion {
  readonly versionNo: number;
  readonly summary: string | null;
  /** The body, cleaned (sanitizeBody) once more here: a row written by an import is safe too. */
  readonly bodyHtml: string;
  readonly changeNote: string | null;
}

export interface VersionLine {
  readonly versionNo: number;
  readonly title: string;
  readonly changeNote: string | null;
  /** In China time. */
  readonly createdAt: string;
}

export interface PiiFindingLine {
  /** The file's name for a finding in an attachment; otherwise the field (pub.pii.field.*). */
  readonly filename: string | null;
  readonly field: string;
  readonly line: number;
  /** A kind of personal data (pub.pii.kind.*). */
  readonly kind: string;
  /** The finding with its hidden characters starred; the value itself never reaches the page. */
  readonly masked: string;
}

export interface ValidityEntry {
  /** A validity code (pub.validity.*). */
  readonly validity: string;
  readonly effectiveDate: string;
  readonly note: string | null;
}

export interface ChangeEntry {
  /** correction | validity */
  readonly kind: string;
  readonly changedOn: string;
  readonly dueOn: string;
  readonly late: boolean;
  readonly publishedOn: string | null;
  /** Null: Art. 26 of the Regulation; otherwise the law that sets limitDays. */
  readonly limitLaw: string | null;
  readonly limitDays: number;
}

export interface ReviewLine {
  readonly decidedOn: string;
  readonly reviewerName: string | null;
  /** A review decision (pub.review.*). */
  readonly decision: string;
  readonly basis: string;
}

export interface AttachmentLine {
  readonly id: number;
  readonly filename: string;
  /** The file kind, upper case (PDF, DOCX …). */
  readonly kind: string;
  /** Formatted for reading (formatBytes). */
  readonly size: string;
}

export interface ItemPageModel {
  readonly item: ItemFacts;
  readonly current: CurrentVersion;
  /** The validity in force now, for the summary (normative documents). */
  readonly currentValidity: ValidityEntry | null;
  readonly versions: readonly VersionLine[];
  readonly history: readonly StatusHistoryEntry[];
  readonly reviews: readonly ReviewLine[];
  readonly validity: readonly ValidityEntry[];
  /** Art. 26 changes with their own deadlines. */
  readonly changes: readonly ChangeEntry[];
  readonly transitions: readonly Transition[];
  /** The steps the item waits for next, and whose they are (for readers who cannot take them). */
  readonly waitingFor: readonly { readonly event: string; readonly role: string }[];
  readonly findings: readonly PiiFindingLine[];
  /** The override recorded for the current version, if any. */
  readonly override: { readonly reason: string; readonly reviewerName: string | null } | null;
  readonly attachments: readonly AttachmentLine[];
  /** The per-file upload limit, shown next to the file input. */
  readonly uploadMaxBytes: number;
  readonly interprets: LinkedItem | null;
  readonly interpretations: readonly LinkedItem[];
  readonly can: {
    readonly edit: boolean;
    readonly mask: boolean;
    readonly override: boolean;
    readonly correct: boolean;
    readonly validity: boolean;
  };
}

/** What the route loaded for the page, and what only it can say (today, the actor's abilities). */
export interface ItemPageRows {
  readonly item: InformationItemRow;
  readonly version: ItemVersionRow;
  readonly versions: readonly ItemVersionRow[];
  readonly history: readonly HistoryRow[];
  readonly reviews: readonly ReviewRow[];
  readonly validity: readonly ItemValidityHistoryRow[];
  readonly changes: readonly ItemChangeRow[];
  readonly overrides: readonly OverrideRow[];
  readonly attachments: readonly ItemAttachmentRow[];
  readonly findings: readonly FieldFindings[];
  readonly interprets: LinkedItemRow | undefined;
  readonly interpretations: readonly LinkedItemRow[];
  readonly unitName: string;
  readonly late: boolean;
  readonly transitions: readonly Transition[];
  /** The pending steps the workflow table offers from the item's state, whoever takes them. */
  readonly nextSteps: readonly Transition[];
  readonly uploadMaxBytes: number;
  readonly can: ItemPageModel['can'];
}

export type LinkedItemRow = { id: number; title: string; status: string; index_number: string };

export function presentLinkedItem(row: LinkedItemRow): LinkedItem {
  return { id: row.id, title: row.title, status: row.status, indexNumber: row.index_number };
}

export function presentValidity(row: ItemValidityHistoryRow): ValidityEntry {
  return { validity: row.validity, effectiveDate: row.effective_date, note: row.note };
}

export function presentChange(row: ItemChangeRow, today: string): ChangeEntry {
  return {
    kind: row.kind,
    changedOn: row.changed_on,
    dueOn: row.due_on,
    late: isChangeLate(row, today),
    publishedOn: row.published_on,
    limitLaw: row.limit_law,
    limitDays: row.limit_days,
  };
}

export function presentFindings(fields: readonly FieldFindings[]): PiiFindingLine[] {
  return fields.flatMap((f) =>
    f.findings.map((x) => ({
      filename: f.filename ?? null,
      field: f.field,
      line: x.line,
      kind: x.kind,
      masked: x.masked,
    })),
  );
}

export function presentItemFacts(rows: ItemPageRows, today: string): ItemFacts {
  const { item, version } = rows;
  const emergencyDue = item.emergency_review_due_on;
  return {
    id: item.id,
    status: item.status,
    indexNumber: item.index_number,
    title: version.title,
    documentNumber: version.document_number,
    issuingAgencies: (JSON.parse(version.issuing_agencies) as string[]).join('、'),
    unitName: rows.unitName,
    formationDate: item.formation_date,
    dueOn: item.disclosure_due_on,
    dueProvisionalYears: item.disclosure_due_provisional_years,
    publicationDate: item.publication_date ?? item.scheduled_on,
    disclosureMode: item.disclosure_mode,
    nonDisclosureBasis: item.non_disclosure_basis,
    category: item.catalog_category,
    art20Item: item.art20_item,
    topic: version.topic,
    genre: version.genre,
    keywords: version.keywords,
    isNormative: item.is_normative === 1,
    hasValidity: item.is_normative === 1 || item.document_kind !== null,
    emergency:
      item.status === 'published_pending_approval'
        ? { dueOn: emergencyDue ?? '', overdue: Boolean(emergencyDue && today > emergencyDue) }
        : null,
    scheduledOn: item.status === 'scheduled' ? item.scheduled_on : null,
    late: rows.late,
  };
}

export function presentItemPage(rows: ItemPageRows, today: string): ItemPageModel {
  const { version } = rows;
  const validity = rows.validity.map(presentValidity);
  const override = rows.overrides.find((o) => o.version_id === version.id);
  return {
    item: presentItemFacts(rows, today),
    current: {
      versionNo: version.version_no,
      summary: version.summary,
      bodyHtml: sanitizeBody(version.body_html),
      changeNote: version.change_note,
    },
    currentValidity: validity[validity.length - 1] ?? null,
    versions: rows.versions.map((v) => ({
      versionNo: v.version_no,
      title: v.title,
      changeNote: v.change_note,
      createdAt: formatChinaTime(v.created_at),
    })),
    history: presentStatusHistory(rows.history),
    reviews: rows.reviews.map((r) => ({
      decidedOn: r.decided_on,
      reviewerName: r.reviewer_name,
      decision: r.decision,
      basis: r.basis,
    })),
    validity,
    changes: rows.changes.map((c) => presentChange(c, today)),
    transitions: rows.transitions,
    waitingFor: rows.nextSteps.map((r) => ({ event: r.event, role: r.requires })),
    findings: presentFindings(rows.findings),
    override: override ? { reason: override.reason, reviewerName: override.reviewer_name } : null,
    attachments: rows.attachments.map((a) => ({
      id: a.id,
      filename: a.filename,
      kind: a.kind.toUpperCase(),
      size: formatBytes(a.size),
    })),
    uploadMaxBytes: rows.uploadMaxBytes,
    interprets: rows.interprets ? presentLinkedItem(rows.interprets) : null,
    interpretations: rows.interpretations.map(presentLinkedItem),
    can: rows.can,
  };
}
