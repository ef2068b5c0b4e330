// The presenter's mappings: an agency without figures reads as zeros, the total share divides the summed
// numerators, the links carry the agency and the year, and the breakdowns keep every unit and month.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentByMonth, presentByUnit, presentOversight } from './supervision.presenter.ts';

test('presentOversight: rows in the given order, zeros for an agency without figures, the total of all', () => {
  const { rows, total } = presentOversight(
    [
      { id: 2, code: 'yueyang-hrss', name: '市人社局', depth: 0 },
      { id: 3, code: 'county', name: '县人社局', depth: 1 },
    ],
    new Map([[2, { published: 4, withDueDate: 3, inTime: 2, overdueUnpublished: 1 }]]),
    new Map([[3, { received: 2, answered: 2, answeredInTime: 1, open: 0, overdue: 0 }]]),
    new Map([[2, 'late' as const]]),
    2026,
  );
  assert.deepEqual(
    rows.map((r) => [r.code, r.published, r.art26InTime.percent, r.received, r.answeredInTime.percent, r.report]),
    [
      ['yueyang-hrss', 4, '66.7%', 0, '—', 'late'],
      ['county', 0, '—', 2, '50.0%', null],
    ],
  );
  assert.equal(rows[0]!.catalogHref, '/catalog?agency=yueyang-hrss&year=2026');
  assert.equal(rows[1]!.breakdownHref, '/admin/oversight/3?year=2026');
  assert.deepEqual(total.art26InTime, { percent: '66.7%', numerator: 2, denominator: 3 });
  assert.equal(total.received, 2);
});

test('presentByUnit keeps units without figures and names a unit no longer on record; presentByMonth has twelve months', () => {
  const byUnit = presentByUnit(
    [
      { id: 10, name: '办公室' },
      { id: 11, name: '政策法规科' },
    ],
    new Map([
      [11, { published: 2, withDueDate: 2, inTime: 1, overdueUnpublished: 0 }],
      [99, { published: 1, withDueDate: 0, inTime: 0, overdueUnpublished: 1 }],
    ]),
  );
  assert.deepEqual(
    byUnit.rows.map((r) => [r.key.id, r.key.name, r.figures.published]),
    [
      [10, '办公室', 0],
      [11, '政策法规科', 2],
      [99, null, 1],
    ],
  );
  assert.equal(byUnit.total.published, 3);
  assert.equal(byUnit.total.overdueUnpublished, 1);
  const byMonth = presentByMonth(
    2026,
    new Map([['2026-03', { received: 2, answered: 1, answeredInTime: 1, open: 1, overdue: 1 }]]),
  );
  assert.equal(byMonth.rows.length, 12);
  assert.equal(byMonth.rows[0]!.key, '2026-01');
  assert.equal(byMonth.rows[2]!.figures.received, 2);
  assert.equal(byMonth.total.overdueOpen, 1);
});
