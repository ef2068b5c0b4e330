// The event form of a case shows only the chosen step's fields (issue 15 item 11): app.js hides the
// other groups as soon as the step changes; without JavaScript the "show the fields" button asks the
// server, which renders the chosen step's groups alone.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { Browser, Page } from 'playwright-core';
import {
  browserAvailable,
  releaseSharedBrowser,
  sharedBrowser,
  startServer,
  type LiveServer,
} from '../support/browser.ts';
import { DEMO_PASSWORD, testConfig } from '../support/app.ts';
import { setClock } from '../../src/platform/clock.ts';
import { systemContext } from '../../src/platform/audit/audit.ts';
import { createVault, resolveDataKeys } from '../../src/platform/crypto/personal-data.ts';
import { createApplicationsService } from '../../src/modules/applications/applications.service.ts';

describe('browser: the event form shows the chosen step’s fields', { skip: !browserAvailable() }, () => {
  let server: LiveServer;
  let browser: Browser;
  let caseId = 0;
  before(async () => {
    setClock(() => new Date('2026-07-01T02:00:00.000Z'));
    server = await startServer({ demo: 'organisation' });
    browser = await sharedBrowser();
    const db = server.handle.db;
    const agency = await db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    const config = testConfig();
    const service = createApplicationsService(
      createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir)),
    );
    caseId = (
      await service.registerAtCounter(db, systemContext, agency.id, {
        channel: 'in_person',
        submitted_on: '2026-07-01',
        applicant_kind: 'natural_person',
        applicant_name: '表单测试',
        id_number: '11010519491231002X',
        phone: '13800000000',
        description: '2024年度就业补助资金分配和使用情况',
        form_wanted: 'electronic',
        delivery_way: 'pickup',
      })
    ).id;
  });
  after(async () => {
    setClock(undefined);
    await releaseSharedBrowser();
    await server?.stop();
  });

  async function signedIn(javaScriptEnabled: boolean): Promise<Page> {
    const context = await browser.newContext({ locale: 'zh-CN', javaScriptEnabled });
    const page = await context.newPage();
    await page.goto(`${server.url}/sign-in`);
    await page.locator('#field-username').fill('officer');
    await page.locator('#field-password').fill(DEMO_PASSWORD);
    await Promise.all([
      page.waitForURL(/\/admin/),
      page.locator('form[action="/sign-in"] button[type=submit]').click(),
    ]);
    await page.goto(`${server.url}/admin/applications/${caseId}`);
    return page;
  }

  const visible = (page: Page, group: string) => page.locator(`[data-fieldset="${group}"]`).isVisible();

  test('with JavaScript the groups follow the choice at once', async () => {
    const page = await signedIn(true);
    assert.equal(await visible(page, 'correction'), true, 'the first step’s group');
    assert.equal(await visible(page, 'extension'), false);
    assert.equal(await page.locator('[data-choice-show]').isVisible(), false, 'no button needed');
    await page.locator('#field-kind').selectOption('extension_approved');
    assert.equal(await visible(page, 'extension'), true);
    assert.equal(await visible(page, 'reason'), true);
    assert.equal(await visible(page, 'correction'), false);
    assert.equal(await visible(page, 'fee'), false);
    await page.locator('#field-kind').selectOption('note');
    for (const g of [
      'correction',
      'consultation',
      'received',
      'extension',
      'reason',
      'delayed_reply_set',
      'fee',
      'routing',
    ])
      assert.equal(await visible(page, g), false, g);
    await page.context().close();
  });

  test('without JavaScript the server shows the chosen step’s fields, recording nothing', async () => {
    const page = await signedIn(false);
    assert.equal(await visible(page, 'correction'), true);
    assert.equal(await visible(page, 'fee'), false);
    await page.locator('#field-kind').selectOption('fee_notice_sent');
    await Promise.all([page.waitForLoadState('load'), page.locator('[data-choice-show]').click()]);
    await page.waitForSelector('[data-fieldset="fee"]:not([hidden])');
    assert.equal(await visible(page, 'fee'), true);
    assert.equal(await visible(page, 'received'), true);
    assert.equal(await visible(page, 'correction'), false);
    assert.equal(await page.locator('#field-kind').inputValue(), 'fee_notice_sent');
    const events = await server.handle.db
      .selectFrom('application_events')
      .select('kind')
      .where('application_id', '=', caseId)
      .execute();
    assert.deepEqual(
      events.map((e) => e.kind),
      ['received'],
    );
    await page.context().close();
  });
});
