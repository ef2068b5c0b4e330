// Builds the DOCX notices of one case from its stored row and events: the reply notice once
// answered, and the notice of the latest correction request, extension, consultation or fee
// notice. Returns null when the case has no such step.
import type { WorkingDayCalendar } from '../../../platform/calendar/calendar.ts';
import { detailOf, deadlineOf } from '../applications.clock.ts';
import { feePaymentDeadline, thirdPartyReplyDeadline } from '../deadline.ts';
import { isOutcomeCode } from '../outcome.ts';
import type { FeeBreakdownLine } from '../fee.ts';
import type { ApplicationEventRow, ApplicationRow } from '../applications.table.ts';
import { officialDocx, type OfficialNotice } from './official-docx.ts';
import { consultationLetter, correctionNotice, extensionNotice, feeNotice, replyNotice, type NoticeCase } from './notice-texts.ts';

export const NOTICE_KINDS = ['reply', 'correction', 'extension', 'consultation', 'fee'] as const;
export type NoticeKind = (typeof NOTICE_KINDS)[number];

type EventLike = Pick<ApplicationEventRow, 'kind' | 'occurred_on' | 'detail_json'>;

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

export function noticeFor(kind: NoticeKind, app: ApplicationRow, events: readonly EventLike[], agencyName: string, calendar: WorkingDayCalendar): OfficialNotice | null {
  const c: NoticeCase = { id: app.id, applicantName: app.applicant_name, receivedOn: app.received_on, description: app.description, agencyName };
  const last = (k: string) => [...events].reverse().find((e) => e.kind === k);
  switch (kind) {
    case 'reply': {
      if (!isOutcomeCode(app.outcome) || !app.outcome_on) return null;
      return replyNotice(c, { outcome: app.outcome, date: app.outcome_on, summary: app.reply_summary ?? '' });
    }
    case 'correction': {
      const e = last('correction_requested');
      if (!e) return null;
      const d = detailOf(e);
      return correctionNotice(c, { date: e.occurred_on, correctBy: str(d.correctBy), note: str(d.note) ?? '' });
    }
    case 'extension': {
      const e = last('extension_approved');
      if (!e) return null;
      const d = detailOf(e);
      // The due date with the events up to and including the extension.
      const upTo = events.slice(0, events.indexOf(e) + 1);
      const due = deadlineOf(app, upTo, calendar).dueDate;
      return extensionNotice(c, { date: e.occurred_on, days: Number(d.days), reason: str(d.reason) ?? '', newDueDate: due, rules: app.rules });
    }
    case 'consultation': {
      const e = last('consultation_started');
      if (!e) return null;
      const d = detailOf(e);
      const party = d.party === 'agency' ? 'agency' : 'third_party';
      return consultationLetter(c, { date: e.occurred_on, party, replyBy: thirdPartyReplyDeadline(str(d.receivedOn) ?? e.occurred_on, calendar) });
    }
    case 'fee': {
      const e = last('fee_notice_sent');
      if (!e) return null;
      const d = detailOf(e);
      return feeNotice(c, {
        date: e.occurred_on,
        amountYuan: Number(d.amountYuan ?? 0),
        method: str(d.method) ?? 'by_count',
        units: Number(d.units ?? 0),
        breakdown: Array.isArray(d.breakdown) ? (d.breakdown as FeeBreakdownLine[]) : [],
        payBy: feePaymentDeadline(str(d.receivedOn) ?? e.occurred_on, calendar),
      });
    }
  }
}

export async function noticeDocx(kind: NoticeKind, app: ApplicationRow, events: readonly EventLike[], agencyName: string, calendar: WorkingDayCalendar): Promise<Buffer | null> {
  const notice = noticeFor(kind, app, events, agencyName, calendar);
  return notice ? officialDocx(notice) : null;
}
