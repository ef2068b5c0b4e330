// The test runner's split and its change selection: the split must keep every file exactly once
// and balance the recorded times; the selection must never drop a test a change can reach.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { affectedTestFiles, partition, testFiles } from '../support/test-files.mjs';

test('the split puts every file in exactly one process and balances recorded times', () => {
  const files = ['a.test.ts', 'b.test.ts', 'c.test.ts', 'd.test.ts', 'e.test.ts'];
  const timings = { 'a.test.ts': 100, 'b.test.ts': 60, 'c.test.ts': 50, 'd.test.ts': 10 };
  const groups = partition(files, 2, timings);
  assert.deepEqual(groups.flatMap((g) => g.files).sort(), files);
  // The unrecorded e weighs the median (60). Longest first, each to the lighter process:
  // a 100 → 1; b 60 → 2; e 60 → 2 (120); c 50 → 1 (150); d 10 → 2 (130).
  assert.deepEqual(
    groups.map((g) => g.files),
    [
      ['a.test.ts', 'c.test.ts'],
      ['b.test.ts', 'd.test.ts', 'e.test.ts'],
    ],
  );
  assert.deepEqual(
    groups.map((g) => g.seconds),
    [150, 130],
  );
  assert.deepEqual(partition(files, 2, timings), groups, 'deterministic');
  assert.equal(partition(files, 1, {})[0]!.files.length, 5);
});

test('a change in a module selects its tests and the tests that import it; platform changes select all', () => {
  const all = testFiles();
  const calendar = affectedTestFiles(['src/modules/calendar/calendar.service.ts'], all);
  assert.ok(calendar.includes('src/modules/calendar/calendar.test.ts'));
  assert.ok(calendar.every((f) => all.includes(f)));
  assert.ok(calendar.length < all.length);
  assert.deepEqual(affectedTestFiles(['docs/architecture.md', 'README.md'], all), []);
  assert.equal(affectedTestFiles(['src/platform/clock.ts'], all).length, all.length);
  assert.equal(affectedTestFiles(['test/support/app.ts'], all).length, all.length);
  assert.deepEqual(affectedTestFiles(['test/cli/test-runner.test.ts'], all), ['test/cli/test-runner.test.ts']);
});
