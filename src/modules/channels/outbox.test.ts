// The Weibo / WeChat outbox on both engines, against a local HTTP server that checks the
// signature the way a receiving gateway would: entries wait while the endpoint is missing or
// failing (with their error and a later attempt), are delivered once it answers, give up after
// the last attempt and are sent after a manual retry — none is lost, none sent twice — and each
// delivery leaves the publication record the report's per-channel counts read.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { can } from '../../platform/policy.ts';
import { backoffMs, MAX_ATTEMPTS } from '../../platform/mail/outbox.ts';
import { asUser, itemInput, reviewWorkNews, demoCallers, demoBureau } from '../publishing/publishing.test-support.ts';
import { publicationsByChannel } from './channels.store.ts';
import {
  endpointUrlProblem,
  signBody,
  verifySignature,
  SIGNATURE_HEADER,
  DELIVERY_HEADER,
} from './channel-adapters.ts';
import { createOutboxService } from './outbox.service.ts';

test('the signature is HMAC-SHA256 of the exact body, and any change breaks it', () => {
  const body = '{"title":"关于2013年社保补贴的通知"}';
  const sig = signBody('s3cret-s3cret-s3cret', body);
  assert.match(sig, /^sha256=[0-9a-f]{64}$/);
  assert.equal(verifySignature('s3cret-s3cret-s3cret', body, sig), true);
  assert.equal(verifySignature('s3cret-s3cret-s3cret', body.replace('2013', '2014'), sig), false);
  assert.equal(verifySignature('another-secret-here', body, sig), false);
  assert.equal(verifySignature('s3cret-s3cret-s3cret', body, undefined), false);
});

test('endpoints use https; plain http only to this machine', () => {
  assert.equal(endpointUrlProblem('https://gateway.example.gov.cn/weibo'), null);
  assert.equal(endpointUrlProblem('http://127.0.0.1:8080/hook'), null);
  assert.equal(endpointUrlProblem('http://gateway.example.gov.cn/weibo'), 'insecure');
  assert.equal(endpointUrlProblem('ftp://x/y'), 'invalid');
  assert.equal(endpointUrlProblem('https://user:pw@x.cn/'), 'invalid');
  assert.equal(endpointUrlProblem('not a url'), 'invalid');
});

/** A receiving gateway: answers with the status the test sets, and records what it verified. */
function gateway(secret: string) {
  const received: { delivery: string; body: Record<string, unknown>; valid: boolean }[] = [];
  let status = 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks).toString('utf8');
      const valid = verifySignature(secret, raw, req.headers[SIGNATURE_HEADER] as string | undefined);
      received.push({
        delivery: String(req.headers[DELIVERY_HEADER]),
        body: JSON.parse(raw) as Record<string, unknown>,
        valid,
      });
      res.statusCode = valid ? status : 401;
      res.end(valid ? 'ok' : 'bad signature');
    });
  });
  return {
    received,
    setStatus: (s: number) => (status = s),
    listen: () =>
      new Promise<number>((resolve) =>
        server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
      ),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

forEachDialect('channel outbox', (t) => {
  let db: Db;
  let app: FastifyInstance;
  const secret = 'weibo-gateway-secret-0123456789';
  const vault = createVault('aes-256-gcm', [randomBytes(32).toString('hex')]);
  const service = createOutboxService(vault);
  const hook = gateway(secret);
  let port = 0;
  let agency = 0;
  let itemId = 0;
  let clock = new Date('2026-03-02T02:00:00Z').getTime();
  const tick = (ms: number) => {
    clock += ms;
    setClock(() => new Date(clock));
  };

  before(async () => {
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    app = await testApp(t.handle);
    port = await hook.listen();
    agency = (await demoBureau(db)).agency;
    setClock(() => new Date(clock));
    const who = await demoCallers(db);
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      itemInput((await demoBureau(db)).unit, { formation_date: '2026-02-27', title: '2026年春风行动招聘会通知' }),
    );
    await reviewWorkNews(db, who, id);
    await asUser.transition(db, who.officer, id, 'publish');
    itemId = id;
  });
  after(async () => {
    setClock(undefined);
    await hook.close();
    await app.close();
  });

  test('only the disclosure office queues, only published items, each version once per channel', async () => {
    const who = await demoCallers(db);
    // The route authorizes before queueing (the route and agency matrices check the 403).
    assert.equal(can(who.drafter.actor, 'channels.record', { agencyId: agency }), false);
    assert.equal(can(who.officer.actor, 'channels.record', { agencyId: agency }), true);
    await assert.rejects(
      service.queue(db, who.officer.ctx, itemId, 'tv', { queuedBy: who.officer.actor.userId }),
      ValidationError,
    );
    const draft = await asUser.createDraft(
      db,
      who.drafter,
      itemInput((await demoBureau(db)).unit, { formation_date: '2026-02-27' }),
    );
    await assert.rejects(
      service.queue(db, who.officer.ctx, draft.id, 'weibo', { queuedBy: who.officer.actor.userId }),
      ValidationError,
    );
    const id = await service.queue(db, who.officer.ctx, itemId, 'weibo', { queuedBy: who.officer.actor.userId });
    assert.ok(id > 0);
    await assert.rejects(
      service.queue(db, who.officer.ctx, itemId, 'weibo', { queuedBy: who.officer.actor.userId }),
      ConflictError,
    );
    const payload = JSON.parse(
      (await db.selectFrom('channel_outbox').select('payload_json').where('id', '=', id).executeTakeFirstOrThrow())
        .payload_json,
    ) as { title: string; path: string };
    assert.equal(payload.title, '2026年春风行动招聘会通知');
    assert.equal(payload.path, `/items/${itemId}`);
  });

  test('without an endpoint the entry waits with its reason; a failing endpoint is retried with backoff; then it is delivered, signed, once', async () => {
    const who = await demoCallers(db);
    const before = (await publicationsByChannel(db, [agency], 2026)).byChannel.weibo;
    let run = await service.sendDue(db);
    assert.equal(run.sent.length, 0);
    assert.equal(run.failed.length, 1);
    assert.match(run.failed[0]!.error, /no enabled endpoint/);

    // The secret is a setting of the system administrator, sealed at rest.
    assert.equal(can(who.officer.actor, 'channels.configure', { agencyId: agency }), false);
    assert.equal(can(who.admin.actor, 'channels.configure', { agencyId: agency }), true);
    await assert.rejects(
      service.saveEndpoint(
        db,
        who.admin.ctx,
        agency,
        {
          channel: 'weibo',
          url: 'http://gateway.example.cn/hook',
          secret: 'short',
          enabled: true,
          auto_queue: false,
        },
        { updatedBy: who.admin.actor.userId },
      ),
      (e: unknown) => e instanceof ValidationError && e.issues.length === 2,
    );
    await service.saveEndpoint(
      db,
      who.admin.ctx,
      agency,
      {
        channel: 'weibo',
        url: `http://127.0.0.1:${port}/hook`,
        secret,
        enabled: true,
        auto_queue: false,
      },
      { updatedBy: who.admin.actor.userId },
    );
    const endpoint = await db
      .selectFrom('channel_endpoints')
      .selectAll()
      .where('agency_id', '=', agency)
      .where('channel', '=', 'weibo')
      .executeTakeFirstOrThrow();
    assert.ok(!endpoint.secret_enc.includes(secret));
    assert.equal(vault.decrypt(endpoint.secret_enc), secret);
    const audit = await db
      .selectFrom('audit_events')
      .select(['after_json'])
      .where('action', '=', 'channels.endpoint')
      .executeTakeFirstOrThrow();
    assert.ok(!JSON.stringify(audit).includes(secret), 'the audit log does not hold the secret');

    // Not due yet (backoff after the first failure): nothing is attempted.
    assert.deepEqual(await service.sendDue(db), { sent: [], failed: [] });
    tick(backoffMs(1));
    hook.setStatus(503);
    run = await service.sendDue(db);
    assert.equal(run.failed.length, 1);
    assert.match(run.failed[0]!.error, /HTTP 503/);
    let row = await db.selectFrom('channel_outbox').selectAll().where('item_id', '=', itemId).executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 2);
    assert.equal(row.next_attempt_at, new Date(clock + backoffMs(2)).toISOString());

    hook.setStatus(200);
    tick(backoffMs(2));
    run = await service.sendDue(db);
    assert.deepEqual(run.failed, []);
    assert.deepEqual(run.sent, [row.id]);
    row = await db.selectFrom('channel_outbox').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(row.attempts, 3);
    assert.ok(row.publication_id);
    const ok = hook.received.filter((r) => r.valid);
    assert.equal(ok.length, 2, 'the 503 attempt and the delivery, both signed');
    assert.equal(ok.at(-1)!.delivery, String(row.id));
    assert.equal((ok.at(-1)!.body.item as { title: string }).title, '2026年春风行动招聘会通知');
    const publication = await db
      .selectFrom('channel_publications')
      .selectAll()
      .where('id', '=', row.publication_id!)
      .executeTakeFirstOrThrow();
    assert.equal(publication.channel, 'weibo');
    assert.equal(publication.item_id, itemId);
    assert.equal((await publicationsByChannel(db, [agency], 2026)).byChannel.weibo, before + 1);
    // Sent once: another run has nothing to do, and a sent entry cannot be retried.
    tick(backoffMs(10));
    assert.deepEqual(await service.sendDue(db), { sent: [], failed: [] });
    await assert.rejects(service.retry(db, who.officer.ctx, row.id), ConflictError);
  });

  test('after the last attempt the entry is kept as failed; a manual retry delivers it', async () => {
    const who = await demoCallers(db);
    await service.saveEndpoint(
      db,
      who.admin.ctx,
      agency,
      {
        channel: 'wechat',
        url: `http://127.0.0.1:${port}/hook`,
        secret,
        enabled: true,
        auto_queue: false,
      },
      { updatedBy: who.admin.actor.userId },
    );
    const id = await service.queue(db, who.officer.ctx, itemId, 'wechat', { queuedBy: who.officer.actor.userId });
    hook.setStatus(500);
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      await service.sendDue(db);
      tick(7 * 3600_000);
    }
    let row = await db.selectFrom('channel_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, MAX_ATTEMPTS);
    assert.match(row.last_error ?? '', /HTTP 500/);
    assert.deepEqual(await service.sendDue(db), { sent: [], failed: [] }, 'a failed entry waits for a person');

    hook.setStatus(200);
    await service.retry(db, who.officer.ctx, id);
    assert.deepEqual((await service.sendDue(db)).sent, [id]);
    row = await db.selectFrom('channel_outbox').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    const sentIds = hook.received.filter((r) => r.valid && r.delivery === String(id));
    assert.equal(sentIds.length, MAX_ATTEMPTS + 1);
  });

  test('an endpoint that queues automatically gets each new publication in the publishing transaction', async () => {
    const who = await demoCallers(db);
    await service.saveEndpoint(
      db,
      who.admin.ctx,
      agency,
      {
        channel: 'wechat',
        url: `http://127.0.0.1:${port}/hook`,
        secret: null,
        enabled: true,
        auto_queue: true,
      },
      { updatedBy: who.admin.actor.userId },
    );
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      itemInput((await demoBureau(db)).unit, { formation_date: '2026-02-27', title: '2026年高校毕业生就业见习公告' }),
    );
    await reviewWorkNews(db, who, id);
    assert.equal((await db.selectFrom('channel_outbox').select('id').where('item_id', '=', id).execute()).length, 0);
    await asUser.transition(db, who.officer, id, 'publish');
    const queued = await db.selectFrom('channel_outbox').selectAll().where('item_id', '=', id).execute();
    assert.deepEqual(
      queued.map((q) => [q.channel, q.status]),
      [['wechat', 'pending']],
    );
    // The saved secret was kept (blank input).
    assert.deepEqual((await service.sendDue(db)).sent, [queued[0]!.id]);
  });

  test('the console lists the outbox with states and retries; endpoints are the administrator’s', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    const page = await officer.get('/admin/channels/outbox');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /微博、微信发布队列/);
    assert.match(page.body, /data-status="sent"/);
    assert.doesNotMatch(page.body, new RegExp(secret));
    // The state links filter the list (a typed query, ?status=); an unknown state lists them all.
    const failedOnly = await officer.get('/admin/channels/outbox?status=failed');
    assert.doesNotMatch(failedOnly.body, /data-status="sent"/);
    assert.match((await officer.get('/admin/channels/outbox?status=sent')).body, /data-status="sent"/);
    assert.match((await officer.get('/admin/channels/outbox?status=nonsense')).body, /data-status="sent"/);
    // The list pages and says how many there are; a page number it cannot read is refused.
    const entries = Number(
      (
        await db
          .selectFrom('channel_outbox')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    assert.match(page.body, new RegExp(`共 ${entries} 条，第 1/${Math.max(1, Math.ceil(entries / 50))} 页`));
    const bad400 = await officer.get('/admin/channels/outbox?page=abc');
    assert.equal(bad400.statusCode, 400);
    assert.match(bad400.body, /页码/);
    const bad = await officer.post('/admin/channels/outbox', { item_id: '', channel: 'tv' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /error-summary/);
    const denied = await officer.post('/admin/channels/endpoints', {
      channel: 'weibo',
      url: 'https://x.example.cn/',
      secret: 'abcdefghijklmnopqrstu',
      enabled: '1',
    });
    assert.equal(denied.statusCode, 403);
    const admin = new Client(app);
    await admin.signIn('admin');
    await admin.get('/admin/channels/outbox');
    const insecure = await admin.post('/admin/channels/endpoints', {
      channel: 'weibo',
      url: 'http://gateway.example.cn/',
      secret: '',
      enabled: '1',
    });
    assert.equal(insecure.statusCode, 422);
    assert.match(insecure.body, /https/);
    const english = await officer.get('/admin/channels/outbox?lang=en');
    assert.match(english.body, /Weibo and WeChat outbox/);
  });
});
