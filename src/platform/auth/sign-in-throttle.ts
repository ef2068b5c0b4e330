// Sign-in throttling (issue 14 finding 5, docs/adr/0015). Failures are counted per (name typed,
// source) — whether or not the name exists, so the answers say nothing about which accounts are
// real — and each further failure from the same source costs more: first a proof-of-work
// challenge (platform/pow.ts), then a growing wait. The account itself is locked only at a much
// higher count summed over all sources (config lockoutThreshold, 20 by default), and its owner
// and the security administrators are told. Someone else's typing can therefore slow a person's
// sign-in from one network, but not shut them out of the account from everywhere after five tries.
// The counter is the platform's table (sign_in_throttle, account-security.table.ts), so it lives
// here; the account module's sign-in service asks it (ADR 0022).
import { createHash } from 'node:crypto';
import { normalizeIP } from '@fastify/rate-limit';
import type { Executor } from '../../db/database.ts';
import { now } from '../clock.ts';

/** From this many failures on the key on, the next attempt needs a solved challenge. */
export const CHALLENGE_AFTER = 3;
/** From this many failures on, each attempt waits; the wait doubles with each failure. */
export const DELAY_AFTER = 5;
export const MAX_DELAY_SECONDS = 15 * 60;
/** A key with no failure for this long starts again from zero. */
export const FORGET_AFTER_HOURS = 24;

/** What `failures` failed attempts on one key cost the next attempt. */
export function throttleFor(failures: number): { readonly challenge: boolean; readonly delaySeconds: number } {
  const delaySeconds = failures < DELAY_AFTER ? 0 : Math.min(2 ** (failures - DELAY_AFTER + 1), MAX_DELAY_SECONDS);
  return { challenge: failures >= CHALLENGE_AFTER, delaySeconds };
}

/** The source of an attempt: the client address, an IPv6 client as its /64 (one subscriber). */
export function sourceOf(ip: string | null): string {
  return ip ? normalizeIP(ip, 64) : 'unknown';
}

export function throttleKey(username: string, ip: string | null): string {
  return createHash('sha256')
    .update(`${username.normalize('NFKC').toLowerCase()}\u0000${sourceOf(ip)}`)
    .digest('hex');
}

export interface ThrottleState {
  readonly failures: number;
  readonly blockedUntil: string | null;
}

export async function readThrottle(db: Executor, key: string): Promise<ThrottleState> {
  const row = await db.selectFrom('sign_in_throttle').selectAll().where('key', '=', key).executeTakeFirst();
  if (!row) return { failures: 0, blockedUntil: null };
  const stale = now().getTime() - new Date(row.last_failure_at).getTime() > FORGET_AFTER_HOURS * 3600_000;
  return stale ? { failures: 0, blockedUntil: null } : { failures: row.failures, blockedUntil: row.blocked_until };
}

/** Counts one more failure on the key and sets the wait it now costs. */
export async function recordFailure(db: Executor, key: string): Promise<ThrottleState> {
  const before = await readThrottle(db, key);
  const failures = before.failures + 1;
  const at = now();
  const { delaySeconds } = throttleFor(failures);
  const blockedUntil = delaySeconds > 0 ? new Date(at.getTime() + delaySeconds * 1000).toISOString() : null;
  const values = { failures, last_failure_at: at.toISOString(), blocked_until: blockedUntil };
  await db
    .insertInto('sign_in_throttle')
    .values({ key, ...values })
    .onConflict((oc) => oc.column('key').doUpdateSet(values))
    .execute();
  // Old keys go on the way, so the table holds only the last day's attempts.
  await db
    .deleteFrom('sign_in_throttle')
    .where('last_failure_at', '<', new Date(at.getTime() - FORGET_AFTER_HOURS * 3600_000).toISOString())
    .execute();
  return { failures, blockedUntil };
}

export async function clearThrottle(db: Executor, key: string): Promise<void> {
  await db.deleteFrom('sign_in_throttle').where('key', '=', key).execute();
}
