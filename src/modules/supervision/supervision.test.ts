// The indicator arithmetic, by tables of cases worked out by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chosenYear, percentText, share, sumApplications, sumPublications, withinLimit } from './supervision.ts';

test('withinLimit: the last day of the limit is in time; not done or no limit counts nowhere', () => {
  const cases: [string | null, string | null, boolean | null][] = [
    ['2026-03-19', '2026-03-20', true], // a day early
    ['2026-03-20', '2026-03-20', true], // on the last day of the limit
    ['2026-03-21', '2026-03-20', false], // a day late
    ['2026-12-31', '2027-01-04', true], // across the year end: string order is date order
    [null, '2026-03-20', null], // not yet published / answered
    ['2026-03-20', null, null], // no limit (not proactive, or a stopped clock)
  ];
  for (const [done, due, expected] of cases) assert.equal(withinLimit(done, due), expected, `${done} vs ${due}`);
});

test('share and percentText: one decimal, half up; 0 of 0 is no share', () => {
  const cases: [number, number, string][] = [
    [2, 3, '66.7%'], // 0.6666… → 66.7
    [1, 3, '33.3%'],
    [7, 8, '87.5%'],
    [1, 8, '12.5%'], // 12.5 exactly
    [1, 16, '6.3%'], // 6.25 → half up 6.3
    [3, 3, '100.0%'],
    [0, 4, '0.0%'],
    [0, 0, '—'],
  ];
  for (const [n, d, text] of cases) assert.equal(percentText(share(n, d)), text, `${n}/${d}`);
  assert.equal(share(0, 0), null);
});

test('totals add every figure; the total share is the sum of numerators over the sum of denominators', () => {
  const total = sumPublications([
    { published: 4, withDueDate: 3, inTime: 2, overdueUnpublished: 1 },
    { published: 1, withDueDate: 1, inTime: 1, overdueUnpublished: 0 },
  ]);
  assert.deepEqual(total, { published: 5, withDueDate: 4, inTime: 3, overdueUnpublished: 1 });
  // 3/4, not the mean of 66.7 % and 100 %.
  assert.equal(percentText(share(total.inTime, total.withDueDate)), '75.0%');
  assert.deepEqual(
    sumApplications([
      { received: 4, answered: 2, answeredInTime: 1, open: 2, overdue: 1 },
      { received: 1, answered: 1, answeredInTime: 1, open: 0, overdue: 0 },
    ]),
    { received: 5, answered: 3, answeredInTime: 2, open: 2, overdue: 1 },
  );
});

test('chosenYear: this year by default; 2008 up to this year; anything else is a 404', () => {
  const today = '2026-06-15';
  const cases: [string | undefined, number | null][] = [
    [undefined, 2026],
    ['', 2026],
    ['2025', 2025],
    ['2008', 2008],
    ['2007', null],
    ['2027', null],
    ['26', null],
    ['2026x', null],
  ];
  for (const [raw, year] of cases) assert.equal(chosenYear(raw, today), year, String(raw));
});
