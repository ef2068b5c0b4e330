// Builds the DOCX notices of one case from its stored row and events: the reply notice once
// answered, and the notice of the latest correction request, extension, delayed-reply period,
// consultation or fee notice. Returns null when the case has no such step. Each notice is made with the template
// version its event recorded when it was issued (templates.service.ts), so editing a template
// later does not change a notice already sent; events from before templates were stored use the
// built-in text.
import { provisionalYearsText } from '../../calendar/index.ts';
import type { WorkingDayCalendar } from '../../../platform/calendar/calendar.ts';
import { detailOf, deadlineOf } from '../applications.clock.ts';
import { feePaymentDeadline, thirdPartyReplyDeadline } from '../deadline.ts';
import { isOutcomeCode } from '../outcome.ts';
import type { FeeBreakdownLine } from '../fee.ts';
import type { ApplicationEventRow, ApplicationRow, OpenedApplication } from '../applications.table.ts';
import { officialDocx, type OfficialNotice } from './official-docx.ts';
import {
  consultationLetter,
  correctionNotice,
  delayNotice,
  extensionNotice,
  feeNotice,
  replyNotice,
  type CatalogRef,
  type NoticeCase,
} from './notice-texts.ts';
import { replyTemplateKey, type TemplateKey, type TemplateText } from './templates.ts';

export const NOTICE_KINDS = ['reply', 'correction', 'extension', 'delay', 'consultation', 'fee'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

type EventLike = Pick<ApplicationEventRow, 'kind' | 'occurred_on' | 'detail_json'>;

/** The event that issues each notice. */
const ISSUED_BY: Record<NoticeKind, string> = {
  reply: 'replied',
  correction: 'correction_requested',
  extension: 'extension_approved',
  delay: 'delayed_reply_set',
  consultation: 'consultation_started',
  fee: 'fee_notice_sent',
};

/** The template an event is about to issue its notice with; null for events without a notice. */
export function templateKeyForEvent(kind: string, detail: Record<string, unknown>): TemplateKey | null {
  switch (kind) {
    case 'correction_requested':
      return 'correction';
    case 'extension_approved':
      return 'extension';
    case 'delayed_reply_set':
      return 'delay';
    case 'consultation_started':
      return detail.party === 'agency' ? 'consultation.agency' : 'consultation.third_party';
    case 'fee_notice_sent':
      return 'fee';
    default:
      return null;
  }
}
export { replyTemplateKey };

/** The template version recorded on an event: { versionId, version } or null. */
export function templateUseOf(e: EventLike): { versionId: number; version: number } | null {
  const t = detailOf(e).template as Record<string, unknown> | undefined;
  return t && typeof t.versionId === 'number' && typeof t.version === 'number'
    ? { versionId: t.versionId, version: t.version }
    : null;
}

/** The event that issued the notice of `kind` (the latest one), if any. */
export function issuingEvent<E extends EventLike>(kind: NoticeKind, events: readonly E[]): E | undefined {
  return [...events].reverse().find((e) => e.kind === ISSUED_BY[kind]);
}

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** The event that issues the notice of each kind, by event kind. */
export function noticeKindOfEvent(eventKind: string): NoticeKind | null {
  return (Object.keys(ISSUED_BY) as NoticeKind[]).find((k) => ISSUED_BY[k] === eventKind) ?? null;
}

/** The issuing agency as the notice names it: its name, and the reconsideration body and court of
 *  its notice settings (notice-settings.ts). A bare name: no bodies configured. */
export interface NoticeAgency {
  readonly name: string;
  readonly reconsiderationBody: string | null;
  readonly court: string | null;
}

/** What every notice builder reads: the case as notices name it, the events, the calendar, and the
 *  number and template recorded when this notice was issued. */
interface NoticeInput {
  readonly c: NoticeCase;
  readonly app: ApplicationRow;
  readonly events: readonly EventLike[];
  readonly calendar: WorkingDayCalendar;
  readonly issuing: EventLike | undefined;
  readonly documentNumber: string | null;
  readonly template: TemplateText | undefined;
  /** The latest event of a kind. */
  readonly last: (kind: string) => EventLike | undefined;
}

function replyOf({ c, app, issuing, documentNumber, template }: NoticeInput): OfficialNotice | null {
  if (!isOutcomeCode(app.outcome) || !app.outcome_on) return null;
  const d = issuing ? detailOf(issuing) : {};
  const catalogItems = Array.isArray(d.catalogItems) ? (d.catalogItems as CatalogRef[]) : [];
  return replyNotice(
    c,
    {
      outcome: app.outcome,
      date: app.outcome_on,
      summary: app.reply_summary ?? '',
      redactions: str(d.redactions),
      catalogItems,
      documentNumber,
    },
    template,
  );
}

function correctionOf({ c, calendar, last, documentNumber, template }: NoticeInput): OfficialNotice | null {
  const e = last('correction_requested');
  if (!e) return null;
  const d = detailOf(e);
  return correctionNotice(
    c,
    {
      date: e.occurred_on,
      correctBy: str(d.correctBy),
      note: str(d.note) ?? '',
      provisionalYears: provisionalYearsText(calendar, e.occurred_on, str(d.correctBy)),
      documentNumber,
    },
    template,
  );
}

function extensionOf({ c, app, events, calendar, last, documentNumber, template }: NoticeInput): OfficialNotice | null {
  const e = last('extension_approved');
  if (!e) return null;
  const d = detailOf(e);
  // The due date with the events up to and including the extension.
  const upTo = events.slice(0, events.indexOf(e) + 1);
  const result = deadlineOf(app, upTo, calendar);
  return extensionNotice(
    c,
    {
      date: e.occurred_on,
      days: Number(d.days),
      reason: str(d.reason) ?? '',
      newDueDate: result.dueDate,
      rules: app.rules,
      provisionalYears: result.provisionalYears,
      documentNumber,
    },
    template,
  );
}

function delayOf({ c, last, documentNumber, template }: NoticeInput): OfficialNotice | null {
  // Art. 35: the period is told to the applicant.
  const e = last('delayed_reply_set');
  if (!e) return null;
  const d = detailOf(e);
  const until = str(d.until);
  if (!until) return null;
  return delayNotice(c, { date: e.occurred_on, until, reason: str(d.reason) ?? '', documentNumber }, template);
}

function consultationOf({ c, calendar, last, documentNumber, template }: NoticeInput): OfficialNotice | null {
  const e = last('consultation_started');
  if (!e) return null;
  const d = detailOf(e);
  const party = d.party === 'agency' ? 'agency' : 'third_party';
  const from = str(d.receivedOn) ?? e.occurred_on;
  const replyBy = thirdPartyReplyDeadline(from, calendar);
  return consultationLetter(
    c,
    {
      date: e.occurred_on,
      party,
      replyBy,
      provisionalYears: provisionalYearsText(calendar, from, replyBy),
      documentNumber,
    },
    template,
  );
}

function feeOf({ c, calendar, last, documentNumber, template }: NoticeInput): OfficialNotice | null {
  const e = last('fee_notice_sent');
  if (!e) return null;
  const d = detailOf(e);
  const feeFrom = str(d.receivedOn) ?? e.occurred_on;
  const payBy = feePaymentDeadline(feeFrom, calendar);
  return feeNotice(
    c,
    {
      date: e.occurred_on,
      amountYuan: Number(d.amountYuan ?? 0),
      method: str(d.method) ?? 'by_count',
      units: Number(d.units ?? 0),
      breakdown: Array.isArray(d.breakdown) ? (d.breakdown as FeeBreakdownLine[]) : [],
      payBy,
      provisionalYears: provisionalYearsText(calendar, feeFrom, payBy),
      documentNumber,
    },
    template,
  );
}

/** One builder per notice: null while the case has not reached the event that issues it. */
const builders: Record<NoticeKind, (input: NoticeInput) => OfficialNotice | null> = {
  reply: replyOf,
  correction: correctionOf,
  extension: extensionOf,
  delay: delayOf,
  consultation: consultationOf,
  fee: feeOf,
};

export function noticeFor(
  kind: NoticeKind,
  app: OpenedApplication,
  events: readonly EventLike[],
  agency: string | NoticeAgency,
  calendar: WorkingDayCalendar,
  templates: ReadonlyMap<number, TemplateText> = new Map(),
): OfficialNotice | null {
  const a = typeof agency === 'string' ? { name: agency, reconsiderationBody: null, court: null } : agency;
  const c: NoticeCase = {
    id: app.id,
    applicantName: app.applicant_name,
    receivedOn: app.received_on,
    description: app.description,
    agencyName: a.name,
    trackingCode: app.tracking_code,
    remedyBodies: { reconsiderationBody: a.reconsiderationBody, court: a.court },
  };
  const issuing = issuingEvent(kind, events);
  const use = issuing ? templateUseOf(issuing) : null;
  return builders[kind]({
    c,
    app,
    events,
    calendar,
    issuing,
    // The number allocated when the notice was issued (notice-settings.ts), kept on its event.
    documentNumber: issuing ? str(detailOf(issuing).documentNumber) : null,
    template: use ? templates.get(use.versionId) : undefined,
    last: (k) => [...events].reverse().find((e) => e.kind === k),
  });
}

export async function noticeDocx(
  kind: NoticeKind,
  app: OpenedApplication,
  events: readonly EventLike[],
  agency: string | NoticeAgency,
  calendar: WorkingDayCalendar,
  templates: ReadonlyMap<number, TemplateText> = new Map(),
): Promise<Buffer | null> {
  const notice = noticeFor(kind, app, events, agency, calendar, templates);
  return notice ? officialDocx(notice) : null;
}
