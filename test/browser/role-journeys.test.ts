// Each role's working day in Chromium, on the full demo: the citizen through the portal, every
// staff role from its first screen through each page its navigation offers. Every page is read
// in Chinese at desktop width and in English on a 360-px phone (the first screen in all four):
// no serious or critical axe-core finding, no message key, no English code word on a Chinese
// page, nothing wider than the phone and no page taller than MAX_PHONE_HEIGHT. A staff role's
// first screen must hold real work: a link to a record it can act on.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { BrowserContext, Page } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  screenshot,
  seriousViolations,
  sharedBrowser,
  signIn,
  startServer,
  type LiveServer,
} from '../support/browser.ts';
import { MAX_PHONE_HEIGHT, phoneFit, scanText } from '../support/page-scan.ts';

type Variant = { readonly lang: 'zh' | 'en'; readonly width: number };
const DESKTOP_ZH: Variant = { lang: 'zh', width: 1366 };
const PHONE_EN: Variant = { lang: 'en', width: 360 };
const ALL: readonly Variant[] = [DESKTOP_ZH, { lang: 'en', width: 1366 }, { lang: 'zh', width: 360 }, PHONE_EN];

/** A record a staff member can open from the first screen: an item, a case, a review, a
 *  document, or for the supervisor an agency's figures. */
const RECORD_LINK = [
  '/admin/items/',
  '/admin/applications/',
  '/admin/reconsideration/',
  '/admin/report-documents/',
  '/admin/oversight',
]
  .map((href) => `main a[href^="${href}"]`)
  .join(', ');

/** The three administrators' work is the console itself (accounts, roles, the audit trail): their
 *  first screen is checked like every page, not for a record waiting. */
const ADMINISTRATORS: ReadonlySet<string> = new Set(['admin', 'secadmin', 'auditor']);

/** The staff roles of the demo, by their demo account. */
const STAFF = [
  'drafter',
  'unithead',
  'reviewer',
  'officer',
  'officehead',
  'leader',
  'chief',
  'supervisor',
  'yyx-officer',
  'admin',
  'secadmin',
  'auditor',
] as const;

/** The pages of a journey a role is taken through after its first screen (at most this many). */
const MAX_NAV_PAGES = 8;

describe('browser: each role walks its main journey', { skip: !browserAvailable() }, () => {
  let server: LiveServer;

  before(async () => {
    server = await startServer({ demo: 'everything' });
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
  });

  /** Reads one page in one variant and returns what is wrong with it. */
  async function read(page: Page, path: string, variant: Variant, label: string): Promise<string[]> {
    const problems: string[] = [];
    await page.setViewportSize({ width: variant.width, height: 800 });
    const url = `${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${variant.lang}`;
    const res = await page.goto(url);
    const where = `${label} ${path} (${variant.lang}, ${variant.width} px)`;
    if (res?.status() !== 200) return [`${where}: status ${res?.status()}`];
    for (const v of await seriousViolations(page))
      problems.push(`${where}: axe ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    for (const p of await scanText(page, variant.lang === 'zh')) problems.push(`${where}: ${p}`);
    if (variant.width <= 360) {
      const fit = await phoneFit(page);
      if (fit.height > MAX_PHONE_HEIGHT) problems.push(`${where}: ${fit.height} px tall`);
      if (fit.overflow > 0) problems.push(`${where}: ${fit.overflow} px wider than the phone`);
    }
    await screenshot(page, `journey-${label}${path.replace(/[/?=&]/g, '_')}-${variant.lang}-${variant.width}`);
    return problems;
  }

  async function context(): Promise<BrowserContext> {
    return (await sharedBrowser()).newContext({ locale: 'zh-CN' });
  }

  test('citizen: home, search, an item, the guide, the form, tracking, reports, agencies', async () => {
    const ctx = await context();
    const page = await ctx.newPage();
    const problems: string[] = [];
    for (const variant of ALL) problems.push(...(await read(page, '/', variant, 'citizen')));
    await page.goto(`${server.url}/search?q=${encodeURIComponent('社保')}`);
    const first = await page.locator('main a[href^="/items/"]').first().getAttribute('href');
    assert.ok(first, 'the search for 社保 finds an item');
    const pages = ['/search?q=社保', first, '/catalog', '/guide', '/apply', '/apply/track', '/reports', '/agencies'];
    for (const path of pages)
      for (const variant of [DESKTOP_ZH, PHONE_EN]) problems.push(...(await read(page, path, variant, 'citizen')));
    await ctx.close();
    assert.deepEqual(problems, []);
  });

  for (const username of STAFF) {
    test(`${username}: first screen with work in it, then each page of the navigation`, async () => {
      const ctx = await context();
      const page = await ctx.newPage();
      await signIn(page, server.url, username);
      const problems: string[] = [];
      for (const variant of ALL) problems.push(...(await read(page, '/admin', variant, username)));
      await page.goto(`${server.url}/admin?lang=zh`);
      const work = await page.locator(RECORD_LINK).count();
      if (work === 0 && !ADMINISTRATORS.has(username))
        problems.push(`${username}: the first screen links to no record to work on`);
      const nav = await page
        .locator('nav a[href^="/admin/"], nav a[href="/account"]')
        .evaluateAll((links) => [...new Set(links.map((a) => a.getAttribute('href') ?? ''))]);
      for (const path of nav.filter((h) => h !== '').slice(0, MAX_NAV_PAGES))
        for (const variant of [DESKTOP_ZH, PHONE_EN]) problems.push(...(await read(page, path, variant, username)));
      await ctx.close();
      assert.deepEqual(problems, []);
    });
  }
});
