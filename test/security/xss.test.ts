// The bounded run of the XSS suite (xss.ts): every payload, batched into few records and pages,
// rendered in Chromium with the CSP on and off. `npm run test:xss-long` puts each payload in each
// field on its own.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { browserAvailable, releaseSharedBrowser, sharedBrowser } from '../support/browser.ts';
import { formatXss, runXss } from './xss.ts';

after(releaseSharedBrowser);

test('XSS (bounded): ≥ 200 payloads through every text field that reaches a page — zero executions, CSP on and off', {
  skip: !browserAvailable(),
}, async (t) => {
  const result = await runXss({ long: false, browser: sharedBrowser });
  t.diagnostic(formatXss(result).replace(/\n/g, ' | '));
  assert.ok(result.payloads >= 200, `${result.payloads} payloads`);
  assert.equal(result.loads, result.pages * 2, 'every page rendered with the CSP on and off');
  assert.equal(result.executed, 0);
  assert.equal(result.cspViolations, 0);
  assert.deepEqual(result.failures, []);
});
