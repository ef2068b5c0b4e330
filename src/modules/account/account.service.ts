// Sign-in, sign-out, activation and a user's own password. Every attempt, good or bad, is an
// audit event written in the same transaction as the counter or session it changes.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { addMinutes, formatChinaTime, now } from '../../platform/clock.ts';
import { enqueueMail } from '../../platform/mail/outbox.ts';
import { spendChallenge, verifyChallenge, type PowOptions, type PowVerdict } from '../../platform/pow.ts';
import { agencySubtree, credentialsStore, roleDirectory, userDirectory } from '../organisation/index.ts';
import {
  clearThrottle,
  readThrottle,
  recordFailure,
  throttleFor,
  throttleKey,
} from '../../platform/auth/sign-in-throttle.ts';
import { dummyPasswordHash, hashPassword, passwordIssues, verifyPassword } from '../../platform/auth/password.ts';
import {
  createSession,
  destroySession,
  destroySessionsOfUser,
  type SessionSettings,
} from '../../platform/auth/session.ts';
import { activationUser, consumeActivation } from '../../platform/auth/activation.ts';
import { isRecentPassword, PASSWORD_HISTORY, rememberReplacedPassword } from '../../platform/auth/password-history.ts';
import { issue, ValidationError } from '../../platform/errors.ts';
import { organisationStore } from '../organisation/index.ts';

export interface LockoutSettings {
  /** Failures summed over every source that lock the account (20 by default). */
  readonly threshold: number;
  readonly minutes: number;
}

export interface SignInSettings extends SessionSettings {
  readonly lockout: LockoutSettings;
  readonly pow: PowOptions;
}

/** The proof-of-work fields of the sign-in form (pow_challenge, pow_nonce, pow_answer). */
export interface SignInProof {
  readonly challenge?: string | null;
  readonly nonce?: string | null;
  readonly answer?: string | null;
}

/**
 * Every refusal looks the same whether the name exists, the password is wrong, or the account is
 * locked or disabled (the owner learns of a lock by e-mail). `challenge` asks the page to carry
 * a proof-of-work challenge with the next attempt; `throttled` gives the time before which this
 * name may not be tried again from this source.
 */
export type SignInResult =
  | { readonly status: 'ok'; readonly token: string; readonly userId: number; readonly mustChangePassword: boolean }
  | { readonly status: 'invalid'; readonly challenge: boolean }
  | { readonly status: 'challenge' }
  | { readonly status: 'throttled'; readonly until: string; readonly challenge: boolean };

/** The security administrators whose reach covers the agency, and the owner: who hears of a lock. */
async function lockNoticeRecipients(
  db: Executor,
  user: { email: string | null; agency_id: number },
): Promise<string[]> {
  const admins = await db
    .selectFrom(roleDirectory(db).as('r'))
    .innerJoin(userDirectory(db).as('u'), 'u.id', 'r.user_id')
    .select(['u.email', 'r.agency_id'])
    .where('r.role', '=', 'security_admin')
    .execute();
  const to = new Set<string>();
  if (user.email) to.add(user.email);
  for (const admin of admins) {
    if (admin.email && (await agencySubtree(db, admin.agency_id)).includes(user.agency_id)) to.add(admin.email);
  }
  return [...to];
}

export const accountService = {
  async signIn(
    db: Db,
    meta: { ip: string | null; userAgent: string | null },
    username: string,
    password: string,
    settings: SignInSettings,
    proof: SignInProof = {},
  ): Promise<SignInResult> {
    const key = throttleKey(username, meta.ip);
    const state = await readThrottle(db, key);
    const at = now();
    const anonymous: AuditContext = { actorUserId: null, actorName: username.slice(0, 60) || '(empty)', ip: meta.ip };
    if (state.blockedUntil && new Date(state.blockedUntil) > at) {
      await mutate(db, anonymous, (_trx, audit) =>
        audit({ action: 'auth.sign_in_failed', subjectType: 'user', after: { reason: 'throttled' } }),
      );
      return { status: 'throttled', until: state.blockedUntil, challenge: throttleFor(state.failures).challenge };
    }
    let verdict: PowVerdict | undefined;
    if (throttleFor(state.failures).challenge) {
      verdict = verifyChallenge(settings.pow, proof);
      if (!verdict.ok) {
        await mutate(db, anonymous, (_trx, audit) =>
          audit({ action: 'auth.sign_in_failed', subjectType: 'user', after: { reason: 'challenge' } }),
        );
        return { status: 'challenge' };
      }
    }
    const user = await organisationStore.userWithSecret(db, { username });
    // The password is checked even when the user is unknown, locked or disabled, so neither the
    // answer nor its time tells an attacker which accounts exist.
    const passwordOk = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    const ctx: AuditContext = { ...anonymous, actorUserId: user?.id ?? null };
    return mutate(db, ctx, async (trx, audit) => {
      if (verdict?.ok && !(await spendChallenge(trx, verdict))) return { status: 'challenge' } as const;
      // Re-read inside the transaction: parallel attempts must not lose a failure count.
      const current = user ? await organisationStore.userWithSecret(trx, { id: user.id }) : undefined;
      const disabled = current?.disabled === 1;
      const locked = Boolean(current?.locked_until && new Date(current.locked_until) > at);
      if (!current || !passwordOk || disabled || locked) {
        const throttled = await recordFailure(trx, key);
        const reason = !current ? 'unknown_user' : disabled ? 'disabled' : locked ? 'locked_out' : 'bad_password';
        if (current && reason === 'bad_password') {
          const failures = current.failed_sign_ins + 1;
          const lock = failures >= settings.lockout.threshold;
          const until = addMinutes(at, settings.lockout.minutes).toISOString();
          await credentialsStore.recordFailedSignIn(trx, current.id, {
            failedSignIns: lock ? 0 : failures,
            lockedUntil: lock ? until : current.locked_until,
          });
          if (lock) {
            await enqueueMail(trx, {
              to: await lockNoticeRecipients(trx, current),
              subject: '账号已被临时锁定 / Account locked',
              text: [
                `账号 ${current.username}（${current.display_name}）连续登录失败 ${failures} 次，已锁定至 ${formatChinaTime(until)}。`,
                `最后一次失败来自 ${meta.ip ?? '未知地址'}。如非本人操作，请联系安全管理员。`,
                '',
                `The account ${current.username} was locked until ${formatChinaTime(until)} (China time) after ${failures} failed sign-ins; the last came from ${meta.ip ?? 'an unknown address'}.`,
              ].join('\n'),
            });
            await audit({
              action: 'auth.locked_out',
              subjectType: 'user',
              subjectId: current.id,
              after: { failures, until },
            });
          }
        }
        await audit({
          action: 'auth.sign_in_failed',
          subjectType: 'user',
          subjectId: current?.id,
          after: { reason, failuresFromSource: throttled.failures },
        });
        const next = throttleFor(throttled.failures);
        return throttled.blockedUntil
          ? ({ status: 'throttled', until: throttled.blockedUntil, challenge: next.challenge } as const)
          : ({ status: 'invalid', challenge: next.challenge } as const);
      }
      await clearThrottle(trx, key);
      await credentialsStore.recordSignIn(trx, current.id, at.toISOString());
      const token = await createSession(trx, current.id, settings, meta);
      await audit({ action: 'auth.sign_in', subjectType: 'user', subjectId: current.id });
      return {
        status: 'ok',
        token,
        userId: current.id,
        mustChangePassword: current.must_change_password === 1,
      } as const;
    });
  },

  async signOut(db: Db, ctx: AuditContext, token: string): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      await destroySession(trx, token);
      await audit({ action: 'auth.sign_out', subjectType: 'user', subjectId: ctx.actorUserId ?? undefined });
    });
  },

  /** The user's own change: the current password is required, the new one must pass the
   *  rules and differ from the last PASSWORD_HISTORY ones. Every other session of the user ends
   *  (someone who learnt the old password is signed out with it); this one stays. */
  async changeOwnPassword(
    db: Db,
    ctx: AuditContext,
    userId: number,
    current: string,
    next: string,
    confirm: string,
    currentSessionToken?: string,
  ): Promise<void> {
    const user = await organisationStore.userWithSecret(db, { id: userId });
    if (!user) throw new ValidationError([issue('current_password', 'account.error.current_wrong')]);
    const issues = [];
    if (!(await verifyPassword(current, user.password_hash)))
      issues.push(issue('current_password', 'account.error.current_wrong'));
    issues.push(...passwordIssues(next, user.username, 'new_password'));
    if (next === current) issues.push(issue('new_password', 'password.same_as_old'));
    else if (next && (await isRecentPassword(db, user, next)))
      issues.push(issue('new_password', 'password.reused', { n: PASSWORD_HISTORY }));
    if (next !== confirm) issues.push(issue('confirm_password', 'account.error.confirm_mismatch'));
    if (issues.length) throw new ValidationError(issues);
    const hash = await hashPassword(next);
    await mutate(db, ctx, async (trx, audit) => {
      await rememberReplacedPassword(trx, userId, user.password_hash);
      await credentialsStore.setOwnPassword(trx, userId, hash, { unlock: false });
      const otherSessionsEnded = await destroySessionsOfUser(trx, userId, currentSessionToken);
      await audit({
        action: 'user.password_change',
        subjectType: 'user',
        subjectId: userId,
        after: { otherSessionsEnded },
      });
    });
  },

  /**
   * Sets the password of an account with a one-time activation code (a new account, or a reset
   * by the security administrator; docs/adr/0015). An unknown, used or expired code gets one
   * answer. The code is spent only when the new password is accepted; every session of the
   * account ends and a lockout is lifted (the holder of the code is the owner of the e-mail).
   */
  async activate(db: Db, meta: { ip: string | null }, code: string, next: string, confirm: string): Promise<number> {
    const found = await activationUser(db, code);
    if (!found) throw new ValidationError([issue('code', 'account.error.activation_invalid')]);
    const user = (await organisationStore.userWithSecret(db, { id: found.userId }))!;
    const issues = [...passwordIssues(next, user.username, 'new_password')];
    if (next && issues.length === 0 && (await isRecentPassword(db, user, next)))
      issues.push(issue('new_password', 'password.reused', { n: PASSWORD_HISTORY }));
    if (next !== confirm) issues.push(issue('confirm_password', 'account.error.confirm_mismatch'));
    if (issues.length) throw new ValidationError(issues);
    const hash = await hashPassword(next);
    const ctx: AuditContext = { actorUserId: user.id, actorName: user.username, ip: meta.ip };
    await mutate(db, ctx, async (trx, audit) => {
      if (!(await consumeActivation(trx, found.id)))
        throw new ValidationError([issue('code', 'account.error.activation_invalid')]);
      await credentialsStore.setOwnPassword(trx, user.id, hash, { unlock: true });
      await destroySessionsOfUser(trx, user.id);
      await audit({ action: 'user.activate', subjectType: 'user', subjectId: user.id });
    });
    return user.id;
  },
};
