// The public site as one site in Chromium (issue 15, items 3 and 4): the home page, the
// application form, the tracking page, an agency section and the site map, at 1366 px and 360 px,
// in Chinese and English — one header with the navigation and the reading aids, the footer with
// the national indicators, axe-core without serious findings, nothing wider than the phone.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  screenshot,
  sharedBrowser,
  seriousViolations,
  startServer,
  type LiveServer,
} from '../support/browser.ts';

const URLS = ['/', '/apply', '/apply/track', '/agencies/yueyang-county-hrss', '/sitemap'];

describe('browser: one public site', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  before(async () => {
    server = await startServer({ demo: 'small' });
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
  });

  test('every page wears the portal frame at 1366 and 360 px, in Chinese and English', async () => {
    const problems: string[] = [];
    for (const locale of ['zh-CN', 'en'] as const) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      for (const width of [1366, 360]) {
        await page.setViewportSize({ width, height: 900 });
        for (const url of URLS) {
          await page.goto(`${server.url}${url}?lang=${locale}`);
          const where = `${url} (${locale}, ${width})`;
          if ((await page.locator('header.site-header').count()) !== 1) problems.push(`${where}: not one header`);
          const nav = page.getByRole('navigation', { name: locale === 'en' ? 'Site navigation' : '网站导航' });
          if (!(await nav.isVisible())) problems.push(`${where}: no navigation`);
          const aids = page.locator('.portal-toolbar a', { hasText: locale === 'en' ? 'Larger text' : '大字' });
          if (!(await aids.isVisible())) problems.push(`${where}: no reading aids`);
          const footer = (await page.locator('footer.site-footer').innerText()).replace(/\s+/g, '');
          for (const text of ['岳阳市人民政府', '4306000001', '湘ICP备2026000001号', '湘公网安备43060202000001号'])
            if (!footer.includes(text)) problems.push(`${where}: footer lacks ${text}`);
          if (!footer.includes(locale === 'en' ? 'Sitemap' : '网站地图'))
            problems.push(`${where}: footer lacks the site map link`);
          for (const v of await seriousViolations(page))
            problems.push(`${where}: ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          if (overflow > 0) problems.push(`${where}: ${overflow}px horizontal overflow`);
          await screenshot(page, `site${url.replace(/[/?=&]/g, '_')}-${locale}-${width}`);
        }
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test('the agency section leads to the form with that agency chosen', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/agencies/huarong-hrss`);
    await Promise.all([
      page.waitForURL(/\/apply\?agency=huarong-hrss/),
      page.getByRole('link', { name: '在线申请' }).click(),
    ]);
    const chosen = await page.locator('select[name="agency_id"] option:checked').innerText();
    assert.equal(chosen, '华容县人力资源和社会保障局');
    assert.equal(await page.locator('header.site-header').count(), 1);
    await context.close();
  });
});
