export interface SessionTable {
  /** SHA-256 of the cookie token: a copy of the table does not hand out live sessions. */
  id: string;
  user_id: number;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
  ip: string | null;
  user_agent: string | null;
}
