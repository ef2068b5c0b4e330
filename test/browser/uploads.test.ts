import { test, describe, before, after, beforeEach } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import type { FastifyInstance } from 'fastify';
import { browserAvailable, releaseSharedBrowser, sharedBrowser } from '../support/browser.ts';
import { uploadApp } from '../support/uploads.ts';
import { CHINESE_PDF } from '../support/files.ts';

describe('browser: a multipart form with a file passes the CSRF check', { skip: !browserAvailable() }, () => {
  let browser: Browser;
  let app: FastifyInstance;
  let drop: () => Promise<void>;
  let url: string;
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-upload-browser-'));
  before(async () => {
    ({ app, drop } = await uploadApp({}));
    url = await app.listen({ port: 0, host: '127.0.0.1' });
  });
  beforeEach(async () => {
    browser = await sharedBrowser();
  });
  after(async () => {
    await releaseSharedBrowser();
    await drop?.();
    rmSync(dir, { recursive: true, force: true });
  });

  test('Chromium submits a Chinese-named PDF and a text field; the server stores the PDF', async () => {
    const file = join(dir, '岳阳市 年度报告.pdf');
    writeFileSync(file, CHINESE_PDF);
    const page = await (await browser.newContext({ locale: 'zh-CN' })).newPage();
    await page.goto(`${url}/t/form`);
    await page.fill('#title', '政府信息公开');
    await page.setInputFiles('#attachment', file);
    await Promise.all([page.waitForNavigation(), page.click('button')]);
    const body = JSON.parse((await page.textContent('body')) ?? '{}') as {
      fields: Record<string, string>;
      stored: { filename: string; kind: string }[];
      issues: unknown[];
    };
    assert.equal(body.fields.title, '政府信息公开');
    assert.deepEqual(body.issues, []);
    assert.deepEqual(
      body.stored.map((f) => [f.filename, f.kind]),
      [['岳阳市 年度报告.pdf', 'pdf']],
    );
  });
});
