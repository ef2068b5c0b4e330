// claimDue, the compare-and-set that both outboxes (mail, channels) use before sending a row:
// of several senders that read the same due row exactly one sends it, and a claim left by a
// sender that died expires so that the row is sent after all (at least once).
import { test, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { setClock } from '../clock.ts';
import { claimDue, enqueueMail } from './outbox.ts';

forEachDialect('outbox claim', (t) => {
  after(() => setClock(undefined));

  test('one of the senders that read a due row claims it; the claim expires after five minutes', async () => {
    const db = t.handle.db;
    const start = new Date('2026-12-02T01:00:00Z');
    setClock(() => start);
    await enqueueMail(db, { to: ['a@example.cn'], subject: 's', text: 'x' });
    const read = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();

    const claims = await Promise.all([claimDue(db, 'mail_outbox', read), claimDue(db, 'mail_outbox', read)]);
    assert.deepEqual(claims.sort(), [false, true]);
    const held = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(held.next_attempt_at, new Date(start.getTime() + 5 * 60_000).toISOString());
    assert.equal(held.status, 'pending');
    assert.equal(held.attempts, 0);
    // A sender still holding the old read loses however late it comes.
    assert.equal(await claimDue(db, 'mail_outbox', read), false);

    // The claiming sender died: once the claim has expired the row is read and claimed again.
    setClock(() => new Date(start.getTime() + 5 * 60_000));
    assert.equal(await claimDue(db, 'mail_outbox', held), true);
    await db.deleteFrom('mail_outbox').execute();
  });

  test('a row that is no longer pending is not claimed', async () => {
    const db = t.handle.db;
    setClock(() => new Date('2026-12-02T02:00:00Z'));
    await enqueueMail(db, { to: ['b@example.cn'], subject: 's', text: 'x' });
    const read = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    for (const status of ['sent', 'failed']) {
      await db.updateTable('mail_outbox').set({ status }).where('id', '=', read.id).execute();
      assert.equal(await claimDue(db, 'mail_outbox', read), false);
    }
    const row = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(row.next_attempt_at, read.next_attempt_at);
    await db.deleteFrom('mail_outbox').execute();
  });
});
