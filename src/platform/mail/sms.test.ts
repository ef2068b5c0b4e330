// The SMS outbox and its gateways: the gateway chosen by GONGKAI_SMS_GATEWAY (the logging one by
// default, a webhook with its URL, a wrong setting refused at start); queued once per dedupe key;
// the logging gateway logs a masked number and marks the row sent; the webhook gets the number and
// text as JSON; a failing gateway leaves the row pending with its error and a later attempt.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { ConfigError, loadConfig } from '../../config.ts';
import { setClock } from '../clock.ts';
import { createVault } from '../crypto/personal-data.ts';
import {
  enqueueSms,
  loggingGateway,
  maskPhone,
  mobileNumber,
  sendPendingSms,
  smsGateway,
  webhookGateway,
  type SmsGateway,
} from './sms.ts';

const vault = createVault('aes-256-gcm', ['ef'.repeat(32)]);
const log = () => {};

test('the gateway follows GONGKAI_SMS_GATEWAY: logging by default, a webhook with its URL', () => {
  assert.deepEqual(loadConfig({}).sms, { gateway: 'log' });
  assert.equal(smsGateway(loadConfig({}).sms, log).name, 'log');
  const hook = loadConfig({
    GONGKAI_SMS_GATEWAY: 'webhook',
    GONGKAI_SMS_WEBHOOK_URL: 'https://sms.example.gov.cn/send',
    GONGKAI_SMS_WEBHOOK_TOKEN: 't0ken',
  }).sms;
  assert.deepEqual(hook, { gateway: 'webhook', url: 'https://sms.example.gov.cn/send', token: 't0ken' });
  assert.equal(smsGateway(hook, log).name, 'webhook');
  assert.throws(() => loadConfig({ GONGKAI_SMS_GATEWAY: 'carrier-pigeon' }), ConfigError);
  assert.throws(() => loadConfig({ GONGKAI_SMS_GATEWAY: 'webhook' }), /GONGKAI_SMS_WEBHOOK_URL/);
});

test('mobile numbers are recognised and masked', () => {
  assert.equal(mobileNumber('+86 137-1234-5678'), '13712345678');
  assert.equal(mobileNumber('0730-8888888'), null);
  assert.equal(maskPhone('13712345678'), '137****5678');
});

test('the webhook gateway posts the number and the text as JSON with the token', async () => {
  const calls: { url: string; init: RequestInit }[] = [];
  const fake = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response('ok', { status: 200 });
  }) as unknown as typeof fetch;
  await webhookGateway('https://sms.example.gov.cn/send', 't0ken', fake).send({ to: '13712345678', text: '短信' });
  assert.equal(calls[0]!.url, 'https://sms.example.gov.cn/send');
  assert.deepEqual(JSON.parse(String(calls[0]!.init.body)), { to: '13712345678', text: '短信' });
  assert.equal((calls[0]!.init.headers as Record<string, string>).authorization, 'Bearer t0ken');
  const refusing = (async () => new Response('no', { status: 500 })) as unknown as typeof fetch;
  await assert.rejects(webhookGateway('https://x.example', undefined, refusing).send({ to: '1', text: 'x' }), /500/);
});

forEachDialect('sms outbox', (t) => {
  after(() => setClock(undefined));

  test('queued once per key; the logging gateway logs a masked number and marks it sent', async () => {
    const db = t.handle.db;
    setClock(() => new Date('2026-03-12T02:00:00Z'));
    const sms = { phoneSealed: vault.seal('13712345678')!, text: '您的申请已答复。', dedupeKey: 'answered:1' };
    assert.equal(await enqueueSms(db, sms), true);
    assert.equal(await enqueueSms(db, sms), false);
    const lines: { entry: object; message: string }[] = [];
    const run = await sendPendingSms(
      db,
      loggingGateway((entry, message) => lines.push({ entry, message })),
      vault,
    );
    assert.equal(run.sent.length, 1);
    assert.deepEqual(lines[0]!.entry, { to: '137****5678', chars: 8 });
    assert.ok(!JSON.stringify(lines).includes('13712345678'), 'the log has no full number');
    const row = await db.selectFrom('sms_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'sent');
    assert.equal(row.gateway, 'log');
    assert.equal((await sendPendingSms(db, loggingGateway(log), vault)).sent.length, 0, 'sent once');
  });

  test('a failing gateway leaves the message pending with its error and a later attempt', async () => {
    const db = t.handle.db;
    setClock(() => new Date('2026-03-12T03:00:00Z'));
    await enqueueSms(db, { phoneSealed: vault.seal('13912345678')!, text: '答复', dedupeKey: 'answered:2' });
    const down: SmsGateway = {
      name: 'webhook',
      send: async () => {
        throw new Error('SMS gateway answered 503');
      },
    };
    const run = await sendPendingSms(db, down, vault);
    assert.equal(run.failed.length, 1);
    const row = await db
      .selectFrom('sms_outbox')
      .selectAll()
      .where('dedupe_key', '=', 'answered:2')
      .executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.equal(row.last_error, 'SMS gateway answered 503');
    assert.ok(row.next_attempt_at > '2026-03-12T03:00:00.000Z');
  });
});
