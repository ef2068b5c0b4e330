// Walks the chain in sequence order and reports the first place where it was tampered with.
// Each row's hash covers its content and its predecessor's hash, so:
//   content changed            → the row's own hash no longer matches   → "edited"
//   a row removed              → a successor points at a hash that is gone, or seq has a gap → "deleted"
//   rows swapped               → a row points at a hash that comes later in the order → "reordered"
//   a row slipped in           → its successor points past it, at an earlier row → "inserted"
// With GONGKAI_AUDIT_KEY set, a forged row fails its own hash check too.
import type { Executor } from '../../db/database.ts';
import { canonicalContent, chainHash, GENESIS } from './hash.ts';
import type { AuditEventRow } from './audit.table.ts';
import type { AuditHash } from '../../config.ts';

export type TamperKind = 'edited' | 'deleted' | 'inserted' | 'reordered';

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
}

export function verifyRows(rows: readonly AuditEventRow[], key: string | undefined): AuditVerification {
  const positionOfHash = new Map<string, number>();
  rows.forEach((row, i) => positionOfHash.set(row.hash, i));
  let expectedPrev = GENESIS;
  let expectedSeq = rows[0]?.seq ?? 1;
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    const own = chainHash(row.algorithm as AuditHash, key, row.prev_hash, canonicalContent(row));
    if (own !== row.hash) {
      return fail(
        'edited',
        row,
        i,
        `event ${row.seq} (${row.action}) does not match its hash: its content or hash was changed`,
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
      if (i === 0 && row.prev_hash !== GENESIS && pointsAt === undefined) {
        return fail('deleted', row, i, `events before ${row.seq} are missing: the start of the chain was deleted`);
      }
      if (pointsAt === undefined) {
        return fail('deleted', row, i, `the event before ${row.seq} is missing: it was deleted`);
      }
      return fail('inserted', row, i, `event ${row.seq} does not follow its predecessor`);
    }
    if (i > 0 && row.seq !== expectedSeq) {
      return fail('deleted', row, i, `sequence jumps from ${expectedSeq - 1} to ${row.seq}`);
    }
    expectedPrev = row.hash;
    expectedSeq = row.seq + 1;
  }
  return { ok: true, checked: rows.length };

  function fail(kind: TamperKind, row: AuditEventRow, i: number, detail: string): AuditVerification {
    return { ok: false, checked: i, finding: { kind, seq: row.seq, id: row.id, detail } };
  }
}

export async function verifyAuditChain(db: Executor, key: string | undefined): Promise<AuditVerification> {
  const rows = await db.selectFrom('audit_events').selectAll().orderBy('seq').execute();
  return verifyRows(rows, key);
}
