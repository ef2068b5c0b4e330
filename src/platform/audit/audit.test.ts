import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { forEachDialect } from '../../../test/support/database.ts';
import { configureAudit, recordAudit, redact, systemContext } from './audit.ts';
import { verifyAuditChain } from './verify.ts';
import { mutate } from '../mutation.ts';
import type { Db } from '../../db/database.ts';

async function writeEvents(db: Db, n: number, prefix = 'test.event'): Promise<void> {
  for (let i = 0; i < n; i++) {
    await mutate(db, { actorUserId: 1, actorName: 'tester', ip: '127.0.0.1' }, async (_trx, audit) => {
      await audit({
        action: `${prefix}.${i}`,
        subjectType: 'thing',
        subjectId: i,
        before: { n: i },
        after: { n: i + 1 },
      });
    });
  }
}

async function seqs(db: Db): Promise<number[]> {
  return (await db.selectFrom('audit_events').select('seq').orderBy('seq').execute()).map((r) => r.seq);
}

for (const algorithm of ['sha256', 'sm3'] as const) {
  forEachDialect(`audit chain (${algorithm})`, (t) => {
    before(async () => {
      configureAudit({ algorithm, key: undefined });
      await writeEvents(t.handle.db, 8);
    });

    test('an untouched chain verifies', async () => {
      const result = await verifyAuditChain(t.handle.db, undefined);
      assert.equal(result.ok, true);
      assert.equal(result.checked, 8);
    });

    test('an edited row is found', async () => {
      const db = t.handle.db;
      const original = await db.selectFrom('audit_events').selectAll().where('seq', '=', 3).executeTakeFirstOrThrow();
      await db.updateTable('audit_events').set({ after_json: '{"n":999}' }).where('seq', '=', 3).execute();
      const result = await verifyAuditChain(db, undefined);
      assert.equal(result.ok, false);
      assert.equal(result.finding?.kind, 'edited');
      assert.equal(result.finding?.seq, 3);
      await db.updateTable('audit_events').set({ after_json: original.after_json }).where('seq', '=', 3).execute();
      assert.equal((await verifyAuditChain(db, undefined)).ok, true);
    });

    test('two rows swapped in order are found as reordered', async () => {
      const db = t.handle.db;
      // move 5 out of the way, 6 → 5, old 5 → 6
      await db.updateTable('audit_events').set({ seq: -5 }).where('seq', '=', 5).execute();
      await db.updateTable('audit_events').set({ seq: 5 }).where('seq', '=', 6).execute();
      await db.updateTable('audit_events').set({ seq: 6 }).where('seq', '=', -5).execute();
      const result = await verifyAuditChain(db, undefined);
      assert.equal(result.ok, false);
      assert.equal(result.finding?.kind, 'reordered');
      assert.equal(result.finding?.seq, 5);
      await db.updateTable('audit_events').set({ seq: -5 }).where('seq', '=', 5).execute();
      await db.updateTable('audit_events').set({ seq: 5 }).where('seq', '=', 6).execute();
      await db.updateTable('audit_events').set({ seq: 6 }).where('seq', '=', -5).execute();
      assert.equal((await verifyAuditChain(db, undefined)).ok, true);
    });

    test('a row slipped into the middle is found as inserted', async () => {
      const db = t.handle.db;
      const row = await db.selectFrom('audit_events').selectAll().where('seq', '=', 4).executeTakeFirstOrThrow();
      // shift 5..8 up by one (from the top to keep seq unique) and forge a row at 5 that
      // links correctly to 4 and hashes correctly — without a key anyone can compute that.
      for (const s of [8, 7, 6, 5])
        await db
          .updateTable('audit_events')
          .set({ seq: s + 1 })
          .where('seq', '=', s)
          .execute();
      const { chainHash, canonicalContent } = await import('./hash.ts');
      const forged = { ...row, action: 'forged.event', after_json: '{"forged":true}' };
      const hash = chainHash(algorithm, undefined, row.hash, canonicalContent(forged));
      const { id: _id, ...values } = forged;
      await db
        .insertInto('audit_events')
        .values({ ...values, seq: 5, prev_hash: row.hash, hash })
        .execute();
      const result = await verifyAuditChain(db, undefined);
      assert.equal(result.ok, false);
      assert.equal(result.finding?.kind, 'inserted');
      assert.equal(result.finding?.seq, 5);
      await db.deleteFrom('audit_events').where('seq', '=', 5).execute();
      for (const s of [6, 7, 8, 9])
        await db
          .updateTable('audit_events')
          .set({ seq: s - 1 })
          .where('seq', '=', s)
          .execute();
      assert.equal((await verifyAuditChain(db, undefined)).ok, true);
    });

    test('a deleted row is found', async () => {
      const db = t.handle.db;
      await db.deleteFrom('audit_events').where('seq', '=', 6).execute();
      const result = await verifyAuditChain(db, undefined);
      assert.equal(result.ok, false);
      assert.equal(result.finding?.kind, 'deleted');
      assert.equal(result.finding?.seq, 7);
      assert.deepEqual(await seqs(db), [1, 2, 3, 4, 5, 7, 8]);
    });
  });
}

forEachDialect('audit writing', (t) => {
  test('events are written only inside a transaction, and roll back with the change', async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    const db = t.handle.db;
    await assert.rejects(recordAudit(db, systemContext, { action: 'outside' }), /inside the transaction/);
    await assert.rejects(
      mutate(db, systemContext, async (_trx, audit) => {
        await audit({ action: 'doomed' });
        throw new Error('change failed');
      }),
      /change failed/,
    );
    assert.equal((await db.selectFrom('audit_events').select('id').where('action', '=', 'doomed').execute()).length, 0);
    await assert.rejects(
      mutate(db, systemContext, async () => 1),
      /at least one audit event/,
    );
  });

  test('concurrent writers keep one unbroken chain', async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    const db = t.handle.db;
    await Promise.all(Array.from({ length: 4 }, (_, w) => writeEvents(db, 10, `worker${w}`)));
    const result = await verifyAuditChain(db, undefined);
    assert.equal(result.ok, true, JSON.stringify(result.finding));
    const count = await db.selectFrom('audit_events').select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(count.n), 40);
  });

  test('with a key, a forged tail with a recomputed chain fails verification', async () => {
    const key = 'k'.repeat(32);
    configureAudit({ algorithm: 'sha256', key });
    const db = t.handle.db;
    await db.deleteFrom('audit_events').execute();
    await writeEvents(db, 3);
    assert.equal((await verifyAuditChain(db, key)).ok, true);
    const tail = await db
      .selectFrom('audit_events')
      .selectAll()
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
    const { chainHash, canonicalContent } = await import('./hash.ts');
    const forged = { ...tail, action: 'forged.tail' };
    const { id: _id, ...values } = forged;
    await db
      .insertInto('audit_events')
      .values({
        ...values,
        seq: tail.seq + 1,
        prev_hash: tail.hash,
        hash: chainHash('sha256', undefined, tail.hash, canonicalContent(forged)),
      })
      .execute();
    const result = await verifyAuditChain(db, key);
    assert.equal(result.finding?.kind, 'edited');
    assert.equal(result.finding?.seq, tail.seq + 1);
    configureAudit({ algorithm: 'sha256', key: undefined });
  });
});

test('secrets never enter the log', () => {
  assert.deepEqual(redact({ username: 'a', password: 'x', nested: [{ password_hash: 'h', ok: 1 }] }), {
    username: 'a',
    password: '[redacted]',
    nested: [{ password_hash: '[redacted]', ok: 1 }],
  });
});
