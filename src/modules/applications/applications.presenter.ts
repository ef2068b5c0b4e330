// The applications console's view models: what the list and the case page show, made from the
// module's rows by pure functions, so that a view never reads a column name and a renamed column
// changes the presenter, not the templates (docs/conventions.md#route, "Present").
import { formatChinaTime } from '../../platform/clock.ts';
import type { ApplicationListRow } from './applications.store.ts';
import type { ApplicationEventRow, ApplicationRow, OpenedApplication } from './applications.table.ts';
import {
  currentStatus,
  maskAddress,
  maskEmail,
  maskIdNumber,
  maskPhone,
  type ApplicationStatus,
} from './applications.ts';
import { feeRegimeOn } from './fee.ts';
import type { LinkedReconsideration } from './linked-reviews.ts';
import { isOutcomeCode, type OutcomeCode } from './outcome.ts';
import { formatTrackingCode } from './tracking.ts';

/** One case in the console's list. */
export interface ApplicationListItem {
  readonly id: number;
  /** Formatted for reading (tracking.ts). */
  readonly trackingCode: string;
  readonly applicantName: string;
  readonly applicantKind: string;
  readonly receivedOn: string;
  readonly dueDate: string | null;
  /** Open with its due date before today. */
  readonly overdue: boolean;
  /** The state on today (a consultation window may have ended since it was stored). */
  readonly status: ApplicationStatus;
  /** Until when the case waits (for the applicant, or a consulted party); null when it runs. */
  readonly waitingUntil: string | null;
  readonly unitName: string | null;
}

/** Rows come with the name decrypted (`ApplicationsService.applicantName`): the store holds it encrypted. */
export function presentApplicationList(
  rows: readonly (ApplicationListRow & { applicant_name: string })[],
  today: string,
): ApplicationListItem[] {
  return rows.map((r) => {
    const status = currentStatus(r, today);
    return {
      id: r.id,
      trackingCode: formatTrackingCode(r.tracking_code),
      applicantName: r.applicant_name,
      applicantKind: r.applicant_kind,
      receivedOn: r.received_on,
      dueDate: r.due_date,
      overdue: r.status !== 'closed' && r.due_date !== null && r.due_date < today,
      status,
      waitingUntil: r.waiting_until && status !== 'open' ? r.waiting_until : null,
      unitName: r.unit_name,
    };
  });
}

/** The applicant's contact data as shown: masked, unless an officer asked for it in full. */
export interface PersonalView {
  readonly idNumber: string | null;
  readonly phone: string | null;
  readonly address: string | null;
  readonly email: string | null;
}

/** 430602********1234, 138****5678…: what the case page shows until "show full" (audited). */
export function maskPersonal(p: PersonalView): PersonalView {
  return {
    idNumber: p.idNumber && maskIdNumber(p.idNumber),
    phone: p.phone && maskPhone(p.phone),
    address: p.address && maskAddress(p.address),
    email: p.email && maskEmail(p.email),
  };
}

/** A step on the case's timeline. `detail` is the event's recorded detail (camelCase JSON). */
export interface CaseEventItem {
  readonly kind: string;
  readonly occurredOn: string;
  readonly actorName: string | null;
  /** When it was recorded, China time (YYYY-MM-DD HH:MM). */
  readonly recordedAt: string;
  readonly detail: Record<string, unknown>;
}

/** The reply as the case summary shows it. */
export interface CaseOutcome {
  readonly code: OutcomeCode;
  readonly on: string | null;
  readonly summary: string | null;
  /** Catalog items the reply pointed to (Art. 36 (1)/(2)). */
  readonly catalogItems: readonly { id: number; indexNumber: string; title: string }[];
  /** Art. 37: what was withheld or redacted, and why. */
  readonly redactions: string | null;
}

/** One case, for its page. */
export interface CaseView {
  readonly id: number;
  /** As stored: the reconsideration form takes it as it is. */
  readonly trackingCode: string;
  /** Formatted for reading (tracking.ts). */
  readonly displayCode: string;
  /** The state on today. */
  readonly status: ApplicationStatus;
  readonly closed: boolean;
  readonly channel: string;
  readonly receivedOn: string;
  readonly outcome: CaseOutcome | null;
  readonly applicantKind: string;
  readonly applicantName: string;
  readonly organisationCreditCode: string | null;
  readonly contactPerson: string | null;
  readonly description: string;
  readonly documentNumberHint: string | null;
  readonly formWanted: string;
  readonly deliveryWay: string;
  readonly dueDate: string | null;
  readonly dueDateProvisionalYears: string | null;
  /** Received under the 2007 Regulation: its cost fees are recorded on a page of their own. */
  readonly costFees2007: boolean;
  /** A delivery has been recorded. */
  readonly delivered: boolean;
}

export function presentCaseEvents(
  events: readonly (ApplicationEventRow & { actor_name: string | null; detail: Record<string, unknown> })[],
): CaseEventItem[] {
  return events.map((e) => ({
    kind: e.kind,
    occurredOn: e.occurred_on,
    actorName: e.actor_name,
    recordedAt: formatChinaTime(e.created_at),
    detail: e.detail,
  }));
}

function outcomeOf(app: ApplicationRow, events: readonly CaseEventItem[]): CaseOutcome | null {
  if (!app.outcome || !isOutcomeCode(app.outcome)) return null;
  const replied = [...events].reverse().find((e) => e.kind === 'replied');
  const redactions = replied?.detail.redactions;
  const catalogItems = replied?.detail.catalogItems;
  return {
    code: app.outcome,
    on: app.outcome_on,
    summary: app.reply_summary,
    catalogItems: Array.isArray(catalogItems) ? (catalogItems as CaseOutcome['catalogItems']) : [],
    redactions: typeof redactions === 'string' ? redactions : null,
  };
}

export function presentCase(app: OpenedApplication, events: readonly CaseEventItem[], today: string): CaseView {
  return {
    id: app.id,
    trackingCode: app.tracking_code,
    displayCode: formatTrackingCode(app.tracking_code),
    status: currentStatus(app, today),
    closed: app.status === 'closed',
    channel: app.channel,
    receivedOn: app.received_on,
    outcome: outcomeOf(app, events),
    applicantKind: app.applicant_kind,
    applicantName: app.applicant_name,
    organisationCreditCode: app.organisation_credit_code,
    contactPerson: app.contact_person,
    description: app.description,
    documentNumberHint: app.document_number_hint,
    formWanted: app.form_wanted,
    deliveryWay: app.delivery_way,
    dueDate: app.due_date,
    dueDateProvisionalYears: app.due_date_provisional_years,
    costFees2007: feeRegimeOn(app.received_on) === 'cost_fees_2008',
    delivered: events.some((e) => e.kind === 'delivered'),
  };
}

/** A reconsideration or litigation case brought over the application. */
export interface LinkedReviewItem {
  readonly id: number;
  readonly kind: string;
  readonly body: string;
  readonly caseNumber: string | null;
  readonly filedOn: string;
  readonly decidedOn: string | null;
  /** Null while pending. */
  readonly result: string | null;
}

export function presentLinkedReviews(rows: readonly LinkedReconsideration[]): LinkedReviewItem[] {
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    body: r.body,
    caseNumber: r.case_number,
    filedOn: r.filed_on,
    decidedOn: r.decided_on,
    result: r.result,
  }));
}
