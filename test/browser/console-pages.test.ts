// Every console page type, as each admin role sees it, in Chinese and English, on a desktop
// and a 360-px phone: no serious or critical axe-core violations, no horizontal scrolling.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, BrowserContext } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  screenshot,
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

describe('browser: console pages are accessible', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  let hrss: number;
  let userId: number;
  before(async () => {
    server = await startServer();
    hrss = (
      await server.handle.db
        .selectFrom('agencies')
        .select('id')
        .where('code', '=', 'yueyang-hrss')
        .executeTakeFirstOrThrow()
    ).id;
    userId = (
      await server.handle.db
        .selectFrom('users')
        .select('id')
        .where('username', '=', 'drafter')
        .executeTakeFirstOrThrow()
    ).id;
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
  });

  const pages: [string, (ids: { hrss: number; userId: number }) => string[]][] = [
    [
      'admin',
      (ids) => [
        '/admin',
        '/admin/agencies',
        `/admin/agencies/${ids.hrss}`,
        `/admin/agencies/${ids.hrss}/edit`,
        `/admin/agencies/${ids.hrss}/notice-settings`,
        '/admin/agencies/new',
        `/admin/agencies/${ids.hrss}/units/new`,
        `/admin/agencies/${ids.hrss}/leading-group/new`,
        '/admin/users',
        `/admin/users/${ids.userId}`,
        `/admin/users/${ids.userId}/edit`,
        '/admin/users/new',
        '/admin/calendar?from=2026-09-28&days=20',
        '/account',
        '/account/password',
      ],
    ],
    ['auditor', () => ['/admin/audit']],
    [
      'officer',
      () => [
        '/admin',
        '/admin/calendar',
        '/admin/reports',
        '/admin/reports/check',
        '/admin/reports/status?year=2025',
        '/admin/reports/yueyang-hrss/2025/cells?path=applications.newReceived.naturalPerson',
        '/admin/report-documents',
        '/admin/notice-templates',
        '/admin/channels/outbox',
        '/admin/workflows',
      ],
    ],
  ];

  for (const locale of ['zh-CN', 'en']) {
    test(`every console page passes axe-core (${locale})`, async () => {
      const problems: string[] = [];
      for (const [username, urls] of pages) {
        const context = await signedIn(browser, server, username, locale);
        const page = await context.newPage();
        for (const url of urls({ hrss, userId })) {
          const res = await page.goto(`${server.url}${url}${url.includes('?') ? '&' : '?'}lang=${locale}`);
          assert.equal(res?.status(), 200, `${username} ${url}`);
          for (const v of await seriousViolations(page))
            problems.push(
              `${url} (${username}): ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
            );
          await page.setViewportSize({ width: 360, height: 740 });
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${url} (${username}): ${overflow}px horizontal overflow at 360 px`);
          if (locale === 'zh-CN') await screenshot(page, `${username}${url.replace(/[/?=&]/g, '_')}-phone`);
          await page.setViewportSize({ width: 1280, height: 800 });
          if (locale === 'zh-CN') await screenshot(page, `${username}${url.replace(/[/?=&]/g, '_')}`);
        }
        await context.close();
      }
      assert.deepEqual(problems, []);
    });
  }
});
