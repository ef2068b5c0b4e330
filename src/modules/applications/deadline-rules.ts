// The vocabulary of the statutory clock (deadline.ts is its public surface): the events, the
// result and its steps, the periods each Regulation sets and the small statutory deadlines.
//
// 2019 Regulation (received on or after 2019-05-15): Art. 33 — 20 working days from receipt,
// extensions totalling at most 20, time spent consulting third parties and other agencies not
// counted; Art. 30 — correction request within 7 WD, clock restarts on the corrected application;
// Art. 32/34 — the consulted party has 15 WD; Art. 35 — a reasonable delayed-reply period.
// 2007 Regulation (in force 2008-05-01 to 2019-05-14): Art. 24 — 15 + at most 15 WD; only
// third-party consultation time is excluded; Art. 23 sets the third party no time limit.
// docs/domain/regulation.md#application-clock, docs/domain/regulation.md#version-by-date,
// docs/domain/fees.md#clock-pause.
import { WorkingDayCalendar, type CountOptions, type DayReason } from '../../platform/calendar/calendar.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { assertDate, type IsoDate } from '../../platform/calendar/dates.ts';

export type RulesVersion = '2019' | '2008';
export const RULES_2008_IN_FORCE = '2008-05-01';
export const RULES_2019_IN_FORCE = '2019-05-15';

export type ConsultedParty = 'third_party' | 'agency';

export type ClockEvent =
  | { type: 'correction_requested'; date: IsoDate /** the 合理的补正期限 the agency set */; correctBy?: IsoDate }
  | { type: 'correction_received'; date: IsoDate }
  | {
      type: 'consultation_started';
      date: IsoDate;
      party?: ConsultedParty;
      ref?: string /** when the party received the letter, if later */;
      receivedOn?: IsoDate;
    }
  | { type: 'consultation_ended'; date: IsoDate; ref?: string }
  | { type: 'extension_approved'; date: IsoDate; days: number }
  | { type: 'fee_notice_sent'; date: IsoDate /** when the applicant received it, if later */; receivedOn?: IsoDate }
  | { type: 'fee_paid'; date: IsoDate }
  | { type: 'fee_waived'; date: IsoDate }
  | { type: 'delayed_reply_set'; date: IsoDate; until: IsoDate }
  | { type: 'replied'; date: IsoDate };

export type ClockEventType = ClockEvent['type'];

export interface DeadlineOptions extends CountOptions {
  /**
   * Whether the days between a fee notice and payment (or waiver) are left out of the clock.
   * Default true. docs/domain/fees.md#clock-pause: unverified — the fee measure's text on this was not read; the
   * default follows the common reading that the applicant's payment time is not the agency's.
   */
  readonly feeNoticePausesClock?: boolean;
  /** Force a version instead of choosing by the receipt date. */
  readonly rules?: RulesVersion;
}

export interface DeadlineInput {
  /** 收到申请之日 as fixed by Art. 31 (see receiptDate). */
  readonly receivedOn: IsoDate;
  readonly events?: readonly ClockEvent[];
  /** "Today" for open pauses and abandonment; events may not be later. */
  readonly asOf?: IsoDate;
  readonly options?: DeadlineOptions;
}

export interface Text {
  readonly zh: string;
  readonly en: string;
}

export type StepReason = DayReason | 'paused_consultation' | 'paused_fee';

export interface DeadlineStep {
  readonly date: IsoDate;
  readonly kind:
    | 'received'
    | 'clock_started'
    | 'correction_requested'
    | 'day'
    | 'pause_started'
    | 'pause_ended'
    /** The consulted party's 15 working days end: the pause ends there unless it replied sooner. */
    | 'consultation_window_end'
    /** The consulted party replied after its window: noted, the clock is not stopped by it. */
    | 'late_reply'
    | 'extension'
    | 'base_due_date'
    /** A due date already extended, reached with a further extension approved before it. */
    | 'extended_due_date'
    | 'due_date'
    | 'delayed_reply'
    | 'paused_open'
    | 'replied';
  readonly text: Text;
  readonly counted?: boolean;
  readonly ordinal?: number;
  readonly reason?: StepReason;
  readonly holidayName?: string;
  readonly article?: string;
  readonly cause?: 'consultation' | 'fee';
  readonly days?: number;
  readonly until?: IsoDate;
}

export interface DeadlineIssue {
  readonly code: string;
  readonly date?: IsoDate;
  readonly text: Text;
}

export type DeadlineStatus = 'running' | 'paused' | 'awaiting_correction' | 'abandoned' | 'replied';

export interface DeadlineResult {
  readonly rules: RulesVersion;
  readonly receivedOn: IsoDate;
  /** The receipt, or the receipt of the corrected application (Art. 30). */
  readonly clockStart: IsoDate;
  readonly status: DeadlineStatus;
  readonly pausedBy?: 'consultation' | 'fee';
  /**
   * Null while the clock is stopped with no end in sight (a fee notice unpaid, a 2007-rules
   * third-party consultation, awaiting correction, abandoned). A 2019-rules consultation has an
   * end in sight — the consulted party's 15 working days — so while it is open this is the due
   * date if the party stays silent (Arts. 32, 34), the latest it can be.
   */
  readonly dueDate: IsoDate | null;
  readonly baseDueDate: IsoDate | null;
  /** When paused: the due date if the pause ended on asOf. */
  readonly provisionalDueDate?: IsoDate;
  /** When paused by a consultation with a time limit: the last day of the pause if the consulted
   *  party stays silent; the clock runs again by itself the next day. */
  readonly pausedUntil?: IsoDate;
  readonly remainingWhenPaused?: number;
  readonly baseDays: number;
  /** The extensions applied (Art. 33: in total at most 20 working days; 15 under the 2007 rules). */
  readonly extensionDays: number;
  /** Working days in the counting window left out because the clock was paused. */
  readonly pausedDays: number;
  readonly countStartDay: boolean;
  readonly feeNoticePausesClock: boolean;
  readonly deadlines: {
    readonly correctionRequestBy?: IsoDate;
    readonly consultationReplyBy: readonly { ref?: string; party: ConsultedParty; replyBy: IsoDate }[];
    readonly feePaymentBy?: IsoDate;
  };
  readonly repliedOn?: IsoDate;
  readonly repliedOnTime?: boolean;
  readonly steps: readonly DeadlineStep[];
  readonly violations: readonly DeadlineIssue[];
  readonly warnings: readonly DeadlineIssue[];
  /** Years without a loaded holiday notice that the due date was counted through: the date is
   *  provisional until their notices are loaded (docs/domain/working-days.md#provisional). */
  readonly provisionalYears: readonly number[];
}

export class DeadlineInputError extends Error {
  override name = 'DeadlineInputError';
  readonly code = 'invalid_clock_events';
}

export const BASE_DAYS: Record<RulesVersion, number> = { '2019': 20, '2008': 15 };
/** The cap on the extensions of one case together (2019 Art. 33 ¶2, 2007 Art. 24 ¶2). */
export const MAX_EXTENSION: Record<RulesVersion, number> = { '2019': 20, '2008': 15 };
/** Arts. 32 and 34 (2019): the consulted party answers within 15 WD of receiving the letter. */
export const CONSULTATION_WORKING_DAYS = 15;

export const ART = {
  '2019': {
    base: '2019 条例第33条第2款',
    ext: '2019 条例第33条第2款',
    pause: '2019 条例第33条第3款',
    corr: '2019 条例第30条',
    third: '2019 条例第32条',
    agency: '2019 条例第34条',
    delay: '2019 条例第35条',
  },
  '2008': {
    base: '2007 条例第24条第2款',
    ext: '2007 条例第24条第2款',
    pause: '2007 条例第24条第3款',
    corr: '2007 条例第21条第(四)项',
    third: '2007 条例第23条',
    agency: '',
    delay: '',
  },
} as const;
export type Articles = (typeof ART)[RulesVersion];

export const FEE_MEASURE = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

export const t = (zh: string, en: string): Text => ({ zh, en });

/** Art. 30: the correction request is due within 7 working days of receipt. */
export function correctionDeadline(
  receipt: IsoDate,
  calendar: WorkingDayCalendar = defaultCalendar(),
  options: CountOptions = {},
): IsoDate {
  return calendar.addWorkingDays(receipt, 7, options);
}

/** Art. 32 (third party) and Art. 34 (other agency): 15 WD from receipt of the letter. */
export function thirdPartyReplyDeadline(
  received: IsoDate,
  calendar: WorkingDayCalendar = defaultCalendar(),
  options: CountOptions = {},
): IsoDate {
  return calendar.addWorkingDays(received, CONSULTATION_WORKING_DAYS, options);
}

/**
 * Fee measure, as restated in docs/domain/fees.md#payment-period: pay “在收到收费通知次日起20个工作日内” — always from
 * the next day.
 */
export function feePaymentDeadline(noticeReceived: IsoDate, calendar: WorkingDayCalendar = defaultCalendar()): IsoDate {
  return calendar.addWorkingDays(noticeReceived, 20, { countStartDay: false });
}

export type Channel = 'in_person' | 'post_signed' | 'post_unsigned' | 'online' | 'fax';

/** Art. 31: which date is 收到申请之日 for each channel. */
export function receiptDate(
  channel: Channel,
  dates: { submittedOn?: IsoDate; signedOn?: IsoDate; confirmedOn?: IsoDate },
): IsoDate {
  const pick =
    channel === 'in_person' ? dates.submittedOn : channel === 'post_signed' ? dates.signedOn : dates.confirmedOn;
  const field = channel === 'in_person' ? 'submittedOn' : channel === 'post_signed' ? 'signedOn' : 'confirmedOn';
  if (!pick) throw new DeadlineInputError(`Art. 31: a ${channel} application needs ${field}`);
  return assertDate(pick);
}

export function rulesFor(receivedOn: IsoDate): RulesVersion {
  assertDate(receivedOn);
  if (receivedOn < RULES_2008_IN_FORCE)
    throw new DeadlineInputError(`received ${receivedOn}: the Regulation is in force only from ${RULES_2008_IN_FORCE}`);
  return receivedOn < RULES_2019_IN_FORCE ? '2008' : '2019';
}
