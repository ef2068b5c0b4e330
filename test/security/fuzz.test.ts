// The bounded run of the fuzzing suite (fuzz.ts): a fixed seed and a few hundred requests over
// every OpenAPI operation and every form each role is shown. `npm run test:fuzz-long` runs
// 100,000 requests and prints requests fuzzed / 5xx.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { FUZZ_SEED, formatFuzz, runFuzz } from './fuzz.ts';

test('fuzzing (bounded): OpenAPI operations and every HTML form — no 5xx, no stack trace, no partial write', async (t) => {
  const result = await runFuzz({ requests: 400, seed: FUZZ_SEED });
  t.diagnostic(formatFuzz(result).replace(/\n/g, ' | '));
  assert.equal(result.requests, 400);
  // The crawl must keep finding the forms; a page that lost its forms would shrink the target.
  assert.ok(result.forms >= 100, `${result.forms} forms`);
  assert.ok(result.operations >= 4, `${result.operations} operations`);
  assert.deepEqual(result.failures, []);
  assert.equal(result.status5xx, 0);
  assert.equal(result.stackTraces, 0);
  assert.equal(result.partialWrites, 0);
  assert.ok(result.auditVerified, 'the audit chain still verifies');
});
