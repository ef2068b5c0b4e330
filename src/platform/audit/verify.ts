// Walks the chain in sequence order and reports the first place where it was tampered with.
// Each row's hash covers its content and its predecessor's hash, so:
//   content changed            → the row's own hash no longer matches   → "edited"
//   a row removed              → a successor points at a hash that is gone, or seq has a gap → "deleted"
//   rows swapped               → a row points at a hash that comes later in the order → "reordered"
//   a row slipped in           → its successor points past it, at an earlier row → "inserted"
//   a plain row after keyed ones → a downgrade to rebuild the chain without the key → "edited"
// The chain is keyed by default, so a forged row fails its own hash check too. What the links
// cannot show — a chain rebuilt from scratch, its newest events cut off, the table emptied — is
// found against the anchors kept outside the database (anchors.ts).
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { GENESIS, isKeyed, rowHash } from './hash.ts';
import type { AuditEventRow } from './audit.table.ts';

export type TamperKind =
  | 'edited'
  | 'deleted'
  | 'inserted'
  | 'reordered'
  | 'truncated'
  | 'emptied'
  | 'rebuilt'
  | 'anchors_altered';

export interface AuditFinding {
  readonly kind: TamperKind;
  readonly seq: number;
  readonly id: number;
  readonly detail: string;
}

export interface AuditVerification {
  readonly ok: boolean;
  readonly checked: number;
  readonly finding?: AuditFinding;
  /** The last event verified (seq 0 and GENESIS for an empty chain), for the next incremental run. */
  readonly head?: ChainPosition;
}

export interface ChainPosition {
  readonly seq: number;
  readonly hash: string;
  /** Whether a keyed event has been seen up to here (a plain event after one is a downgrade). */
  readonly keyed: boolean;
}

/** The chain key for keyed (hmac-*) rows, and the legacy GONGKAI_AUDIT_KEY for plain rows. A bare
 *  string (or undefined) is used for both, as before keying became the default. */
export type ChainKeys = string | undefined | { readonly key: string | undefined; readonly legacyKey?: string };

function keysOf(keys: ChainKeys): { key: string | undefined; legacyKey: string | undefined } {
  if (keys === undefined || typeof keys === 'string') return { key: keys, legacyKey: keys };
  return { key: keys.key, legacyKey: keys.legacyKey };
}

export const START: ChainPosition = { seq: 0, hash: GENESIS, keyed: false };

export function verifyRows(
  rows: readonly AuditEventRow[],
  chainKeys: ChainKeys,
  from: ChainPosition = START,
): AuditVerification {
  const keys = keysOf(chainKeys);
  const positionOfHash = new Map<string, number>();
  rows.forEach((row, i) => positionOfHash.set(row.hash, i));
  let expectedPrev = from.hash;
  let expectedSeq = from.seq === 0 ? (rows[0]?.seq ?? 1) : from.seq + 1;
  let keyed = from.keyed;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (rowHash(row, keys) !== row.hash) {
      return fail(
        'edited',
        row,
        i,
        `event ${row.seq} (${row.action}) does not match its hash: its content or hash was changed`,
      );
    }
    if (keyed && !isKeyed(row.algorithm)) {
      return fail(
        'edited',
        row,
        i,
        `event ${row.seq} is not keyed although earlier events are: the chain was rewritten without the key`,
      );
    }
    if (row.prev_hash !== expectedPrev) {
      const pointsAt = positionOfHash.get(row.prev_hash);
      if (pointsAt !== undefined && pointsAt > i) {
        return fail(
          'reordered',
          row,
          i,
          `event ${row.seq} links to event ${rows[pointsAt]!.seq}, which comes after it: events were reordered`,
        );
      }
      if (pointsAt !== undefined && pointsAt < i - 1) {
        const inserted = rows[pointsAt + 1]!;
        return fail(
          'inserted',
          inserted,
          pointsAt + 1,
          `event ${inserted.seq} (${inserted.action}) is not part of the chain: it was inserted`,
        );
      }
      if (i === 0 && row.prev_hash !== GENESIS && pointsAt === undefined && from.seq === 0) {
        return fail('deleted', row, i, `events before ${row.seq} are missing: the start of the chain was deleted`);
      }
      if (pointsAt === undefined) {
        return fail('deleted', row, i, `the event before ${row.seq} is missing: it was deleted`);
      }
      return fail('inserted', row, i, `event ${row.seq} does not follow its predecessor`);
    }
    if ((i > 0 || from.seq > 0) && row.seq !== expectedSeq) {
      return fail('deleted', row, i, `sequence jumps from ${expectedSeq - 1} to ${row.seq}`);
    }
    expectedPrev = row.hash;
    expectedSeq = row.seq + 1;
    keyed ||= isKeyed(row.algorithm);
  }
  const last = rows[rows.length - 1];
  return {
    ok: true,
    checked: from.seq + rows.length,
    head: last ? { seq: last.seq, hash: last.hash, keyed } : from,
  };

  function fail(kind: TamperKind, row: AuditEventRow, i: number, detail: string): AuditVerification {
    return { ok: false, checked: from.seq + i, finding: { kind, seq: row.seq, id: row.id, detail } };
  }
}

/** Re-hashes the whole chain. */
export async function verifyAuditChain(db: Executor, keys: ChainKeys): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  return verifyRows(rows, keys);
}

/**
 * Re-hashes only the events after a position verified earlier, after cheap checks that nothing
 * before it went missing (count and bounds of seq) and that the event at the position still has
 * the hash it had, and every link among them still holds (compared in the database). When one
 * fails, or without a position, the whole chain is re-hashed, so that
 * the finding names the event. An edit of an event before the position that keeps its hash
 * (only possible without the key) is left to the full check (`gongkai audit verify`, the
 * anchoring job).
 */
export async function verifyAuditIncrementally(
  db: Executor,
  keys: ChainKeys,
  from: ChainPosition | undefined,
): Promise<AuditVerification> {
  if (!from || from.seq === 0) return verifyAuditChain(db, keys);
  const stats = await db
    .selectFrom('audit_events')
    .select([sql<number>`count(*)`.as('n'), sql<number | null>`min(seq)`.as('lo')])
    .executeTakeFirstOrThrow();
  const at = await db.selectFrom('audit_events').select('hash').where('seq', '=', from.seq).executeTakeFirst();
  const below = await db
    .selectFrom('audit_events')
    .select(sql<number>`count(*)`.as('n'))
    .where('seq', '<=', from.seq)
    .executeTakeFirstOrThrow();
  if (Number(stats.lo) !== 1 || Number(below.n) !== from.seq || at?.hash !== from.hash || Number(stats.n) < from.seq)
    return verifyAuditChain(db, keys);
  // The links, compared in the database without hashing: catches events reordered, removed or
  // slipped in among those verified before.
  const broken = await db
    .selectFrom('audit_events as a')
    .innerJoin('audit_events as b', (join) => join.on('b.seq', '=', sql<number>`a.seq - 1`))
    .select(sql<number>`count(*)`.as('n'))
    .where('a.seq', '<=', from.seq)
    .whereRef('a.prev_hash', '<>', 'b.hash')
    .executeTakeFirstOrThrow();
  if (Number(broken.n) > 0) return verifyAuditChain(db, keys);
  const rows = await db.selectFrom('audit_events').selectAll().where('seq', '>', from.seq).orderBy('seq').execute();
  return verifyRows(rows, keys, from);
}
