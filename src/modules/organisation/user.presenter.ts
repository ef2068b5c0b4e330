// User rows → what the user pages show (docs/conventions.md#presenters): times in China, and the
// account's state worked out at the given instant (a lock whose time has passed no longer
// counts), so the views read no clock.
import { formatChinaTime } from '../../platform/clock.ts';
import type { PublicUser } from './organisation.store.ts';

export interface UserStatusView {
  readonly disabled: boolean;
  /** The end of a lock still in force, in China time; null when not locked. */
  readonly lockedUntil: string | null;
  readonly mustChangePassword: boolean;
}

export interface UserView {
  readonly id: number;
  readonly agencyId: number;
  readonly username: string;
  readonly displayName: string;
  readonly jobTitle: string | null;
  readonly email: string | null;
  /** China time; '' when never signed in. */
  readonly lastSignInAt: string;
  readonly createdAt: string;
  readonly status: UserStatusView;
  /** Disabled, or locked now: the page offers "unlock" rather than "lock". */
  readonly locked: boolean;
}

export function presentUser(u: PublicUser, at: Date): UserView {
  const lockedUntil = u.locked_until && new Date(u.locked_until) > at ? formatChinaTime(u.locked_until) : null;
  const disabled = u.disabled === 1;
  return {
    id: u.id,
    agencyId: u.agency_id,
    username: u.username,
    displayName: u.display_name,
    jobTitle: u.job_title,
    email: u.email,
    lastSignInAt: formatChinaTime(u.last_sign_in_at),
    createdAt: formatChinaTime(u.created_at),
    status: { disabled, lockedUntil, mustChangePassword: u.must_change_password === 1 },
    locked: disabled || lockedUntil !== null,
  };
}
