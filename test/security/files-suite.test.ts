// The bounded run of the hostile-files suite (files-suite.ts): every kind of hostile file through
// the real attachment route of a real server process, which must answer each with a 2xx/3xx/4xx,
// stay up, and stay within its memory bound. `npm run test:files-long` runs the long version.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EXTRACTION_LIMITS } from '../../src/platform/files/extract.ts';
import { formatResult, runFilesSuite } from './files-suite.ts';

const MiB = 1024 * 1024;
/** The server's own bound: its baseline with the demo data is about 250 MiB. */
const SERVER_BOUND = 512 * MiB;

test('files suite (bounded): bombs, polyglots, disguised types, traversal names — the server stays up and bounded', async (t) => {
  const result = await runFilesSuite({ long: false });
  t.diagnostic(formatResult(result).replace(/\n/g, ' | '));
  assert.ok(result.tried >= 25, `${result.tried} files`);
  assert.equal(result.crashes, 0);
  assert.deepEqual(result.failures, []);
  assert.ok(result.serverPeak < SERVER_BOUND, `server peaked at ${Math.round(result.serverPeak / MiB)} MiB`);
  assert.ok(
    result.extractionPeak < EXTRACTION_LIMITS.rssMb * MiB,
    `extraction peaked at ${Math.round(result.extractionPeak / MiB)} MiB`,
  );
  // Refusals are answers: the disguised and polyglot files come back as 422 with the form.
  assert.ok((result.statuses['422'] ?? 0) >= 5);
});
