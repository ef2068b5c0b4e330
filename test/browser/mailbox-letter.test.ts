// A letter to the mayor's mailbox in Chromium (issue 16), in Chinese and in English: the citizen
// finds the agency's section, writes a letter (the form's errors first, then the proof of work
// done by pow.js) with consent to publish but not the name, gets the tracking code and tracks it;
// on the console the office signs for and assigns it, the unit drafts the answer, its head
// approves, the office replies; the writer's message carries the rating link, the citizen
// rates, and the published Q&A shows without the writer's name or phone. Every page at 1366 and
// 360 px: axe without serious findings, no message key or stray English, nothing wider than a phone.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  checkPage,
  releaseSharedBrowser,
  screenshot,
  sharedBrowser,
  seriousViolations,
  signIn,
  startServer,
  type LiveServer,
} from '../support/browser.ts';
import { testConfig } from '../support/app.ts';
import { createVault, resolveDataKeys } from '../../src/platform/crypto/personal-data.ts';
import { systemContext } from '../../src/platform/audit/audit.ts';
import { createMailboxService } from '../../src/modules/mailbox/index.ts';
import { createLetterService } from '../../src/modules/mailbox/letter.service.ts';

const WRITER = { name: '孙七', phone: '13612345678' };

describe('browser: a letter from the portal to the published answer', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  const problems: string[] = [];
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

  /** The page as it is, at both widths: axe, the text scan, the width, a screenshot. */
  const check = (page: Page, name: string, lang: 'zh-CN' | 'en') => checkPage(page, `mailbox-${name}`, lang, problems);

  /** The answered-letters job's service, linking to the test server. */
  function services() {
    const config = testConfig();
    const vault = createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir));
    return createLetterService(vault, createMailboxService(vault), server.url);
  }

  /** Signs the demo user in on a page of its own and takes the steps on the letter's case page. */
  async function console(username: string, id: number, steps: (page: Page) => Promise<void>) {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    await page.goto(`${server.url}/admin/mailbox/${id}`);
    await steps(page);
    await context.close();
  }

  /** A step that asks for nothing: its button. */
  async function press(page: Page, event: string) {
    await Promise.all([page.waitForURL(/\?done=1/), page.locator(`button[data-event="${event}"]`).click()]);
  }

  async function write(page: Page, lang: 'zh-CN' | 'en', subject: string): Promise<string> {
    const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
    await page.goto(`${server.url}/agencies/yueyang-hrss?lang=${lang}`);
    await Promise.all([
      page.waitForURL(/\/mailbox\/write\?agency=yueyang-hrss/),
      page.getByRole('link', { name: t('给本机关写信', 'Write to this agency') }).click(),
    ]);
    await check(page, 'write', lang);
    // Sent empty: every problem at once, in the page's language, summarised at the top.
    await page.getByRole('button', { name: t('提交来信', 'Send the letter') }).click();
    await page.locator('.error-summary').waitFor();
    assert.ok(
      (await page.locator('.error-summary').innerText()).includes(
        t('请填写联系电话或电子邮箱', 'Enter a phone number or an e-mail address'),
      ),
    );
    await check(page, 'write-errors', lang);
    await page.locator('#field-category').selectOption('suggestion');
    await page.locator('#field-subject').fill(subject);
    await page
      .locator('#field-request')
      .fill(`我是${WRITER.name}，电话${WRITER.phone}。建议在社保大厅设置老年人专用窗口，方便老人办事。`);
    await page.locator('#field-phone').fill(WRITER.phone);
    await page.locator('#field-writer_name').fill(WRITER.name);
    await page.locator('#field-consent_to_publish').check();
    await Promise.all([
      page.waitForSelector('[data-tracking-code]', { timeout: 90_000 }), // pow.js works for its answer first
      page.getByRole('button', { name: t('提交来信', 'Send the letter') }).click(),
    ]);
    const code = (await page.locator('[data-tracking-code]').getAttribute('data-tracking-code')) ?? '';
    assert.match(code, /^[0-9A-Z]{13}$/);
    await check(page, 'receipt', lang);
    // Tracking: the code and the phone given.
    await page.getByRole('link', { name: t('查询办理情况', 'Track the letter') }).click();
    await page.locator('#field-code').fill(code);
    await page.locator('#field-contact').fill(WRITER.phone);
    await page.getByRole('button', { name: t('查询', 'Look up') }).click();
    await page.getByText(t('办理中', 'Being handled')).waitFor();
    await check(page, 'track', lang);
    return code;
  }

  /** The console's part: the office signs for and assigns, the unit drafts, its head approves,
   *  the office replies; then the answered-letters job queues the writer's message. */
  async function answer(code: string, reply: string): Promise<number> {
    const db = server.handle.db;
    const row = await db
      .selectFrom('mailbox_cases')
      .selectAll()
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    const drafter = await db
      .selectFrom('users')
      .select('unit_id')
      .where('username', '=', 'drafter')
      .executeTakeFirstOrThrow();
    await console('officer', row.id, async (page) => {
      await press(page, 'sign_for');
      await page.locator('a[data-event="assign"]').click();
      await page.locator('#field-unit_id').selectOption(String(drafter.unit_id));
      await Promise.all([
        page.waitForURL(/\/admin\/mailbox\/\d+\?done=/),
        page.locator('#step form button[type=submit]').click(),
      ]);
    });
    await console('drafter', row.id, async (page) => {
      await page.locator('a[data-event="submit_reply"]').click();
      await page.locator('#field-reply_text').fill(reply);
      await Promise.all([
        page.waitForURL(/\/admin\/mailbox\/\d+\?done=/),
        page.locator('#step form button[type=submit]').click(),
      ]);
    });
    await console('unithead', row.id, (page) => press(page, 'approve_reply'));
    await console('officer', row.id, (page) => press(page, 'reply'));
    const answered = await db
      .selectFrom('mailbox_cases')
      .select('status')
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.equal(answered.status, 'replied');
    // The server's own minute job may have sent the message first; either way there is one.
    await services().notifyDue(db, systemContext);
    return row.id;
  }

  async function ratingLink(caseId: number): Promise<string> {
    const mails = await server.handle.db.selectFrom('mail_outbox').select('body_text').execute();
    const sms = await server.handle.db.selectFrom('sms_outbox').select('body_text').execute();
    const all = [...mails, ...sms].map((m) => m.body_text).join('\n');
    const links = [...all.matchAll(/\/mailbox\/rate\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
    assert.ok(links.length > 0, `case ${caseId}: a rating link was sent`);
    return `/mailbox/rate/${links[links.length - 1]}`;
  }

  for (const lang of ['zh-CN', 'en'] as const) {
    test(`the citizen's journey (${lang})`, async () => {
      const t = (zh: string, en: string) => (lang === 'en' ? en : zh);
      const context = await browser.newContext({ locale: lang });
      const page = await context.newPage();
      const subject = t('建议设置老年人专用窗口', '建议增设老年人窗口（英文页面）');
      const code = await write(page, lang, subject);
      const caseId = await answer(code, `${WRITER.name}您好：感谢您的建议，社保大厅已于本月设置老年人专用窗口。`);

      await page.goto(`${server.url}${await ratingLink(caseId)}?lang=${lang}`);
      await check(page, 'rate', lang);
      const rating = lang === 'en' ? 'Not satisfied' : '满意';
      await page.getByLabel(rating, { exact: true }).check();
      await page.locator('#field-comment').fill(t('办理及时。', '窗口仍然太少。'));
      await Promise.all([
        page.waitForURL(/done=1/),
        page.getByRole('button', { name: t('提交评价', 'Send the rating') }).click(),
      ]);
      assert.ok(
        (await page.locator('main').innerText()).includes(t('您的评价已记录：满意', 'recorded: Not satisfied')),
      );
      await check(page, 'rated', lang);

      await page.goto(`${server.url}/mailbox/answers?agency=yueyang-hrss&lang=${lang}`);
      await check(page, 'answers', lang);
      await page.getByRole('link', { name: subject }).click();
      await page.getByText(t('老年人专用窗口', '老年人专用窗口')).first().waitFor();
      const main = await page.locator('main').innerText();
      assert.ok(!main.includes(WRITER.name), 'no name');
      assert.ok(!main.includes(WRITER.phone), 'no phone');
      assert.ok(main.includes('×××'));
      await check(page, 'answer', lang);
      await context.close();
    });
  }

  test('the office sees the dissatisfied writer on its start page', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, 'officer');
    const panel = page.locator('[data-panel="writer-ratings"]');
    await panel.waitFor();
    assert.ok((await panel.innerText()).includes('窗口仍然太少。'));
    await check(page, 'office-start', 'zh-CN');
    await context.close();
  });

  test('no page had a problem', () => {
    assert.deepEqual(problems, []);
  });
});
