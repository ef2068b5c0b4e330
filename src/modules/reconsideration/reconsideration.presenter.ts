// Store rows → what the reconsideration pages show (docs/conventions.md#presenters): table 四 as
// plain numbers, the application a case challenges as a formatted tracking code, and "pending"
// (尚未审结) for a case without a result, so the views choose no labels from nulls.
import { formatTrackingCode } from '../applications/index.ts';
import { reconsiderationNumbers, type ReconsiderationListRow } from './reconsideration.store.ts';
import type { OpenedReviewCase } from './reconsideration.table.ts';

/** Table 四 of a year: per group of the schema, the count per result and the total. */
export type ReconsiderationYearTable = ReturnType<typeof reconsiderationNumbers>;
export const presentYearTable = reconsiderationNumbers;

/** upheld | corrected | other, or pending while the case is not decided. */
export type ShownResult = string;

export interface LinkedApplication {
  readonly id: number;
  /** Formatted for reading. */
  readonly trackingCode: string;
}

export interface ReconsiderationListItem {
  readonly id: number;
  readonly filedOn: string;
  readonly kind: string;
  readonly body: string;
  readonly caseNumber: string | null;
  readonly application: LinkedApplication | null;
  readonly result: ShownResult;
  readonly decidedOn: string | null;
}

export interface ReconsiderationCaseView {
  readonly id: number;
  readonly kind: string;
  readonly caseNumber: string | null;
  readonly body: string;
  readonly applicantName: string | null;
  readonly filedOn: string;
  readonly priorCaseId: number | null;
  readonly result: ShownResult;
  readonly decidedOn: string | null;
  readonly summary: string | null;
}

/** A reconsideration a litigation may follow, as the form's choice shows it. */
export interface PriorCaseOption {
  readonly id: number;
  readonly label: string;
}

function linked(id: number | null, code: string | null | undefined): LinkedApplication | null {
  return id && code ? { id, trackingCode: formatTrackingCode(code) } : null;
}

export function presentListItem(row: ReconsiderationListRow): ReconsiderationListItem {
  return {
    id: row.id,
    filedOn: row.filed_on,
    kind: row.kind,
    body: row.body,
    caseNumber: row.case_number,
    application: linked(row.application_id, row.tracking_code),
    result: row.result ?? 'pending',
    decidedOn: row.decided_on,
  };
}

export function presentCase(row: OpenedReviewCase): ReconsiderationCaseView {
  return {
    id: row.id,
    kind: row.kind,
    caseNumber: row.case_number,
    body: row.body,
    applicantName: row.applicant_name,
    filedOn: row.filed_on,
    priorCaseId: row.prior_case_id,
    result: row.result ?? 'pending',
    decidedOn: row.decided_on,
    summary: row.summary,
  };
}

/** The application a case challenges, when it is still found. */
export function presentApplication(found: { id: number; tracking_code: string } | undefined): LinkedApplication | null {
  return found ? linked(found.id, found.tracking_code) : null;
}

export function presentPrior(row: {
  id: number;
  body: string;
  case_number: string | null;
  filed_on: string;
}): PriorCaseOption {
  return { id: row.id, label: `${row.filed_on} ${row.body}${row.case_number ? ` ${row.case_number}` : ''}` };
}
