// The answer online in Chromium (issue 15, item 2): on the demo's applications, a citizen opens
// the tracking page of the answered case (予以公开, with a released file), sees the outcome and
// the reply date, proves the case is theirs with the last 6 characters of the ID number, and
// downloads the reply notice (DOCX, read back) and the released file. The page passes axe-core
// and fits a 360-px phone, in Chinese and English. With GONGKAI_SCREENSHOTS=<dir> the answered
// page is photographed (citizen-answered-tracking-<lang>-<width>.png; docs/screenshots/).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  sharedBrowser,
  seriousViolations,
  startServer,
  type LiveServer,
} from '../support/browser.ts';
import { testConfig } from '../support/app.ts';
import { readDocx } from '../support/docx.ts';
import { setClock } from '../../src/platform/clock.ts';
import { demoVault, loadDemoApplications } from '../../src/demo/demo-applications.ts';

describe('browser: the citizen downloads the answer', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  let code = '';
  let tail = '';
  before(async () => {
    setClock(() => new Date('2026-03-02T02:00:00.000Z'));
    server = await startServer({ demo: 'organisation' });
    const db = server.handle.db;
    const vault = demoVault(testConfig());
    const agencies = await db.selectFrom('agencies').select(['id', 'code']).execute();
    const units = await db.selectFrom('units').select(['id', 'name', 'agency_id']).execute();
    const agencyIds = new Map(agencies.map((a) => [a.code, a.id]));
    const codeOf = new Map(agencies.map((a) => [a.id, a.code]));
    const unitIds = new Map(units.map((u) => [`${codeOf.get(u.agency_id)}/${u.name}`, u.id]));
    const { ids } = await loadDemoApplications(server.handle, vault, agencyIds, unitIds, '2026-03-02');
    const answered = ids.get('2025-disclosed')!;
    code = answered.trackingCode;
    const row = await db
      .selectFrom('applications')
      .select('id_number_enc')
      .where('id', '=', answered.id)
      .executeTakeFirstOrThrow();
    tail = vault.open(row.id_number_enc)!.slice(-6);
    browser = await sharedBrowser();
  });
  after(async () => {
    setClock(undefined);
    await releaseSharedBrowser();
    await server?.stop();
  });

  async function problemsOf(page: Page, what: string): Promise<string[]> {
    const problems = (await seriousViolations(page)).map((v) => `${what}: ${v.id} — ${v.help}`);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${what}: ${overflow}px horizontal overflow`);
    return problems;
  }

  async function prove(page: Page, lang: 'zh' | 'en'): Promise<void> {
    await page.goto(`${server.url}/apply/track/${code}?lang=${lang}`);
    await page.locator('#field-proof').fill(tail);
    await Promise.all([
      page.waitForSelector('[data-answer-downloads]'),
      page.locator(`form[action="/apply/track/${code}/answer"] button[type=submit]`).click(),
    ]);
  }

  test('the answered case: outcome and date, the ID tail proves it, the notice and the file download', async () => {
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await page.goto(`${server.url}/apply/track/${code}`);
    const section = page.locator('section.answer');
    assert.match(await section.innerText(), /答复结果[\s\S]*予以公开[\s\S]*答复日期[\s\S]*2025-03-03/);
    assert.equal(await page.locator('[data-download]').count(), 0, 'no file before the proof');
    const problems = await problemsOf(page, 'answered tracking page');
    // A wrong tail is refused in words.
    await page.locator('#field-proof').fill('000000');
    await page.locator(`form[action="/apply/track/${code}/answer"] button[type=submit]`).click();
    await page.waitForSelector('.error-summary, [role=alert]');
    assert.match(await page.locator('body').innerText(), /验证未通过/);
    await prove(page, 'zh');
    problems.push(...(await problemsOf(page, 'answer downloads')));
    const [notice] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-download="notice-docx"]').click(),
    ]);
    const { text } = await readDocx(await readFile((await notice.path())!));
    assert.match(text, /政府信息公开申请答复书|答复/);
    assert.match(text, /2024年度就业补助资金分配和使用情况/, 'the notice repeats the request');
    const [file] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('a[data-download="released"]').first().click(),
    ]);
    assert.match(file.suggestedFilename(), /就业补助资金/);
    assert.ok((await readFile((await file.path())!)).subarray(0, 2).equals(Buffer.from('PK')), 'a DOCX file');
    await context.close();
    assert.deepEqual(problems, []);
  });

  test('in English and on a 360-px phone too', async () => {
    const out = process.env.GONGKAI_SCREENSHOTS;
    const problems: string[] = [];
    for (const width of [1366, 360])
      for (const lang of ['zh', 'en'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 } });
        const page = await context.newPage();
        await prove(page, lang);
        if (lang === 'en') assert.match(await page.locator('section.answer').innerText(), /The answer[\s\S]*Disclosed/);
        problems.push(...(await problemsOf(page, `answered page ${lang} ${width}`)));
        if (out)
          await page.screenshot({ path: join(out, `citizen-answered-tracking-${lang}-${width}.png`), fullPage: true });
        await context.close();
      }
    assert.deepEqual(problems, []);
  });
});
