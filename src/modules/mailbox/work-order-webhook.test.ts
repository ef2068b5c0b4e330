// The webhook's signature as pure functions: a call signed with the agency's secret passes; a
// wrong secret, a changed body, a changed time or delivery id, and a time outside the window
// do not; malformed headers are told apart from a failed proof.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { registerMessages } from '../../platform/i18n/i18n.ts';
import { workOrderIntakeMessages } from './work-orders.messages.ts';
import {
  DELIVERY_MEMORY_SECONDS,
  deliveryMemoryCutoff,
  generateWebhookSecret,
  readSignedHeaders,
  signWorkOrderCall,
  verifyWorkOrderCall,
  WEBHOOK_WINDOW_SECONDS,
} from './work-order-webhook.ts';

registerMessages(workOrderIntakeMessages);

const SECRET = 'k3Y-for-the-bureau-of-human-resources-0001';
const NOW = new Date('2025-05-06T01:00:00Z');
const T = String(NOW.getTime() / 1000); // 1746493200
const BODY = '{"orders":[{"工单编号":"GD1","派单时间":"2025-05-06 08:59","诉求类型":"咨询","诉求内容":"问"}]}';

function headers(over: Record<string, string | undefined> = {}): Record<string, string | undefined> {
  return {
    'x-gongkai-agency': 'yyhrss',
    'x-gongkai-timestamp': T,
    'x-gongkai-delivery': 'd-0001',
    'x-gongkai-signature': signWorkOrderCall(SECRET, T, 'd-0001', BODY),
    ...over,
  };
}

function check(h: Record<string, string | undefined>, body = BODY, secret = SECRET, now = NOW) {
  const read = readSignedHeaders(h);
  if (!read.ok) return read;
  return verifyWorkOrderCall(read.call, body, secret, now);
}

test('the signature is HMAC-SHA256 of "<timestamp>.<delivery>.<body>", as the docs tell the centre', () => {
  const expected = createHmac('sha256', SECRET).update(`${T}.d-0001.${BODY}`).digest('hex');
  assert.equal(signWorkOrderCall(SECRET, T, 'd-0001', BODY), `sha256=${expected}`);
  assert.equal(signWorkOrderCall(SECRET, T, 'd-0001', Buffer.from(BODY)), `sha256=${expected}`);
});

test('a call signed with the secret passes, within the window either way, upper-case hex too', () => {
  assert.deepEqual(check(headers()), { ok: true });
  const upper = headers({
    'x-gongkai-signature': headers()['x-gongkai-signature']!.toUpperCase().replace('SHA256', 'sha256'),
  });
  assert.deepEqual(check(upper), { ok: true });
  for (const seconds of [-WEBHOOK_WINDOW_SECONDS, WEBHOOK_WINDOW_SECONDS])
    assert.deepEqual(check(headers(), BODY, SECRET, new Date(NOW.getTime() + seconds * 1000)), { ok: true });
  const read = readSignedHeaders(headers());
  assert.ok(read.ok);
  assert.deepEqual(
    { ...read.call, signature: undefined },
    { agencyCode: 'yyhrss', timestamp: 1746493200, deliveryId: 'd-0001', signature: undefined },
  );
});

test('a wrong secret, a changed body, time or delivery id, or a bad signature are refused with 401', () => {
  const refusals: [string, ReturnType<typeof check>][] = [
    ['other secret', check(headers(), BODY, 'another-secret-of-the-same-size-000000000')],
    ['changed body', check(headers(), BODY.replace('GD1', 'GD2'))],
    ['changed time', check(headers({ 'x-gongkai-timestamp': String(Number(T) + 1) }))],
    ['changed delivery', check(headers({ 'x-gongkai-delivery': 'd-0002' }))],
    ['no prefix', check(headers({ 'x-gongkai-signature': headers()['x-gongkai-signature']!.slice(7) }))],
    ['truncated', check(headers({ 'x-gongkai-signature': headers()['x-gongkai-signature']!.slice(0, -1) }))],
    ['garbage', check(headers({ 'x-gongkai-signature': 'sha256=zz' }))],
  ];
  for (const [name, result] of refusals) {
    assert.equal(result.ok, false, name);
    assert.deepEqual(result.ok ? null : [result.status, result.code], [401, 'signature'], name);
  }
});

test('a properly signed call outside the five-minute window is refused as stale', () => {
  for (const seconds of [-WEBHOOK_WINDOW_SECONDS - 1, WEBHOOK_WINDOW_SECONDS + 1, 86_400]) {
    const result = check(headers(), BODY, SECRET, new Date(NOW.getTime() + seconds * 1000));
    assert.ok(!result.ok);
    assert.deepEqual([result.status, result.code], [401, 'stale']);
    assert.equal(result.message.zh, '时间戳与服务器时间相差超过300秒');
  }
});

test('missing or malformed headers are a bad request, named in both languages', () => {
  const missing = check(headers({ 'x-gongkai-agency': undefined, 'x-gongkai-signature': '' }));
  assert.ok(!missing.ok);
  assert.deepEqual([missing.status, missing.code], [400, 'headers']);
  assert.equal(missing.message.zh, '缺少签名头：x-gongkai-agency, x-gongkai-signature');
  const cases: [Record<string, string>, string][] = [
    [{ 'x-gongkai-timestamp': '2025-05-06T01:00:00Z' }, 'timestamp'],
    [{ 'x-gongkai-timestamp': '1746493200000' }, 'timestamp'], // milliseconds, not seconds
    [{ 'x-gongkai-delivery': 'd 1' }, 'delivery'],
    [{ 'x-gongkai-delivery': 'd'.repeat(101) }, 'delivery'],
  ];
  for (const [over, code] of cases) {
    const result = check(headers(over));
    assert.ok(!result.ok);
    assert.deepEqual([result.status, result.code], [400, code], JSON.stringify(over));
    assert.notEqual(result.message.zh, result.message.en);
  }
  // Node gives a repeated header as a list: the first is read.
  assert.deepEqual(readSignedHeaders({ ...headers(), 'x-gongkai-delivery': ['d-0001', 'x'] } as never).ok, true);
});

test('a delivery id is remembered for twice the window, so a replay is caught until it would be stale', () => {
  // Accepted at the earliest (timestamp 300 s ahead of us), a replay stays fresh until 600 s later.
  assert.equal(DELIVERY_MEMORY_SECONDS, 2 * WEBHOOK_WINDOW_SECONDS);
  assert.equal(deliveryMemoryCutoff(NOW), '2025-05-06T00:50:00.000Z');
});

test('a generated secret is 43 base64url characters and never the same twice', () => {
  const a = generateWebhookSecret();
  assert.match(a, /^[A-Za-z0-9_-]{43}$/);
  assert.notEqual(a, generateWebhookSecret());
});
