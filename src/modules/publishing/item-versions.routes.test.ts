// The catalog console on an item's versions through the real pipeline (session, policy, CSRF,
// multipart) on both engines: uploading, downloading, replacing and removing files (with the
// guard reading their text), the version comparison, a published correction, the validity form.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { BOUNDARY, multipart, type Part } from '../../../test/support/uploads.ts';
import { makeDocx, makeXlsx } from '../../../test/support/files.ts';
import { Client, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { publishingStore as store } from './publishing.store.ts';
import {
  type DemoUser,
  asUser,
  demoBureau,
  demoCallers,
  itemInput,
  reviewWorkNews,
  type DemoName,
} from './publishing.test-support.ts';

const ID = '11010519491231002X';

async function signedIn(app: FastifyInstance, username: string): Promise<Client> {
  const client = new Client(app);
  assert.equal((await client.signIn(username)).statusCode, 303, `${username} signs in`);
  await client.get('/account');
  return client;
}

/** Posts a multipart form with one file, the way a browser does (CSRF token as the first field). */
async function upload(
  app: FastifyInstance,
  client: Client,
  url: string,
  name: string,
  content: Buffer | string,
  csrf = client.csrfToken,
): Promise<LightMyRequestResponse> {
  const parts: Part[] = [
    ...(csrf ? [{ name: '_csrf', value: csrf }] : []),
    { name: 'file', filename: name, value: content },
  ];
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookieHeader(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipart(parts),
  });
}

forEachDialect('publishing console, item versions and files', (t) => {
  let app: FastifyInstance;
  let db: Db;
  let unit = 0;
  let who: Record<DemoName, DemoUser>;
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-pub-files-'));
  before(async () => {
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle, { dataDir });
    db = t.handle.db;
    ({ unit } = await demoBureau(db));
    who = await demoCallers(db);
  });
  after(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('files: upload checked by content, guard reads the text, replace, download, remove', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { title: '附件测试' }));
    const drafter = await signedIn(app, 'drafter');
    const page = await drafter.get(`/admin/items/${id}`);
    assert.match(page.body, /enctype="multipart\/form-data"/);

    const noCsrf = await upload(app, drafter, `/admin/items/${id}/attachments`, 'a.txt', 'x', '');
    assert.equal(noCsrf.statusCode, 403, 'a multipart form needs the CSRF token too');
    const disguised = await upload(
      app,
      drafter,
      `/admin/items/${id}/attachments`,
      '通知.pdf',
      '<html><script>alert(1)</script></html>',
    );
    assert.equal(disguised.statusCode, 422);
    assert.match(disguised.body, /error-summary/);
    assert.match(disguised.body, /href="#field-file"/);
    const empty = await upload(app, drafter, `/admin/items/${id}/attachments`, '', '');
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请选择要上传的文件/);

    const ok = await upload(app, drafter, `/admin/items/${id}/attachments`, '名单.txt', `补贴名单\n张三 ${ID}\n`);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    const shown = await drafter.get(`/admin/items/${id}?done=attachment_added`);
    assert.match(shown.body, /附件已上传/);
    assert.match(shown.body, /附件“名单.txt”/, 'the finding names the file');
    assert.match(shown.body, /无法一键屏蔽/);
    assert.doesNotMatch(shown.body, /全部屏蔽/, 'nothing to mask in the text fields');
    const attachment = (await store.attachments(db, (await store.item(db, id))!.current_version_id!))[0]!;
    assert.equal(attachment.kind, 'txt');

    const download = await drafter.get(`/admin/items/${id}/attachments/${attachment.id}`);
    assert.equal(download.statusCode, 200);
    assert.equal(download.headers['x-content-type-options'], 'nosniff');
    assert.match(String(download.headers['content-disposition']), /^attachment;/);
    assert.ok(download.body.includes(ID));

    await drafter.get(`/admin/items/${id}`);
    const replaced = await upload(
      app,
      drafter,
      `/admin/items/${id}/attachments/${attachment.id}/replace`,
      '名单（处理后）.txt',
      '补贴名单\n张三 110105********002X\n',
    );
    assert.equal(replaced.statusCode, 303);
    const clean = await drafter.get(`/admin/items/${id}`);
    assert.match(clean.body, /当前版本未发现个人信息/);
    assert.match(clean.body, /名单（处理后）.txt/);
    const old = await drafter.get(`/admin/items/${id}/attachments/${attachment.id}`);
    assert.equal(old.statusCode, 200, 'an earlier version’s file stays available in the console');

    const other = await signedIn(app, 'yyx-officer');
    assert.equal(
      (await other.get(`/admin/items/${id}/attachments/${attachment.id}`)).statusCode,
      404,
      'another agency cannot download',
    );

    // Word and Excel files are read too: an ID number in a DOCX, a mobile number in an XLSX.
    await drafter.get(`/admin/items/${id}`);
    assert.equal(
      (
        await upload(
          app,
          drafter,
          `/admin/items/${id}/attachments`,
          '汇总表.docx',
          await makeDocx(['补贴对象汇总', `李四 ${ID}`]),
        )
      ).statusCode,
      303,
    );
    await drafter.get(`/admin/items/${id}`);
    assert.equal(
      (
        await upload(
          app,
          drafter,
          `/admin/items/${id}/attachments`,
          '联系表.xlsx',
          await makeXlsx([
            ['姓名', '手机'],
            ['王五', '13907301234'],
          ]),
        )
      ).statusCode,
      303,
    );
    const office = await drafter.get(`/admin/items/${id}`);
    assert.match(office.body, /附件“汇总表.docx”/);
    assert.match(office.body, /附件“联系表.xlsx”/);
    // Each version has its own rows (ids change with every version): look the file up each time.
    for (const name of ['汇总表.docx', '联系表.xlsx']) {
      const a = (await store.attachments(db, (await store.item(db, id))!.current_version_id!)).find(
        (x) => x.filename === name,
      )!;
      await drafter.get(`/admin/items/${id}`);
      assert.equal((await drafter.post(`/admin/items/${id}/attachments/${a.id}/remove`)).statusCode, 303);
    }

    const current = (await store.attachments(db, (await store.item(db, id))!.current_version_id!))[0]!;
    await drafter.get(`/admin/items/${id}`);
    assert.equal((await drafter.post(`/admin/items/${id}/attachments/${current.id}/remove`)).statusCode, 303);
    assert.match((await drafter.get(`/admin/items/${id}`)).body, /没有附件/);
    const versions = await drafter.get(`/admin/items/${id}/versions`);
    assert.equal(versions.statusCode, 200);
    assert.match(versions.body, /第 8 版/);
    assert.match(versions.body, /有变化/);
  });

  test('a published correction through the console, with the version comparison', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      itemInput(unit, { title: '更正测试', body_html: '<p>发放时间为6月1日。</p>' }),
    );
    await reviewWorkNews(db, who, id);
    await asUser.transition(db, who.officer, id, 'publish');
    const drafter = await signedIn(app, 'drafter');
    assert.equal((await drafter.get(`/admin/items/${id}/correct`)).statusCode, 403);
    const officer = await signedIn(app, 'officer');
    const item = await officer.get(`/admin/items/${id}`);
    assert.match(item.body, new RegExp(`href="/admin/items/${id}/correct"`));
    const form = await officer.get(`/admin/items/${id}/correct`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /发放时间为6月1日/);
    const missing = await officer.post(`/admin/items/${id}/correct`, {
      title: '更正测试',
      body_html: '<p>发放时间为6月8日。</p>',
      change_note: '',
    });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /href="#field-change_note"/);
    const pii = await officer.post(`/admin/items/${id}/correct`, {
      title: '更正测试',
      body_html: `<p>联系人 ${ID}</p>`,
      change_note: '补充联系人',
    });
    assert.equal(pii.statusCode, 409);
    assert.match(pii.body, /个人信息/);
    const done = await officer.post(`/admin/items/${id}/correct`, {
      title: '更正测试',
      body_html: '<p>发放时间为6月8日。</p>',
      change_note: '发放时间更正为6月8日',
    });
    assert.equal(done.statusCode, 303);
    const after = await officer.get(`/admin/items/${id}?done=corrected`);
    assert.match(after.body, /更正已发布/);
    assert.match(after.body, /发放时间更正为6月8日/);
    const versions = await officer.get(`/admin/items/${id}/versions?lang=en`);
    assert.match(versions.body, /Version 2/);
    assert.match(versions.body, /changed/);
    const draft = await asUser.createDraft(db, who.drafter, itemInput(unit));
    assert.equal((await officer.get(`/admin/items/${draft.id}/correct`)).statusCode, 409);
  });

  test('validity of a normative document: recorded by the officer with dates', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      itemInput(unit, {
        catalog_category: 'normative_document',
        title: '岳阳市失业保险管理办法',
        formation_date: '2025-01-06',
      }),
    );
    const officer = await signedIn(app, 'officer');
    const page = await officer.get(`/admin/items/${id}`);
    assert.match(page.body, /登记有效性变化/);
    const bad = await officer.post(`/admin/items/${id}/validity`, {
      validity: 'nonsense',
      effective_date: '2024-01-01',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /href="#field-validity"/);
    const early = await officer.post(`/admin/items/${id}/validity`, {
      validity: 'in_force',
      effective_date: '2024-01-01',
    });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /href="#field-effective_date"/);
    assert.equal(
      (await officer.post(`/admin/items/${id}/validity`, { validity: 'in_force', effective_date: '2025-02-01' }))
        .statusCode,
      303,
    );
    await officer.get(`/admin/items/${id}`);
    assert.equal(
      (
        await officer.post(`/admin/items/${id}/validity`, {
          validity: 'repealed',
          effective_date: '2026-01-01',
          note: '被岳人社发〔2025〕20号废止',
        })
      ).statusCode,
      303,
    );
    const shown = await officer.get(`/admin/items/${id}`);
    assert.match(shown.body, /已废止/);
    assert.match(shown.body, /2026-01-01/);
    assert.match(shown.body, /岳人社发〔2025〕20号/);
    const reviewer = await signedIn(app, 'reviewer');
    assert.doesNotMatch((await reviewer.get(`/admin/items/${id}`)).body, /登记有效性变化/);
  });
});
