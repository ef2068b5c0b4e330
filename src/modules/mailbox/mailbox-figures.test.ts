// The mailbox figures on a table of cases whose figures are worked out by hand (the working days
// on the official 2025 calendar, make-up Sunday 28 September and the National Day week included).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import {
  groupMailboxFigures,
  mailboxRates,
  monthOf,
  NO_MAILBOX_FIGURES,
  sumMailboxFigures,
  type FigureCase,
} from './mailbox-figures.ts';

const calendar = defaultCalendar();
const workingDays = (a: string, b: string) => calendar.workingDaysBetween(a, b);
const TODAY = '2025-10-20';

function kase(partial: Partial<FigureCase>): FigureCase {
  return {
    agencyId: 1,
    unitId: 10,
    source: 'letter',
    receivedOn: '2025-03-03',
    dueDate: '2025-03-20',
    repliedOn: null,
    rating: null,
    redone: false,
    handledElsewhere: false,
    ...partial,
  };
}

// The table. Working days d with received < d ≤ replied:
//  a  Fri 26 Sep → Thu 9 Oct: Sun 28 Sep (make-up), Mon 29, Tue 30, (1–8 Oct off), Thu 9 Oct = 4; due 10 Oct: in time
//  b  Mon 3 Mar → Mon 3 Mar, the same day = 0; due 6 Mar: in time
//  c  Mon 3 Mar → Thu 6 Mar: Tue 4, Wed 5, Thu 6 = 3; due 5 Mar: late
//  d  Fri 14 Mar → Mon 17 Mar: Mon 17 = 1; due 17 Mar: in time (the last day counts)
//  e  unanswered, due 15 Oct < today 20 Oct: overdue
//  f  unanswered, due 20 Oct = today: not yet overdue
//  g  a work order returned to the centre: received, nothing else (its old due date is not overdue)
//  h  a letter converted into an application: received, nothing else
const CASES: readonly FigureCase[] = [
  kase({
    unitId: 10,
    receivedOn: '2025-09-26',
    dueDate: '2025-10-10',
    repliedOn: '2025-10-09',
    rating: 'satisfied',
  }),
  kase({ unitId: 10, receivedOn: '2025-03-03', dueDate: '2025-03-06', repliedOn: '2025-03-03', rating: 'satisfied' }),
  kase({
    unitId: 11,
    source: 'hotline',
    receivedOn: '2025-03-03',
    dueDate: '2025-03-05',
    repliedOn: '2025-03-06',
    rating: 'dissatisfied',
    redone: true,
  }),
  kase({
    unitId: 11,
    receivedOn: '2025-03-14',
    dueDate: '2025-03-17',
    repliedOn: '2025-03-17',
    rating: 'basically_satisfied',
  }),
  kase({ unitId: null, receivedOn: '2025-09-30', dueDate: '2025-10-15' }),
  kase({ unitId: null, receivedOn: '2025-10-17', dueDate: '2025-10-20' }),
  kase({ unitId: null, source: 'hotline', receivedOn: '2025-03-10', dueDate: '2025-03-12', handledElsewhere: true }),
  kase({ unitId: 10, receivedOn: '2025-09-26', dueDate: '2025-10-16', handledElsewhere: true }),
];

test('the whole table: every figure counted by hand', () => {
  const total = sumMailboxFigures([...groupMailboxFigures(CASES, () => 'all', TODAY, workingDays).values()]);
  assert.deepEqual(total, {
    received: 8,
    handledElsewhere: 2, // g, h
    answered: 4, // a b c d
    answeredInTime: 3, // a b d
    overdue: 1, // e
    workingDaysToAnswer: 8, // 4 + 0 + 3 + 1
    satisfied: 2, // a b
    basicallySatisfied: 1, // d
    dissatisfied: 1, // c
    redone: 1, // c
  });
  const rates = mailboxRates(total);
  assert.equal(rates.inTime, 3 / 4);
  assert.equal(rates.averageWorkingDays, 2); // 8 / 4
  assert.equal(rates.rated, 4);
  assert.equal(rates.satisfied, 2 / 4);
  assert.equal(rates.basicallySatisfied, 1 / 4);
  assert.equal(rates.dissatisfied, 1 / 4);
  assert.equal(rates.redo, 1 / 4);
});

test('by unit and by month: each case once, in the group of its receipt', () => {
  const byUnit = groupMailboxFigures(CASES, (c) => c.unitId, TODAY, workingDays);
  assert.deepEqual([...byUnit.keys()], [10, 11, null]);
  assert.deepEqual(
    [...byUnit.entries()].map(([unit, f]) => [unit, f.received, f.answered, f.answeredInTime, f.workingDaysToAnswer]),
    [
      [10, 3, 2, 2, 4], // a b h
      [11, 2, 2, 1, 4], // c d
      [null, 3, 0, 0, 0], // e f g
    ],
  );
  // Unit 11: (3 + 1) / 2 = 2.0 working days; one redo of two answers.
  assert.equal(mailboxRates(byUnit.get(11)!).averageWorkingDays, 2);
  assert.equal(mailboxRates(byUnit.get(11)!).redo, 0.5);
  const byMonth = groupMailboxFigures(CASES, monthOf, TODAY, workingDays);
  assert.deepEqual(
    [...byMonth.entries()].map(([m, f]) => [m, f.received, f.answered, f.overdue]),
    [
      ['2025-09', 3, 1, 1], // a e h
      ['2025-03', 4, 3, 0], // b c d g
      ['2025-10', 1, 0, 0], // f
    ],
  );
});

test('no answers: every share is null, never 0 % or NaN', () => {
  const rates = mailboxRates(NO_MAILBOX_FIGURES);
  assert.deepEqual(rates, {
    inTime: null,
    averageWorkingDays: null,
    rated: 0,
    satisfied: null,
    basicallySatisfied: null,
    dissatisfied: null,
    redo: null,
  });
});

test('the mean is rounded to one decimal, half up: 7 days over 3 answers is 2.3; 5 over 2 is 2.5', () => {
  const f = (days: number, answered: number) =>
    mailboxRates({ ...NO_MAILBOX_FIGURES, answered, workingDaysToAnswer: days }).averageWorkingDays;
  assert.equal(f(7, 3), 2.3);
  assert.equal(f(5, 2), 2.5);
  assert.equal(f(1, 6), 0.2); // 0.1666…
});
