// The mailbox rows of the oversight pages from figures worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { NO_MAILBOX_FIGURES, type MailboxFigures } from '../mailbox/index.ts';
import {
  presentMailboxByAgency,
  presentMailboxByMonth,
  presentMailboxByUnit,
  presentMailboxFigures,
} from './mailbox.presenter.ts';

const F: MailboxFigures = {
  ...NO_MAILBOX_FIGURES,
  received: 9,
  handledElsewhere: 1,
  answered: 7,
  answeredInTime: 6,
  overdue: 1,
  workingDaysToAnswer: 16, // 16 / 7 = 2.285… → 2.3
  satisfied: 3,
  basicallySatisfied: 2,
  dissatisfied: 1,
  redone: 1,
};

test('one row: shares with what they divide, the mean to one decimal', () => {
  assert.deepEqual(presentMailboxFigures(F), {
    received: 9,
    answered: 7,
    answeredInTime: { percent: '85.7%', numerator: 6, denominator: 7 },
    overdue: 1,
    averageWorkingDays: '2.3',
    satisfaction: { percent: '83.3%', numerator: 5, denominator: 6 }, // (3 + 2) / 6
    redo: { percent: '14.3%', numerator: 1, denominator: 7 },
  });
  assert.equal(presentMailboxFigures(NO_MAILBOX_FIGURES).averageWorkingDays, '—');
  assert.equal(presentMailboxFigures(NO_MAILBOX_FIGURES).satisfaction.percent, '—');
});

test('per agency in tree order with its drill-down; per unit with the unassigned last; twelve months', () => {
  const agencies = [
    { id: 1, code: 'a', name: '市局', depth: 0 },
    { id: 2, code: 'b', name: '县局', depth: 1 },
  ];
  const byAgency = presentMailboxByAgency(agencies, new Map([[2, F]]), 2025);
  assert.deepEqual(
    byAgency.rows.map((r) => [r.label, r.href, r.figures.received]),
    [
      ['市局', '/admin/oversight/1?year=2025#mailbox', 0],
      ['　县局', '/admin/oversight/2?year=2025#mailbox', 9],
    ],
  );
  assert.equal(byAgency.total.received, 9);
  const byUnit = presentMailboxByUnit(
    [{ id: 10, name: '就业促进科' }],
    new Map<unknown, MailboxFigures>([
      [null, { ...NO_MAILBOX_FIGURES, received: 2 }],
      [11, { ...NO_MAILBOX_FIGURES, received: 1 }],
    ]),
  );
  assert.deepEqual(
    byUnit.rows.map((r) => [r.key, r.label, r.figures.received]),
    [
      [10, '就业促进科', 0],
      [11, null, 1],
      [null, null, 2],
    ],
  );
  assert.equal(byUnit.total.received, 3);
  const byMonth = presentMailboxByMonth(2025, new Map([['2025-03', F]]));
  assert.equal(byMonth.rows.length, 12);
  assert.equal(byMonth.rows[2]!.figures.received, 9);
});
