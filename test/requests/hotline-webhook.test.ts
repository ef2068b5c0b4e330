// POST /api/hotline/work-orders through the server, on both engines, with the mailbox's own
// service behind it: no session and no CSRF token, the signature over the bytes as sent, JSON
// answers for every refusal, a replay refused, the same order number received once.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { Client, seedDemoOrganisation, testApp } from '../support/app.ts';
import { countRows, forEachDialect } from '../support/database.ts';
import { setClock } from '../../src/platform/clock.ts';
import { systemContext } from '../../src/platform/audit/audit.ts';
import { hotlineWebhookServiceOf } from '../../src/modules/mailbox/hotline-webhook.routes.ts';
import { signWorkOrderCall } from '../../src/modules/mailbox/work-order-webhook.ts';

const START = Date.parse('2025-05-06T01:00:00Z');

forEachDialect('12345 webhook route', (t) => {
  let app: FastifyInstance;
  let secret = '';
  let clock = START;
  let n = 0;

  before(async () => {
    setClock(() => new Date(clock));
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
    const agency = await t.handle.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    secret = (
      await hotlineWebhookServiceOf(app).setSecret(t.handle.db, systemContext, agency.id, {}, { updatedBy: null })
    ).secret;
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  function post(body: string, over: { delivery?: string; at?: number; key?: string; type?: string } = {}) {
    const timestamp = String(Math.floor((over.at ?? clock) / 1000));
    const delivery = over.delivery ?? `delivery-${++n}`;
    return app.inject({
      method: 'POST',
      url: '/api/hotline/work-orders',
      headers: {
        'content-type': over.type ?? 'application/json',
        'x-gongkai-agency': 'yueyang-hrss',
        'x-gongkai-timestamp': timestamp,
        'x-gongkai-delivery': delivery,
        'x-gongkai-signature': signWorkOrderCall(over.key ?? secret, timestamp, delivery, body),
      },
      payload: body,
    });
  }

  // Spaced and ordered as the centre wrote it: re-serialising would change the signed bytes.
  const order = (no: string) =>
    `{ "工单编号": "${no}", "派单时间": "2025-05-06 08:30", "诉求类型": "咨询", "诉求内容": "咨询失业保险金申领条件" }`;

  test('a signed call without session or CSRF token is received; the same number again is known', async () => {
    const first = await post(`{"orders": [${order('WH-1')}, ${order('WH-2')}]}`);
    assert.equal(first.statusCode, 200, first.body);
    assert.match(String(first.headers['content-type']), /^application\/json/);
    assert.deepEqual(first.json(), { received: 2, created: ['WH-1', 'WH-2'], known: [] });
    const again = await post(`[${order('WH-2')}]`);
    assert.deepEqual(again.json(), { received: 1, created: [], known: ['WH-2'] });
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 2);
  });

  test('a wrong signature, a stale time, a replay: refused in JSON, nothing stored', async () => {
    const cases = [
      [await post(order('WH-3'), { key: 'not-the-secret-not-the-secret-not-the-secret' }), 401, 'signature'],
      [await post(order('WH-3'), { at: clock - 10 * 60_000 }), 401, 'stale'],
      [await post(order('WH-3'), { delivery: 'once' }), 200, null],
      [await post(order('WH-3'), { delivery: 'once' }), 409, 'replay'],
      [await post('{"orders": [', {}), 400, 'json'],
      [await post(`[${order('WH-4').replace('咨询"', '表扬"')}]`), 422, 'invalid'],
    ] as const;
    for (const [res, status, code] of cases) {
      assert.equal(res.statusCode, status, res.body);
      if (code) {
        const error = res.json().error;
        assert.equal(error.code, code);
        assert.ok(error.message.zh && error.message.en);
      }
    }
    assert.equal(await countRows(t.handle.db, 'mailbox_cases'), 3);
  });

  test('missing headers are a 400 naming them; a form body is not taken', async () => {
    const bare = await app.inject({ method: 'POST', url: '/api/hotline/work-orders', payload: { a: 1 } });
    assert.equal(bare.statusCode, 400);
    assert.equal(bare.json().error.code, 'headers');
    const form = await post('a=1', { type: 'application/x-www-form-urlencoded' });
    assert.equal(form.statusCode, 415);
  });

  test('the console keeps its CSRF check: only this route is exempt', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/sign-out',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: 'a=1',
    });
    assert.notEqual(res.statusCode, 200);
    assert.ok(res.statusCode === 403 || res.statusCode === 401, String(res.statusCode));
  });

  test("the system administrator sets the secret on the console: shown once, then the centre's calls pass", async () => {
    const agency = await t.handle.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    const admin = new Client(app);
    assert.equal((await admin.signIn('admin')).statusCode, 303);
    const page = await admin.get(`/admin/mailbox/webhook?agency=${agency.id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /已开通工单接口/);
    const set = await admin.post('/admin/mailbox/webhook', { agency: String(agency.id), intent: 'set', secret: '' });
    assert.equal(set.statusCode, 200);
    assert.equal(set.headers['cache-control'], 'no-store');
    const shown = /<code data-secret="?[^>]*>([A-Za-z0-9_-]{43})<\/code>/.exec(set.body)?.[1];
    assert.ok(shown, 'the new secret is on the page');
    assert.equal((await post(order('WH-5'))).statusCode, 401, 'the old secret no longer works');
    secret = shown;
    assert.equal((await post(order('WH-5'))).statusCode, 200);
    assert.ok(
      !(await admin.get(`/admin/mailbox/webhook?agency=${agency.id}`)).body.includes(shown),
      'never shown again',
    );
    const short = await admin.post('/admin/mailbox/webhook', {
      agency: String(agency.id),
      intent: 'set',
      secret: 'abc',
    });
    assert.equal(short.statusCode, 422);
    const removed = await admin.post('/admin/mailbox/webhook', { agency: String(agency.id), intent: 'remove' });
    assert.match(removed.body, /工单接口已停用/);
    assert.equal((await post(order('WH-6'))).statusCode, 401);
  });
});
