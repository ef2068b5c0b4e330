// The main console and portal pages read on a phone (issue 15 item 14): at 360 px no page is
// taller than 20,000 px (a table squeezed to a character per column made /power-catalog 16,416
// px, the unpaged catalog list 35,809 px), no table header breaks inside a word at 1366 px, and
// no date in a table wraps. Screenshots go to GONGKAI_SCREENSHOTS when it names a directory.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  screenshot,
  sharedBrowser,
  startServer,
  type LiveServer,
} from '../support/browser.ts';
import { DEMO_PASSWORD } from '../support/app.ts';

const MAX_HEIGHT = 20_000;

async function signedIn(browser: Browser, server: LiveServer, username: string): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${server.url}/sign-in`);
  await page.locator('#field-username').fill(username);
  await page.locator('#field-password').fill(DEMO_PASSWORD);
  await Promise.all([
    page.waitForURL(`${server.url}/admin`),
    page.locator('form[action="/sign-in"] button[type=submit]').click(),
  ]);
  await page.close();
  return context;
}

/**
 * Table headers whose text runs over more lines than it has words, and dates cut in two. A string:
 * the test's compiler names functions (__name) that the page does not define.
 */
const BROKEN_WORDS = `(() => {
  const out = [];
  const lines = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
  };
  for (const th of document.querySelectorAll('table thead th')) {
    const text = (th.textContent || '').trim();
    // A header of one CJK word (no space, at most 8 characters) stays on one line.
    if (text && !/\\s/.test(text) && text.length <= 8 && lines(th) > 1) out.push('header "' + text + '" breaks');
  }
  for (const td of document.querySelectorAll('table td')) {
    const text = (td.textContent || '').trim();
    if (/^\\d{4}-\\d{2}-\\d{2}$/.test(text) && lines(td) > 1) out.push('date "' + text + '" wraps');
  }
  return out;
})()`;

async function brokenWords(page: Page): Promise<string[]> {
  return (await page.evaluate(BROKEN_WORDS)) as string[];
}

describe('browser: pages read on a phone', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  before(async () => {
    server = await startServer();
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
  });

  const pages: [string | null, string[]][] = [
    [null, ['/', '/catalog', '/power-catalog', '/reports', '/guide', '/search?q=就业']],
    [
      'officer',
      [
        '/admin',
        '/admin/items',
        '/admin/items?per=100',
        '/admin/applications?filter=all',
        '/admin/power-catalog',
        '/admin/tasks',
        '/admin/reports/yueyang-hrss/2025',
        '/admin/reports/yueyang-hrss/2013',
        '/admin/channels/outbox',
        '/admin/reviews',
      ],
    ],
    ['supervisor', ['/admin', '/admin/items', '/admin/tasks']],
    ['auditor', ['/admin/audit']],
  ];

  test('no page taller than 20,000 px at 360 px; headers and dates whole at 1366 px', async () => {
    const problems: string[] = [];
    for (const [username, urls] of pages) {
      const context = username ? await signedIn(browser, server, username) : await browser.newContext();
      const page = await context.newPage();
      for (const url of urls) {
        for (const lang of ['zh-CN', 'en']) {
          await page.setViewportSize({ width: 1366, height: 900 });
          const res = await page.goto(`${server.url}${url}${url.includes('?') ? '&' : '?'}lang=${lang}`);
          if (res?.status() !== 200) {
            problems.push(`${url} (${username ?? 'visitor'}, ${lang}): HTTP ${res?.status()}`);
            continue;
          }
          for (const p of await brokenWords(page)) problems.push(`${url} (${lang}) at 1366 px: ${p}`);
          await page.setViewportSize({ width: 360, height: 740 });
          const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
          if (height > MAX_HEIGHT)
            problems.push(`${url} (${username ?? 'visitor'}, ${lang}): ${height} px tall at 360 px`);
          const name = `${username ?? 'visitor'}${url.replace(/[^a-z0-9]+/gi, '-')}-${lang}`;
          await screenshot(page, `${name}-360`);
        }
      }
      await context.close();
    }
    assert.equal(problems.length, 0, problems.join('\n'));
  });
});
