// The console's import of a 12345 export, on both engines: a check stores nothing; a file with
// bad rows answers 422 with every bad row and stores nothing; the good file stores every order;
// a county bureau's officer cannot import for the city bureau.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Client, seedDemoOrganisation, testApp } from '../support/app.ts';
import { countRows, forEachDialect } from '../support/database.ts';
import { BOUNDARY, multipart } from '../support/uploads.ts';
import { setClock } from '../../src/platform/clock.ts';

const HEADER = '工单编号,派单时间,诉求类型,标题,诉求内容,来电人,联系电话';

function exportFile(bad: boolean): Buffer {
  const lines = [HEADER];
  for (let i = 1; i <= 30; i++)
    lines.push(
      `IMP-${i},2025-05-0${(i % 9) + 1} 10:00,${bad && i === 7 ? '表扬' : '求助'},,求助事项${i},王女士,13700000000`,
    );
  if (bad) lines.push('IMP-3,2025-05-01 10:00,咨询,,重复的编号,王女士,13700000000');
  return Buffer.from('\uFEFF' + lines.join('\r\n'));
}

forEachDialect('12345 import page', (t) => {
  let app: FastifyInstance;
  let city = 0;

  before(async () => {
    setClock(() => new Date('2025-06-30T02:00:00Z'));
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
    city = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  async function upload(username: string, file: Buffer, intent: string, agency = city) {
    const client = new Client(app);
    assert.equal((await client.signIn(username)).statusCode, 303);
    const page = await client.get('/admin/mailbox/import');
    assert.equal(page.statusCode, 200);
    return app.inject({
      method: 'POST',
      url: '/admin/mailbox/import',
      headers: { cookie: client.cookieHeader(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart([
        { name: '_csrf', value: client.csrfToken ?? '' },
        { name: 'agency', value: String(agency) },
        { name: 'intent', value: intent },
        { name: 'file', filename: '12345导出.csv', value: file, type: 'text/csv' },
      ]),
    });
  }

  test('bad rows: 422, every bad row listed with its row and column, nothing stored', async () => {
    const res = await upload('officer', exportFile(true), 'import');
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /data-import-problems="2"/);
    assert.match(res.body, /<td>8<\/td><td>诉求类型<\/td><td>IMP-7<\/td>/);
    assert.match(res.body, /工单编号“IMP-3”与第4行重复/);
    assert.match(res.body, /未导入任何工单/);
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 0);
  });

  test('a check of the good file stores nothing and says what importing would add', async () => {
    const res = await upload('officer', exportFile(false), 'check');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /导入将新增30件，另有0件已在系统中/);
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 0);
  });

  test('the import stores every order; again, nothing new', async () => {
    const first = await upload('officer', exportFile(false), 'import');
    assert.equal(first.statusCode, 200);
    assert.match(first.body, /新增30件，0件已在系统中/);
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 30);
    const again = await upload('officer', exportFile(false), 'import');
    assert.match(again.body, /新增0件，30件已在系统中/);
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 30);
  });

  test("a county bureau's officer cannot import for the city bureau", async () => {
    const res = await upload(
      'yyx-officer',
      Buffer.from(exportFile(false).toString().replace(/IMP-/g, 'YYX-')),
      'import',
    );
    assert.ok(res.statusCode === 403 || res.statusCode === 404, String(res.statusCode));
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 30);
  });
});
