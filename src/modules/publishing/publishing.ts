// The information item of the disclosure catalog (政府信息公开目录) and the pure rules around
// it: its states and events, catalog categories, disclosure modes, the index-number template
// (docs/domain/websites.md#index-numbers) and the Art. 26 deadline (docs/domain/regulation.md#art-26).
import type { FormSpec } from '../../platform/form.ts';

export const itemStatuses = [
  'draft',
  'submitted',
  'unit_approved',
  'confidentiality_reviewed',
  'leader_checked',
  'approved',
  'scheduled',
  'published',
  'withdrawn',
  'returned',
  // 应急处置: published at once, approval follows; stays on the dashboard until approved.
  'published_pending_approval',
] as const;
export type ItemStatus = (typeof itemStatuses)[number];

export const itemEvents = [
  'submit',
  'unit_approve',
  'confidentiality_approve',
  'leader_check',
  'principal_approve',
  'schedule',
  'publish',
  'emergency_publish',
  'approve_emergency',
  'return',
  'withdraw',
  // a published correction: a new version with a public change note, the item stays published
  'correct',
  'redraft',
] as const;
export type ItemEvent = (typeof itemEvents)[number];

export function isItemStatus(value: unknown): value is ItemStatus {
  return typeof value === 'string' && (itemStatuses as readonly string[]).includes(value);
}

export function isItemEvent(value: unknown): value is ItemEvent {
  return typeof value === 'string' && (itemEvents as readonly string[]).includes(value);
}

/** States in which the information is on the web. */
export const publicStatuses: readonly ItemStatus[] = ['published', 'published_pending_approval'];

/** 主动公开 / 依申请公开 / 不予公开. */
export const disclosureModes = ['proactive', 'on_application', 'not_disclosed'] as const;
export type DisclosureMode = (typeof disclosureModes)[number];

/** The legal reason an item is not disclosed (Arts. 14, 15, 16: docs/domain/regulation.md#non-disclosure). */
export const nonDisclosureBases = [
  'art14_state_secret',
  'art14_prohibited',
  'art14_security',
  'art15_third_party',
  'art16_internal',
  'art16_process',
  'art16_enforcement_file',
] as const;

/**
 * The agency's own catalog categories. The workflow is configured per category (workflow.ts):
 * work news needs the unit head and the confidentiality review; normative documents need every
 * step up to the principal leader. Entries of the power catalog (职权目录) and service guides
 * (办事指南) are usually drafted with their structured fields on the power catalog pages, which
 * carry them in these two categories; a plain item may be filed there too (e.g. the whole list
 * as one document with an attachment).
 */
export const catalogCategories = [
  'work_news',
  'notice',
  'normative_document',
  'policy_interpretation',
  'personnel',
  'licensing_result',
  'power_catalog',
  'service_guide',
  'other',
] as const;
export type CatalogCategory = (typeof catalogCategories)[number];

/** 有效 / 已修改 / 已废止 / 已失效 — the validity of a normative document. */
export const validities = ['in_force', 'amended', 'repealed', 'expired'] as const;
export type Validity = (typeof validities)[number];

/**
 * What a document is for table 二 (一), apart from the category it is filed under
 * (docs/domain/readings.md#table-2): 规章 or 行政规范性文件; 'none' on the form for neither.
 */
export const documentKinds = ['regulation', 'normative_document'] as const;
export type DocumentKind = (typeof documentKinds)[number];
export const documentKindChoices = [...documentKinds, 'none'] as const;

/**
 * The kind an item is stored with: the one chosen on the form; when none was chosen, 规章 by its
 * genre (体裁) and then 行政规范性文件 by its category; 'none' for neither.
 */
export function documentKindOf(input: {
  document_kind?: string | null;
  genre?: string | null;
  catalog_category: string;
}): DocumentKind | null {
  if (input.document_kind === 'none') return null;
  if ((documentKinds as readonly string[]).includes(input.document_kind ?? ''))
    return input.document_kind as DocumentKind;
  if (input.genre?.trim() === '规章') return 'regulation';
  if (input.catalog_category === 'normative_document') return 'normative_document';
  return null;
}

/** Art. 20 lists 15 kinds of information every agency must publish. */
export const ART20_ITEMS = Array.from({ length: 15 }, (_, i) => i + 1);

export const itemForm = {
  title: { kind: 'text', label: 'pub.field.title', required: true, max: 300 },
  document_number: { kind: 'text', label: 'pub.field.document_number', max: 100 },
  issuing_agencies: { kind: 'text', label: 'pub.field.issuing_agencies', max: 500 },
  responsible_unit_id: { kind: 'int', label: 'pub.field.responsible_unit', required: true },
  formation_date: { kind: 'date', label: 'pub.field.formation_date', required: true },
  disclosure_mode: { kind: 'choice', label: 'pub.field.disclosure_mode', required: true, choices: disclosureModes },
  non_disclosure_basis: { kind: 'choice', label: 'pub.field.non_disclosure_basis', choices: nonDisclosureBases },
  art20_item: { kind: 'int', label: 'pub.field.art20_item' },
  catalog_category: { kind: 'choice', label: 'pub.field.catalog_category', required: true, choices: catalogCategories },
  topic: { kind: 'text', label: 'pub.field.topic', max: 100 },
  genre: { kind: 'text', label: 'pub.field.genre', max: 100 },
  keywords: { kind: 'text', label: 'pub.field.keywords', max: 200 },
  summary: { kind: 'text', label: 'pub.field.summary', max: 2000 },
  body_html: { kind: 'text', label: 'pub.field.body', max: 200_000 },
  interprets_item_id: { kind: 'int', label: 'pub.field.interprets' },
  document_kind: { kind: 'choice', label: 'pub.field.document_kind', choices: documentKindChoices },
  publication_limit_days: { kind: 'int', label: 'pub.field.publication_limit_days' },
  publication_limit_law: { kind: 'text', label: 'pub.field.publication_limit_law', max: 200 },
} as const satisfies FormSpec;

/** A published correction edits the content, not the catalog placement. */
export const correctionForm = {
  change_note: { kind: 'text', label: 'pub.field.change_note', required: true, max: 2000 },
  changed_on: { kind: 'date', label: 'pub.field.changed_on' },
  title: itemForm.title,
  document_number: itemForm.document_number,
  issuing_agencies: itemForm.issuing_agencies,
  topic: itemForm.topic,
  genre: itemForm.genre,
  keywords: itemForm.keywords,
  summary: itemForm.summary,
  body_html: itemForm.body_html,
} as const satisfies FormSpec;

export const validityForm = {
  validity: { kind: 'choice', label: 'pub.field.validity', required: true, choices: validities },
  effective_date: { kind: 'date', label: 'pub.field.effective_date', required: true },
  note: { kind: 'text', label: 'pub.field.validity_note', max: 500 },
  changed_on: { kind: 'date', label: 'pub.field.changed_on' },
} as const satisfies FormSpec;

/** Several issuing agencies are typed one per line or separated by 、，, or ;. */
export function splitAgencies(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/[\n\r、,，;；]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

// ——— index numbers (索引号), docs/domain/websites.md#index-numbers ———

export interface IndexNumberParts {
  readonly agencyCode: string;
  readonly creditCode: string | null;
  readonly year: number;
  /** Month of the formation date, for templates like {creditCode}/{yyyy}{mm}-{seq:5}. */
  readonly month: number;
  readonly seq: number;
}

const PLACEHOLDER = /\{(agencyCode|creditCode|yyyy|mm|seq)(?::(\d{1,2}))?\}/g;

/** Problems of a template: unknown placeholders, no serial (numbers would repeat). */
export function templateProblems(template: string): string[] {
  const problems: string[] = [];
  const unknown = template.replace(PLACEHOLDER, '').match(/\{[^}]*\}/g);
  if (unknown) problems.push(`unknown placeholder ${unknown.join(', ')}`);
  if (!/\{seq(?::\d{1,2})?\}/.test(template)) problems.push('the template has no {seq} serial');
  if (/\{seq(?::\d{1,2})?\}/.test(template) && !/\{yyyy\}/.test(template))
    problems.push('the serial restarts every year, so the template needs {yyyy}');
  return problems;
}

export function renderIndexNumber(template: string, parts: IndexNumberParts): string {
  return template.replace(PLACEHOLDER, (_whole, name: string, width?: string) => {
    switch (name) {
      case 'agencyCode':
        return parts.agencyCode;
      case 'creditCode':
        // Without a credit code the agency's short code stands in, so the number stays unique.
        return parts.creditCode ?? parts.agencyCode;
      case 'yyyy':
        return String(parts.year).padStart(4, '0');
      case 'mm':
        return String(parts.month).padStart(2, '0');
      default:
        return String(parts.seq).padStart(width ? Number(width) : 1, '0');
    }
  });
}

// ——— Emergency publishing: the confidentiality review follows within one working day ———
// Art. 17 (docs/domain/regulation.md) requires a review before release; publishing in an
// emergency (应急处置) skips it only for the time the emergency needs. The agency's principal
// leader decides to publish (so no single officer can), and the confidentiality review is owed
// by the end of the next working day (issue 14 finding 4, ADR 0016).
export const EMERGENCY_REVIEW_WORKING_DAYS = 1;

/** The day by which the confidentiality review of an item published in an emergency is due. */
export function emergencyReviewDueOn(calendar: WorkingDays, publishedOn: string): string {
  return calendar.addWorkingDays(publishedOn, EMERGENCY_REVIEW_WORKING_DAYS);
}

/** Overdue: still waiting for its review after the due day. Derived from the stored day. */
export function isEmergencyReviewOverdue(
  item: { status: string; emergency_review_due_on: string | null },
  today: string,
): boolean {
  return (
    item.status === 'published_pending_approval' &&
    !!item.emergency_review_due_on &&
    today > item.emergency_review_due_on
  );
}

// ——— Art. 26: “应当自该政府信息形成或者变更之日起20个工作日内及时公开” ———

export const ART26_WORKING_DAYS = 20;

/** The calendar as this module needs it (platform/calendar's WorkingDayCalendar fits). */
export interface WorkingDays {
  addWorkingDays(start: string, n: number): string;
  /** Years in the range without a loaded holiday notice (their dates are provisional). */
  uncoveredYears?(from: string, to: string): number[];
}

/** The longest limit another law may be recorded with: a year of working days. */
export const MAX_PUBLICATION_LIMIT_DAYS = 250;

/** The limit an item's publication (and each change of it) follows, in working days, and its law. */
export interface PublicationLimit {
  readonly days: number;
  /** Null: Art. 26 of the Regulation. */
  readonly law: string | null;
}

/**
 * Art. 26 ¶2 “法律、法规对政府信息公开的期限另有规定的，从其规定” (docs/domain/readings.md#art-26-change):
 * the item's own limit where one is recorded with its law, otherwise 20 working days.
 */
export function publicationLimitOf(item: {
  publication_limit_days?: number | null;
  publication_limit_law?: string | null;
}): PublicationLimit {
  if (item.publication_limit_days && item.publication_limit_law?.trim())
    return { days: item.publication_limit_days, law: item.publication_limit_law.trim() };
  return { days: ART26_WORKING_DAYS, law: null };
}

/** Due date of publication: formation (or change) date + the limit (20 working days by Art. 26). */
export function disclosureDueOn(
  calendar: WorkingDays,
  formationOrChangeDate: string,
  limitDays: number = ART26_WORKING_DAYS,
): string {
  return calendar.addWorkingDays(formationOrChangeDate, limitDays);
}

/**
 * Late under Art. 26: published after the due date, or not yet published and the due date has
 * passed. Only proactive items have the deadline. Derived, never stored.
 */
export function isLate(
  item: { disclosure_mode: string; disclosure_due_on: string | null; publication_date: string | null },
  today: string,
): boolean {
  if (item.disclosure_mode !== 'proactive' || !item.disclosure_due_on) return false;
  if (item.publication_date) return item.publication_date > item.disclosure_due_on;
  return today > item.disclosure_due_on;
}
