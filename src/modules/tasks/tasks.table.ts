import type { Generated, Selectable } from 'kysely';

/** A disclosure duty assigned to a unit (任务分解). */
export interface DisclosureTaskTable {
  id: Generated<number>;
  agency_id: number;
  unit_id: number;
  title: string;
  scope: string;
  due_on: string;
  status: string;
  done_on: string | null;
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export type DisclosureTaskRow = Selectable<DisclosureTaskTable>;
