// Sign-in, sign-out and a user's own password. Every attempt, good or bad, is an audit event
// written in the same transaction as the counter or session it changes.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { addMinutes, now, nowIso } from '../../platform/clock.ts';
import { dummyPasswordHash, hashPassword, passwordIssues, verifyPassword } from '../../platform/auth/password.ts';
import { createSession, destroySession, type SessionSettings } from '../../platform/auth/session.ts';
import { issue, ValidationError } from '../../platform/errors.ts';
import { organisationStore } from '../organisation/organisation.store.ts';

export interface LockoutSettings {
  readonly threshold: number;
  readonly minutes: number;
}

export type SignInResult =
  | { readonly status: 'ok'; readonly token: string; readonly userId: number; readonly mustChangePassword: boolean }
  | { readonly status: 'invalid' }
  | { readonly status: 'locked'; readonly until: string | null };

export const accountService = {
  async signIn(
    db: Db,
    meta: { ip: string | null; userAgent: string | null },
    username: string,
    password: string,
    settings: SessionSettings & { lockout: LockoutSettings },
  ): Promise<SignInResult> {
    const user = await organisationStore.userWithSecret(db, { username });
    // The password is checked even when the user is unknown or locked, so response time tells
    // an attacker nothing about which accounts exist.
    const passwordOk = await verifyPassword(password, user?.password_hash ?? (await dummyPasswordHash()));
    const ctx: AuditContext = {
      actorUserId: user?.id ?? null,
      actorName: username.slice(0, 60) || '(empty)',
      ip: meta.ip,
    };
    return mutate(db, ctx, async (trx, audit) => {
      if (!user) {
        await audit({ action: 'auth.sign_in_failed', subjectType: 'user', after: { reason: 'unknown_user' } });
        return { status: 'invalid' } as const;
      }
      const at = now();
      // Re-read inside the transaction: parallel attempts must not lose a failure count.
      const current = (await organisationStore.userWithSecret(trx, { id: user.id }))!;
      if (current.disabled === 1) {
        await audit({
          action: 'auth.sign_in_failed',
          subjectType: 'user',
          subjectId: user.id,
          after: { reason: 'disabled' },
        });
        return { status: 'locked', until: null } as const;
      }
      if (current.locked_until && new Date(current.locked_until) > at) {
        await audit({
          action: 'auth.sign_in_failed',
          subjectType: 'user',
          subjectId: user.id,
          after: { reason: 'locked_out' },
        });
        return { status: 'locked', until: current.locked_until } as const;
      }
      if (!passwordOk) {
        const failures = current.failed_sign_ins + 1;
        const lock = failures >= settings.lockout.threshold;
        await trx
          .updateTable('users')
          .set({
            failed_sign_ins: lock ? 0 : failures,
            locked_until: lock ? addMinutes(at, settings.lockout.minutes).toISOString() : current.locked_until,
          })
          .where('id', '=', user.id)
          .execute();
        await audit({
          action: lock ? 'auth.locked_out' : 'auth.sign_in_failed',
          subjectType: 'user',
          subjectId: user.id,
          after: { reason: 'bad_password', failures },
        });
        return lock
          ? ({ status: 'locked', until: addMinutes(at, settings.lockout.minutes).toISOString() } as const)
          : ({ status: 'invalid' } as const);
      }
      await trx
        .updateTable('users')
        .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: at.toISOString() })
        .where('id', '=', user.id)
        .execute();
      const token = await createSession(trx, user.id, settings, meta);
      await audit({ action: 'auth.sign_in', subjectType: 'user', subjectId: user.id });
      return { status: 'ok', token, userId: user.id, mustChangePassword: current.must_change_password === 1 } as const;
    });
  },

  async signOut(db: Db, ctx: AuditContext, token: string): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      await destroySession(trx, token);
      await audit({ action: 'auth.sign_out', subjectType: 'user', subjectId: ctx.actorUserId ?? undefined });
    });
  },

  /** The user's own change: the current password is required, the new one must pass the
   *  rules and differ from it. Other sessions of the user end; this one stays. */
  async changeOwnPassword(
    db: Db,
    ctx: AuditContext,
    userId: number,
    current: string,
    next: string,
    confirm: string,
  ): Promise<void> {
    const user = await organisationStore.userWithSecret(db, { id: userId });
    if (!user) throw new ValidationError([issue('current_password', 'account.error.current_wrong')]);
    const issues = [];
    if (!(await verifyPassword(current, user.password_hash)))
      issues.push(issue('current_password', 'account.error.current_wrong'));
    issues.push(...passwordIssues(next, user.username, 'new_password'));
    if (next === current) issues.push(issue('new_password', 'password.same_as_old'));
    if (next !== confirm) issues.push(issue('confirm_password', 'account.error.confirm_mismatch'));
    if (issues.length) throw new ValidationError(issues);
    const hash = await hashPassword(next);
    await mutate(db, ctx, async (trx, audit) => {
      await trx
        .updateTable('users')
        .set({ password_hash: hash, password_changed_at: nowIso(), must_change_password: 0, updated_at: nowIso() })
        .where('id', '=', userId)
        .execute();
      await audit({ action: 'user.password_change', subjectType: 'user', subjectId: userId });
    });
  },
};
