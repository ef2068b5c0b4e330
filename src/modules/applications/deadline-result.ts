// The result of the statutory clock, assembled from the ledger the events built
// (deadline-events.ts) and the counting walk (deadline-count.ts): the findings that need the
// counted due dates (extensions and pauses too late, the delayed-reply period), the status on
// the as-of date, and the explanation's steps in date order.
import type { IsoDate } from '../../platform/calendar/dates.ts';
import { countDays, stepOrder, type CountRun, type Pause } from './deadline-count.ts';
import { clockStartedStep, type Consultation, type Ledger } from './deadline-events.ts';
import { t, type DeadlineResult, type DeadlineStatus, type DeadlineStep } from './deadline-rules.ts';

function count(l: Ledger, pauses: readonly Pause[], stopped: boolean): CountRun {
  return countDays(l.calendar, {
    start: l.clockStart,
    baseDays: l.baseDays,
    extensions: l.extensions,
    pauses,
    countStartDay: l.count.countStartDay ?? false,
    stopped,
  });
}

function openingStep(l: Ledger): DeadlineStep {
  if (!l.corrected) return clockStartedStep(l, l.receivedOn, false);
  return {
    date: l.receivedOn,
    kind: 'received',
    article: l.art.base,
    text:
      l.rules === '2019'
        ? t('收到申请（2019 条例第31条）', 'application received (Art. 31)')
        : t('收到申请', 'application received'),
  };
}

const who = (c: Consultation) =>
  c.party === 'agency' ? t('其他机关', 'the other agency') : t('第三方', 'the third party');

/** Arts. 32, 34: where a consulted party's window ends with no answer by then, the pause ends
 *  there by itself; said as a step, and once the as-of date is past it, as a note. */
function windowEndFindings(l: Ledger, run: CountRun, asOf: IsoDate | undefined): void {
  for (const c of l.consultations) {
    const by = c.replyBy;
    if (!by || c.pause.to !== by || (c.endedOn && c.endedOn <= by) || (run.due && c.pause.from >= run.due)) continue;
    const article = c.party === 'agency' ? l.art.agency : l.art.third;
    const silence =
      c.party === 'agency'
        ? t('逾期未提出意见的视为同意公开', 'a silent agency is deemed to agree to disclosure')
        : t(
            '逾期未提出意见的，由行政机关依照本条例的规定决定',
            'if it is silent, the agency decides under the Regulation',
          );
    const w = who(c);
    l.steps.push({
      date: by,
      kind: 'consultation_window_end',
      cause: 'consultation',
      article,
      text: t(
        `${w.zh}提出意见的15个工作日期限届满；未在期限内提出意见的，征求意见所需时间至此结束，次日起恢复计算（${article}：${silence.zh}）`,
        `the 15 working days for ${w.en} to reply end; without a reply by then the consultation time ends here and the clock runs again from the next day (${article}: ${silence.en})`,
      ),
    });
    if (asOf && asOf > by && !c.endedOn)
      l.warnings.push({
        code: 'consultation_lapsed',
        date: by,
        text: t(
          `${w.zh}未在${by}前提出意见，征求意见所需时间已于${by}结束，答复期限已恢复计算（${article}）`,
          `${w.en} did not reply by ${by}; the consultation time ended then and the clock runs again (${article})`,
        ),
      });
  }
}

/** Art. 33: one step per extension; one approved after the due date it would extend is not applied. */
function extensionFindings(l: Ledger, run: CountRun): void {
  const { art } = l;
  for (const x of l.extensions) {
    l.steps.push({
      date: x.date,
      kind: 'extension',
      days: x.days,
      article: art.ext,
      text: t(
        `经政府信息公开工作机构负责人同意并告知申请人，延长答复期限${x.days}个工作日（${art.ext}）`,
        `extension of ${x.days} working days approved by the head of the disclosure office (${art.ext})`,
      ),
    });
    if (run.applied.includes(x) || !run.baseDue) continue;
    l.violations.push({
      code: 'extension_after_due_date',
      date: x.date,
      text:
        run.applied.length === 0
          ? t(
              `延期应在原答复期限${run.baseDue}届满前批准并告知，延期未予计算`,
              `an extension must be approved before the original due date ${run.baseDue}; it was not applied`,
            )
          : t(
              `延期应在答复期限${run.due}届满前批准并告知，该次延期未予计算`,
              `an extension must be approved before the due date ${run.due}; this one was not applied`,
            ),
    });
  }
}

function lateNoticeFindings(l: Ledger, run: CountRun): void {
  const fee = l.fee && !l.feePauses ? [l.fee.pause] : [];
  for (const p of [...l.pauses, ...fee]) {
    if (!run.due || p.from < run.due) continue;
    // The fee notice must go out “在政府信息公开申请处理期限内” (docs/domain/fees.md#fee-notice, as restated by 四川).
    if (p.cause === 'fee')
      l.violations.push({
        code: 'fee_notice_after_due_date',
        date: p.from,
        text: t(
          `收费通知应在答复期限${run.due}内发出，不延长期限`,
          `the fee notice had to be sent by the due date ${run.due}; it does not extend it`,
        ),
      });
    else
      l.warnings.push({
        code: 'pause_after_due_date',
        date: p.from,
        text: t(
          `答复期限已于${run.due}届满，其后的征求意见不再延长期限`,
          `the reply was already due on ${run.due}; a later consultation does not extend it`,
        ),
      });
  }
}

/** Art. 35: the agency's reasonable period replaces the Art. 33 date; it must be set before that
 *  date (each later one before the period already set). No fixed cap. */
function delayedDueDate(l: Ledger, due: IsoDate | null): IsoDate | null {
  let current = due;
  for (const d of l.delays) {
    if (current && d.date > current)
      l.violations.push({
        code: 'delay_after_due_date',
        date: d.date,
        text: t(`延迟答复期限应在${current}前确定`, `the delayed-reply period had to be set before ${current}`),
      });
    if (!current || d.until > current) current = d.until;
    l.steps.push({
      date: d.date,
      kind: 'delayed_reply',
      until: d.until,
      article: l.art.delay,
      text: t(
        `确定延迟答复的合理期限至${d.until}（${l.art.delay}）`,
        `reasonable delayed-reply period set until ${d.until} (${l.art.delay})`,
      ),
    });
  }
  return current;
}

interface Paused {
  readonly status: DeadlineStatus;
  readonly pausedBy?: 'consultation' | 'fee';
  readonly pausedUntil?: IsoDate;
  readonly provisionalDueDate?: IsoDate;
  readonly remaining?: number;
}

/** The clock on the as-of date (without one: as the recorded events leave it). */
function statusOf(l: Ledger, run: CountRun, asOf: IsoDate | undefined, abandoned: boolean): Paused {
  if (l.repliedOn) return { status: 'replied' };
  // An unpaid fee past its deadline: still reported with the days that were left.
  if (abandoned) return { status: 'abandoned', ...(run.openPause ? { remaining: run.remaining! } : {}) };
  if (l.awaitingCorrection) return { status: 'awaiting_correction' };
  const closeAt = (p: Pause): Pause => ({ ...p, to: asOf! > p.from ? asOf! : p.from, unanswered: false });
  const provisional = (live: readonly Pause[]) =>
    asOf
      ? (count(
          l,
          l.pauses.map((p) => (live.includes(p) ? closeAt(p) : p)),
          false,
        ).due ?? undefined)
      : undefined;
  const open = run.openPause;
  if (open) {
    const due = provisional([open]);
    return {
      status: 'paused',
      pausedBy: open.cause,
      ...(due ? { provisionalDueDate: due } : {}),
      remaining: run.remaining!,
    };
  }
  // A consultation with a time limit still unanswered on asOf: paused, with the due date known.
  const live = l.pauses.filter(
    (p) => p.unanswered && p.to !== null && (!run.due || p.from < run.due) && (!asOf || asOf <= p.to),
  );
  if (live.length === 0) return { status: 'running' };
  const cut = asOf ?? live.reduce((min, p) => (p.from < min ? p.from : min), live[0]!.from);
  const counted = run.steps.filter((s) => s.kind === 'day' && s.counted && s.date <= cut).length;
  const total = l.baseDays + run.applied.reduce((n, x) => n + x.days, 0);
  const due = provisional(live);
  return {
    status: 'paused',
    pausedBy: 'consultation',
    pausedUntil: live.reduce((max, p) => (p.to! > max ? p.to! : max), live[0]!.to!),
    ...(due ? { provisionalDueDate: due } : {}),
    remaining: total - counted,
  };
}

function abandonment(l: Ledger, asOf: IsoDate | undefined): 'fee' | 'correction' | null {
  if (asOf === undefined) return null;
  if (l.fee && l.fee.pause.to === null && asOf > l.fee.payBy) return 'fee';
  const by = l.correctionRequested?.correctBy;
  if (l.awaitingCorrection && by !== undefined && asOf > by) return 'correction';
  return null;
}

export function assembleResult(l: Ledger, asOf: IsoDate | undefined): DeadlineResult {
  const abandoned = abandonment(l, asOf);
  l.steps.unshift(openingStep(l));
  const run = count(l, l.pauses, l.awaitingCorrection);
  l.steps.push(...run.steps);
  windowEndFindings(l, run, asOf);
  extensionFindings(l, run);
  lateNoticeFindings(l, run);
  const dueDate = delayedDueDate(l, run.due);
  if (dueDate)
    l.steps.push({ date: dueDate, kind: 'due_date', text: t(`答复期限届满日：${dueDate}`, `reply due on ${dueDate}`) });
  const state = statusOf(l, run, asOf, abandoned !== null);
  const { status } = state;
  if (abandoned === 'fee')
    l.warnings.push({
      code: 'abandoned_unpaid_fee',
      text: t(
        `申请人未在${l.fee!.payBy}前缴费，视为放弃申请`,
        `fee not paid by ${l.fee!.payBy}: the application is treated as abandoned`,
      ),
    });
  if (abandoned === 'correction') {
    const by = l.correctionRequested!.correctBy;
    l.warnings.push({
      code: 'abandoned_no_correction',
      text: t(
        `申请人未在${by}前补正，视为放弃申请（${l.art.corr}）`,
        `no correction by ${by}: the application is treated as abandoned (${l.art.corr})`,
      ),
    });
  }
  const repliedOn = l.repliedOn;
  if (repliedOn)
    l.steps.push({
      date: repliedOn,
      kind: 'replied',
      text:
        dueDate && repliedOn > dueDate
          ? t(`已答复（逾期，期限为${dueDate}）`, `replied, late (due ${dueDate})`)
          : t('已答复', 'replied'),
    });
  const provisionalYears = l.calendar.uncoveredYears(l.receivedOn, dueDate ?? asOf ?? l.clockStart);
  for (const y of provisionalYears)
    l.warnings.push({
      code: 'calendar_year_not_covered',
      text: t(
        `未载入国务院${y}年放假安排通知，${y}年暂按法定节假日和周末计算，期限待通知公布后确认`,
        l.calendar.coverage(y).warning!,
      ),
    });
  l.steps.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : stepOrder(a) - stepOrder(b)));
  const consultationReplyBy = l.consultations.flatMap((c) =>
    c.replyBy ? [{ ...(c.ref ? { ref: c.ref } : {}), party: c.party, replyBy: c.replyBy }] : [],
  );
  return {
    rules: l.rules,
    receivedOn: l.receivedOn,
    clockStart: l.clockStart,
    baseDays: l.baseDays,
    extensionDays: run.applied.reduce((n, x) => n + x.days, 0),
    pausedDays: run.pausedDays,
    countStartDay: l.count.countStartDay ?? false,
    feeNoticePausesClock: l.feePauses,
    deadlines: {
      ...(l.correctionRequestBy ? { correctionRequestBy: l.correctionRequestBy } : {}),
      consultationReplyBy,
      ...(l.fee ? { feePaymentBy: l.fee.payBy } : {}),
    },
    status,
    ...(status === 'paused' && state.pausedBy ? { pausedBy: state.pausedBy } : {}),
    dueDate: status === 'abandoned' || status === 'awaiting_correction' ? null : dueDate,
    baseDueDate: status === 'awaiting_correction' ? null : run.baseDue,
    ...(state.provisionalDueDate ? { provisionalDueDate: state.provisionalDueDate } : {}),
    ...(state.pausedUntil ? { pausedUntil: state.pausedUntil } : {}),
    ...(state.remaining !== undefined ? { remainingWhenPaused: state.remaining } : {}),
    ...(repliedOn ? { repliedOn, ...(dueDate ? { repliedOnTime: repliedOn <= dueDate } : {}) } : {}),
    steps: l.steps,
    violations: l.violations,
    warnings: l.warnings,
    provisionalYears: dueDate && status !== 'abandoned' && status !== 'awaiting_correction' ? provisionalYears : [],
  };
}
