// A 12345 work order in Chromium (issue 16): the disclosure office imports the centre's export
// (checked first, then stored), signs for the order, asks for an extension before its limit runs
// out, assigns it; the unit drafts the answer, its head approves, the office sends it and feeds the
// result back to the centre, and the centre's feedback export lists it. The clock stands on Monday
// 2026-09-28, so the order's 13 working days run across the National Day holiday and its make-up
// Saturday (hand-counted below). Every page in Chinese and English at 1366 and 360 px: axe, the
// text scan, nothing wider than a phone.
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  checkPage,
  releaseSharedBrowser,
  sharedBrowser,
  signIn,
  startServer,
  type LiveServer,
} from '../support/browser.ts';
import { setClock } from '../../src/platform/clock.ts';

const ORDER = '0012-20260928-0042';
const CALLER = { name: '钱女士', phone: '13598765432' };
// Received Mon 28 Sep; counted from Tue 29 Sep: 29, 30 (2); 1–7 Oct National Day, not counted;
// 8, 9 (4); Sat 10 Oct, a make-up working day (5); 12–16 (10); 19, 20, 21 (13).
const DUE = '2026-10-21';
const EXTENDED_TO = '2026-10-30';

describe('browser: a 12345 order from import to feedback', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  let dir: string;
  const problems: string[] = [];
  before(async () => {
    setClock(() => new Date('2026-09-28T02:00:00.000Z'));
    server = await startServer({ demo: 'organisation' });
    dir = mkdtempSync(join(tmpdir(), 'gongkai-hotline-'));
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
    rmSync(dir, { recursive: true, force: true });
    setClock(undefined);
  });

  const check = (page: Page, name: string, lang: 'zh-CN' | 'en') => checkPage(page, `hotline-${name}`, lang, problems);

  function exportFile(): string {
    const path = join(dir, '12345-export.csv');
    const rows = [
      '工单编号,派单时间,诉求类型,标题,诉求内容,来电人,联系电话',
      `${ORDER},2026-09-28 09:30,投诉,社保卡补办进度慢,来电人反映8月申请补办社保卡至今未拿到卡。,${CALLER.name},${CALLER.phone}`,
    ];
    writeFileSync(path, '\uFEFF' + rows.join('\r\n'));
    return path;
  }

  async function signedInPage(username: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    return page;
  }

  async function submitStep(page: Page, event: string, fill: (page: Page) => Promise<void> = async () => {}) {
    await page.locator(`a[data-event="${event}"]`).click();
    await fill(page);
    await Promise.all([
      page.waitForURL(/\/admin\/mailbox\/\d+\?done=/),
      page.locator('#step form button[type=submit]').click(),
    ]);
  }

  async function press(page: Page, event: string) {
    await Promise.all([page.waitForURL(/\?done=1/), page.locator(`button[data-event="${event}"]`).click()]);
  }

  test('the office imports, signs for, extends and assigns; the unit answers; the office feeds back', async () => {
    const officer = await signedInPage('officer');
    await officer.goto(`${server.url}/admin/mailbox/import`);
    await check(officer, 'import', 'zh-CN');
    await officer.locator('input[type=file][name=file]').setInputFiles(exportFile());
    await officer.locator('button[name=intent][value=check]').click();
    await officer.getByText('导入将新增1件').waitFor();
    assert.equal(await count(), 0, 'a check stores nothing');
    await officer.locator('input[type=file][name=file]').setInputFiles(exportFile());
    await officer.locator('button[name=intent][value=import]').click();
    await officer.locator('.notice--success').waitFor();
    await check(officer, 'imported', 'zh-CN');
    assert.equal(await count(), 1);

    const row = await server.handle.db
      .selectFrom('mailbox_cases')
      .select(['id', 'due_date', 'status'])
      .where('external_no', '=', ORDER)
      .executeTakeFirstOrThrow();
    assert.equal(row.due_date, DUE);
    assert.equal(row.status, 'dispatched');
    await officer.goto(`${server.url}/admin/mailbox`);
    await officer.getByRole('link', { name: ORDER }).click();
    const casePage = await officer.locator('main').innerText();
    assert.ok(!casePage.includes(CALLER.phone), 'the caller stays masked');
    assert.ok(casePage.includes('国庆节'), 'the clock names the holiday it skips');
    await check(officer, 'case', 'zh-CN');

    await press(officer, 'sign_for');
    await submitStep(officer, 'extend', async (page) => {
      await page.locator('#field-date').fill(EXTENDED_TO);
      await page.locator('#field-reason').fill('需会同社保卡服务网点核实制卡进度。');
    });
    const unit = await server.handle.db
      .selectFrom('users')
      .select('unit_id')
      .where('username', '=', 'drafter')
      .executeTakeFirstOrThrow();
    await submitStep(officer, 'assign', async (page) => {
      await page.locator('#field-unit_id').selectOption(String(unit.unit_id));
    });
    assert.ok((await officer.locator('main').innerText()).includes(EXTENDED_TO));

    const drafter = await signedInPage('drafter');
    await drafter.goto(`${server.url}/admin/mailbox/${row.id}`);
    await submitStep(drafter, 'submit_reply', (page) =>
      page.locator('#field-reply_text').fill('您的社保卡已制卡完成，已于10月20日寄出，请注意查收。'),
    );
    const head = await signedInPage('unithead');
    await head.goto(`${server.url}/admin/mailbox/${row.id}`);
    await press(head, 'approve_reply');
    await officer.goto(`${server.url}/admin/mailbox/${row.id}`);
    await press(officer, 'reply');
    await check(officer, 'replied', 'zh-CN');

    const done = await server.handle.db
      .selectFrom('mailbox_cases')
      .select(['status', 'due_date', 'original_due_date'])
      .where('id', '=', row.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(done, { status: 'replied', due_date: EXTENDED_TO, original_due_date: DUE });

    // The centre's feedback export lists the order as finished, without the caller's data.
    await officer.goto(`${server.url}/admin/mailbox/feedback`);
    await check(officer, 'feedback', 'zh-CN');
    const csv = await officer.evaluate(
      async (url) => (await fetch(url)).text(),
      `${server.url}/admin/mailbox/feedback?from=2026-09-01&to=2026-09-28&format=csv`,
    );
    const line = csv.split(/\r?\n/).find((l) => l.includes(ORDER)) ?? '';
    assert.ok(line !== '', 'the order is in the feedback export');
    assert.ok(!csv.includes(CALLER.phone) && !csv.includes(CALLER.name), 'no personal data in the export');

    // The office's pages in English (the choice sticks to the session from here on).
    await officer.goto(`${server.url}/admin/mailbox/${row.id}?lang=en`);
    await check(officer, 'replied', 'en');
    await officer.goto(`${server.url}/admin/mailbox?lang=en`);
    await check(officer, 'list', 'en');
    await officer.goto(`${server.url}/admin/mailbox/import`);
    await check(officer, 'import', 'en');
  });

  test('no page had a problem', () => {
    assert.deepEqual(problems, []);
  });

  async function count(): Promise<number> {
    const rows = await server.handle.db
      .selectFrom('mailbox_cases')
      .select('id')
      .where('external_no', '=', ORDER)
      .execute();
    return rows.length;
  }
});
