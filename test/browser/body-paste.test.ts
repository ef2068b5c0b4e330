// A drafter pastes a notice from Word into the body box and saves: the paragraphs, the list and
// the table survive on the item page, and typed lines stay paragraphs (issue 15 item 6).
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Page } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  sharedBrowser,
  signIn,
  startServer,
  type LiveServer,
} from '../support/browser.ts';

// What Word puts on the clipboard as text/html for two paragraphs, a bulleted list and a table.
const WORD_CLIPBOARD =
  '<html xmlns:o="urn:schemas-microsoft-com:office:office"><head><style>p.MsoNormal{margin:0}</style></head><body>' +
  '<!--StartFragment--><p class=MsoNormal style="text-indent:2em">各县市区人社局：<o:p></o:p></p>' +
  "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>·</span><![endif]>申请材料一<o:p></o:p></p>" +
  "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]><span>·</span><![endif]>申请材料二<o:p></o:p></p>" +
  '<table class=MsoTableGrid border=1><tr><td width=120><p class=MsoNormal>补贴标准</p></td><td><p class=MsoNormal>每人每月1500元</p></td></tr></table>' +
  '<p class=MsoNormal>特此通知。</p><!--EndFragment--></body></html>';

describe('browser: the body keeps its paragraphs, lists and tables', { skip: !browserAvailable() }, () => {
  let server: LiveServer;

  before(async () => {
    server = await startServer({ demo: 'small' });
  });
  after(async () => {
    await releaseSharedBrowser();
    await server?.stop();
  });

  async function newItemForm(): Promise<Page> {
    const context = await (await sharedBrowser()).newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    await signIn(page, server.url, 'drafter');
    await page.goto(`${server.url}/admin/items/new`);
    return page;
  }

  async function save(page: Page, title: string): Promise<string> {
    await page.locator('#field-title').fill(title);
    await page.locator('#field-catalog_category').selectOption('work_news');
    await Promise.all([
      page.waitForURL(/\/admin\/items\/\d+\?done=created$/),
      page.locator('form[action="/admin/items/new"] button[type=submit]').click(),
    ]);
    return page.url();
  }

  test('pasted from Word: paragraphs, a list and a table', async () => {
    const page = await newItemForm();
    await page.locator('#field-body_html').focus();
    await page.evaluate((html) => {
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', '各县市区人社局：\n申请材料一\n申请材料二\n补贴标准\t每人每月1500元\n特此通知。');
      const box = document.querySelector('#field-body_html')!;
      box.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, WORD_CLIPBOARD);
    await save(page, '关于就业见习补贴申领的通知');
    const body = page.locator('.item-body');
    assert.deepEqual(await body.locator('ul > li').allInnerTexts(), ['申请材料一', '申请材料二']);
    assert.deepEqual(await body.locator('td').allInnerTexts(), ['补贴标准', '每人每月1500元']);
    assert.equal(await body.locator(':scope > p').count(), 2);
    assert.doesNotMatch(await body.innerHTML(), /Mso|mso-|style=|<o:p|StartFragment/);
  });

  test('typed lines stay paragraphs', async () => {
    const page = await newItemForm();
    await page.locator('#field-body_html').fill('第一条 为规范管理，制定本办法。\n第二条 本办法自发布之日起施行。');
    await save(page, '就业见习管理办法');
    assert.deepEqual(await page.locator('.item-body > p').allInnerTexts(), [
      '第一条 为规范管理，制定本办法。',
      '第二条 本办法自发布之日起施行。',
    ]);
  });
});
