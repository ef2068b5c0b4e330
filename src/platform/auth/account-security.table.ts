import type { Generated } from 'kysely';

/** A one-time activation code (new account or password reset); only its SHA-256 is kept. */
export interface ActivationCodeTable {
  id: Generated<number>;
  user_id: number;
  code_hash: string;
  /** new_account | reset */
  purpose: string;
  created_by: number | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** Earlier password hashes of a user, newest kept, so a change cannot go back to one of them. */
export interface PasswordHistoryTable {
  id: Generated<number>;
  user_id: number;
  password_hash: string;
  created_at: string;
}

/** Failed sign-ins counted per (name typed, source network), whether the name exists or not. */
export interface SignInThrottleTable {
  key: string;
  failures: Generated<number>;
  last_failure_at: string;
  blocked_until: string | null;
}
