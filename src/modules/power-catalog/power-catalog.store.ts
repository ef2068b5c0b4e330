// Every query of the power catalog, the service guides and the yearly figures, including the
// functions the annual report reads (yearlyFigures, catalogCounts).
import type { Executor } from '../../db/database.ts';
import { unitDirectory } from '../organisation/index.ts';
import { catalogItems, publicStatuses } from '../publishing/index.ts';
import { figureKinds, fenToTenThousandYuan, type FigureKind, type PowerType, powerTypes } from './power-catalog.ts';
import type { PowerItemRow, ServiceGuideRow, YearlyFigureRow } from './power-catalog.table.ts';

export type PowerItemListRow = PowerItemRow & { status: string; unit_name: string; publication_date: string | null };
export type ServiceGuideListRow = ServiceGuideRow & {
  status: string;
  unit_name: string;
  publication_date: string | null;
};

/** Table 二 (第二十条第（五）（六）（八）项) as annual-report.schema.json's `proactive` names it. */
export interface YearlyFigures {
  readonly year: number;
  readonly licences: { decisions: number };
  readonly penalties: { decisions: number };
  readonly coercion: { decisions: number };
  readonly administrativeFees: { amountTenThousandYuan: number };
  /** Kinds with no row for some of the agencies: the figure is incomplete (shown, not guessed). */
  readonly missing: readonly { agencyId: number; kind: FigureKind }[];
  /** The rows summed, for provenance links. */
  readonly rows: readonly YearlyFigureRow[];
}

export interface CatalogCounts {
  /** Power items whose carrying item was public on the date. */
  readonly powerItems: number;
  readonly byType: Readonly<Record<PowerType, number>>;
  /** Service guides (each with its workflow, 办事流程) public on the date. */
  readonly serviceGuides: number;
}

export const powerCatalogStore = {
  powerItems(db: Executor, agencyIds: readonly number[]): Promise<PowerItemListRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('power_items as p')
      .innerJoin(catalogItems(db).as('i'), 'i.id', 'p.item_id')
      .innerJoin(unitDirectory(db).as('u'), 'u.id', 'p.responsible_unit_id')
      .selectAll('p')
      .select(['i.status', 'u.name as unit_name', 'i.publication_date'])
      .where('p.agency_id', 'in', agencyIds)
      .orderBy('p.code')
      .execute();
  },

  powerItem(db: Executor, id: number): Promise<PowerItemRow | undefined> {
    return db.selectFrom('power_items').selectAll().where('id', '=', id).executeTakeFirst();
  },

  serviceGuides(db: Executor, agencyIds: readonly number[]): Promise<ServiceGuideListRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('service_guides as g')
      .innerJoin(catalogItems(db).as('i'), 'i.id', 'g.item_id')
      .innerJoin(unitDirectory(db).as('u'), 'u.id', 'g.responsible_unit_id')
      .selectAll('g')
      .select(['i.status', 'u.name as unit_name', 'i.publication_date'])
      .where('g.agency_id', 'in', agencyIds)
      .orderBy('g.id')
      .execute();
  },

  serviceGuide(db: Executor, id: number): Promise<ServiceGuideRow | undefined> {
    return db.selectFrom('service_guides').selectAll().where('id', '=', id).executeTakeFirst();
  },

  async codeTaken(db: Executor, agencyId: number, code: string, exceptId?: number): Promise<boolean> {
    let q = db.selectFrom('power_items').select('id').where('agency_id', '=', agencyId).where('code', '=', code);
    if (exceptId !== undefined) q = q.where('id', '!=', exceptId);
    return (await q.executeTakeFirst()) !== undefined;
  },

  /**
   * Power items and service guides of the agencies that were on the web at the end of `onDate`
   * (published on or before it and public now, or withdrawn after it is not tracked: the
   * current public state is used).
   */
  async catalogCounts(db: Executor, agencyIds: readonly number[], onDate: string): Promise<CatalogCounts> {
    const byType = Object.fromEntries(powerTypes.map((t) => [t, 0])) as Record<PowerType, number>;
    if (agencyIds.length === 0) return { powerItems: 0, byType, serviceGuides: 0 };
    const types = await db
      .selectFrom('power_items as p')
      .innerJoin(catalogItems(db).as('i'), 'i.id', 'p.item_id')
      .select(['p.power_type', (eb) => eb.fn.countAll<number>().as('n')])
      .where('p.agency_id', 'in', agencyIds)
      .where('i.status', 'in', [...publicStatuses])
      .where('i.publication_date', '<=', onDate)
      .groupBy('p.power_type')
      .execute();
    let powerItems = 0;
    for (const t of types) {
      byType[t.power_type as PowerType] = Number(t.n);
      powerItems += Number(t.n);
    }
    const guides = await db
      .selectFrom('service_guides as g')
      .innerJoin(catalogItems(db).as('i'), 'i.id', 'g.item_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('g.agency_id', 'in', agencyIds)
      .where('i.status', 'in', [...publicStatuses])
      .where('i.publication_date', '<=', onDate)
      .executeTakeFirstOrThrow();
    return { powerItems, byType, serviceGuides: Number(guides.n) };
  },

  figureRows(db: Executor, agencyIds: readonly number[], year: number): Promise<YearlyFigureRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('yearly_figures')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .where('year', '=', year)
      .orderBy('agency_id')
      .orderBy('kind')
      .execute();
  },

  /** Sums the figures of the agencies for the year (a roll-up when several agencies are given). */
  async yearlyFigures(db: Executor, agencyIds: readonly number[], year: number): Promise<YearlyFigures> {
    const rows = (await powerCatalogStore.figureRows(db, agencyIds, year)).map((r) => ({
      ...r,
      amount_fen: r.amount_fen === null ? null : Number(r.amount_fen),
    }));
    const sum = (kind: FigureKind) =>
      rows.filter((r) => r.kind === kind).reduce((n, r) => n + Number(r.decisions ?? 0), 0);
    const fen = rows.filter((r) => r.kind === 'fee').reduce((n, r) => n + Number(r.amount_fen ?? 0), 0);
    // A set, not a scan of the rows per agency and kind: a province's roll-up has thousands of each.
    const entered = new Set(rows.map((r) => `${r.agency_id}/${r.kind}`));
    const missing = agencyIds.flatMap((agencyId) =>
      figureKinds.filter((kind) => !entered.has(`${agencyId}/${kind}`)).map((kind) => ({ agencyId, kind })),
    );
    return {
      year,
      licences: { decisions: sum('licence') },
      penalties: { decisions: sum('penalty') },
      coercion: { decisions: sum('coercion') },
      administrativeFees: { amountTenThousandYuan: fenToTenThousandYuan(fen) },
      missing,
      rows,
    };
  },
};

export const { yearlyFigures, catalogCounts } = powerCatalogStore;
