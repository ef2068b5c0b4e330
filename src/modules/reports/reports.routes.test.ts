// The annual-report console on both engines: who may read which report, the checks on the page,
// downloads, and a cell of table 三 followed to the applications it counts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, testApp, testConfig } from '../../../test/support/app.ts';
import { configureAudit } from '../../platform/audit/audit.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { loadDemo } from '../../demo/demo.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';

forEachDialect('annual report console', (t) => {
  let app: FastifyInstance;
  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    const config = testConfig();
    await loadDemo(t.handle, DEMO_PASSWORD, {
      mustChange: false,
      vault: createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir)),
    });
    app = await testApp(t.handle);
  });
  after(async () => app.close());

  const as = async (username: string) => {
    const c = new Client(app);
    assert.equal((await c.signIn(username, DEMO_PASSWORD)).statusCode, 303);
    return c;
  };

  test('the office reads its report; a cell of table 三 lists exactly the applications it counts', async () => {
    const c = await as('officer');
    const index = await c.get('/admin/reports');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /yueyang-hrss/);
    const page = await c.get('/admin/reports/yueyang-hrss/2025');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<caption id="table-三">表三 收到和处理政府信息公开申请情况<\/caption>/);
    assert.match(page.body, /全部勾稽关系核对通过|All identities hold/);
    const link = /<td data-path="applications\.newReceived\.total"><a href="([^"]+)">(\d+)<\/a><\/td>/.exec(page.body);
    assert.ok(link, 'the new-applications total links to its records');
    const cells = await c.get(link[1]!.replace(/&amp;/g, '&'));
    assert.equal(cells.statusCode, 200);
    assert.equal(/data-count="(\d+)"/.exec(cells.body)?.[1], link[2]);
    assert.equal([...cells.body.matchAll(/href="\/admin\/applications\/\d+"/g)].length, Number(link[2]));
  });

  test('downloads in every format', async () => {
    const c = await as('leader');
    for (const [format, type] of [
      ['json', /application\/json/],
      ['docx', /wordprocessingml/],
      ['xlsx', /spreadsheetml/],
      ['html', /text\/html/],
    ] as const) {
      const res = await c.get(`/admin/reports/yueyang-hrss/2013/download?format=${format}`);
      assert.equal(res.statusCode, 200, format);
      assert.match(String(res.headers['content-type']), type);
    }
    const json = JSON.parse((await c.get('/admin/reports/yueyang-hrss/2013/download?format=json')).body);
    assert.equal(json.proactive.totalPublished, 702);
  });

  test('the roll-up needs read access to every agency in it: the supervisor has it, the office does not', async () => {
    assert.equal((await (await as('supervisor')).get('/admin/reports/yueyang-hrss/2025?rollup=1')).statusCode, 200);
    assert.equal((await (await as('officer')).get('/admin/reports/yueyang-hrss/2025?rollup=1')).statusCode, 404);
  });

  // A role that cannot read reports is refused (403); one that can, but not this agency's, is
  // answered as if the report did not exist (404), so existence does not leak.
  test('others are refused: a drafter, and another agency’s office', async () => {
    assert.equal((await (await as('drafter')).get('/admin/reports/yueyang-hrss/2025')).statusCode, 403);
    assert.equal((await (await as('yyx-officer')).get('/admin/reports/yueyang-hrss/2025')).statusCode, 404);
    assert.equal((await (await as('officer')).get('/admin/reports/yueyang-hrss/1999')).statusCode, 404);
  });
});
