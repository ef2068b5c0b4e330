// Disclosure on application (依申请公开): the vocabulary of a case, the application form of
// Art. 29 with its validation, the receipt date of Art. 31 by channel, and masking of personal
// data on screen. Pure: no database, no HTTP.
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { readForm, type FormSpec, isRealDate } from '../../platform/form.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';
import { compactIdentifier, isCreditCode, isResidentId, looksLikeResidentId } from '../../platform/pii/identifiers.ts';
import { receiptDate, RULES_2008_IN_FORCE, type ClockEvent } from './deadline.ts';
import { APPLICANT_KINDS, type ApplicantKind } from './outcome.ts';

export { APPLICANT_KINDS, type ApplicantKind };

export const CHANNELS = ['online', 'in_person', 'post_signed', 'post_unsigned', 'fax', 'email'] as const;
export type Channel = (typeof CHANNELS)[number];
/** Channels a counter officer registers (online applications come through the public form). */
export const COUNTER_CHANNELS = CHANNELS.filter((c) => c !== 'online');

export const FORMS_WANTED = ['paper', 'electronic', 'either'] as const;
export const DELIVERY_WAYS = ['post', 'email', 'pickup', 'online'] as const;

/** Stored case states. "Overdue" and "due soon" are not states: they are queries on due_date. */
export const STATUSES = ['open', 'awaiting_correction', 'paused', 'awaiting_payment', 'closed'] as const;
export type ApplicationStatus = (typeof STATUSES)[number];

/**
 * The state on `today`. The stored state is the one the recorded events leave (never "today"-
 * dependent); a 2019-rules consultation is stored as paused with waiting_until = the end of the
 * consulted party's 15 working days, and from the day after, the clock runs again by itself
 * (Arts. 32, 34) — with the due date already stored — so the case reads as open.
 */
export function currentStatus(
  row: { readonly status: string; readonly waiting_until: string | null },
  today: string,
): ApplicationStatus {
  if (row.status === 'paused' && row.waiting_until !== null && row.waiting_until < today) return 'open';
  return row.status as ApplicationStatus;
}

export const LIST_FILTERS = ['open', 'due_soon', 'overdue', 'waiting', 'paused', 'closed', 'all'] as const;
export type ListFilter = (typeof LIST_FILTERS)[number];
/** docs/domain/regulation.md#due-soon: "due soon" = at most 5 working days left. */
export const DUE_SOON_WORKING_DAYS = 5;

/** Events that move the statutory clock (deadline.ts ClockEvent types). */
export const CLOCK_EVENT_KINDS = [
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'extension_approved',
  'fee_notice_sent',
  'fee_paid',
  'fee_waived',
  'delayed_reply_set',
  'replied',
] as const;
export type ClockEventKind = (typeof CLOCK_EVENT_KINDS)[number];

/** What an officer records on the case page (the reply has its own form). */
export const OFFICER_EVENT_KINDS = [
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'extension_approved',
  'fee_notice_sent',
  'fee_paid',
  'fee_waived',
  'delayed_reply_set',
  'assigned',
  'note',
  'delivered',
] as const;
export type OfficerEventKind = (typeof OFFICER_EVENT_KINDS)[number];

export const EVENT_KINDS = [
  'received',
  ...CLOCK_EVENT_KINDS,
  'assigned',
  'note',
  'delivered',
  'due_date_recomputed',
  'reply_drafted',
  'reply_returned',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/** Shown on the public timeline (date and kind only, never the detail). Internal work — notes,
 *  routing to units, recomputations — stays inside. */
export const PUBLIC_EVENT_KINDS: ReadonlySet<string> = new Set(['received', ...CLOCK_EVENT_KINDS, 'delivered']);

export function isClockEventKind(kind: string): kind is ClockEventKind {
  return (CLOCK_EVENT_KINDS as readonly string[]).includes(kind);
}

/** The stored event row as the clock reads it. */
export function toClockEvent(kind: ClockEventKind, date: string, detail: Record<string, unknown>): ClockEvent {
  const str = (k: string) => (typeof detail[k] === 'string' && detail[k] ? (detail[k] as string) : undefined);
  switch (kind) {
    case 'correction_requested':
      return { type: kind, date, ...(str('correctBy') ? { correctBy: str('correctBy')! } : {}) };
    case 'consultation_started':
      return {
        type: kind,
        date,
        party: str('party') === 'agency' ? 'agency' : 'third_party',
        ...(str('ref') ? { ref: str('ref')! } : {}),
        ...(str('receivedOn') ? { receivedOn: str('receivedOn')! } : {}),
      };
    case 'consultation_ended':
      return { type: kind, date, ...(str('ref') ? { ref: str('ref')! } : {}) };
    case 'extension_approved':
      return { type: kind, date, days: Number(detail.days) };
    case 'fee_notice_sent':
      return { type: kind, date, ...(str('receivedOn') ? { receivedOn: str('receivedOn')! } : {}) };
    case 'delayed_reply_set':
      return { type: kind, date, until: str('until') ?? date };
    default:
      return { type: kind, date };
  }
}

// ——— the application form (Art. 29) ———

export const applicantSpec = {
  applicant_kind: {
    kind: 'choice',
    label: 'applications.field.applicant_kind',
    required: true,
    choices: APPLICANT_KINDS,
  },
  applicant_name: { kind: 'text', label: 'applications.field.applicant_name', required: true, max: 100 },
  id_number: { kind: 'text', label: 'applications.field.id_number', max: 30 },
  credit_code: { kind: 'text', label: 'applications.field.credit_code', max: 30 },
  contact_person: { kind: 'text', label: 'applications.field.contact_person', max: 50 },
  phone: { kind: 'phone', label: 'applications.field.phone', required: true, max: 30 },
  email: { kind: 'email', label: 'applications.field.email', max: 120 },
  address: { kind: 'text', label: 'applications.field.address', max: 200 },
  description: { kind: 'text', label: 'applications.field.description', required: true, max: 2000 },
  document_number_hint: { kind: 'text', label: 'applications.field.document_number_hint', max: 200 },
  form_wanted: { kind: 'choice', label: 'applications.field.form_wanted', required: true, choices: FORMS_WANTED },
  delivery_way: { kind: 'choice', label: 'applications.field.delivery_way', required: true, choices: DELIVERY_WAYS },
} as const satisfies FormSpec;

/** Counter registration adds the channel and the dates Art. 31 takes the receipt date from. */
export const counterSpec = {
  ...applicantSpec,
  channel: { kind: 'choice', label: 'applications.field.channel', required: true, choices: COUNTER_CHANNELS },
  submitted_on: { kind: 'date', label: 'applications.field.submitted_on' },
  signed_on: { kind: 'date', label: 'applications.field.signed_on' },
  confirmed_on: { kind: 'date', label: 'applications.field.confirmed_on' },
  assigned_unit_id: { kind: 'int', label: 'applications.field.assigned_unit' },
} as const satisfies FormSpec;

export interface ApplicantInput {
  readonly applicantKind: ApplicantKind;
  readonly applicantName: string;
  readonly idNumber: string | null;
  readonly creditCode: string | null;
  readonly contactPerson: string | null;
  readonly phone: string;
  readonly email: string | null;
  readonly address: string | null;
  readonly description: string;
  readonly documentNumberHint: string | null;
  readonly formWanted: string;
  readonly deliveryWay: string;
}

/** An issue in both languages naming the field's label. */
export function fieldIssue(
  field: string,
  key: string,
  labelKey: string,
  params: Record<string, string | number> = {},
): ValidationIssue {
  const both = (locale: Locale) => translate(locale, key, { label: translate(locale, labelKey), ...params });
  return { field, message: { zh: both('zh-CN'), en: both('en') } };
}

/** Reads and checks the applicant's part of the form. Art. 29: (一) name, proof of identity and
 *  contact; (二) a description of the information; (三) the form and way of delivery wanted. */
export function parseApplicant(body: unknown): { input: ApplicantInput | null; issues: ValidationIssue[] } {
  const { values, issues } = readForm(applicantSpec, body);
  const kind = values.applicant_kind as ApplicantKind | null;
  const idNumber = values.id_number ? compactIdentifier(values.id_number) : null;
  const creditCode = values.credit_code ? compactIdentifier(values.credit_code) : null;
  if (kind === 'natural_person' && !idNumber)
    issues.push(fieldIssue('id_number', 'field.required', 'applications.field.id_number'));
  if (idNumber && !isResidentId(idNumber)) {
    // A number with a real region and birth date but a wrong last character is a typo: say so.
    issues.push(
      fieldIssue(
        'id_number',
        looksLikeResidentId(idNumber) ? 'applications.error.id_checksum' : 'applications.error.id_format',
        'applications.field.id_number',
      ),
    );
  }
  if (kind && kind !== 'natural_person') {
    if (!creditCode) issues.push(fieldIssue('credit_code', 'field.required', 'applications.field.credit_code'));
    else if (!isCreditCode(creditCode))
      issues.push(fieldIssue('credit_code', 'applications.error.credit_code', 'applications.field.credit_code'));
    if (!values.contact_person)
      issues.push(fieldIssue('contact_person', 'field.required', 'applications.field.contact_person'));
  }
  if (values.delivery_way === 'post' && !values.address)
    issues.push(issue('address', 'applications.error.address_for_post'));
  if (values.delivery_way === 'email' && !values.email)
    issues.push(issue('email', 'applications.error.email_for_email'));
  if (issues.length) return { input: null, issues };
  return {
    input: {
      applicantKind: kind!,
      applicantName: values.applicant_name!,
      idNumber,
      creditCode: kind === 'natural_person' ? null : creditCode,
      contactPerson: kind === 'natural_person' ? null : values.contact_person,
      phone: values.phone!,
      email: values.email,
      address: values.address,
      description: values.description!,
      documentNumberHint: values.document_number_hint,
      formWanted: values.form_wanted!,
      deliveryWay: values.delivery_way!,
    },
    issues: [],
  };
}

/**
 * Art. 31 — 收到申请之日: in person, the day it is handed in; post needing a signature, the day the
 * agency signs for it; an ordinary letter, the day the office confirms it with the applicant;
 * internet and the office's fax (and e-mail, a 数据电文 like them), the day both sides confirm.
 */
export function receivedOnFor(
  channel: Channel,
  dates: { submittedOn?: string | null; signedOn?: string | null; confirmedOn?: string | null },
): string {
  return receiptDate(channel === 'email' ? 'online' : channel, {
    ...(dates.submittedOn ? { submittedOn: dates.submittedOn } : {}),
    ...(dates.signedOn ? { signedOn: dates.signedOn } : {}),
    ...(dates.confirmedOn ? { confirmedOn: dates.confirmedOn } : {}),
  });
}

/** Which date field the channel needs (for the form's message). */
export function receiptField(channel: Channel): 'submitted_on' | 'signed_on' | 'confirmed_on' {
  return channel === 'in_person' ? 'submitted_on' : channel === 'post_signed' ? 'signed_on' : 'confirmed_on';
}

/** Checks a receipt date: a real date, not before the Regulation was in force, not in the future. */
export function receiptDateIssues(field: string, date: string, today: string): ValidationIssue[] {
  if (!isRealDate(date)) return [fieldIssue(field, 'field.invalid_date', `applications.field.${field}`)];
  if (date < RULES_2008_IN_FORCE) return [issue(field, 'applications.error.before_regulation')];
  if (date > today) return [issue(field, 'applications.error.future_date')];
  return [];
}

// ——— masking on screen ———

/** 430602********1234: region and tail stay, so an officer can tell records apart. */
export function maskIdNumber(value: string): string {
  return value.length <= 10
    ? '*'.repeat(value.length)
    : value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/** 138****5678 */
export function maskPhone(value: string): string {
  const digits = value.replace(/\s/g, '');
  return digits.length <= 7
    ? '*'.repeat(digits.length)
    : digits.slice(0, 3) + '*'.repeat(digits.length - 7) + digits.slice(-4);
}

/** The first six characters (province and city) of an address. */
export function maskAddress(value: string): string {
  const chars = [...value];
  return chars.length <= 6
    ? '*'.repeat(chars.length)
    : chars.slice(0, 6).join('') + '*'.repeat(Math.min(chars.length - 6, 12));
}

export function maskEmail(value: string): string {
  const at = value.indexOf('@');
  if (at <= 0) return '*'.repeat(value.length);
  return value[0] + '*'.repeat(Math.max(at - 1, 1)) + value.slice(at);
}
