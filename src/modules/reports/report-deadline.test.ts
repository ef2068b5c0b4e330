// The report task's window, reminder stages and report status, by dated cases.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  candidateReportYears,
  offeredReportYears,
  reminderStage,
  reportDueWindow,
  reportStatus,
} from './report-deadline.ts';

test('due window: hidden before 1 December, due until the deadline, overdue after', () => {
  const cases: [Parameters<typeof reportDueWindow>, string, number][] = [
    [['department', 2025, '2025-11-30'], 'hidden', 62],
    [['department', 2025, '2025-12-01'], 'due', 61],
    [['department', 2025, '2026-01-31'], 'due', 0],
    [['department', 2025, '2026-02-01'], 'overdue', -1],
    [['government', 2025, '2026-02-01'], 'due', 58],
    [['government', 2025, '2026-03-31'], 'due', 0],
    [['government', 2025, '2026-04-01'], 'overdue', -1],
    // 2007 Regulation Art. 31: every agency by 31 March (reports for 2018 and before).
    [['department', 2013, '2014-02-01'], 'due', 58],
    [['department', 2013, '2014-04-01'], 'overdue', -1],
    // 2028 is a leap year: 1 Dec 2027 → 31 Mar 2028 is 121 days.
    [['government', 2027, '2027-12-01'], 'due', 121],
  ];
  for (const [args, state, days] of cases) {
    const w = reportDueWindow(...args);
    assert.equal(w.state, state, args.join(' '));
    assert.equal(w.daysRemaining, days, args.join(' '));
  }
  assert.equal(reportDueWindow('department', 2025, '2025-12-01').deadline, '2026-01-31');
});

test('candidate report years: last year all year round, this year from December', () => {
  assert.deepEqual(candidateReportYears('2026-03-15'), [2025]);
  assert.deepEqual(candidateReportYears('2025-11-30'), [2024]);
  assert.deepEqual(candidateReportYears('2025-12-01'), [2024, 2025]);
  // the index offers every year up to the newest open task: in December this year's report too
  assert.deepEqual(offeredReportYears('2026-11-30').slice(0, 2), [2025, 2024]);
  assert.deepEqual(offeredReportYears('2026-12-07').slice(0, 2), [2026, 2025]);
  assert.equal(offeredReportYears('2026-12-07').at(-1), 2008);
  assert.equal(offeredReportYears('2026-12-07').length, 19);
});

test('reminder stages: open, 30/14/7/3/1 days before, the deadline, overdue', () => {
  const stage = (today: string) => reminderStage(reportDueWindow('department', 2025, today));
  assert.deepEqual(
    [
      '2025-11-30',
      '2025-12-01',
      '2025-12-31',
      '2026-01-01',
      '2026-01-16',
      '2026-01-17',
      '2026-01-24',
      '2026-01-28',
      '2026-01-30',
      '2026-01-31',
      '2026-02-01',
      '2026-06-01',
    ].map(stage),
    [null, 'open', 'open', 'd30', 'd30', 'd14', 'd7', 'd3', 'd1', 'deadline', 'overdue', 'overdue'],
  );
});

test('status: missing, failing, draft, late, published', () => {
  const deadline = '2026-01-31';
  assert.equal(reportStatus(null, deadline), 'missing');
  assert.equal(reportStatus({ passes: false, publishedOn: '2026-01-10' }, deadline), 'failing');
  assert.equal(reportStatus({ passes: true, publishedOn: null }, deadline), 'draft');
  assert.equal(reportStatus({ passes: true, publishedOn: '2026-01-31' }, deadline), 'published');
  assert.equal(reportStatus({ passes: true, publishedOn: '2026-02-01' }, deadline), 'late');
});
