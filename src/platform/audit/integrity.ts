// The audit trail's integrity in one place: the chain's keys, the anchors outside the database,
// the remembered last verified position (so the audit page re-hashes only new events), and the
// anchoring job the server runs every GONGKAI_AUDIT_ANCHOR_MINUTES and `gongkai audit anchor`
// runs from cron. See ADR 0016.
import type { Config } from '../../config.ts';
import type { Db, Executor } from '../../db/database.ts';
import { databaseIdentity, resolveAuditKey } from '../crypto/keys.ts';
import { enqueueMail } from '../mail/outbox.ts';
import { identityDirectory } from '../auth/identity-directory.ts';
import { nowIso, todayInChina } from '../clock.ts';
import { mutate } from '../mutation.ts';
import { systemContext } from './audit.ts';
import { AnchorLog, type Anchor, withAnchors } from './anchors.ts';
import { type AuditVerification, type ChainPosition, verifyAuditChain, verifyAuditIncrementally } from './verify.ts';

export interface AuditIntegrity {
  readonly keys: { readonly key: string; readonly legacyKey: string | undefined };
  readonly anchors: AnchorLog;
  /** Links and anchors; incremental from the last position verified by this process unless `full`. */
  verify(db: Executor, options?: { full?: boolean }): Promise<AuditVerification>;
  /** Verifies, then anchors the head if it moved; with `mail`, mails the day's anchor to the auditors once. */
  anchor(db: Db, options?: { mail?: boolean }): Promise<AnchorRun>;
}

export interface AnchorRun {
  readonly verification: AuditVerification;
  /** The anchor written by this run, if the head had moved. */
  readonly anchored?: Anchor;
  /** How many auditors the day's anchor was mailed to (0 when already mailed today or no address). */
  readonly mailed: number;
}

class NothingToMail extends Error {}

export function auditIntegrity(
  config: Pick<Config, 'auditKey' | 'keyDir'>,
  handle: { readonly file?: string; readonly url?: string },
): AuditIntegrity {
  const key = resolveAuditKey(config);
  const keys = { key, legacyKey: config.auditKey };
  const databaseId = databaseIdentity(handle);
  const anchors = new AnchorLog(config.keyDir, databaseId, key);
  // In memory only: a position stored in the database could be moved by whoever edits the log.
  let verified: ChainPosition | undefined;

  async function verify(db: Executor, options: { full?: boolean } = {}): Promise<AuditVerification> {
    const links = options.full ? await verifyAuditChain(db, keys) : await verifyAuditIncrementally(db, keys, verified);
    const result = await withAnchors(db, anchors, links);
    verified = result.ok ? result.head : undefined;
    return result;
  }

  async function anchor(db: Db, options: { mail?: boolean } = {}): Promise<AnchorRun> {
    // The full check: the page's incremental one trusts events it verified before, so an edit
    // among them (one that keeps the stored hash) is found here, at the latest one period later.
    const verification = await verify(db, { full: true });
    // A tampered chain is never anchored: that would bless the tampering.
    if (!verification.ok || !verification.head) return { verification, mailed: 0 };
    const head = verification.head;
    const latest = anchors.latest();
    let anchored: Anchor | undefined;
    if (!latest || latest.seq !== head.seq || latest.hash !== head.hash) {
      anchored = { seq: head.seq, hash: head.hash, at: nowIso() };
      anchors.append(anchored);
    }
    const mailed = options.mail ? await mailAuditors(db, databaseId, anchored ?? latest!) : 0;
    return { verification, anchored, mailed };
  }

  return { keys, anchors, verify, anchor };
}

/** The day's anchor to every audit administrator with an address, once a day (dedupe key). */
async function mailAuditors(db: Db, databaseId: string, anchor: Anchor): Promise<number> {
  const to = await identityDirectory().emailsOfRole(db, 'audit_admin');
  if (to.length === 0) return 0;
  const day = todayInChina();
  try {
    return await mutate(db, systemContext, async (trx, audit) => {
      const added = await enqueueMail(trx, {
        to,
        subject: `审计日志锚点 / Audit log anchor ${day}: ${anchor.seq}`,
        text: anchorMailText(anchor, databaseId),
        dedupeKey: `audit-anchor:${databaseId}:${day}`,
      });
      if (!added) throw new NothingToMail();
      await audit({ action: 'audit.anchor_mailed', subjectType: 'audit_anchor', subjectId: anchor.seq, after: anchor });
      return to.length;
    });
  } catch (error) {
    if (error instanceof NothingToMail) return 0;
    throw error;
  }
}

export function anchorMailText(anchor: Anchor, databaseId: string): string {
  return [
    '审计日志锚点（请保存本邮件，勿转发）',
    `截至 ${anchor.at}，审计日志共 ${anchor.seq} 条记录，最后一条记录的哈希值为：`,
    anchor.hash,
    `数据库标识：${databaseId}`,
    '核对方法：在服务器上运行 gongkai audit verify；如第 ' +
      `${anchor.seq} 条记录缺失或哈希值不同，说明审计日志被删除或重建，请立即报告安全管理员。`,
    '',
    'Audit log anchor (keep this mail, do not forward it)',
    `As of ${anchor.at} the audit log holds ${anchor.seq} events; the hash of the last one is:`,
    anchor.hash,
    `Database: ${databaseId}`,
    `To check: run gongkai audit verify on the server. If event ${anchor.seq} is missing or has another hash, the log was truncated or rebuilt: report it to the security administrator at once.`,
  ].join('\n');
}
