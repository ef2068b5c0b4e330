// The Origin check before a state-changing request's body is read (origin-check.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyRequest } from 'fastify';
import { sameOrigin } from './origin-check.ts';

function request(headers: Record<string, string>): FastifyRequest {
  return { protocol: 'http', host: '127.0.0.1:3000', headers } as unknown as FastifyRequest;
}

test('a request is same-origin by its Origin, else by Sec-Fetch-Site', () => {
  const cases: [Record<string, string>, string | undefined, boolean, string][] = [
    [{ origin: 'http://127.0.0.1:3000' }, undefined, true, 'the address the request was made to'],
    [{ origin: 'https://gk.example.gov.cn' }, 'https://gk.example.gov.cn/portal', true, 'the configured public URL'],
    [{ origin: 'https://evil.example' }, 'https://gk.example.gov.cn', false, 'another site'],
    [{ origin: 'http://127.0.0.1:3001' }, undefined, false, 'another port'],
    // Chromium posts our forms with Origin: null because the pages say Referrer-Policy: no-referrer.
    [{ origin: 'null', 'sec-fetch-site': 'same-origin' }, undefined, true, 'withheld origin, same-origin fetch'],
    [{ origin: 'null', 'sec-fetch-site': 'cross-site' }, undefined, false, 'withheld origin, cross-site fetch'],
    [{}, undefined, true, 'no Origin (a script): the CSRF token decides'],
    [{ 'sec-fetch-site': 'cross-site' }, undefined, false, 'no Origin but a cross-site fetch'],
  ];
  for (const [headers, publicUrl, expected, what] of cases) {
    assert.equal(sameOrigin(request(headers), publicUrl), expected, what);
  }
});
