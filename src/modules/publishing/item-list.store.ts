// The console catalog's list (/admin/items): counted, filtered, sorted and paged in SQL, within
// the reader's reach (issue 15 item 9: the list used to stop at 500 rows without saying so).
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Executor } from '../../db/database.ts';
import { unitDirectory } from '../organisation/index.ts';
import type { ItemListRow } from './publishing.store.ts';

/** What a reader may see: whole agencies, and single units of others (a drafter's, a unit head's). */
export interface ItemReadScope {
  readonly agencyIds: readonly number[];
  readonly units: readonly { readonly agencyId: number; readonly unitId: number }[];
}

export const itemSorts = ['updated', 'formation', 'published', 'due', 'index', 'title'] as const;
export type ItemSort = (typeof itemSorts)[number];

export interface ItemPageFilter {
  readonly scope: ItemReadScope;
  readonly statuses?: readonly string[];
  /** Art. 26: proactive items not yet published, or with a change not yet published, due in [from, to]. */
  readonly dueBetween?: { readonly from?: string; readonly to: string };
  readonly category?: string;
  readonly unitId?: number;
  /** The year the item was formed (formation_date). */
  readonly year?: number;
  /** Words of the title, or the index number or document number. */
  readonly keyword?: string;
}

const sortColumns = {
  updated: 'i.updated_at',
  formation: 'i.formation_date',
  published: 'i.publication_date',
  due: 'i.disclosure_due_on',
  index: 'i.index_number',
  title: 'v.title',
} as const;

/** `column` contains `text`, with `%`, `_` and `\` typed by a user matched as themselves (both engines). */
function contains(column: string, text: string): Expression<SqlBool> {
  const pattern = `%${text.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`${sql.ref(column)} like ${pattern} escape '\\'`;
}

function filtered(db: Executor, f: ItemPageFilter) {
  let q = db
    .selectFrom('information_items as i')
    .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
    .where((eb) =>
      eb.or([
        ...(f.scope.agencyIds.length ? [eb('i.agency_id', 'in', f.scope.agencyIds)] : []),
        ...f.scope.units.map((u) =>
          eb.and([eb('i.agency_id', '=', u.agencyId), eb('i.responsible_unit_id', '=', u.unitId)]),
        ),
      ]),
    );
  if (f.statuses?.length) q = q.where('i.status', 'in', f.statuses);
  if (f.category) q = q.where('i.catalog_category', '=', f.category);
  if (f.unitId !== undefined) q = q.where('i.responsible_unit_id', '=', f.unitId);
  if (f.year !== undefined)
    q = q.where('i.formation_date', '>=', `${f.year}-01-01`).where('i.formation_date', '<=', `${f.year}-12-31`);
  if (f.keyword) {
    const keyword = f.keyword;
    q = q.where((eb) =>
      eb.or([
        contains('v.title', keyword),
        contains('i.index_number', keyword),
        contains('v.document_number', keyword),
      ]),
    );
  }
  if (f.dueBetween) {
    const { from, to } = f.dueBetween;
    q = q.where('i.disclosure_mode', '=', 'proactive').where((eb) =>
      eb.or([
        eb.and([
          eb('i.publication_date', 'is', null),
          eb('i.disclosure_due_on', '<=', to),
          ...(from ? [eb('i.disclosure_due_on', '>=', from)] : []),
        ]),
        eb.exists(
          eb
            .selectFrom('item_changes as c')
            .select('c.id')
            .whereRef('c.item_id', '=', 'i.id')
            .where('c.published_on', 'is', null)
            .where('c.due_on', '<=', to)
            .where('c.due_on', '>=', from ?? '0000-01-01'),
        ),
      ]),
    );
  }
  return q;
}

function nothingInScope(f: ItemPageFilter): boolean {
  return f.scope.agencyIds.length === 0 && f.scope.units.length === 0;
}

export const itemListStore = {
  async count(db: Executor, f: ItemPageFilter): Promise<number> {
    if (nothingInScope(f)) return 0;
    const row = await filtered(db, f)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  },

  /** One page, in a stable order: the sort column (empty values last), then the id. */
  page(
    db: Executor,
    f: ItemPageFilter,
    order: { readonly sort: ItemSort; readonly dir: 'asc' | 'desc' },
    offset: number,
    limit: number,
  ): Promise<ItemListRow[]> {
    if (nothingInScope(f)) return Promise.resolve([]);
    const column = sortColumns[order.sort];
    return filtered(db, f)
      .innerJoin(unitDirectory(db).as('u'), 'u.id', 'i.responsible_unit_id')
      .selectAll('i')
      .select(['v.title', 'u.name as unit_name'])
      .orderBy((eb) => eb.case().when(column, 'is', null).then(1).else(0).end())
      .orderBy(column, order.dir)
      .orderBy('i.id', order.dir)
      .limit(limit)
      .offset(offset)
      .execute();
  },
};
