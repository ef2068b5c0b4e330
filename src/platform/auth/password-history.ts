// No going back to a recent password: the current one and the PASSWORD_HISTORY - 1 before it
// are refused (等保 level 3 practice, issue 14 finding 6).
import type { Executor } from '../../db/database.ts';
import { nowIso } from '../clock.ts';
import { verifyPassword } from './password.ts';

/** How many of the user's own passwords (the current one included) a new one must differ from. */
export const PASSWORD_HISTORY = 5;

/** True when `candidate` is the current password or one of the ones before it. */
export async function isRecentPassword(
  db: Executor,
  user: { id: number; password_hash: string },
  candidate: string,
): Promise<boolean> {
  const earlier = await db
    .selectFrom('password_history')
    .select('password_hash')
    .where('user_id', '=', user.id)
    .orderBy('id', 'desc')
    .limit(PASSWORD_HISTORY - 1)
    .execute();
  // Every hash is tried, not the first match only: the time taken says nothing about which one.
  const results = await Promise.all(
    [user.password_hash, ...earlier.map((r) => r.password_hash)].map((h) => verifyPassword(candidate, h)),
  );
  return results.some(Boolean);
}

/** Keeps the hash being replaced, and only as many as the rule needs. */
export async function rememberReplacedPassword(db: Executor, userId: number, replacedHash: string): Promise<void> {
  await db
    .insertInto('password_history')
    .values({ user_id: userId, password_hash: replacedHash, created_at: nowIso() })
    .execute();
  const keep = await db
    .selectFrom('password_history')
    .select('id')
    .where('user_id', '=', userId)
    .orderBy('id', 'desc')
    .limit(PASSWORD_HISTORY - 1)
    .execute();
  if (keep.length === PASSWORD_HISTORY - 1) {
    await db
      .deleteFrom('password_history')
      .where('user_id', '=', userId)
      .where('id', '<', keep[keep.length - 1]!.id)
      .execute();
  }
}
