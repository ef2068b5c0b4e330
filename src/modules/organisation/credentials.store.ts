// A user's sign-in state and password, written by the account module's sign-in, password change and
// activation inside their own transactions (with their own audit events). The users table is this
// module's (ADR 0022): other modules write it only through these functions.
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';

export const credentialsStore = {
  /** A failed sign-in counted on the account (the count, and the lock it may have set). */
  async recordFailedSignIn(
    db: Executor,
    userId: number,
    state: { failedSignIns: number; lockedUntil: string | null },
  ): Promise<void> {
    await db
      .updateTable('users')
      .set({ failed_sign_ins: state.failedSignIns, locked_until: state.lockedUntil })
      .where('id', '=', userId)
      .execute();
  },

  /** A successful sign-in at `at`: the failure count and any lock cleared. */
  async recordSignIn(db: Executor, userId: number, at: string): Promise<void> {
    await db
      .updateTable('users')
      .set({ failed_sign_ins: 0, locked_until: null, last_sign_in_at: at })
      .where('id', '=', userId)
      .execute();
  },

  /** The password hash the user set themselves (a change, or an activation code with `unlock`, which
   *  also lifts a lockout); no change of password is asked for any more. */
  async setOwnPassword(db: Executor, userId: number, hash: string, options: { unlock: boolean }): Promise<void> {
    await db
      .updateTable('users')
      .set({
        password_hash: hash,
        password_changed_at: nowIso(),
        must_change_password: 0,
        ...(options.unlock && { failed_sign_ins: 0, locked_until: null }),
        updated_at: nowIso(),
      })
      .where('id', '=', userId)
      .execute();
  },
};
