// The outbox presenter: the endpoint settings reach the page without the sealed secret, one line
// per outbox channel (unconfigured ones empty), and times are cut to the minute.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ChannelEndpointRow } from './channels.table.ts';
import { presentEndpoints, presentOutboxEntry } from './outbox.presenter.ts';

const wechat: ChannelEndpointRow = {
  id: 1,
  agency_id: 1,
  channel: 'wechat',
  adapter: 'signed_webhook',
  url: 'https://gateway.example/wechat',
  secret_enc: 'v1:sealed-secret',
  enabled: 1,
  auto_queue: 0,
  updated_by: null,
  updated_at: '2026-03-01T00:00:00Z',
};

test('endpoints: one line per outbox channel, the secret left behind', () => {
  const shown = presentEndpoints([wechat]);
  assert.deepEqual(shown, [
    { channel: 'weibo', url: null, enabled: false, autoQueue: false },
    { channel: 'wechat', url: 'https://gateway.example/wechat', enabled: true, autoQueue: false },
  ]);
  assert.ok(!JSON.stringify(shown).includes('sealed-secret'));
});

test('an entry shows its times to the minute, sent or not', () => {
  const row = {
    id: 4,
    agency_id: 1,
    item_id: 20,
    version_id: 30,
    channel: 'weibo',
    status: 'pending',
    attempts: 2,
    next_attempt_at: '2026-03-01T08:05:59.123Z',
    last_error: 'HTTP 502',
    payload_json: '{}',
    publication_id: null,
    created_by: null,
    created_at: '2026-03-01T08:00:00Z',
    sent_at: null,
    index_number: '000001-2026-00001',
    title: '通知',
  };
  const pending = presentOutboxEntry(row);
  assert.equal(pending.nextAttemptAt, '2026-03-01 08:05');
  assert.equal(pending.sentAt, null);
  assert.equal(pending.indexNumber, '000001-2026-00001');
  const sent = presentOutboxEntry({ ...row, status: 'sent', sent_at: '2026-03-01T08:06:10Z' });
  assert.equal(sent.sentAt, '2026-03-01 08:06');
});
