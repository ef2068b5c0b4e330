import type { Generated, Selectable } from 'kysely';

/** Change counters; the row 'pages' moves whenever anything the public pages show changes. */
export interface PortalStateTable {
  name: string;
  version: number;
  changed_at: string;
}

/** A service-hall display screen (/screen/:name) and what it cycles through. */
export interface DisplayScreenTable {
  id: Generated<number>;
  name: string;
  title: string;
  agency_id: number | null;
  slides: string;
  seconds_per_slide: Generated<number>;
  created_at: string;
  updated_at: string;
}

export type DisplayScreenRow = Selectable<DisplayScreenTable>;
