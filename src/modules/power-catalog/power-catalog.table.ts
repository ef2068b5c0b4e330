import type { Generated, Selectable } from 'kysely';

/** One entry of the power catalog (职权目录); item_id carries it through the workflow. */
export interface PowerItemTable {
  id: Generated<number>;
  agency_id: number;
  item_id: number;
  code: string;
  name: string;
  power_type: string;
  legal_basis: string;
  responsible_unit_id: number;
  created_at: string;
  updated_at: string;
}

/** A service guide (办事指南) with its workflow (办事流程, `steps`). */
export interface ServiceGuideTable {
  id: Generated<number>;
  agency_id: number;
  item_id: number;
  power_item_id: number | null;
  name: string;
  conditions: string;
  materials: string;
  steps: string;
  time_limit: string;
  fees: string;
  place: string;
  hours: string;
  phone: string;
  responsible_unit_id: number;
  created_at: string;
  updated_at: string;
}

/** Table 二's yearly figures: one row per (agency, year, kind). */
export interface YearlyFigureTable {
  id: Generated<number>;
  agency_id: number;
  year: number;
  kind: string;
  decisions: number | null;
  amount_fen: number | null;
  source: string;
  note: string | null;
  updated_by: number | null;
  updated_at: string;
}

export type PowerItemRow = Selectable<PowerItemTable>;
export type ServiceGuideRow = Selectable<ServiceGuideTable>;
export type YearlyFigureRow = Selectable<YearlyFigureTable>;
