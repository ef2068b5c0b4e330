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
import { DEMO_PASSWORD } from '../support/app.ts';

describe('browser: sign in and reach the dashboard', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  before(async () => {
    server = await startServer({ demo: 'organisation' });
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
  });

  test('the demo admin signs in with the keyboard, sees the dashboard and signs out', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    const errors: string[] = [];
    // the 422 of the deliberately wrong password is expected; anything else is not
    page.on('console', (m) => m.type() === 'error' && !m.text().includes('status of 422') && errors.push(m.text()));
    await page.goto(`${server.url}/admin`);
    assert.match(page.url(), /\/sign-in\?next=%2Fadmin$/);
    assert.equal(await page.locator('h1').textContent(), '登录政府信息公开工作平台');
    assert.deepEqual(await seriousViolations(page), []);

    // a wrong password shows the error summary, focused, linking to the field
    await page.getByLabel('用户名').fill('admin');
    await page.getByLabel('密码').fill('wrong-Password-1');
    await page.keyboard.press('Enter');
    await page.waitForSelector('.error-summary');
    assert.equal(await page.evaluate(() => document.activeElement?.className), 'error-summary');
    assert.match((await page.locator('.error-summary').textContent()) ?? '', /用户名或密码不正确/);
    assert.deepEqual(await seriousViolations(page), []);

    await page.getByLabel('密码').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: '登录' }).click();
    await page.waitForURL(`${server.url}/admin`);
    assert.equal(await page.locator('h1').textContent(), '系统管理员，您好');
    assert.ok(await page.getByRole('navigation', { name: '主导航' }).isVisible());
    assert.deepEqual(await seriousViolations(page), []);
    await screenshot(page, 'dashboard');

    // on a phone the page still works
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth);
    assert.equal(overflow, false, 'no horizontal scrolling at 360 px');
    await screenshot(page, 'dashboard-phone');

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.waitForURL(/\/sign-in\?signed_out=1/);
    assert.deepEqual(errors, [], 'no console errors (CSP violations would show here)');
    await context.close();
  });
});
