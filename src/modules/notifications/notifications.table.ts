import type { Generated, Selectable } from 'kysely';

/** In-app notices shown on a user's dashboard (the reminders' second channel). */
export interface NotificationTable {
  id: Generated<number>;
  user_id: number;
  /** Unique: one notice per (case, kind, day, user). */
  dedupe_key: string;
  /** due_soon | overdue | consultation_lapsed | waiting_expired */
  kind: string;
  application_id: number | null;
  detail_json: string;
  created_on: string;
  read_at: string | null;
  created_at: string;
}

export type NotificationRow = Selectable<NotificationTable>;
