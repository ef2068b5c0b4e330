// The statutory clock of a disclosure application (依申请公开): when the reply is due, and a
// day-by-day account of why, shown to officers and returned as JSON by the API. Pure: dates in,
// result out; the calendar is a parameter (the vendored one by default).
//
// 2019 Regulation (received on or after 2019-05-15): Art. 33 — 20 working days from receipt,
// one extension of at most 20, time spent consulting third parties and other agencies not
// counted; Art. 30 — correction request within 7 WD, clock restarts on the corrected application;
// Art. 32/34 — the consulted party has 15 WD; Art. 35 — a reasonable delayed-reply period.
// 2007 Regulation (in force 2008-05-01 to 2019-05-14): Art. 24 — 15 + at most 15 WD; only
// third-party consultation time is excluded. rules.md §1.1, §2, §4.
import { WorkingDayCalendar, type CountOptions, type DayReason } from '../../platform/calendar/calendar.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { addDays, assertDate, weekdayName, type IsoDate } from '../../platform/calendar/dates.ts';

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

export interface DeadlineOptions extends CountOptions {
  /**
   * Whether the days between a fee notice and payment (or waiver) are left out of the clock.
   * Default true. rules.md §4: UNVERIFIED — the fee measure's text on this was not read; the
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
    | 'extension'
    | 'base_due_date'
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
  /** Null while the clock is stopped with no end in sight (open pause, awaiting correction, abandoned). */
  readonly dueDate: IsoDate | null;
  readonly baseDueDate: IsoDate | null;
  /** When paused: the due date if the pause ended on asOf. */
  readonly provisionalDueDate?: IsoDate;
  readonly remainingWhenPaused?: number;
  readonly baseDays: number;
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
}

export class DeadlineInputError extends Error {
  override name = 'DeadlineInputError';
  readonly code = 'invalid_clock_events';
}

const BASE_DAYS: Record<RulesVersion, number> = { '2019': 20, '2008': 15 };
const MAX_EXTENSION: Record<RulesVersion, number> = { '2019': 20, '2008': 15 };
const ART = {
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
const FEE_MEASURE = '《政府信息公开信息处理费管理办法》(国办函〔2020〕109号)';

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
  return calendar.addWorkingDays(received, 15, options);
}

/** Fee measure, as restated in rules.md §4: pay “在收到收费通知次日起20个工作日内” — always from the next day. */
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

// Convention (not in the texts): the day a consultation letter or fee notice goes out is still a
// counted day and the day the reply or payment arrives is not, mirroring “开始的当日不计入”.
interface Pause {
  from: IsoDate; // exclusive
  to: IsoDate | null; // inclusive; null = still open
  cause: 'consultation' | 'fee';
}

const t = (zh: string, en: string): Text => ({ zh, en });
const REASON_TEXT: Record<StepReason, Text> = {
  workday: t('工作日', 'working day'),
  weekend: t('周末', 'weekend'),
  holiday: t('法定节假日', 'public holiday'),
  makeup_workday: t('调休上班', 'make-up working day'),
  paused_consultation: t('征求意见期间', 'paused for consultation'),
  paused_fee: t('收费通知至缴费期间', 'paused awaiting the fee'),
};

function dayText(date: IsoDate, reason: StepReason, ordinal?: number, holidayName?: string): Text {
  const r = REASON_TEXT[reason];
  const name = holidayName ? `（${holidayName}）` : '';
  return ordinal
    ? t(
        `${date} ${weekdayName(date)} ${r.zh}${name}，计第${ordinal}个工作日`,
        `${weekdayName(date, 'en')} ${date} ${r.en}${holidayName ? ` (${holidayName})` : ''}: working day ${ordinal}`,
      )
    : t(
        `${date} ${weekdayName(date)} ${r.zh}${name}，不计`,
        `${weekdayName(date, 'en')} ${date} ${r.en}${holidayName ? ` (${holidayName})` : ''}: skipped`,
      );
}

export function computeDeadline(
  input: DeadlineInput,
  calendar: WorkingDayCalendar = defaultCalendar(),
): DeadlineResult {
  const receivedOn = assertDate(input.receivedOn);
  const options = input.options ?? {};
  const rules = options.rules ?? rulesFor(receivedOn);
  const countStartDay = options.countStartDay ?? false;
  const feePauses = options.feeNoticePausesClock ?? true;
  const count: CountOptions = { countStartDay };
  const art = ART[rules];
  const asOf = input.asOf === undefined ? undefined : assertDate(input.asOf);
  const fail = (msg: string): never => {
    throw new DeadlineInputError(msg);
  };

  const events = [...(input.events ?? [])].map((e, i) => ({ e, i }));
  for (const { e } of events) {
    assertDate(e.date);
    if (e.date < receivedOn) fail(`${e.type} on ${e.date} is before the receipt date ${receivedOn}`);
    if (asOf && e.date > asOf) fail(`${e.type} on ${e.date} is after the as-of date ${asOf}`);
  }
  events.sort((a, b) => (a.e.date < b.e.date ? -1 : a.e.date > b.e.date ? 1 : a.i - b.i));

  const steps: DeadlineStep[] = [];
  const violations: DeadlineIssue[] = [];
  const warnings: DeadlineIssue[] = [];
  const pauses: Pause[] = [];
  const openConsultations: { ref?: string; pause: Pause; replyBy?: IsoDate; pausing: boolean }[] = [];
  const replyBy: { ref?: string; party: ConsultedParty; replyBy: IsoDate }[] = [];
  let clockStart = receivedOn;
  let corrected = false;
  let correctionRequested: { date: IsoDate; correctBy?: IsoDate } | undefined;
  let awaitingCorrection = false;
  let fee: { pause: Pause; payBy: IsoDate } | undefined;
  let feePaymentBy: IsoDate | undefined;
  let extension: { date: IsoDate; days: number } | undefined;
  let delay: { date: IsoDate; until: IsoDate } | undefined;
  let repliedOn: IsoDate | undefined;
  const correctionRequestBy = rules === '2019' ? correctionDeadline(receivedOn, calendar, count) : undefined;

  const baseDays = BASE_DAYS[rules];
  const started = (date: IsoDate, corrected: boolean): DeadlineStep => ({
    date,
    kind: 'clock_started',
    article: corrected ? art.corr : art.base,
    days: baseDays,
    text: corrected
      ? t(
          `收到补正后的申请，答复期限重新起算：${baseDays}个工作日（${art.corr}）`,
          `corrected application received; the ${baseDays}-working-day clock starts again (${art.corr})`,
        )
      : t(
          `收到申请，答复期限${baseDays}个工作日（${art.base}）`,
          `application received; reply due within ${baseDays} working days (${art.base})`,
        ),
  });

  for (const { e } of events) {
    if (repliedOn) fail(`${e.type} on ${e.date} comes after the reply on ${repliedOn}`);
    switch (e.type) {
      case 'correction_requested': {
        if (correctionRequested) {
          violations.push({
            code: 'correction_not_one_time',
            date: e.date,
            text: t(
              `补正应当一次性告知（${art.corr}），此为再次要求补正`,
              `a correction must be requested once only (${art.corr}); this is a second request`,
            ),
          });
        }
        if (correctionRequestBy && e.date > correctionRequestBy) {
          violations.push({
            code: 'correction_request_late',
            date: e.date,
            text: t(
              `补正告知应在${correctionRequestBy}前作出（收到申请之日起7个工作日，${art.corr}），实际${e.date}`,
              `the correction request was due by ${correctionRequestBy} (7 working days, ${art.corr}); it was made on ${e.date}`,
            ),
          });
        }
        correctionRequested = { date: e.date, ...(e.correctBy ? { correctBy: assertDate(e.correctBy) } : {}) };
        awaitingCorrection = true;
        steps.push({
          date: e.date,
          kind: 'correction_requested',
          article: art.corr,
          ...(e.correctBy ? { until: e.correctBy } : {}),
          text: t(
            `告知申请人补正${e.correctBy ? `，补正期限至${e.correctBy}` : ''}；答复期限自收到补正申请之日起计算`,
            `correction requested${e.correctBy ? ` (by ${e.correctBy})` : ''}; the clock restarts when the corrected application arrives`,
          ),
        });
        break;
      }
      case 'correction_received':
        if (!awaitingCorrection) fail(`correction_received on ${e.date} without a pending correction_requested`);
        awaitingCorrection = false;
        corrected = true;
        clockStart = e.date;
        steps.push(started(e.date, true));
        if (rules === '2008' && e.date >= RULES_2019_IN_FORCE)
          warnings.push({
            code: 'rules_by_original_receipt',
            date: e.date,
            text: t(
              '原申请收到于2019年5月15日前，仍按2007 条例计算',
              'the original application predates 2019-05-15, so the 2007 Regulation still applies',
            ),
          });
        if (rules === '2008')
          warnings.push({
            code: 'correction_restart_assumed_2008',
            date: e.date,
            text: t(
              '2007 条例未规定补正后重新起算；此处参照2019 条例第30条处理',
              'the 2007 Regulation does not say the clock restarts after a correction; Art. 30 of the 2019 Regulation is applied',
            ),
          });
        break;
      case 'consultation_started': {
        const party = e.party ?? 'third_party';
        const pause: Pause = { from: e.date, to: null, cause: 'consultation' };
        if (rules === '2008' && party === 'agency') {
          warnings.push({
            code: 'agency_consultation_counted_2008',
            date: e.date,
            text: t(
              '2007 条例第24条第3款只扣除征求第三方意见的时间；征求其他机关意见的时间照常计入',
              '2007 Regulation Art. 24 ¶3 excludes only third-party consultation; consulting another agency does not stop the clock',
            ),
          });
          openConsultations.push({ ...(e.ref ? { ref: e.ref } : {}), pause, pausing: false });
          break;
        }
        pauses.push(pause);
        // 2007 Art. 23 set no time limit for the third party; 2019 Arts. 32 and 34 set 15 WD.
        const due = rules === '2019' ? thirdPartyReplyDeadline(e.receivedOn ?? e.date, calendar, count) : undefined;
        if (due) replyBy.push({ ...(e.ref ? { ref: e.ref } : {}), party, replyBy: due });
        openConsultations.push({
          ...(e.ref ? { ref: e.ref } : {}),
          pause,
          pausing: true,
          ...(due ? { replyBy: due } : {}),
        });
        const who = party === 'agency' ? t('其他机关', 'another agency') : t('第三方', 'the third party');
        steps.push({
          date: e.date,
          kind: 'pause_started',
          cause: 'consultation',
          article: party === 'agency' ? art.agency : art.third,
          ...(due ? { until: due } : {}),
          text: t(
            `书面征求${who.zh}意见，所需时间不计入答复期限（${art.pause}）${due ? `；对方应于${due}前提出意见（${party === 'agency' ? art.agency : art.third}）` : ''}`,
            `consulting ${who.en}; the time is not counted (${art.pause})${due ? `; reply due by ${due}` : ''}`,
          ),
        });
        break;
      }
      case 'consultation_ended': {
        const i = e.ref ? openConsultations.findIndex((c) => c.ref === e.ref) : 0;
        const open = openConsultations[i];
        if (!open)
          fail(
            `consultation_ended on ${e.date}${e.ref ? ` (ref ${e.ref})` : ''} without a matching consultation_started`,
          );
        openConsultations.splice(i, 1);
        open!.pause.to = e.date;
        const by = open!.replyBy;
        if (by && e.date > by)
          warnings.push({
            code: 'consultation_reply_late',
            date: e.date,
            text: t(
              `对方逾期（应于${by}前）提出意见；逾期时间是否仍不计入答复期限，未经核实`,
              `the consulted party replied after its deadline ${by}; whether the overrun is still excluded is unverified`,
            ),
          });
        if (open!.pausing)
          steps.push({
            date: e.date,
            kind: 'pause_ended',
            cause: 'consultation',
            days: calendar.workingDaysBetween(open!.pause.from, e.date),
            text: t(`收到意见，恢复计算`, `consultation ended; the clock runs again`),
          });
        break;
      }
      case 'extension_approved': {
        const max = MAX_EXTENSION[rules];
        if (extension) fail(`only one extension is allowed (${art.ext}); a second one was recorded on ${e.date}`);
        if (!Number.isInteger(e.days) || e.days < 1 || e.days > max)
          fail(`an extension is 1 to ${max} working days under the ${rules} rules (${art.ext}), got ${e.days}`);
        extension = { date: e.date, days: e.days };
        break; // whether it came in time is known only after counting to the original due date
      }
      case 'fee_notice_sent': {
        if (fee && fee.pause.to === null) fail(`fee_notice_sent on ${e.date} while an earlier fee notice is unpaid`);
        if (e.date < '2021-01-01')
          warnings.push({
            code: 'fee_before_measure',
            date: e.date,
            text: t('信息处理费自2021年1月1日起收取', 'processing fees are charged from 2021-01-01'),
          });
        const payBy = feePaymentDeadline(e.receivedOn ?? e.date, calendar);
        const pause: Pause = { from: e.date, to: null, cause: 'fee' };
        if (feePauses) pauses.push(pause);
        fee = { pause, payBy };
        feePaymentBy = payBy;
        steps.push({
          date: e.date,
          kind: 'pause_started',
          cause: 'fee',
          until: payBy,
          article: FEE_MEASURE,
          text: t(
            `发出收费通知，申请人应于${payBy}前缴费（收到通知次日起20个工作日）${feePauses ? '；缴费期间不计入答复期限（未经核实的做法，可配置）' : ''}`,
            `fee notice sent; pay by ${payBy} (20 working days from the day after receipt)${feePauses ? '; the clock stops until payment (unverified; configurable)' : ''}`,
          ),
        });
        break;
      }
      case 'fee_paid':
      case 'fee_waived': {
        if (!fee || fee.pause.to !== null) fail(`${e.type} on ${e.date} without an open fee notice`);
        fee!.pause.to = e.date;
        if (e.type === 'fee_paid' && e.date > fee!.payBy)
          warnings.push({
            code: 'fee_paid_late',
            date: e.date,
            text: t(
              `逾期缴费（应于${fee!.payBy}前），申请可视为放弃`,
              `paid after ${fee!.payBy}; the application may be treated as abandoned`,
            ),
          });
        steps.push({
          date: e.date,
          kind: 'pause_ended',
          cause: 'fee',
          days: feePauses ? calendar.workingDaysBetween(fee!.pause.from, e.date) : 0,
          text: e.type === 'fee_paid' ? t('申请人已缴费', 'fee paid') : t('费用已减免', 'fee waived'),
        });
        break;
      }
      case 'delayed_reply_set':
        if (rules !== '2019') fail('a delayed-reply period (Art. 35) exists only under the 2019 Regulation');
        if (assertDate(e.until) <= e.date) fail(`delayed_reply_set: until ${e.until} must be after ${e.date}`);
        delay = { date: e.date, until: e.until };
        break;
      case 'replied':
        repliedOn = e.date;
        break;
      default:
        fail(`unknown clock event ${JSON.stringify((e as { type?: unknown }).type)}`);
    }
  }

  // A reply ends every open pause on its date.
  if (repliedOn) for (const p of pauses) if (p.to === null) p.to = repliedOn;

  const abandonedFee = fee && fee.pause.to === null && asOf !== undefined && asOf > fee.payBy;
  const abandonedCorrection =
    awaitingCorrection &&
    correctionRequested?.correctBy !== undefined &&
    asOf !== undefined &&
    asOf > correctionRequested.correctBy;

  if (corrected)
    steps.unshift({
      date: receivedOn,
      kind: 'received',
      article: art.base,
      text:
        rules === '2019'
          ? t('收到申请（2019 条例第31条）', 'application received (Art. 31)')
          : t('收到申请', 'application received'),
    });
  else steps.unshift(started(receivedOn, false));

  const run = countDays(calendar, clockStart, baseDays, extension, pauses, countStartDay, awaitingCorrection);
  steps.push(...run.steps);
  const result = {
    rules,
    receivedOn,
    clockStart,
    baseDays,
    extensionDays: run.extensionApplied ? extension!.days : 0,
    pausedDays: run.pausedDays,
    countStartDay,
    feeNoticePausesClock: feePauses,
    deadlines: {
      ...(correctionRequestBy ? { correctionRequestBy } : {}),
      consultationReplyBy: replyBy,
      ...(feePaymentBy ? { feePaymentBy } : {}),
    },
  };
  if (extension) {
    steps.push({
      date: extension.date,
      kind: 'extension',
      days: extension.days,
      article: art.ext,
      text: t(
        `经政府信息公开工作机构负责人同意并告知申请人，延长答复期限${extension.days}个工作日（${art.ext}）`,
        `extension of ${extension.days} working days approved by the head of the disclosure office (${art.ext})`,
      ),
    });
  }
  if (extension && !run.extensionApplied && run.baseDue) {
    violations.push({
      code: 'extension_after_due_date',
      date: extension.date,
      text: t(
        `延期应在原答复期限${run.baseDue}届满前批准并告知，延期未予计算`,
        `an extension must be approved before the original due date ${run.baseDue}; it was not applied`,
      ),
    });
  }
  for (const p of [...pauses, ...(fee && !feePauses ? [fee.pause] : [])]) {
    if (!run.due || p.from < run.due) continue;
    // The fee notice must go out “在政府信息公开申请处理期限内” (rules.md §4, as restated by 四川).
    if (p.cause === 'fee')
      violations.push({
        code: 'fee_notice_after_due_date',
        date: p.from,
        text: t(
          `收费通知应在答复期限${run.due}内发出，不延长期限`,
          `the fee notice had to be sent by the due date ${run.due}; it does not extend it`,
        ),
      });
    else
      warnings.push({
        code: 'pause_after_due_date',
        date: p.from,
        text: t(
          `答复期限已于${run.due}届满，其后的征求意见不再延长期限`,
          `the reply was already due on ${run.due}; a later consultation does not extend it`,
        ),
      });
  }

  let dueDate = run.due;
  if (delay) {
    if (run.due && delay.date > run.due)
      violations.push({
        code: 'delay_after_due_date',
        date: delay.date,
        text: t(`延迟答复期限应在${run.due}前确定`, `the delayed-reply period had to be set before ${run.due}`),
      });
    if (!dueDate || delay.until > dueDate) dueDate = delay.until;
    steps.push({
      date: delay.date,
      kind: 'delayed_reply',
      until: delay.until,
      article: art.delay,
      text: t(
        `确定延迟答复的合理期限至${delay.until}（${art.delay}）`,
        `reasonable delayed-reply period set until ${delay.until} (${art.delay})`,
      ),
    });
  }
  if (dueDate)
    steps.push({ date: dueDate, kind: 'due_date', text: t(`答复期限届满日：${dueDate}`, `reply due on ${dueDate}`) });

  let status: DeadlineStatus = 'running';
  let provisionalDueDate: IsoDate | undefined;
  if (repliedOn) status = 'replied';
  else if (abandonedFee || abandonedCorrection) status = 'abandoned';
  else if (awaitingCorrection) status = 'awaiting_correction';
  else if (run.openPause) {
    status = 'paused';
    if (asOf) {
      const closed = pauses.map((p) => (p === run.openPause ? { ...p, to: asOf > p.from ? asOf : p.from } : p));
      provisionalDueDate =
        countDays(calendar, clockStart, baseDays, extension, closed, countStartDay, false).due ?? undefined;
    }
  }
  if (status === 'abandoned') {
    const text = abandonedFee
      ? t(
          `申请人未在${fee!.payBy}前缴费，视为放弃申请`,
          `fee not paid by ${fee!.payBy}: the application is treated as abandoned`,
        )
      : t(
          `申请人未在${correctionRequested!.correctBy}前补正，视为放弃申请（${art.corr}）`,
          `no correction by ${correctionRequested!.correctBy}: the application is treated as abandoned (${art.corr})`,
        );
    warnings.push({ code: abandonedFee ? 'abandoned_unpaid_fee' : 'abandoned_no_correction', text });
  }
  if (repliedOn)
    steps.push({
      date: repliedOn,
      kind: 'replied',
      text:
        dueDate && repliedOn > dueDate
          ? t(`已答复（逾期，期限为${dueDate}）`, `replied, late (due ${dueDate})`)
          : t('已答复', 'replied'),
    });
  const uncovered = calendar.uncoveredYears(receivedOn, dueDate ?? asOf ?? clockStart);
  for (const y of uncovered)
    warnings.push({
      code: 'calendar_year_not_covered',
      text: t(`未载入${y}年国务院节假日安排通知，按周一至周五计算`, calendar.coverage(y).warning!),
    });

  steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : stepOrder(a) - stepOrder(b)));
  return {
    ...result,
    status,
    ...(status === 'paused' && run.openPause ? { pausedBy: run.openPause.cause } : {}),
    dueDate: status === 'abandoned' || status === 'awaiting_correction' ? null : dueDate,
    baseDueDate: status === 'awaiting_correction' ? null : run.baseDue,
    ...(provisionalDueDate ? { provisionalDueDate } : {}),
    ...(run.openPause ? { remainingWhenPaused: run.remaining } : {}),
    ...(repliedOn ? { repliedOn, ...(dueDate ? { repliedOnTime: repliedOn <= dueDate } : {}) } : {}),
    steps,
    violations,
    warnings,
  };
}

// On one date: the clock start, then the day itself, then what happened that day.
function stepOrder(step: DeadlineStep): number {
  return step.kind === 'received' || step.kind === 'clock_started'
    ? 0
    : step.kind === 'day'
      ? 1
      : step.kind === 'due_date'
        ? 9
        : step.kind === 'replied'
          ? 10
          : 5;
}

interface CountRun {
  steps: DeadlineStep[];
  due: IsoDate | null;
  baseDue: IsoDate | null;
  pausedDays: number;
  extensionApplied: boolean;
  openPause?: Pause;
  remaining?: number;
}

/** Walks the calendar from the clock start until the last counted working day or an open pause. */
function countDays(
  calendar: WorkingDayCalendar,
  start: IsoDate,
  baseDays: number,
  extension: { date: IsoDate; days: number } | undefined,
  pauses: readonly Pause[],
  countStartDay: boolean,
  stopped: boolean,
): CountRun {
  const run: CountRun = { steps: [], due: null, baseDue: null, pausedDays: 0, extensionApplied: false };
  if (stopped) return run; // awaiting correction: the clock will restart from scratch
  let target = baseDays;
  let ordinal = 0;
  let date = countStartDay ? start : addDays(start, 1);
  for (let guard = 0; guard < 5000; guard++, date = addDays(date, 1)) {
    const pause = pauses.find((p) => date > p.from && (p.to === null || date <= p.to));
    if (pause && pause.to === null) {
      run.openPause = pause;
      run.remaining = target - ordinal;
      run.steps.push({
        date,
        kind: 'paused_open',
        cause: pause.cause,
        days: target - ordinal,
        text: t(`计时暂停中，尚余${target - ordinal}个工作日`, `clock stopped; ${target - ordinal} working days left`),
      });
      return run;
    }
    const info = calendar.dayInfo(date);
    const named = info.holidayName ? { holidayName: info.holidayName } : {};
    if (!info.isWorkday) {
      run.steps.push({
        date,
        kind: 'day',
        counted: false,
        reason: info.reason,
        ...named,
        text: dayText(date, info.reason, undefined, info.holidayName),
      });
      continue;
    }
    if (pause) {
      const reason: StepReason = pause.cause === 'fee' ? 'paused_fee' : 'paused_consultation';
      run.pausedDays++;
      run.steps.push({
        date,
        kind: 'day',
        counted: false,
        reason,
        ...named,
        text: dayText(date, reason, undefined, info.holidayName),
      });
      continue;
    }
    ordinal++;
    run.steps.push({
      date,
      kind: 'day',
      counted: true,
      ordinal,
      reason: info.reason,
      ...named,
      text: dayText(date, info.reason, ordinal, info.holidayName),
    });
    if (ordinal === baseDays) {
      run.baseDue = date;
      if (extension && extension.date <= date) {
        target += extension.days;
        run.extensionApplied = true;
        run.steps.push({
          date,
          kind: 'base_due_date',
          text: t(
            `原答复期限届满日；已批准延长${extension.days}个工作日`,
            `original due date; extended by ${extension.days} working days`,
          ),
        });
      }
    }
    if (ordinal === target) {
      run.due = date;
      return run;
    }
  }
  throw new DeadlineInputError('the clock did not finish within 5000 days; check the events');
}

export type ClockState =
  | 'running'
  | 'due_soon'
  | 'overdue'
  | 'paused'
  | 'awaiting_correction'
  | 'awaiting_payment'
  | 'abandoned'
  | 'replied'
  | 'replied_late';

/** Working days left on asOf: counted days after asOf up to the due date (0 on the due date). */
export function workingDaysLeft(asOf: IsoDate, result: DeadlineResult): number | null {
  if (!result.dueDate) return null;
  assertDate(asOf);
  return result.steps.filter((s) => s.kind === 'day' && s.counted && s.date > asOf && s.date <= result.dueDate!).length;
}

/** For display; the platform itself finds overdue applications by comparing stored due dates. */
export function clockState(asOf: IsoDate, result: DeadlineResult, dueSoonDays = 5): ClockState {
  assertDate(asOf);
  if (result.status === 'replied') return result.repliedOnTime === false ? 'replied_late' : 'replied';
  if (result.status === 'abandoned') return 'abandoned';
  if (result.status === 'awaiting_correction') return 'awaiting_correction';
  if (result.status === 'paused') {
    if (result.pausedBy === 'fee')
      return result.deadlines.feePaymentBy && asOf > result.deadlines.feePaymentBy ? 'abandoned' : 'awaiting_payment';
    return 'paused';
  }
  if (!result.dueDate) return 'running';
  if (asOf > result.dueDate) return 'overdue';
  const left = workingDaysLeft(asOf, result) ?? Infinity;
  return left <= dueSoonDays ? 'due_soon' : 'running';
}
