// The outbox against a tiny SMTP server (test/support/smtp-server.ts): mail queued while the
// server is down stays in the outbox with its error and a later attempt time, and is delivered
// once the server is up.
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { freePort, smtpServer } from '../../../test/support/smtp-server.ts';
import { setClock } from '../clock.ts';
import { backoffMs, enqueueMail, sendPending, MAX_ATTEMPTS } from './outbox.ts';
import { smtpTransport } from './smtp.ts';
import type { SmtpConfig } from '../../config.ts';

test('backoff doubles from a minute and is capped at six hours', () => {
  assert.deepEqual([1, 2, 3, 4].map(backoffMs), [60_000, 120_000, 240_000, 480_000]);
  assert.equal(backoffMs(30), 6 * 3600_000);
});

forEachDialect('mail outbox', (t) => {
  after(() => setClock(undefined));

  test('a dedupe key enqueues a mail once', async () => {
    const db = t.handle.db;
    assert.equal(await enqueueMail(db, { to: ['a@example.cn'], subject: 's', text: 'x', dedupeKey: 'k1' }), true);
    assert.equal(await enqueueMail(db, { to: ['a@example.cn'], subject: 's', text: 'x', dedupeKey: 'k1' }), false);
    assert.equal(await enqueueMail(db, { to: [], subject: 's', text: 'x' }), false);
    await db.deleteFrom('mail_outbox').execute();
  });

  test('mail waits in the outbox while the server is down and is sent when it is back', async () => {
    const db = t.handle.db;
    const port = await freePort();
    const smtp: SmtpConfig = {
      host: '127.0.0.1',
      port,
      secure: false,
      user: undefined,
      password: undefined,
      from: '公开平台 <gongkai@example.cn>',
    };
    const transport = smtpTransport(smtp, { timeoutMs: 3000 });
    const start = new Date('2026-11-30T01:00:00Z');
    setClock(() => start);
    await enqueueMail(db, {
      to: ['officer@example.cn', 'head@example.cn'],
      subject: '【即将到期】政府信息公开申请',
      text: '请在期限内答复。',
      dedupeKey: 'reminder:due_soon:1:2026-11-30',
    });

    const down = await sendPending(db, transport);
    assert.equal(down.sent.length, 0);
    assert.equal(down.failed.length, 1);
    let row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'pending');
    assert.equal(row.attempts, 1);
    assert.ok(row.last_error);
    assert.equal(row.next_attempt_at, new Date(start.getTime() + backoffMs(1)).toISOString());

    // Not due yet: nothing is attempted.
    const server = smtpServer();
    await server.listen(port);
    try {
      assert.deepEqual(await sendPending(db, transport), { sent: [], failed: [] });
      setClock(() => new Date(start.getTime() + backoffMs(1)));
      const up = await sendPending(db, transport);
      assert.deepEqual(up.failed, []);
      assert.equal(up.sent.length, 1);
      row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
      assert.equal(row.status, 'sent');
      assert.equal(row.attempts, 2);
      assert.equal(row.last_error, null);
      assert.equal(server.received.length, 1);
      assert.deepEqual(server.received[0]!.to.sort(), ['head@example.cn', 'officer@example.cn']);
      assert.match(server.received[0]!.data, /Subject: =\?UTF-8\?/);
      // Sent once: a second run has nothing to do.
      assert.deepEqual(await sendPending(db, transport), { sent: [], failed: [] });
    } finally {
      transport.close();
      await server.close();
    }
  });

  test('after the last attempt the mail is kept as failed with its error', async () => {
    const db = t.handle.db;
    await db.deleteFrom('mail_outbox').execute();
    await enqueueMail(db, { to: ['x@example.cn'], subject: 's', text: 'x' });
    const failing = { send: async () => Promise.reject(new Error('550 mailbox unavailable')) };
    let clock = new Date('2026-12-01T00:00:00Z').getTime();
    for (let i = 0; i < MAX_ATTEMPTS; i++) {
      setClock(() => new Date(clock));
      await sendPending(db, failing);
      clock += 7 * 3600_000;
    }
    const row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.status, 'failed');
    assert.equal(row.attempts, MAX_ATTEMPTS);
    assert.equal(row.last_error, '550 mailbox unavailable');
  });
});
