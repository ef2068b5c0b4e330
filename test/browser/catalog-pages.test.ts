// The power catalog, service guides, yearly figures, channels and tasks pages, in Chinese and
// English, on a desktop and a 360-px phone: no serious or critical axe-core violations, no
// horizontal scrolling.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  sharedBrowser,
  seriousViolations,
  startServer,
  type LiveServer,
  signIn,
} from '../support/browser.ts';

async function signedIn(
  browser: Browser,
  server: LiveServer,
  username: string,
  locale: string,
): Promise<BrowserContext> {
  const context = await browser.newContext({ locale });
  const page = await context.newPage();
  await signIn(page, server.url, username);
  await page.close();
  return context;
}

describe('browser: catalog, figures, channels and tasks pages are accessible', { skip: !browserAvailable() }, () => {
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

  const pages: [string, string[]][] = [
    [
      'officer',
      [
        '/admin/power-catalog',
        '/admin/service-guides',
        '/admin/yearly-figures?year=2025',
        '/admin/channels?year=2013',
        '/admin/channels/outbox',
        '/admin/power-catalog/1/correct',
        '/admin/tasks',
      ],
    ],
    ['admin', ['/admin/channels/outbox']],
    ['drafter', ['/admin', '/admin/power-catalog/new', '/admin/service-guides/new', '/admin/tasks']],
  ];

  for (const locale of ['zh-CN', 'en']) {
    test(`each page passes axe-core and fits a phone (${locale})`, async () => {
      const problems: string[] = [];
      for (const [username, urls] of pages) {
        const context = await signedIn(browser, server, username, locale);
        const page = await context.newPage();
        for (const url of urls) {
          const res = await page.goto(`${server.url}${url}${url.includes('?') ? '&' : '?'}lang=${locale}`);
          assert.equal(res?.status(), 200, `${username} ${url}`);
          for (const v of await seriousViolations(page))
            problems.push(
              `${url} (${username}): ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          await page.setViewportSize({ width: 360, height: 740 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${url} (${username}): ${overflow}px horizontal overflow at 360 px`);
          await page.setViewportSize({ width: 1280, height: 800 });
        }
        await context.close();
      }
      assert.deepEqual(problems, []);
    });
  }
});
