import type { Generated, Selectable } from 'kysely';

/** One saved text of a notice template; rows are never updated or deleted (database triggers). */
export interface NoticeTemplateVersionTable {
  id: Generated<number>;
  agency_id: number;
  /** templates.ts TEMPLATE_KEYS, e.g. reply.partial_disclosure, correction, fee. */
  template_key: string;
  /** 1, 2, … per agency and template; the highest is the current text. */
  version: number;
  title: string;
  body: string;
  /** Why it was changed (the first version: seeded from the built-in text). */
  reason: string;
  /** Null for the version seeded from the built-in text. */
  created_by: number | null;
  created_at: string;
}

export type NoticeTemplateVersionRow = Selectable<NoticeTemplateVersionTable>;
