// What each clock event does to a case's ledger: one small handler per event type, in a table.
// The handlers record pauses, extensions and the steps and findings of the explanation; the
// counting (deadline-count.ts) and the result (deadline-result.ts) come after all events are in.
import type { WorkingDayCalendar, CountOptions } from '../../platform/calendar/calendar.ts';
import { assertDate, type IsoDate } from '../../platform/calendar/dates.ts';
import type { Extension, Pause } from './deadline-count.ts';
import {
  ART,
  BASE_DAYS,
  FEE_MEASURE,
  MAX_EXTENSION,
  RULES_2019_IN_FORCE,
  DeadlineInputError,
  correctionDeadline,
  feePaymentDeadline,
  t,
  thirdPartyReplyDeadline,
  type Articles,
  type ClockEvent,
  type ClockEventType,
  type ConsultedParty,
  type DeadlineIssue,
  type DeadlineStep,
  type RulesVersion,
} from './deadline-rules.ts';

export interface Consultation {
  readonly ref?: string;
  readonly party: ConsultedParty;
  readonly pause: Pause;
  /** Arts. 32, 34 (2019): the end of the party's 15 working days; none under the 2007 rules. */
  readonly replyBy?: IsoDate;
  /** False for another agency under the 2007 rules: its time is counted (Art. 24 ¶3). */
  readonly pausing: boolean;
  endedOn?: IsoDate;
}

/** A case's clock as the events build it up, before counting. */
export interface Ledger {
  readonly rules: RulesVersion;
  readonly art: Articles;
  readonly calendar: WorkingDayCalendar;
  readonly count: CountOptions;
  readonly feePauses: boolean;
  readonly receivedOn: IsoDate;
  readonly baseDays: number;
  readonly correctionRequestBy?: IsoDate;
  readonly steps: DeadlineStep[];
  readonly violations: DeadlineIssue[];
  readonly warnings: DeadlineIssue[];
  readonly pauses: Pause[];
  readonly consultations: Consultation[];
  readonly extensions: Extension[];
  readonly delays: { date: IsoDate; until: IsoDate }[];
  clockStart: IsoDate;
  corrected: boolean;
  correctionRequested?: { date: IsoDate; correctBy?: IsoDate };
  awaitingCorrection: boolean;
  fee?: { pause: Pause; payBy: IsoDate };
  repliedOn?: IsoDate;
}

export function newLedger(
  receivedOn: IsoDate,
  rules: RulesVersion,
  calendar: WorkingDayCalendar,
  count: CountOptions,
  feePauses: boolean,
): Ledger {
  const correctionRequestBy = rules === '2019' ? correctionDeadline(receivedOn, calendar, count) : undefined;
  return {
    rules,
    art: ART[rules],
    calendar,
    count,
    feePauses,
    receivedOn,
    baseDays: BASE_DAYS[rules],
    ...(correctionRequestBy ? { correctionRequestBy } : {}),
    steps: [],
    violations: [],
    warnings: [],
    pauses: [],
    consultations: [],
    extensions: [],
    delays: [],
    clockStart: receivedOn,
    corrected: false,
    awaitingCorrection: false,
  };
}

export function fail(message: string): never {
  throw new DeadlineInputError(message);
}

export function clockStartedStep(l: Ledger, date: IsoDate, corrected: boolean): DeadlineStep {
  const { art, baseDays } = l;
  return {
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
  };
}

export const openConsultations = (l: Ledger): Consultation[] => l.consultations.filter((c) => !c.endedOn);

type Handler<E extends ClockEvent> = (l: Ledger, e: E) => void;
type Handlers = { [K in ClockEventType]: Handler<Extract<ClockEvent, { type: K }>> };

const HANDLERS: Handlers = {
  correction_requested(l, e) {
    const { art } = l;
    if (l.correctionRequested)
      l.violations.push({
        code: 'correction_not_one_time',
        date: e.date,
        text: t(
          `补正应当一次性告知（${art.corr}），此为再次要求补正`,
          `a correction must be requested once only (${art.corr}); this is a second request`,
        ),
      });
    const by = l.correctionRequestBy;
    if (by && e.date > by)
      l.violations.push({
        code: 'correction_request_late',
        date: e.date,
        text: t(
          `补正告知应在${by}前作出（收到申请之日起7个工作日，${art.corr}），实际${e.date}`,
          `the correction request was due by ${by} (7 working days, ${art.corr}); it was made on ${e.date}`,
        ),
      });
    l.correctionRequested = { date: e.date, ...(e.correctBy ? { correctBy: assertDate(e.correctBy) } : {}) };
    l.awaitingCorrection = true;
    l.steps.push({
      date: e.date,
      kind: 'correction_requested',
      article: art.corr,
      ...(e.correctBy ? { until: e.correctBy } : {}),
      text: t(
        `告知申请人补正${e.correctBy ? `，补正期限至${e.correctBy}` : ''}；答复期限自收到补正申请之日起计算`,
        `correction requested${e.correctBy ? ` (by ${e.correctBy})` : ''}; the clock restarts when the corrected application arrives`,
      ),
    });
  },

  correction_received(l, e) {
    if (!l.awaitingCorrection) fail(`correction_received on ${e.date} without a pending correction_requested`);
    l.awaitingCorrection = false;
    l.corrected = true;
    l.clockStart = e.date;
    l.steps.push(clockStartedStep(l, e.date, true));
    if (l.rules !== '2008') return;
    if (e.date >= RULES_2019_IN_FORCE)
      l.warnings.push({
        code: 'rules_by_original_receipt',
        date: e.date,
        text: t(
          '原申请收到于2019年5月15日前，仍按2007 条例计算',
          'the original application predates 2019-05-15, so the 2007 Regulation still applies',
        ),
      });
    l.warnings.push({
      code: 'correction_restart_assumed_2008',
      date: e.date,
      text: t(
        '2007 条例未规定补正后重新起算；此处参照2019 条例第30条处理',
        'the 2007 Regulation does not say the clock restarts after a correction; Art. 30 of the 2019 Regulation is applied',
      ),
    });
  },

  consultation_started(l, e) {
    const party = e.party ?? 'third_party';
    const ref = e.ref ? { ref: e.ref } : {};
    if (l.rules === '2008' && party === 'agency') {
      l.warnings.push({
        code: 'agency_consultation_counted_2008',
        date: e.date,
        text: t(
          '2007 条例第24条第3款只扣除征求第三方意见的时间；征求其他机关意见的时间照常计入',
          '2007 Regulation Art. 24 ¶3 excludes only third-party consultation; consulting another agency does not stop the clock',
        ),
      });
      l.consultations.push({ ...ref, party, pause: { from: e.date, to: null, cause: 'consultation' }, pausing: false });
      return;
    }
    // 2019 Arts. 32 and 34 give the party 15 WD, so the pause has a known end from the day the
    // letter arrives: a silent party does not stop the clock for ever. 2007 Art. 23 set no limit.
    const replyBy =
      l.rules === '2019' ? thirdPartyReplyDeadline(e.receivedOn ?? e.date, l.calendar, l.count) : undefined;
    const pause: Pause = replyBy
      ? { from: e.date, to: replyBy, cause: 'consultation', unanswered: true }
      : { from: e.date, to: null, cause: 'consultation' };
    l.pauses.push(pause);
    l.consultations.push({ ...ref, party, pause, pausing: true, ...(replyBy ? { replyBy } : {}) });
    const who = party === 'agency' ? t('其他机关', 'another agency') : t('第三方', 'the third party');
    const article = party === 'agency' ? l.art.agency : l.art.third;
    l.steps.push({
      date: e.date,
      kind: 'pause_started',
      cause: 'consultation',
      article,
      ...(replyBy ? { until: replyBy } : {}),
      text: t(
        `书面征求${who.zh}意见，所需时间不计入答复期限（${l.art.pause}）${replyBy ? `；对方应于${replyBy}前提出意见（${article}）` : ''}`,
        `consulting ${who.en}; the time is not counted (${l.art.pause})${replyBy ? `; reply due by ${replyBy}` : ''}`,
      ),
    });
  },

  consultation_ended(l, e) {
    const open = openConsultations(l);
    const c = e.ref ? open.find((x) => x.ref === e.ref) : open[0];
    if (!c)
      fail(`consultation_ended on ${e.date}${e.ref ? ` (ref ${e.ref})` : ''} without a matching consultation_started`);
    c.endedOn = e.date;
    const by = c.replyBy;
    if (by && e.date > by) {
      // Arts. 32, 34: a party silent past its 15 WD has had its say ("逾期未提出意见的…"), so the
      // pause already ended on `by`; a late answer is weighed but stops nothing.
      c.pause.unanswered = false;
      l.warnings.push({
        code: 'consultation_reply_late',
        date: e.date,
        text: t(
          `对方逾期（应于${by}前）提出意见；征求意见所需时间已于${by}结束，此后的时间计入答复期限`,
          `the consulted party replied after its deadline ${by}; the consultation time ended on ${by} and the days since count`,
        ),
      });
      l.steps.push({
        date: e.date,
        kind: 'late_reply',
        cause: 'consultation',
        text: t(
          `收到逾期提出的意见（期限为${by}），不再停止计时`,
          `late reply received (due ${by}); the clock is not stopped again`,
        ),
      });
      return;
    }
    c.pause.to = e.date;
    c.pause.unanswered = false;
    if (c.pausing)
      l.steps.push({
        date: e.date,
        kind: 'pause_ended',
        cause: 'consultation',
        days: l.calendar.workingDaysBetween(c.pause.from, e.date),
        text: t(`收到意见，恢复计算`, `consultation ended; the clock runs again`),
      });
  },

  extension_approved(l, e) {
    const max = MAX_EXTENSION[l.rules];
    if (!Number.isInteger(e.days) || e.days < 1 || e.days > max)
      fail(`an extension is 1 to ${max} working days under the ${l.rules} rules (${l.art.ext}), got ${e.days}`);
    // Art. 33 caps what the extensions add up to, not how many there are.
    const total = l.extensions.reduce((n, x) => n + x.days, 0) + e.days;
    if (total > max)
      fail(
        `the extensions may total at most ${max} working days (${l.art.ext}); with ${e.days} more on ${e.date} they would total ${total}`,
      );
    l.extensions.push({ date: e.date, days: e.days }); // whether in time is known only after counting
  },

  fee_notice_sent(l, e) {
    if (l.fee && l.fee.pause.to === null) fail(`fee_notice_sent on ${e.date} while an earlier fee notice is unpaid`);
    if (e.date < '2021-01-01')
      l.warnings.push({
        code: 'fee_before_measure',
        date: e.date,
        text: t('信息处理费自2021年1月1日起收取', 'processing fees are charged from 2021-01-01'),
      });
    const payBy = feePaymentDeadline(e.receivedOn ?? e.date, l.calendar);
    const pause: Pause = { from: e.date, to: null, cause: 'fee' };
    if (l.feePauses) l.pauses.push(pause);
    l.fee = { pause, payBy };
    l.steps.push({
      date: e.date,
      kind: 'pause_started',
      cause: 'fee',
      until: payBy,
      article: FEE_MEASURE,
      text: t(
        `发出收费通知，申请人应于${payBy}前缴费（收到通知次日起20个工作日）${l.feePauses ? '；缴费期间不计入答复期限（未经核实的做法，可配置）' : ''}`,
        `fee notice sent; pay by ${payBy} (20 working days from the day after receipt)${l.feePauses ? '; the clock stops until payment (unverified; configurable)' : ''}`,
      ),
    });
  },

  fee_paid: feeSettled,
  fee_waived: feeSettled,

  delayed_reply_set(l, e) {
    if (l.rules !== '2019') fail('a delayed-reply period (Art. 35) exists only under the 2019 Regulation');
    if (assertDate(e.until) <= e.date) fail(`delayed_reply_set: until ${e.until} must be after ${e.date}`);
    l.delays.push({ date: e.date, until: e.until });
  },

  replied(l, e) {
    l.repliedOn = e.date;
  },
};

function feeSettled(l: Ledger, e: Extract<ClockEvent, { type: 'fee_paid' | 'fee_waived' }>): void {
  const fee = l.fee;
  if (!fee || fee.pause.to !== null) fail(`${e.type} on ${e.date} without an open fee notice`);
  fee.pause.to = e.date;
  if (e.type === 'fee_paid' && e.date > fee.payBy)
    l.warnings.push({
      code: 'fee_paid_late',
      date: e.date,
      text: t(
        `逾期缴费（应于${fee.payBy}前），申请可视为放弃`,
        `paid after ${fee.payBy}; the application may be treated as abandoned`,
      ),
    });
  l.steps.push({
    date: e.date,
    kind: 'pause_ended',
    cause: 'fee',
    days: l.feePauses ? l.calendar.workingDaysBetween(fee.pause.from, e.date) : 0,
    text: e.type === 'fee_paid' ? t('申请人已缴费', 'fee paid') : t('费用已减免', 'fee waived'),
  });
}

/** Applies the events (already checked and in date order) to the ledger. */
export function applyEvents(l: Ledger, events: readonly ClockEvent[]): void {
  for (const e of events) {
    if (l.repliedOn) fail(`${e.type} on ${e.date} comes after the reply on ${l.repliedOn}`);
    if (!Object.hasOwn(HANDLERS, e.type)) fail(`unknown clock event ${JSON.stringify((e as { type?: unknown }).type)}`);
    (HANDLERS[e.type] as Handler<ClockEvent>)(l, e);
  }
  // A reply ends every pause still running on its date.
  const on = l.repliedOn;
  if (on)
    for (const p of l.pauses)
      if (p.to === null || (p.unanswered && p.to > on)) {
        p.to = on;
        p.unanswered = false;
      }
}
