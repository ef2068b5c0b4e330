import type { Generated, Selectable } from 'kysely';

export interface AuditEventTable {
  id: Generated<number>;
  seq: number;
  occurred_at: string;
  actor_user_id: number | null;
  actor_name: string;
  ip: string | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  before_json: string | null;
  after_json: string | null;
  algorithm: string;
  prev_hash: string;
  hash: string;
}

export type AuditEventRow = Selectable<AuditEventTable>;

export interface SettingTable {
  key: string;
  value_json: string;
  updated_at: string;
  updated_by: number | null;
}
