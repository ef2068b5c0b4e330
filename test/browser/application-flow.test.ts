// A disclosure application end to end in Chromium: a citizen applies online (pow.js does the
// proof of work in the page), the officer asks for a correction, the citizen corrects through
// the tracking page with the correction key, the officer answers with a partial disclosure
// (部分公开), the DOCX reply notice downloads and reads back, and the public timeline shows each
// step. The public pages pass axe-core and fit a 360-px phone. The server runs in this process,
// so its clock is set to the days of the story.
import { describe, test, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  sharedBrowser,
  seriousViolations,
  startServer,
  type LiveServer,
  signIn,
} from '../support/browser.ts';
import { readDocx } from '../support/docx.ts';
import { setClock } from '../../src/platform/clock.ts';
import { residentIdCheckChar } from '../../src/platform/pii/identifiers.ts';

const ID17 = '43060219920215234';
const ID_NUMBER = ID17 + residentIdCheckChar(ID17);

function on(date: string) {
  setClock(() => new Date(`${date}T02:00:00.000Z`)); // 10:00 in China
}

describe('browser: an application from the form to the reply notice', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  const problems: string[] = [];
  before(async () => {
    on('2026-03-02');
    server = await startServer({ demo: 'small' });
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    setClock(undefined);
    await releaseSharedBrowser();
    await server?.stop();
  });

  async function axe(page: Page, what: string) {
    for (const v of await seriousViolations(page))
      problems.push(`${what}: ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
    // And usable on a 360-px phone: no horizontal scrolling.
    const size = page.viewportSize();
    await page.setViewportSize({ width: 360, height: 740 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    if (overflow > 0) problems.push(`${what}: ${overflow}px horizontal overflow at 360 px`);
    if (size) await page.setViewportSize(size);
  }

  async function officerPage(username = 'officer'): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', acceptDownloads: true });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  async function timeline(page: Page): Promise<string[]> {
    return page.locator('ol.timeline li').allInnerTexts();
  }

  test('apply, correction asked, corrected on the tracking page, partial disclosure, notice, timeline', async () => {
    // 1. The citizen applies online on Monday 2 March 2026.
    const citizenContext = await browser.newContext({ locale: 'zh-CN' });
    const citizen = await citizenContext.newPage();
    await citizen.goto(`${server.url}/apply`);
    await axe(citizen, '/apply');
    await citizen.locator('#field-agency_id').selectOption({ label: '岳阳市人力资源和社会保障局' });
    await citizen.locator('#field-applicant_kind').selectOption('natural_person');
    await citizen.locator('#field-applicant_name').fill('周八');
    await citizen.locator('#field-id_number').fill(ID_NUMBER);
    await citizen.locator('#field-phone').fill('13512345678');
    await citizen.locator('#field-description').fill('2025年岳阳市公益性岗位补贴的发放情况');
    await citizen.locator('#field-form_wanted').selectOption('electronic');
    await citizen.locator('#field-delivery_way').selectOption('online');
    // pow.js solves the challenge in the page; the question stays hidden.
    await citizen
      .locator('[data-pow-status]')
      .filter({ hasText: /完成|done/i })
      .waitFor({ timeout: 60_000 });
    assert.equal(await citizen.locator('[data-pow-question]').isHidden(), true);
    await Promise.all([
      citizen.waitForSelector('[data-tracking-code]'),
      citizen.locator('form[action="/apply"] button[type=submit]').click(),
    ]);
    const code = (await citizen.locator('[data-tracking-code]').getAttribute('data-tracking-code'))!;
    const key = (await citizen.locator('[data-applicant-key]').getAttribute('data-applicant-key'))!;
    assert.match(code, /^[0-9A-Z]{13}$/);
    assert.match(key, /^[0-9A-Z]{10}$/);
    await axe(citizen, 'receipt');
    const id = (
      await server.handle.db
        .selectFrom('applications')
        .select('id')
        .where('tracking_code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;

    // 2. The officer asks for a correction on 3 March.
    on('2026-03-03');
    let officer = await officerPage();
    await officer.goto(`${server.url}/admin/applications/${id}`);
    const events = officer.locator(`form[action="/admin/applications/${id}/events"]`);
    await events.locator('#field-kind').selectOption('correction_requested');
    await events.locator('#field-date').fill('2026-03-03');
    await events.locator('#field-correct_by').fill('2026-03-17');
    await events.locator('#field-note').fill('请写明所需信息的时间范围和发放单位');
    await Promise.all([
      officer.waitForURL(/recorded=correction_requested/),
      events.locator('button[type=submit]:not([data-choice-show])').click(),
    ]);
    await officer.context().close();

    // 3. The citizen corrects through the tracking page on 5 March.
    on('2026-03-05');
    await citizen.goto(`${server.url}/apply/track/${code}`);
    await axe(citizen, 'tracking page, correction asked');
    assert.match(await citizen.locator('main').innerText(), /需要补正申请/);
    await citizen.locator('#field-applicant_key').fill(`${key.slice(0, 5)}-${key.slice(5)}`);
    await Promise.all([
      citizen.waitForSelector('[data-correction-note]'),
      citizen.locator(`form[action="/apply/track/${code}/correction"] button[type=submit]`).click(),
    ]);
    assert.equal(
      (await citizen.locator('[data-correction-note]').innerText()).trim(),
      '请写明所需信息的时间范围和发放单位',
    );
    await axe(citizen, 'correction form');
    await citizen.locator('#field-description').fill('岳阳市人社局2025年1月至12月公益性岗位补贴的发放情况');
    await Promise.all([
      citizen.waitForURL(/corrected=1/),
      citizen.locator(`form[action="/apply/track/${code}/correction"] button[type=submit]`).click(),
    ]);
    assert.match(await citizen.locator('main').innerText(), /补正已收到/);
    await axe(citizen, 'tracking page, corrected');

    // 4. The officer answers with a partial disclosure on 12 March and downloads the notice.
    on('2026-03-12');
    officer = await officerPage();
    await officer.goto(`${server.url}/admin/applications/${id}`);
    const reply = officer.locator(`form[action="/admin/applications/${id}/reply"]`);
    await reply.locator('#field-outcome').selectOption('partially_disclosed');
    await reply.locator('#field-reply_date').fill('2026-03-12');
    await reply.locator('#field-summary').fill('发放名单中的身份证号码属于个人隐私，已遮盖后提供其余部分');
    await reply.locator('#field-redactions').fill('发放名单第2至4页的身份证号码（个人隐私）');
    await Promise.all([officer.waitForURL(/recorded=reply_drafted/), reply.locator('button[type=submit]').click()]);
    // The draft waits for the leader in charge, who approves it from the start page.
    assert.equal(await officer.locator('form[action$="/reply/approve"]').count(), 0, 'the drafter cannot approve');
    await officer.context().close();
    const leader = await officerPage('leader');
    await Promise.all([
      leader.waitForURL(new RegExp(`/admin/applications/${id}`)),
      leader.locator(`[data-awaiting-approval="${id}"] a`).click(),
    ]);
    assert.match(await leader.locator('[data-pending-draft]').innerText(), /第2至4页的身份证号码/);
    await axe(leader, 'case page, draft awaiting approval');
    await Promise.all([
      leader.waitForURL(/recorded=replied/),
      leader.locator(`form[action="/admin/applications/${id}/reply/approve"] button[type=submit]`).click(),
    ]);
    await leader.context().close();
    officer = await officerPage();
    await officer.goto(`${server.url}/admin/applications/${id}`);
    const [download] = await Promise.all([
      officer.waitForEvent('download'),
      officer.locator('a[data-notice="reply"]').click(),
    ]);
    const path = await download.path();
    const docx = await readDocx(await readFile(path));
    assert.ok(docx.text.includes('政府信息公开申请答复告知书'));
    assert.ok(docx.text.includes('周八：'));
    assert.ok(docx.text.includes('岳阳市人社局2025年1月至12月公益性岗位补贴的发放情况'), 'the corrected request');
    assert.ok(docx.text.includes('能够作区分处理'));
    assert.ok(docx.text.includes('第三十七条'));
    assert.ok(docx.text.includes('60日内依法申请行政复议'));
    assert.ok(docx.text.includes('2026年3月12日'));
    assert.ok(docx.text.includes('不予公开（遮盖）的部分及理由：发放名单第2至4页的身份证号码（个人隐私）'));
    // The same notice as an HTML page, then its delivery online on 13 March.
    await officer.goto(`${server.url}/admin/applications/${id}/notices/reply.html`);
    assert.equal(await officer.locator('article.notice-document h1').innerText(), '政府信息公开申请答复告知书');
    await axe(officer, 'reply notice (HTML)');
    await officer.context().close();
    on('2026-03-13');
    officer = await officerPage();
    await officer.goto(`${server.url}/admin/applications/${id}`);
    const deliver = officer.locator(`form[action="/admin/applications/${id}/events"]`);
    await deliver.locator('#field-delivery_way').selectOption('online');
    await deliver.locator('#field-date').fill('2026-03-13');
    await Promise.all([
      officer.waitForURL(/recorded=delivered/),
      deliver.locator('button[type=submit]:not([data-choice-show])').click(),
    ]);
    await officer.context().close();

    // 5. The public timeline shows every step, and no personal data.
    await citizen.goto(`${server.url}/apply/track/${code}`);
    const steps = await timeline(citizen);
    assert.deepEqual(
      steps.map((s) => s.replace(/\s+/g, '').trim()),
      [
        '2026-03-02收到申请',
        '2026-03-03告知申请人补正',
        '2026-03-05收到补正后的申请',
        '2026-03-12已答复（部分公开）',
        '2026-03-13已送达答复',
      ],
    );
    const body = await citizen.locator('body').innerText();
    for (const secret of ['周八', ID_NUMBER, '13512345678', '时间范围和发放单位'])
      assert.ok(!body.includes(secret), secret);
    await axe(citizen, 'tracking page, answered');
    // Answered: the correction key opens the answer's downloads, among them the notice as a page.
    await citizen.locator('#field-proof').fill(key);
    await Promise.all([
      citizen.waitForSelector('[data-answer-downloads]'),
      citizen.locator(`form[action="/apply/track/${code}/answer"] button[type=submit]`).click(),
    ]);
    await Promise.all([
      citizen.waitForSelector('article.notice-document'),
      citizen.locator('a[data-download="notice-html"]').click(),
    ]);
    assert.match(await citizen.locator('article.notice-document').innerText(), /周八：[\s\S]*能够作区分处理/);
    await axe(citizen, 'reply notice for the applicant');
    await citizen.goto(`${server.url}/apply/track?lang=en`);
    await axe(citizen, 'tracking form (en)');
    await citizenContext.close();
    assert.deepEqual(problems, []);
  });
});
