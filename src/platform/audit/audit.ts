// Audit events are written inside the transaction of the change they describe, by the same
// call that makes the change (see recordAudit's callers), so a change without its event
// cannot commit.
import { sql } from 'kysely';
import type { Executor } from '../../db/database.ts';
import type { AuditHash } from '../../config.ts';
import { nowIso } from '../clock.ts';
import { canonicalContent, chainHash, GENESIS, rowAlgorithm } from './hash.ts';

export interface AuditContext {
  readonly actorUserId: number | null;
  readonly actorName: string;
  readonly ip: string | null;
}

export const systemContext: AuditContext = { actorUserId: null, actorName: 'system', ip: null };

export interface AuditEventInput {
  readonly action: string;
  readonly subjectType?: string;
  readonly subjectId?: string | number;
  readonly before?: unknown;
  readonly after?: unknown;
}

export interface AuditSettings {
  readonly algorithm: AuditHash;
  readonly key: string | undefined;
}

let settings: AuditSettings = { algorithm: 'sha256', key: undefined };

/** Set once at boot from the configuration. */
export function configureAudit(next: AuditSettings): void {
  settings = next;
}

export function auditSettings(): AuditSettings {
  return settings;
}

const SECRET_KEYS = new Set([
  'password',
  'password_hash',
  'passwordHash',
  'newPassword',
  'currentPassword',
  '_csrf',
  'token',
]);

/** Strips secrets before a value enters the permanent log. */
export function redact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(redact);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      out[k] = SECRET_KEYS.has(k) ? '[redacted]' : redact(v);
    }
    return out;
  }
  return value;
}

function json(value: unknown): string | null {
  return value === undefined ? null : JSON.stringify(redact(value));
}

const AUDIT_LOCK_ID = 727_011; // arbitrary constant shared by every app process

/** Appends one event to the chain. Must be called with the transaction of the change. */
export async function recordAudit(trx: Executor, ctx: AuditContext, event: AuditEventInput): Promise<void> {
  if (!trx.isTransaction) throw new Error('recordAudit must run inside the transaction of the change it records');
  // PostgreSQL: concurrent transactions would read the same tail and fork the chain, so the tail
  // is read under a transaction-scoped advisory lock. SQLite serialises writers already.
  if (trx.getExecutor().adapter.constructor.name === 'PostgresAdapter') {
    await sql`select pg_advisory_xact_lock(${AUDIT_LOCK_ID})`.execute(trx);
  }
  const tail = await trx
    .selectFrom('audit_events')
    .select(['seq', 'hash'])
    .orderBy('seq', 'desc')
    .limit(1)
    .executeTakeFirst();
  const row = {
    occurred_at: nowIso(),
    actor_user_id: ctx.actorUserId,
    actor_name: ctx.actorName,
    ip: ctx.ip,
    action: event.action,
    subject_type: event.subjectType ?? null,
    subject_id: event.subjectId === undefined ? null : String(event.subjectId),
    before_json: json(event.before),
    after_json: json(event.after),
    algorithm: rowAlgorithm(settings.algorithm, settings.key),
  };
  const prevHash = tail?.hash ?? GENESIS;
  const hash = chainHash(settings.algorithm, settings.key, prevHash, canonicalContent(row));
  await trx
    .insertInto('audit_events')
    .values({ ...row, seq: (tail?.seq ?? 0) + 1, prev_hash: prevHash, hash })
    .execute();
}
