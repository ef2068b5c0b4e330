import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import {
  clockState,
  computeDeadline,
  correctionDeadline,
  DeadlineInputError,
  feePaymentDeadline,
  receiptDate,
  rulesFor,
  thirdPartyReplyDeadline,
  workingDaysLeft,
  type ClockEvent,
  type DeadlineOptions,
  type DeadlineResult,
} from './deadline.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { InvalidDateError } from '../../platform/calendar/dates.ts';

interface Case {
  id: string;
  description: string;
  receivedOn: string;
  asOf?: string;
  options?: DeadlineOptions;
  events: ClockEvent[];
  expected: {
    error?: string;
    violations?: string[];
    warnings?: string[];
    deadlines?: { correctionRequestBy?: string; feePaymentBy?: string; consultationReplyBy?: string[] };
    [field: string]: unknown;
  };
  note: string;
}

const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/application-deadlines.json', import.meta.url), 'utf8'),
) as { cases: Case[] };
const calendar = defaultCalendar();

function run(c: Case): DeadlineResult {
  return computeDeadline(
    {
      receivedOn: c.receivedOn,
      events: c.events,
      ...(c.asOf ? { asOf: c.asOf } : {}),
      ...(c.options ? { options: c.options } : {}),
    },
    calendar,
  );
}

test('golden table has at least 40 hand-counted cases', () => {
  assert.ok(fixture.cases.length >= 40);
  assert.equal(new Set(fixture.cases.map((c) => c.id)).size, fixture.cases.length, 'unique ids');
});

for (const c of fixture.cases) {
  test(`golden ${c.id}: ${c.description}`, () => {
    const { error, violations, warnings, deadlines, ...fields } = c.expected;
    if (error) {
      assert.throws(
        () => run(c),
        (e: unknown) => e instanceof Error && e.name === error,
        c.note,
      );
      return;
    }
    const result = run(c);
    const why = `${c.id} — hand count: ${c.note}`;
    for (const [field, value] of Object.entries(fields)) {
      assert.deepEqual((result as unknown as Record<string, unknown>)[field], value, `${field}: ${why}`);
    }
    if (violations)
      assert.deepEqual(
        result.violations.map((v) => v.code),
        violations,
        `violations: ${why}`,
      );
    for (const code of warnings ?? [])
      assert.ok(
        result.warnings.some((w) => w.code === code),
        `warning ${code}: ${why}`,
      );
    if (deadlines?.correctionRequestBy)
      assert.equal(result.deadlines.correctionRequestBy, deadlines.correctionRequestBy, `correctionRequestBy: ${why}`);
    if (deadlines?.feePaymentBy)
      assert.equal(result.deadlines.feePaymentBy, deadlines.feePaymentBy, `feePaymentBy: ${why}`);
    if (deadlines?.consultationReplyBy) {
      assert.deepEqual(
        result.deadlines.consultationReplyBy.map((r) => r.replyBy),
        deadlines.consultationReplyBy,
        `consultationReplyBy: ${why}`,
      );
    }
    // The explanation must end on the due date and count exactly the working days it claims.
    if (result.dueDate && !c.events.some((e) => e.type === 'delayed_reply_set')) {
      const counted = result.steps.filter((s) => s.kind === 'day' && s.counted);
      assert.equal(counted.at(-1)?.date, result.dueDate, `last counted day: ${why}`);
      assert.equal(counted.length, result.baseDays + result.extensionDays, `counted days: ${why}`);
    }
    assert.doesNotThrow(() => JSON.stringify(result));
  });
}

test('statutory helper deadlines', () => {
  // Art. 30: 7 WD. 2026-02-12 → 2/13, Sat 2/14, 2/24–27, Sat 2/28 = 7th.
  assert.equal(correctionDeadline('2026-02-12', calendar), '2026-02-28');
  // Art. 32: 15 WD. 2025-09-24 → 9/25, 26, 28, 29, 30, 10/9, 10, 11, 13–17, 20, 21.
  assert.equal(thirdPartyReplyDeadline('2025-09-24', calendar), '2025-10-21');
  // Fee: 20 WD from the next day. 2025-12-31 → 1/4 (1), 1/5–9 (6), 1/12–16 (11), 1/19–23 (16), 1/26–29 (20).
  assert.equal(feePaymentDeadline('2025-12-31', calendar), '2026-01-29');
  // The fee rule says 次日起 explicitly, so countStartDay never applies to it.
  assert.equal(feePaymentDeadline('2026-03-02'), '2026-03-30');
});

test('rules version switches on 2019-05-15; nothing before 2008-05-01', () => {
  assert.equal(rulesFor('2019-05-14'), '2008');
  assert.equal(rulesFor('2019-05-15'), '2019');
  assert.equal(rulesFor('2008-05-01'), '2008');
  assert.throws(() => rulesFor('2008-04-30'), DeadlineInputError);
  const forced = computeDeadline({ receivedOn: '2019-05-14', options: { rules: '2019' } }, calendar);
  assert.equal(forced.rules, '2019');
  assert.equal(forced.baseDays, 20);
});

test('Art. 31 receipt date by channel', () => {
  assert.equal(receiptDate('in_person', { submittedOn: '2026-03-02' }), '2026-03-02');
  assert.equal(receiptDate('post_signed', { submittedOn: '2026-02-27', signedOn: '2026-03-03' }), '2026-03-03');
  assert.equal(receiptDate('post_unsigned', { confirmedOn: '2026-03-04' }), '2026-03-04');
  assert.equal(receiptDate('online', { submittedOn: '2026-03-01', confirmedOn: '2026-03-02' }), '2026-03-02');
  assert.throws(() => receiptDate('fax', { submittedOn: '2026-03-01' }), /confirmedOn/);
});

test('steps explain the clock day by day', () => {
  const r = computeDeadline({ receivedOn: '2026-02-12' }, calendar);
  assert.equal(r.steps[0]!.kind, 'clock_started');
  assert.equal(r.steps[0]!.date, '2026-02-12');
  assert.match(r.steps[0]!.text.zh, /20个工作日/);
  const sat = r.steps.find((s) => s.date === '2026-02-14' && s.kind === 'day')!;
  assert.deepEqual([sat.counted, sat.ordinal, sat.reason, sat.holidayName], [true, 2, 'makeup_workday', '春节']);
  assert.match(sat.text.zh, /调休上班（春节），计第2个工作日/);
  const eve = r.steps.find((s) => s.date === '2026-02-16')!;
  assert.deepEqual([eve.counted, eve.reason], [false, 'holiday']);
  assert.equal(r.steps.at(-1)!.kind, 'due_date');
  assert.equal(r.steps.at(-1)!.date, '2026-03-18');
  // Dates never go backwards.
  for (let i = 1; i < r.steps.length; i++) assert.ok(r.steps[i - 1]!.date <= r.steps[i]!.date);
});

test('paused days are explained as paused, not as weekends', () => {
  const r = computeDeadline(
    {
      receivedOn: '2026-03-02',
      events: [
        { type: 'fee_notice_sent', date: '2026-03-10' },
        { type: 'fee_paid', date: '2026-03-20' },
      ],
    },
    calendar,
  );
  const day = r.steps.find((s) => s.kind === 'day' && s.date === '2026-03-11')!;
  assert.deepEqual([day.counted, day.reason], [false, 'paused_fee']);
  const weekend = r.steps.find((s) => s.kind === 'day' && s.date === '2026-03-14')!;
  assert.equal(weekend.reason, 'weekend');
  assert.ok(r.steps.some((s) => s.kind === 'pause_started' && s.cause === 'fee' && s.until === '2026-04-08'));
  assert.ok(r.steps.some((s) => s.kind === 'pause_ended' && s.cause === 'fee' && s.days === 8));
});

test('clockState for display', () => {
  const r = computeDeadline({ receivedOn: '2026-03-02' }, calendar); // due 2026-03-30
  assert.equal(clockState('2026-03-10', r), 'running');
  assert.equal(workingDaysLeft('2026-03-23', r), 5); // 3/24–27, 3/30
  assert.equal(clockState('2026-03-23', r), 'due_soon');
  assert.equal(clockState('2026-03-20', r), 'running'); // 6 left
  assert.equal(clockState('2026-03-30', r), 'due_soon');
  assert.equal(workingDaysLeft('2026-03-30', r), 0);
  assert.equal(clockState('2026-03-31', r), 'overdue');

  const paused = computeDeadline(
    { receivedOn: '2026-03-02', asOf: '2026-03-20', events: [{ type: 'consultation_started', date: '2026-03-06' }] },
    calendar,
  );
  assert.equal(clockState('2026-03-20', paused), 'paused');
  const fee = computeDeadline(
    { receivedOn: '2026-03-02', asOf: '2026-03-25', events: [{ type: 'fee_notice_sent', date: '2026-03-10' }] },
    calendar,
  );
  assert.equal(clockState('2026-03-25', fee), 'awaiting_payment');
  assert.equal(clockState('2026-04-09', fee), 'abandoned', 'pay-by 4/8 has passed');
  const correction = computeDeadline(
    { receivedOn: '2026-03-02', events: [{ type: 'correction_requested', date: '2026-03-04' }] },
    calendar,
  );
  assert.equal(clockState('2026-03-05', correction), 'awaiting_correction');
  const late = computeDeadline(
    { receivedOn: '2026-03-02', events: [{ type: 'replied', date: '2026-03-31' }] },
    calendar,
  );
  assert.equal(late.repliedOnTime, false);
  assert.equal(clockState('2026-04-10', late), 'replied_late');
});

test('bad clock events are rejected with DeadlineInputError', () => {
  const bad: [string, ClockEvent[], string?][] = [
    ['before receipt', [{ type: 'replied', date: '2026-03-01' }]],
    ['after asOf', [{ type: 'replied', date: '2026-03-20' }], '2026-03-10'],
    ['end without start', [{ type: 'consultation_ended', date: '2026-03-05' }]],
    [
      'end with unknown ref',
      [
        { type: 'consultation_started', date: '2026-03-04', ref: 'A' },
        { type: 'consultation_ended', date: '2026-03-05', ref: 'B' },
      ],
    ],
    ['correction received without request', [{ type: 'correction_received', date: '2026-03-05' }]],
    ['fee paid without notice', [{ type: 'fee_paid', date: '2026-03-05' }]],
    [
      'second open fee notice',
      [
        { type: 'fee_notice_sent', date: '2026-03-04' },
        { type: 'fee_notice_sent', date: '2026-03-05' },
      ],
    ],
    ['zero-day extension', [{ type: 'extension_approved', date: '2026-03-05', days: 0 }]],
    ['21-day extension', [{ type: 'extension_approved', date: '2026-03-05', days: 21 }]],
    [
      'event after reply',
      [
        { type: 'replied', date: '2026-03-05' },
        { type: 'extension_approved', date: '2026-03-06', days: 5 },
      ],
    ],
    ['delay until before it is set', [{ type: 'delayed_reply_set', date: '2026-03-05', until: '2026-03-04' }]],
  ];
  for (const [why, events, asOf] of bad) {
    assert.throws(
      () => computeDeadline({ receivedOn: '2026-03-02', events, ...(asOf ? { asOf } : {}) }, calendar),
      DeadlineInputError,
      why,
    );
  }
  assert.throws(
    () =>
      computeDeadline(
        { receivedOn: '2018-03-05', events: [{ type: 'delayed_reply_set', date: '2018-03-06', until: '2018-05-01' }] },
        calendar,
      ),
    DeadlineInputError,
    'Art. 35 is 2019 only',
  );
  assert.throws(() => computeDeadline({ receivedOn: '2026-02-30' }, calendar), InvalidDateError);
  assert.throws(
    () => computeDeadline({ receivedOn: '2026-03-02', events: [{ type: 'replied', date: '2026-3-5' }] }, calendar),
    InvalidDateError,
  );
});

test('a second correction request is a violation of the one-time rule', () => {
  const r = computeDeadline(
    {
      receivedOn: '2026-03-02',
      events: [
        { type: 'correction_requested', date: '2026-03-04' },
        { type: 'correction_received', date: '2026-03-06' },
        { type: 'correction_requested', date: '2026-03-09' },
        { type: 'correction_received', date: '2026-03-12' },
      ],
    },
    calendar,
  );
  assert.deepEqual(
    r.violations.map((v) => v.code),
    ['correction_not_one_time'],
  );
  assert.equal(r.clockStart, '2026-03-12');
});

test('a year without a holiday notice is flagged', () => {
  const r = computeDeadline({ receivedOn: '2026-12-15' }, calendar);
  assert.ok(r.warnings.some((w) => w.code === 'calendar_year_not_covered'));
});

test('a consultation started after the due date is only a warning', () => {
  const r = computeDeadline(
    {
      receivedOn: '2026-03-02',
      events: [
        { type: 'consultation_started', date: '2026-03-31' },
        { type: 'consultation_ended', date: '2026-04-02' },
      ],
    },
    calendar,
  );
  assert.equal(r.dueDate, '2026-03-30');
  assert.deepEqual(r.violations, []);
  assert.ok(r.warnings.some((w) => w.code === 'pause_after_due_date'));
});

// Issue 12 item 2 (Arts. 32, 34): received Mon 2026-03-02, third party consulted Fri 3/6. The
// party's 15 WD: 3/9–13 (5), 16–20 (10), 23–27 (15) → 3/27. 3/3–6 counted (4); silent, the clock
// runs again on Mon 3/30 (5): 3/31 (6), 4/1–3 (9), 4/4–6 清明, 4/7–10 (13), 4/13–17 (18), 4/20 (19),
// 4/21 (20). On 4/15 the days left are 4/16, 17, 20, 21 = 4.
test('a silent consulted party: the pause ends with its window and the clock state follows by itself', () => {
  const r = computeDeadline(
    { receivedOn: '2026-03-02', events: [{ type: 'consultation_started', date: '2026-03-06' }] },
    calendar,
  );
  assert.deepEqual(
    [r.status, r.pausedBy, r.pausedUntil, r.dueDate],
    ['paused', 'consultation', '2026-03-27', '2026-04-21'],
  );
  const end = r.steps.find((s) => s.kind === 'consultation_window_end')!;
  assert.equal(end.date, '2026-03-27');
  assert.match(end.text.zh, /次日起恢复计算（2019 条例第32条：逾期未提出意见的，由行政机关依照本条例的规定决定）/);
  const monday = r.steps.find((s) => s.kind === 'day' && s.date === '2026-03-30')!;
  assert.deepEqual([monday.counted, monday.ordinal], [true, 5]);
  assert.equal(clockState('2026-03-27', r), 'paused');
  assert.equal(clockState('2026-03-30', r), 'running');
  assert.equal(clockState('2026-04-15', r), 'due_soon');
  assert.equal(clockState('2026-04-22', r), 'overdue');
  // Another agency that stays silent is deemed to agree (Art. 34); the step says so.
  const agency = computeDeadline(
    {
      receivedOn: '2026-03-02',
      asOf: '2026-04-01',
      events: [{ type: 'consultation_started', date: '2026-03-06', party: 'agency' }],
    },
    calendar,
  );
  assert.match(agency.steps.find((s) => s.kind === 'consultation_window_end')!.text.zh, /逾期未提出意见的视为同意公开/);
  assert.ok(agency.warnings.some((w) => w.code === 'consultation_lapsed' && w.date === '2026-03-27'));
});

test('a reply before the window ends stops the pause there; a late one stops nothing', () => {
  // Answered Fri 3/13: paused 3/9–13 (5 WD) as D27; no window-end step.
  const early = computeDeadline(
    {
      receivedOn: '2026-03-02',
      events: [
        { type: 'consultation_started', date: '2026-03-06' },
        { type: 'consultation_ended', date: '2026-03-13' },
      ],
    },
    calendar,
  );
  assert.equal(early.dueDate, '2026-04-07');
  assert.ok(!early.steps.some((s) => s.kind === 'consultation_window_end'));
  // Answered Mon 3/30, after 3/27: the pause ended 3/27, and 3/30 is a counted day.
  const late = computeDeadline(
    {
      receivedOn: '2026-03-02',
      events: [
        { type: 'consultation_started', date: '2026-03-06' },
        { type: 'consultation_ended', date: '2026-03-30' },
      ],
    },
    calendar,
  );
  assert.ok(late.steps.some((s) => s.kind === 'late_reply' && s.date === '2026-03-30'));
  assert.ok(!late.steps.some((s) => s.kind === 'pause_ended'));
  assert.equal(late.steps.find((s) => s.kind === 'day' && s.date === '2026-03-30')!.counted, true);
  // A reply to the applicant inside the window ends the pause on the reply date.
  const replied = computeDeadline(
    {
      receivedOn: '2026-03-02',
      events: [
        { type: 'consultation_started', date: '2026-03-06' },
        { type: 'replied', date: '2026-03-20' },
      ],
    },
    calendar,
  );
  assert.deepEqual([replied.status, replied.pausedDays], ['replied', 10]); // 3/9–13, 16–20
  assert.ok(!replied.steps.some((s) => s.kind === 'consultation_window_end'));
});

test('extensions are capped in total: 20 working days (2019), 15 (2007)', () => {
  const ext = (date: string, days: number): ClockEvent => ({ type: 'extension_approved', date, days });
  assert.throws(
    () =>
      computeDeadline(
        { receivedOn: '2026-03-02', events: [ext('2026-03-20', 10), ext('2026-04-01', 10), ext('2026-04-10', 1)] },
        calendar,
      ),
    /extensions may total at most 20 working days .* would total 21/,
  );
  // 2007: received Mon 2018-03-05: 3/6–9 (4), 12–16 (9), 19–23 (14), 3/26 (15). +10 (3/20): 3/27–30 (19),
  // 4/2–4 (22), 4/5–7 清明, Sun 4/8 调休 (23), 4/9, 10 (25). +5 (4/2, before 4/10) fits the 15:
  // 4/11–13 (28), 4/16, 17 (30).
  const old = computeDeadline(
    { receivedOn: '2018-03-05', events: [ext('2018-03-20', 10), ext('2018-04-02', 5)] },
    calendar,
  );
  assert.equal(old.dueDate, '2018-04-17');
  assert.equal(old.extensionDays, 15);
  assert.throws(
    () =>
      computeDeadline({ receivedOn: '2018-03-05', events: [ext('2018-03-20', 10), ext('2018-04-02', 6)] }, calendar),
    DeadlineInputError,
  );
});

test('Art. 35: a later delayed-reply period replaces an earlier one when set before it ends', () => {
  // Due 3/30 (D01). First period to 5/29, set 3/20; a second to 6/30, set 5/20 (before 5/29): fine.
  const delay = (date: string, until: string): ClockEvent => ({ type: 'delayed_reply_set', date, until });
  const r = computeDeadline(
    { receivedOn: '2026-03-02', events: [delay('2026-03-20', '2026-05-29'), delay('2026-05-20', '2026-06-30')] },
    calendar,
  );
  assert.deepEqual([r.dueDate, r.violations.length], ['2026-06-30', 0]);
  // The second set on 6/1, after the first period ended on 5/29: flagged.
  const late = computeDeadline(
    { receivedOn: '2026-03-02', events: [delay('2026-03-20', '2026-05-29'), delay('2026-06-01', '2026-06-30')] },
    calendar,
  );
  assert.deepEqual(
    late.violations.map((v) => [v.code, v.date]),
    [['delay_after_due_date', '2026-06-01']],
  );
});
