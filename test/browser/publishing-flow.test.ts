// A normative document from draft to web in Chromium: the drafter drafts it with an ID number
// in the body and a file attached, submits; the unit head, the confidentiality reviewer, the
// leader in charge and the principal leader each sign in and take their step; the disclosure
// officer's "publish" is refused by the personal-data guard; the drafter masks with one click;
// the officer publishes. Every page on the way passes axe-core (serious and critical rules).
import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
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

const ID_NUMBER = '11010519491231002X';
const TITLE = '岳阳市就业见习补贴管理办法';

describe('browser: an item walks the review chain and is published', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  const problems: string[] = [];

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

  /** A fresh browser session of one demo user, on the item page or wherever `path` says. */
  async function as(username: string, path: string): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, username);
    await page.goto(`${server.url}${path}`);
    return page;
  }

  async function axe(page: Page, label: string): Promise<void> {
    for (const v of await seriousViolations(page))
      problems.push(`${label}: ${v.id} — ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }

  /** Presses the button of one transition form (the forms carry the event in a hidden input). */
  async function take(page: Page, event: string, fields: Record<string, string> = {}): Promise<void> {
    const form = page.locator(`form[action$="/transition"]:has(input[name="event"][value="${event}"])`);
    for (const [name, value] of Object.entries(fields)) await form.locator(`[name="${name}"]`).fill(value);
    await Promise.all([page.waitForLoadState('load'), form.locator('button[type=submit]').click()]);
  }

  test('draft with a file → four approvals → blocked by the guard → masked → published', async () => {
    const drafter = await as('drafter', '/admin/items/new');
    await axe(drafter, 'new item form');
    await drafter.locator('#field-title').fill(TITLE);
    await drafter.locator('#field-document_number').fill('岳人社发〔2026〕5号');
    await drafter.locator('#field-catalog_category').selectOption('normative_document');
    await drafter
      .locator('#field-body_html')
      .fill(`<p>经办人：张三，身份证号 ${ID_NUMBER}。</p><p>第一条 为规范就业见习补贴管理，制定本办法。</p>`);
    await Promise.all([
      drafter.waitForURL(/\/admin\/items\/\d+\?done=created$/),
      drafter.locator('form[action="/admin/items/new"] button[type=submit]').click(),
    ]);
    const itemPath = new URL(drafter.url()).pathname;
    assert.match(await drafter.locator('body').innerText(), /发现 1 处个人信息/);
    await axe(drafter, 'draft with a finding');

    await drafter.locator('#field-file').setInputFiles({
      name: '见习补贴申领表.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from('就业见习补贴申领表\n单位名称：\n见习人数：\n'),
    });
    await Promise.all([
      drafter.waitForURL(/done=attachment_added/),
      drafter.locator(`form[action="${itemPath}/attachments"] button[type=submit]`).click(),
    ]);
    assert.match(await drafter.locator('#attachments-title + *').innerText(), /见习补贴申领表\.txt/);
    await axe(drafter, 'draft with a file');
    await take(drafter, 'submit');
    assert.match(await drafter.locator('h1 + p').innerText(), /已提交/);

    const unitHead = await as('unithead', itemPath);
    await axe(unitHead, 'unit head’s view');
    await take(unitHead, 'unit_approve');

    const reviewer = await as('reviewer', itemPath);
    await axe(reviewer, 'reviewer’s view');
    await take(reviewer, 'confidentiality_approve', { basis: '不涉及国家秘密和工作秘密（《保密法》第二条）' });

    const leader = await as('leader', itemPath);
    await take(leader, 'leader_check');
    const chief = await as('chief', itemPath);
    await axe(chief, 'principal leader’s view');
    await take(chief, 'principal_approve');

    const officer = await as('officer', itemPath);
    await take(officer, 'publish');
    const refused = await officer.locator('body').innerText();
    assert.match(refused, /须先屏蔽/, 'the guard refuses the publication');
    await axe(officer, 'publication refused');

    await drafter.goto(`${server.url}${itemPath}`);
    await Promise.all([
      drafter.waitForURL(/done=masked/),
      drafter.locator(`form[action="${itemPath}/mask"] button[type=submit]`).click(),
    ]);
    const masked = await drafter.locator('body').innerText();
    assert.match(masked, /当前版本未发现个人信息/);
    assert.ok(masked.includes('110105********002X'));
    assert.ok(!masked.includes(ID_NUMBER));

    await officer.goto(`${server.url}${itemPath}`);
    await take(officer, 'publish');
    const published = await officer.locator('body').innerText();
    assert.match(published, /已发布/);
    for (const name of ['赵敏', '钱立新', '孙文静', '周建华', '吴志刚', '李红'])
      assert.ok(published.includes(name), `the history names ${name}`);
    await axe(officer, 'published item');
    await officer.goto(`${server.url}${itemPath}/versions`);
    await axe(officer, 'versions compared');

    assert.deepEqual([...problems], []);
    const row = await server.handle.db
      .selectFrom('information_items')
      .select(['status', 'publication_date'])
      .where('id', '=', Number(itemPath.split('/').pop()))
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
    assert.ok(row.publication_date);

    // The pages around a published item: correction form, validity form, list filters and the
    // workflow configuration — axe-clean and without horizontal scrolling on a 360-px phone.
    const admin = await as('admin', '/admin/workflows');
    problems.length = 0;
    const pages: [Page, string][] = [
      [officer, `${itemPath}/correct`],
      [officer, itemPath],
      [officer, '/admin/items?deadline=overdue'],
      [officer, '/admin/workflows'],
      [admin, '/admin/workflows'],
    ];
    for (const lang of ['zh-CN', 'en']) {
      for (const [page, path] of pages) {
        const res = await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${lang}`);
        assert.equal(res?.status(), 200, path);
        await axe(page, `${path} (${lang})`);
        await page.setViewportSize({ width: 360, height: 740 });
        const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
        if (overflow > 0) problems.push(`${path} (${lang}): ${overflow}px horizontal overflow at 360 px`);
        await page.setViewportSize({ width: 1280, height: 800 });
      }
    }
    assert.deepEqual(problems, []);
  });
});
