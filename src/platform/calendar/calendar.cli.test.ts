import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registerCalendarCommands } from './calendar.cli.ts';
import { loadDefaultCalendar } from './calendar-data.ts';
import { runCommand } from '../../../test/support/cli.ts';

const run = (...args: string[]) =>
  runCommand((program) => registerCalendarCommands(program, loadDefaultCalendar), args);

test('calendar workdays prints the date', async () => {
  const r = await run('calendar', 'workdays', '--from', '2026-02-13', '--days', '2');
  assert.equal(r.code, 0);
  assert.equal(r.out, '2026-02-24\n');
});

test('calendar workdays --json lists skipped days', async () => {
  const r = await run('calendar', 'workdays', '--from', '2025-09-30', '--days', '3', '--json');
  assert.equal(r.code, 0);
  const body = JSON.parse(r.out) as {
    from: string;
    days: number;
    date: string;
    skipped: { date: string; reason: string }[];
  };
  assert.equal(body.from, '2025-09-30');
  assert.equal(body.days, 3);
  assert.equal(body.date, '2025-10-11');
  assert.equal(body.skipped.length, 8, '10/1–10/8');
  assert.deepEqual(body.skipped[0], { date: '2025-10-01', reason: 'holiday', holidayName: '国庆节' });
});

test('calendar workdays: bad input exits 2 with one line', async () => {
  for (const args of [
    ['--from', '2026-02-30', '--days', '2'],
    ['--from', '2026-02-13', '--days', 'ten'],
    ['--from', '2026-02-13', '--days', '-1'],
  ]) {
    const r = await run('calendar', 'workdays', ...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.equal(r.err.trim().split('\n').length, 1, r.err);
    assert.doesNotMatch(r.err, /at .*\.ts:\d+/, 'no stack trace');
  }
});

test('calendar workdays warns on stderr for a year without a notice', async () => {
  const r = await run('calendar', 'workdays', '--from', '2026-12-30', '--days', '3');
  assert.equal(r.out, '2027-01-04\n');
  assert.match(r.err, /warning: .*2027/);
});

test('calendar is-workday: exit 0 yes, 1 no, 2 bad input', async () => {
  const yes = await run('calendar', 'is-workday', '2026-02-14');
  assert.deepEqual([yes.out, yes.code], ['yes\n', 0]);
  const no = await run('calendar', 'is-workday', '2026-02-16');
  assert.deepEqual([no.out, no.code], ['no\n', 1]);
  const json = await run('calendar', 'is-workday', '2026-10-10', '--json');
  assert.equal(json.code, 0);
  assert.deepEqual(JSON.parse(json.out), {
    date: '2026-10-10',
    isWorkday: true,
    reason: 'makeup_workday',
    holidayName: '国庆节',
    covered: true,
    warnings: [],
  });
  const bad = await run('calendar', 'is-workday', '2026-02-30');
  assert.equal(bad.code, 2);
  assert.match(bad.err, /^gongkai: date: invalid date "2026-02-30"/);
});
