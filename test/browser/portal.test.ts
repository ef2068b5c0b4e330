// The public portal in Chromium: browse the catalog, search (a two-character word and a phrase,
// when the search module is present), open an item, switch the reading aids on, every page type
// through axe-core on a desktop and a 360-px phone (and at 200% zoom), and the screen cycling.
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
import { portalFixture } from '../../src/modules/portal/portal-fixtures.ts';
import { asUser } from '../../src/modules/publishing/publishing.test-support.ts';
import { saveScreen } from '../../src/modules/portal/screen.routes.tsx';
import { findSearch } from '../../src/modules/portal/search.routes.tsx';

describe('browser: public portal', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  let item = 0;
  let withdrawn = 0;
  before(async () => {
    server = await startServer();
    const db = server.handle.db;
    const fx = await portalFixture(db);
    item = await fx.publish({
      title: '岳阳市社保补贴申领办法',
      catalog_category: 'normative_document',
      art20_item: 1,
      document_number: '岳人社发〔2013〕12号',
    });
    await asUser.setValidity(db, fx.officer, item, 'repealed', '2025-12-31', '已被新办法替代');
    withdrawn = await fx.publish({ title: '撤回测试通知' });
    await fx.withdraw(withdrawn, '信息有误');
    await saveScreen(db, {
      name: 'hall',
      title: '服务大厅',
      agencyId: null,
      slides: ['notices', 'latest'],
      seconds: 3,
    });
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
  });

  test('every portal page type passes axe-core, fits a 360-px phone and 200% zoom', async () => {
    const urls = [
      '/',
      '/catalog',
      '/catalog?category=normative_document',
      `/items/${item}`,
      `/items/${withdrawn}`,
      '/guide',
      '/reports',
      '/agencies',
      '/power-catalog',
      '/agencies/yueyang-hrss/catalog',
      '/search',
      '/search?q=社保',
      '/screen',
      '/screen/hall',
      '/items/99999999',
    ];
    const problems: string[] = [];
    for (const locale of ['zh-CN', 'en']) {
      const context = await browser.newContext({ locale });
      const page = await context.newPage();
      for (const url of urls) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${server.url}${url}${url.includes('?') ? '&' : '?'}lang=${locale}`);
        for (const v of await seriousViolations(page))
          problems.push(
            `${url} (${locale}): ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`,
          );
        // 360 CSS px, and 200% zoom of a 720-px window (the same layout width).
        await page.setViewportSize({ width: 360, height: 740 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${url} (${locale}): ${overflow}px horizontal overflow at 360 px`);
        if (locale === 'zh-CN') await screenshot(page, `portal${url.replace(/[/?=&]/g, '_')}-phone`);
      }
      // The reading aids on: still no serious violation (contrast in particular).
      await context.addCookies([{ name: 'gk_display', value: 'tcs', url: server.url }]);
      for (const url of ['/', '/catalog', `/items/${item}`]) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${server.url}${url}`);
        for (const v of await seriousViolations(page))
          problems.push(`${url} (${locale}, reading aids): ${v.id} — ${v.help}`);
      }
      await context.close();
    }
    assert.deepEqual(problems, []);
  });

  test('browse the catalog, open an item, switch to the senior-friendly mode', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/`);
    await page.getByRole('navigation', { name: '网站导航' }).getByRole('link', { name: '公开目录' }).click();
    await page.waitForURL(`${server.url}/catalog`);
    await page.locator('#f-category').selectOption('normative_document');
    await Promise.all([
      page.waitForURL(/category=normative_document/),
      page.getByRole('button', { name: '应用筛选' }).click(),
    ]);
    await page.getByRole('link', { name: '岳阳市社保补贴申领办法' }).click();
    await page.waitForURL(`${server.url}/items/${item}`);
    assert.match(await page.locator('.validity-banner').innerText(), /已废止（2025-12-31起）/);
    const color = await page.locator('.validity-banner .validity--void').evaluate((el) => getComputedStyle(el).color);
    assert.equal(color, 'rgb(179, 38, 30)');
    const before = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    await page.getByRole('link', { name: '大字' }).click();
    await page.waitForURL(`${server.url}/items/${item}`);
    await page.getByRole('link', { name: '高对比度' }).click();
    await page.waitForURL(`${server.url}/items/${item}`);
    const after = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    assert.ok(after > before, `${after} > ${before}`);
    // The choice persists on the next page.
    await page.goto(`${server.url}/catalog`);
    assert.equal(await page.evaluate(() => document.documentElement.className), 'a11y-text a11y-contrast');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(0, 0, 0)');
    await context.close();
  });

  test('search a two-character word and a phrase', async (t) => {
    if (!(await findSearch())) return t.skip('the search module is not present yet');
    const page = await browser.newPage();
    for (const q of ['社保', '社保补贴申领']) {
      await page.goto(`${server.url}/`);
      await page.locator('#home-q').fill(q);
      await Promise.all([page.waitForURL(/\/search\?q=/), page.locator('#home-q').press('Enter')]);
      assert.ok((await page.locator('.item-list__item').count()) > 0, q);
      assert.match(await page.locator('.search-snippet mark, .item-list__title').first().innerText(), /./);
    }
    await page.close();
  });

  test('the service-hall screen cycles its slides and keeps them when the network fails', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await page.goto(`${server.url}/screen/hall`);
    await page.waitForSelector('body.screen--cycling');
    const count = await page.locator('.screen__slide').count();
    assert.ok(count >= 2, `${count} slides`);
    const first = await page.getAttribute('body', 'data-current');
    await page.waitForFunction((f) => document.body.getAttribute('data-current') !== f, first, { timeout: 8000 });
    // Offline: the fetch fails, the slides stay and keep cycling.
    await context.setOffline(true);
    await page.evaluate(() => new Promise((r) => setTimeout(r, 1500)));
    assert.ok((await page.locator('.screen__slide').count()) >= 2);
    const now = await page.getAttribute('body', 'data-current');
    await page.waitForFunction((f) => document.body.getAttribute('data-current') !== f, now, { timeout: 8000 });
    await context.setOffline(false);
    await context.close();
  });
});
