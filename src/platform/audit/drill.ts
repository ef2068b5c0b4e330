// The tampering drill (issue 14, suite 11): on a scratch database, write a keyed, anchored chain,
// then do to it what someone with full write access to the database (but not to the key
// directory) would do to hide an action — edit an event, delete one, reorder two, slip a forged
// one in, rebuild the whole chain with recomputed hashes, cut off the newest events, empty the
// table — and check that `gongkai audit verify` (the full check) and the audit page (the
// incremental check) both find each one. Run by the test suite and by `npm run drill:audit`.
import type { Db } from '../../db/database.ts';
import { auditSettings, configureAudit } from './audit.ts';
import { canonicalContent, chainHash, GENESIS } from './hash.ts';
import { auditIntegrity } from './integrity.ts';
import { mutate } from '../mutation.ts';
import type { AuditEventRow } from './audit.table.ts';

export const TAMPERINGS = ['edit', 'delete', 'reorder', 'insert', 'rebuild', 'truncate', 'empty'] as const;
export type Tampering = (typeof TAMPERINGS)[number];

export interface DrillResult {
  readonly tampering: Tampering;
  /** Found by the full check (`gongkai audit verify`). */
  readonly detected: boolean;
  /** Found by the incremental check of the audit page, which had verified the chain before. */
  readonly detectedIncrementally: boolean;
  readonly kind?: string;
  readonly detail?: string;
}

const EVENTS = 12;

async function rows(db: Db): Promise<AuditEventRow[]> {
  return db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
}

async function move(db: Db, from: number, to: number): Promise<void> {
  await db.updateTable('audit_events').set({ seq: to }).where('seq', '=', from).execute();
}

/** What the attacker does; they know the schema and the hash, not the key. */
const attacks: Record<Tampering, (db: Db) => Promise<void>> = {
  async edit(db) {
    await db
      .updateTable('audit_events')
      .set({ after_json: '{"role":"nothing happened"}' })
      .where('seq', '=', 4)
      .execute();
  },
  async delete(db) {
    await db.deleteFrom('audit_events').where('seq', '=', 6).execute();
  },
  async reorder(db) {
    await move(db, 5, -5);
    await move(db, 6, 5);
    await move(db, -5, 6);
  },
  async insert(db) {
    const all = await rows(db);
    const before = all.find((r) => r.seq === 4)!;
    for (const r of [...all].reverse()) if (r.seq > 4) await move(db, r.seq, r.seq + 1);
    const forged = { ...before, action: 'forged.event', after_json: '{"forged":true}', algorithm: 'sha256' };
    const { id: _id, ...values } = forged;
    await db
      .insertInto('audit_events')
      .values({
        ...values,
        seq: 5,
        prev_hash: before.hash,
        hash: chainHash('sha256', undefined, before.hash, canonicalContent(forged)),
      })
      .execute();
  },
  // The strongest rewrite without the key: every event recomputed as an unkeyed chain, so that
  // the links hold from the first event to the last.
  async rebuild(db) {
    let prev = GENESIS;
    for (const r of await rows(db)) {
      const row = { ...r, algorithm: 'sha256', after_json: r.seq === 3 ? '{"rewritten":true}' : r.after_json };
      const hash = chainHash('sha256', undefined, prev, canonicalContent(row));
      await db
        .updateTable('audit_events')
        .set({ algorithm: row.algorithm, after_json: row.after_json, prev_hash: prev, hash })
        .where('id', '=', r.id)
        .execute();
      prev = hash;
    }
  },
  async truncate(db) {
    await db
      .deleteFrom('audit_events')
      .where('seq', '>', EVENTS - 3)
      .execute();
  },
  async empty(db) {
    await db.deleteFrom('audit_events').execute();
  },
};

/**
 * Runs every tampering, each on a freshly written chain with anchors of its own in `keyDir`.
 * `handle` names the scratch database (for the anchor file); its audit table is emptied.
 */
export async function runAuditDrill(
  handle: { readonly db: Db; readonly file?: string; readonly url?: string },
  keyDir: string,
  only: readonly Tampering[] = TAMPERINGS,
): Promise<DrillResult[]> {
  const { db } = handle;
  const saved = auditSettings();
  const results: DrillResult[] = [];
  try {
    for (const tampering of only) {
      await db.deleteFrom('audit_events').execute();
      // Each tampering gets a database name of its own, so its anchors start afresh.
      const name = { file: `${handle.file ?? handle.url ?? 'db'}#drill-${tampering}` };
      const integrity = auditIntegrity({ auditKey: undefined, keyDir }, name);
      configureAudit({ algorithm: saved.algorithm, key: integrity.keys.key });
      for (let i = 1; i <= EVENTS; i++) {
        await mutate(db, { actorUserId: 1, actorName: 'drill', ip: '127.0.0.1' }, async (_trx, audit) => {
          await audit({
            action: `drill.grant_role`,
            subjectType: 'user',
            subjectId: i,
            after: { role: 'reviewer', i },
          });
        });
        // Anchors are periodic: the head is anchored after the 3rd, 6th, 9th and 12th event.
        if (i % 3 === 0) {
          const run = await integrity.anchor(db);
          if (!run.verification.ok)
            throw new Error(`drill: the untouched chain does not verify: ${run.verification.finding?.detail}`);
        }
      }
      // The audit page has seen the intact chain (its remembered position is the head).
      if (!(await integrity.verify(db)).ok) throw new Error('drill: the untouched chain does not verify');
      await attacks[tampering](db);
      const incremental = await integrity.verify(db);
      const full = await integrity.verify(db, { full: true });
      results.push({
        tampering,
        detected: !full.ok,
        detectedIncrementally: !incremental.ok,
        kind: full.finding?.kind,
        detail: full.finding?.detail,
      });
    }
  } finally {
    configureAudit(saved);
    await db.deleteFrom('audit_events').execute();
  }
  return results;
}
