// Store rows → the console's lists of powers and service guides, and table 二's yearly figures
// (docs/conventions.md#presenters): each entry with its unit's name and the state of the catalog
// item that carries it; the figures per agency and kind as the page shows them (fee income in 万元,
// null for a figure not entered).
import { fenToTenThousandYuan, figureKinds } from './power-catalog.ts';
import type { PowerItemListRow, ServiceGuideListRow } from './power-catalog.store.ts';
import type { YearlyFigureRow } from './power-catalog.table.ts';

/** What a power and a guide share in their lists. */
export interface CatalogEntry {
  readonly id: number;
  /** The catalog item that carries it. */
  readonly itemId: number;
  readonly name: string;
  readonly unitName: string;
  /** The carrying item's status (pub.status.*). */
  readonly status: string;
  readonly publicationDate: string | null;
}

export interface PowerListEntry extends CatalogEntry {
  readonly code: string;
  /** power.type.* */
  readonly powerType: string;
}

export interface GuideListEntry extends CatalogEntry {
  readonly timeLimit: string;
}

export interface FigureLine {
  readonly agencyName: string;
  /** By figure kind: decisions, or fee income in 万元; null when not entered. */
  readonly values: Readonly<Record<string, string | null>>;
}

function entry(row: PowerItemListRow | ServiceGuideListRow): CatalogEntry {
  return {
    id: row.id,
    itemId: row.item_id,
    name: row.name,
    unitName: row.unit_name,
    status: row.status,
    publicationDate: row.publication_date,
  };
}

export function presentPower(row: PowerItemListRow): PowerListEntry {
  return { ...entry(row), code: row.code, powerType: row.power_type };
}

export function presentGuide(row: ServiceGuideListRow): GuideListEntry {
  return { ...entry(row), timeLimit: row.time_limit };
}

/** One line per agency, in the order given; a kind without a row is not entered. */
export function presentFigureLines(
  agencies: readonly { id: number; name: string }[],
  rows: readonly YearlyFigureRow[],
): FigureLine[] {
  return agencies.map((a) => ({
    agencyName: a.name,
    values: Object.fromEntries(
      figureKinds.map((k) => {
        const r = rows.find((x) => x.agency_id === a.id && x.kind === k);
        return [
          k,
          !r ? null : k === 'fee' ? String(fenToTenThousandYuan(Number(r.amount_fen ?? 0))) : String(r.decisions ?? 0),
        ];
      }),
    ),
  }));
}
