// Anchors: the chain's head (count and hash) written periodically where the database cannot
// reach it — an append-only file in the key directory, a line in the system log, and once a day
// a mail to the auditors (ADR 0016). The links of the chain prove that nothing was changed
// *between* events; only a copy of the head held elsewhere proves that the newest events were
// not cut off, that the table was not emptied and that the whole chain was not rebuilt.
//
// Each line of the file carries an HMAC over the line and the previous line's MAC (a key derived
// from the audit key), so a line edited, removed or reordered in the file is found as well.
import { closeSync, existsSync, fsyncSync, openSync, readFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { createHmac } from 'node:crypto';
import type { Executor } from '../../db/database.ts';
import { ensureKeyDir, restrictFile } from '../crypto/keys.ts';
import { GENESIS } from './hash.ts';
import type { AuditFinding, AuditVerification } from './verify.ts';

export interface Anchor {
  /** The head's sequence number, which is also the number of events (seq has no gaps). */
  readonly seq: number;
  readonly hash: string;
  readonly at: string;
}

interface AnchorLine extends Anchor {
  readonly mac: string;
}

export class AnchorLog {
  readonly file: string;
  private readonly macKey: Buffer;

  constructor(keyDir: string, databaseId: string, auditKey: string) {
    this.file = join(keyDir, `audit-anchors-${databaseId}.log`);
    this.macKey = createHmac('sha256', auditKey).update('gongkai/audit-anchor').digest();
    ensureKeyDir(keyDir);
  }

  private mac(prev: string, a: Anchor): string {
    return createHmac('sha256', this.macKey).update(`${prev}\n${a.seq}\n${a.hash}\n${a.at}`).digest('hex');
  }

  /** Every anchor, oldest first; `altered` names the first line that fails its MAC. */
  read(): { anchors: Anchor[]; altered?: string } {
    if (!existsSync(this.file)) return { anchors: [] };
    const anchors: Anchor[] = [];
    let prev = '';
    const lines = readFileSync(this.file, 'utf8').split('\n').filter(Boolean);
    for (const [i, text] of lines.entries()) {
      let line: AnchorLine;
      try {
        line = JSON.parse(text) as AnchorLine;
      } catch {
        return { anchors, altered: `line ${i + 1} of ${this.file} is not an anchor` };
      }
      if (line.mac !== this.mac(prev, line))
        return { anchors, altered: `line ${i + 1} of ${this.file} was altered, removed or moved` };
      anchors.push({ seq: line.seq, hash: line.hash, at: line.at });
      prev = line.mac;
    }
    return { anchors };
  }

  latest(): Anchor | undefined {
    const { anchors } = this.read();
    return anchors[anchors.length - 1];
  }

  /** Appends one anchor and forces it to disk before returning. */
  append(anchor: Anchor): void {
    const lines = existsSync(this.file) ? readFileSync(this.file, 'utf8').split('\n').filter(Boolean) : [];
    const prev = lines.length ? (JSON.parse(lines[lines.length - 1]!) as AnchorLine).mac : '';
    const line: AnchorLine = { ...anchor, mac: this.mac(prev, anchor) };
    const fd = openSync(this.file, 'a', 0o600);
    try {
      writeSync(fd, JSON.stringify(line) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    restrictFile(this.file);
  }
}

/** The chain's head: its last event, or seq 0 for an empty chain. */
export async function readHead(db: Executor): Promise<{ seq: number; hash: string }> {
  const row = await db
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { seq: row.seq, hash: row.hash } : { seq: 0, hash: GENESIS };
}

/**
 * Compares the database with the latest anchor. Since every event's hash covers its predecessor's,
 * the event at the anchored position still having the anchored hash proves the whole chain up to
 * there; checking the latest anchor is enough.
 */
export async function checkAnchors(db: Executor, log: AnchorLog): Promise<AuditFinding | undefined> {
  const { anchors, altered } = log.read();
  if (altered) return { kind: 'anchors_altered', seq: 0, id: 0, detail: altered };
  const anchor = anchors[anchors.length - 1];
  if (!anchor || anchor.seq === 0) return undefined;
  const head = await readHead(db);
  const where = `anchored on ${anchor.at} at event ${anchor.seq}`;
  if (head.seq === 0)
    return { kind: 'emptied', seq: anchor.seq, id: 0, detail: `the audit log is empty, but it was ${where}` };
  const row = await db
    .selectFrom('audit_events')
    .select(['id', 'hash'])
    .where('seq', '=', anchor.seq)
    .executeTakeFirst();
  if (!row && head.seq < anchor.seq)
    return {
      kind: 'truncated',
      seq: head.seq + 1,
      id: 0,
      detail: `the log ends at event ${head.seq}, but it was ${where}: the newest events were deleted`,
    };
  if (!row) return { kind: 'deleted', seq: anchor.seq, id: 0, detail: `event ${anchor.seq}, ${where}, is missing` };
  if (row.hash !== anchor.hash)
    return {
      kind: 'rebuilt',
      seq: anchor.seq,
      id: row.id,
      detail: `event ${anchor.seq} does not have the hash it had when ${where}: the chain was rebuilt`,
    };
  return undefined;
}

/** A verification of the chain's links followed, if they hold, by the check against the anchors. */
export async function withAnchors(
  db: Executor,
  log: AnchorLog | undefined,
  links: AuditVerification,
): Promise<AuditVerification> {
  if (!links.ok || !log) return links;
  const finding = await checkAnchors(db, log);
  return finding ? { ok: false, checked: links.checked, finding } : links;
}
