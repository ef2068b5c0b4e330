// /admin/items: the disclosure catalog in the console, paged, filtered and sorted on the server
// (issue 15 item 9), within what the reader may see (publishing.read over each item's unit).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.ts';
import { can, type Actor } from '../../platform/policy.ts';
import { reachOf } from '../../platform/reach.ts';
import { firstQueryValues, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import {
  choiceQuery,
  IdQuery,
  KeywordQuery,
  numberOf,
  PageQuery,
  pageOfList,
  pageRequest,
  paged,
  validQuery,
  YearQuery,
} from '../../platform/paging.ts';
import { todayInChina } from '../../platform/clock.ts';
import { organisationStore } from '../organisation/index.ts';
import { catalogCategories, itemStatuses } from './publishing.ts';
import { readerRoles } from './publishing.policy.ts';
import { publishingDeps, publishingService as service, scopeOf } from './publishing.service.ts';
import { itemListStore, itemSorts, type ItemPageFilter, type ItemReadScope } from './item-list.store.ts';
import type { ItemListRow } from './publishing.store.ts';
import { presentItemListRow } from './item-list.presenter.ts';
import { OPEN_STATUSES, waitingFor } from './awaiting.ts';
import { dayBefore } from './publishing.panel.tsx';
import { ItemListPage, type DeadlineFilter, type LateCountLine } from './views/item-list-page.tsx';

export const ItemListQuery = Type.Object({
  ...PageQuery,
  status: choiceQuery(itemStatuses),
  deadline: choiceQuery(['due_soon', 'overdue']),
  view: choiceQuery(['mine']),
  category: choiceQuery(catalogCategories),
  unit: IdQuery,
  year: YearQuery,
  q: KeywordQuery,
  sort: choiceQuery(itemSorts),
});

const labels = {
  status: { zh: '状态', en: 'status' },
  deadline: { zh: '公开时限', en: 'deadline' },
  view: { zh: '视图', en: 'view' },
  category: { zh: '目录分类', en: 'catalog category' },
  unit: { zh: '责任科室', en: 'responsible unit' },
};

/** The reader's scope in SQL terms: publishing.read's roles, agency-wide or over one unit. */
export function itemReadScope(actor: Actor): ItemReadScope {
  const agencyIds = new Set<number>();
  const units: { agencyId: number; unitId: number }[] = [];
  for (const role of readerRoles) {
    const reach = actor.reach.get(role);
    if (!reach) continue;
    const grants = actor.grants.filter((g) => g.role === role);
    if (grants.some((g) => g.unitId === null)) for (const id of reach) agencyIds.add(id);
    else
      for (const g of grants)
        if (g.unitId !== null && reach.has(g.agencyId)) units.push({ agencyId: g.agencyId, unitId: g.unitId });
  }
  return { agencyIds: [...agencyIds], units: units.filter((u) => !agencyIds.has(u.agencyId)) };
}

async function awaitingIn(db: Db, actor: Actor, filter: ItemPageFilter): Promise<ItemListRow[]> {
  const statuses = filter.statuses?.length ? filter.statuses : OPEN_STATUSES;
  const total = await itemListStore.count(db, { ...filter, statuses });
  const rows = await itemListStore.page(db, { ...filter, statuses }, { sort: 'updated', dir: 'desc' }, 0, total);
  return (await waitingFor(db, actor, rows)).map((w) => w.item);
}

async function lateCountsOf(db: Db, reach: readonly number[], today: string): Promise<LateCountLine[]> {
  const year = Number(today.slice(0, 4));
  const lines: LateCountLine[] = [];
  const agencies = (await organisationStore.agencies(db, reach)).sort((a, b) => a.id - b.id).slice(0, 20);
  for (const agency of agencies) {
    const c = await service.lateCount(db, agency.id, year, today);
    if (c.total > 0) lines.push({ agencyName: agency.name, year, ...c });
  }
  return lines;
}

export function registerItemListRoute(app: FastifyInstance, db: Db): void {
  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/items',
    {
      preValidation: firstQueryValues,
      attachValidation: true,
      config: { policy: 'publishing.read' },
      schema: { querystring: ItemListQuery },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const query = validQuery(req, labels);
      const deadline: DeadlineFilter = query.deadline ?? '';
      const today = todayInChina();
      let dueBetween: { from?: string; to: string } | undefined;
      if (deadline === 'overdue') dueBetween = { to: dayBefore(today) };
      // Art. 26 counts working days, so "within 5" is 5 working days on the official calendar.
      if (deadline === 'due_soon')
        dueBetween = { from: today, to: (await publishingDeps.calendar(db)).addWorkingDays(today, 5) };
      const scope = itemReadScope(actor);
      const filter: ItemPageFilter = {
        scope,
        statuses: query.status ? [query.status] : undefined,
        dueBetween,
        category: query.category || undefined,
        unitId: numberOf(query.unit),
        year: numberOf(query.year),
        keyword: query.q?.trim() || undefined,
      };
      const order = { sort: query.sort || 'updated', dir: query.dir || 'desc' } as const;
      const request = pageRequest(query);
      const mine = query.view === 'mine';
      const page = mine
        ? pageOfList(request, await awaitingIn(db, actor, filter))
        : await paged(
            request,
            () => itemListStore.count(db, filter),
            (offset, limit) => itemListStore.page(db, filter, order, offset, limit),
          );
      // Counted over the whole reach, not the filtered list: the banner must stay until approved.
      const emergencyCount = await itemListStore.count(db, { scope, statuses: ['published_pending_approval'] });
      const reach = reachOf(actor, readerRoles);
      const units = (await organisationStore.unitsOfAgencies(db, reach)).filter((u) =>
        can(actor, 'publishing.read', scopeOf({ agency_id: u.agency_id, responsible_unit_id: u.id })),
      );
      return reply.page(
        <ItemListPage
          ctx={reply.view()}
          page={{ ...page, rows: page.rows.map((r) => presentItemListRow(r, today)) }}
          query={{
            status: query.status ?? '',
            deadline,
            mine,
            category: query.category ?? '',
            unit: query.unit ?? '',
            year: query.year ?? '',
            q: query.q ?? '',
            sort: order.sort,
            dir: order.dir,
          }}
          units={units.map((u) => ({ value: String(u.id), label: u.name }))}
          lateCounts={await lateCountsOf(db, reach, today)}
          emergencyCount={emergencyCount}
          canCreate={can(actor, 'publishing.draft')}
        />,
      );
    },
  );
}
