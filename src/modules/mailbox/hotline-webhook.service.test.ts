// The webhook's service on both engines: a signed call is received; a wrong signature, a stale
// time, an unknown agency and bad orders store nothing; a delivery id is taken once, and given
// back when storing fails; the secret is sealed, replaced and removed with its audit events.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { countRows, forEachDialect } from '../../../test/support/database.ts';
import { configureAudit, systemContext } from '../../platform/audit/audit.ts';
import { setClock } from '../../platform/clock.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { ValidationError } from '../../platform/errors.ts';
import { registerMessages } from '../../platform/i18n/i18n.ts';
import { organisationService } from '../organisation/index.ts';
import type { WorkOrderInput } from './mailbox.ts';
import { createHotlineWebhookService, type ReceiveWorkOrders } from './hotline-webhook.service.ts';
import { signWorkOrderCall } from './work-order-webhook.ts';
import { workOrderIntakeMessages } from './work-orders.messages.ts';

registerMessages(workOrderIntakeMessages);

const NOW = Date.parse('2025-05-06T01:00:00Z');

forEachDialect('hotline webhook', (t) => {
  const vault = createVault('aes-256-gcm', [randomBytes(32).toString('hex')]);
  // Stands in for the mailbox's receiveWorkOrders: idempotent on the number, as it is.
  const stored = new Map<string, WorkOrderInput>();
  let failNext = false;
  const receive: ReceiveWorkOrders = async (_db, _ctx, _agency, orders) => {
    if (failNext) {
      failNext = false;
      throw new Error('database went away');
    }
    const created: string[] = [];
    const known: string[] = [];
    for (const o of orders) {
      if (stored.has(o.externalNo)) known.push(o.externalNo);
      else stored.set(o.externalNo, o), created.push(o.externalNo);
    }
    return { created, known };
  };
  const service = createHotlineWebhookService(vault, receive);
  let secret = '';
  let agencyId = 0;
  let clock = NOW;

  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    setClock(() => new Date(clock));
    agencyId = await organisationService.createAgency(t.handle.db, systemContext, {
      code: 'hook',
      name: '热线测试局',
      level: 'city',
      kind: 'department',
    });
    secret = (await service.setSecret(t.handle.db, systemContext, agencyId, {}, { updatedBy: null })).secret;
  });
  after(() => setClock(undefined));

  function call(body: unknown, over: { delivery?: string; at?: number; key?: string; agency?: string } = {}) {
    const text = JSON.stringify(body);
    const timestamp = String(Math.floor((over.at ?? clock) / 1000));
    const delivery = over.delivery ?? `d-${randomBytes(6).toString('hex')}`;
    return service.receiveCall(t.handle.db, systemContext, {
      headers: {
        'x-gongkai-agency': over.agency ?? 'hook',
        'x-gongkai-timestamp': timestamp,
        'x-gongkai-delivery': delivery,
        'x-gongkai-signature': signWorkOrderCall(over.key ?? secret, timestamp, delivery, text),
      },
      body: Buffer.from(text),
    });
  }

  const order = (no: string) => ({
    工单编号: no,
    派单时间: '2025-05-06 08:30',
    诉求类型: '投诉',
    标题: '噪音扰民',
    诉求内容: '夜间施工噪音扰民',
  });

  test('the secret is sealed at rest and audited without its value', async () => {
    const row = await t.handle.db
      .selectFrom('hotline_webhook_secrets')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .executeTakeFirstOrThrow();
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    assert.ok(!row.secret_enc.includes(secret));
    assert.equal(vault.decrypt(row.secret_enc), secret);
    const events = await t.handle.db
      .selectFrom('audit_events')
      .select(['action', 'after_json'])
      .where('action', '=', 'mailbox.webhook_secret')
      .execute();
    assert.equal(events.length, 1);
    assert.ok(!JSON.stringify(events).includes(secret));
    await assert.rejects(
      service.setSecret(t.handle.db, systemContext, agencyId, { secret: 'short' }, { updatedBy: null }),
      ValidationError,
    );
  });

  test('a signed call is received; the same orders again are known, not doubled', async () => {
    const first = await call({ orders: [order('GD-1'), order('GD-2')] });
    assert.deepEqual(first, { status: 200, body: { received: 2, created: ['GD-1', 'GD-2'], known: [] } });
    const again = await call([order('GD-2'), order('GD-3')]);
    assert.deepEqual(again, { status: 200, body: { received: 2, created: ['GD-3'], known: ['GD-2'] } });
    assert.equal(stored.get('GD-1')?.receivedAt, '2025-05-06T00:30:00.000Z');
  });

  test('a replayed delivery is refused with 409 and stores nothing', async () => {
    const first = await call(order('GD-4'), { delivery: 'replay-1' });
    assert.equal(first.status, 200);
    const size = stored.size;
    clock += 60_000; // a minute later, still within the window
    const replay = await call(order('GD-4'), { delivery: 'replay-1', at: clock - 60_000 });
    assert.equal(replay.status, 409);
    assert.deepEqual((replay.body as { error: { code: string } }).error.code, 'replay');
    assert.equal(stored.size, size);
  });

  test('a wrong signature, a stale time, an unknown agency: 401, nothing stored, no delivery taken', async () => {
    const size = stored.size;
    const deliveries = await countRows(t.handle.db, 'hotline_webhook_deliveries');
    const cases = [
      [await call(order('GD-9'), { key: 'x'.repeat(43) }), 401, 'signature'],
      [await call(order('GD-9'), { at: clock - 301_000 }), 401, 'stale'],
      [await call(order('GD-9'), { at: clock + 301_000 }), 401, 'stale'],
      [await call(order('GD-9'), { agency: 'nobody' }), 401, 'agency'],
    ] as const;
    for (const [answer, status, code] of cases) {
      assert.equal(answer.status, status);
      assert.equal((answer.body as { error: { code: string } }).error.code, code);
    }
    assert.equal(stored.size, size);
    assert.equal(await countRows(t.handle.db, 'hotline_webhook_deliveries'), deliveries);
  });

  test('bad orders: 422 with every problem, nothing stored; the corrected call may reuse its delivery id', async () => {
    const size = stored.size;
    const bad = await call({ orders: [order('GD-5'), { ...order('GD-6'), 诉求类型: '表扬' }] }, { delivery: 'fix-1' });
    assert.equal(bad.status, 422);
    const error = 'error' in bad.body ? bad.body.error : assert.fail('an error was expected');
    assert.deepEqual(
      (error.problems ?? []).map((p) => [p.row, p.column]),
      [[2, '诉求类型']],
    );
    assert.equal(stored.size, size);
    const fixed = await call({ orders: [order('GD-5'), order('GD-6')] }, { delivery: 'fix-1' });
    assert.equal(fixed.status, 200);
  });

  test('when storing fails the delivery id is given back, so the centre can send it again', async () => {
    failNext = true;
    await assert.rejects(call(order('GD-7'), { delivery: 'retry-1' }), /database went away/);
    assert.equal((await call(order('GD-7'), { delivery: 'retry-1' })).status, 200);
  });

  test('delivery ids are forgotten once a replay would be stale anyway', async () => {
    const before = await countRows(t.handle.db, 'hotline_webhook_deliveries');
    assert.ok(before > 0);
    clock += 601_000;
    assert.equal((await call(order('GD-8'))).status, 200);
    assert.equal(await countRows(t.handle.db, 'hotline_webhook_deliveries'), 1);
  });

  test('a removed secret stops the calls', async () => {
    await service.removeSecret(t.handle.db, systemContext, agencyId);
    assert.equal((await call(order('GD-10'))).status, 401);
    secret = (await service.setSecret(t.handle.db, systemContext, agencyId, {}, { updatedBy: null })).secret;
    assert.equal((await call(order('GD-10'))).status, 200);
  });
});
