/**
 * The disclosure catalog in the console.
 *
 *  ItemListPage({ ctx, page, query, units, lateCounts, emergencyCount, canCreate })
 *      — one page of the items within the actor's reach (`page`: rows from presentItemListRow,
 *        the total and the page count), filtered on the server by state, Art. 26 deadline,
 *        category, unit, year and keyword, or to those waiting for the actor (`query.mine`);
 *        items published in an emergency and still awaiting approval are counted in a warning
 *        banner; late items (Art. 26) carry a "late" tag; `lateCounts` are the Art. 26 counts of
 *        the year per agency
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { Notice, TableWrap } from '../../../platform/views/components.tsx';
import { ListCount, ListFilters, listHref, Pager, type FilterField } from '../../../platform/views/pager.tsx';
import type { Page } from '../../../platform/paging.ts';
import { catalogCategories, itemStatuses } from '../publishing.ts';
import type { ItemListEntry } from '../item-list.presenter.ts';
import { ProvisionalNote } from '../../calendar/index.ts';

export function StatusTag(props: { ctx: ViewContext; status: string }) {
  const danger = props.status === 'published_pending_approval' || props.status === 'returned';
  return <span class={danger ? 'tag tag--danger' : 'tag'}>{props.ctx.t(`pub.status.${props.status}`)}</span>;
}

export type DeadlineFilter = '' | 'due_soon' | 'overdue';

export interface LateCountLine {
  readonly agencyName: string;
  readonly year: number;
  readonly total: number;
  readonly late: number;
  readonly lateUnpublished: number;
}

/** The list's query as the page keeps it in its links and its filter form. */
export interface ItemListQueryShown {
  readonly status: string;
  readonly deadline: DeadlineFilter;
  readonly mine: boolean;
  readonly category: string;
  readonly unit: string;
  readonly year: string;
  readonly q: string;
  readonly sort: string;
  readonly dir: 'asc' | 'desc';
}

const sorts = [
  ['updated', 'pub.list.sort_updated'],
  ['formation', 'pub.field.formation_date'],
  ['published', 'pub.field.publication_date'],
  ['due', 'pub.list.due_on'],
  ['index', 'pub.field.index_number'],
  ['title', 'pub.field.title'],
] as const;

function hrefOf(query: ItemListQueryShown, per: number, page: number): string {
  return listHref('/admin/items', {
    view: query.mine ? 'mine' : undefined,
    status: query.status,
    deadline: query.deadline,
    category: query.category,
    unit: query.unit,
    year: query.year,
    q: query.q,
    sort: query.sort === 'updated' ? undefined : query.sort,
    dir: query.dir === 'desc' ? undefined : query.dir,
    per: per === 50 ? undefined : per,
    page: page === 1 ? undefined : page,
  });
}

function filterFields(
  ctx: ViewContext,
  query: ItemListQueryShown,
  units: readonly { value: string; label: string }[],
): FilterField[] {
  const { t } = ctx;
  return [
    { kind: 'text', name: 'q', label: t('pub.list.keyword'), value: query.q },
    {
      kind: 'select',
      name: 'status',
      label: t('pub.field.status'),
      value: query.status,
      options: itemStatuses.map((s) => ({ value: s, label: t(`pub.status.${s}`) })),
    },
    {
      kind: 'select',
      name: 'deadline',
      label: t('pub.field.deadline'),
      value: query.deadline,
      options: (['due_soon', 'overdue'] as const).map((d) => ({ value: d, label: t(`pub.list.${d}`) })),
    },
    {
      kind: 'select',
      name: 'category',
      label: t('pub.field.catalog_category'),
      value: query.category,
      options: catalogCategories.map((c) => ({ value: c, label: t(`pub.category.${c}`) })),
    },
    { kind: 'select', name: 'unit', label: t('pub.field.responsible_unit'), value: query.unit, options: units },
    { kind: 'text', name: 'year', label: t('pub.list.year'), value: query.year, short: true },
  ];
}

function ItemTable(props: { ctx: ViewContext; rows: readonly ItemListEntry[]; caption: string }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <TableWrap ctx={ctx}>
      <table class="table table--list">
        <caption class="visually-hidden">{props.caption}</caption>
        <thead>
          <tr>
            <th scope="col">{t('pub.field.title')}</th>
            <th scope="col">{t('pub.field.index_number')}</th>
            <th scope="col">{t('pub.field.responsible_unit')}</th>
            <th scope="col">{t('pub.field.status')}</th>
            <th scope="col">{t('pub.field.formation_date')}</th>
            <th scope="col">{t('pub.list.due_on')}</th>
            <th scope="col">{t('pub.field.publication_date')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((item) => (
            <tr>
              <th scope="row" class="table__title">
                <a href={item.href}>{item.title}</a>
              </th>
              <td>
                <code class="nowrap">{item.indexNumber}</code>
              </td>
              <td>{item.unitName}</td>
              <td class="nowrap">
                <StatusTag ctx={ctx} status={item.status} />
                {item.late && <span class="tag tag--danger">{t('pub.list.late')}</span>}
              </td>
              <td class="date">{item.formationDate}</td>
              <td class="date">
                {item.dueOn ?? '—'}
                {item.dueOn && <ProvisionalNote locale={ctx.locale} years={item.dueProvisionalYears} />}
              </td>
              <td class="date">{item.publicationDate ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </TableWrap>
  );
}

function ListHead(props: {
  ctx: ViewContext;
  lateCounts: readonly LateCountLine[];
  emergencyCount: number;
  canCreate: boolean;
}) {
  const { t } = props.ctx;
  return (
    <>
      {props.emergencyCount > 0 && (
        <Notice kind="warning">
          <a href="/admin/items?status=published_pending_approval">
            {t('pub.list.emergency', { count: props.emergencyCount })}
          </a>
        </Notice>
      )}
      {props.canCreate && (
        <p>
          <a class="button" href="/admin/items/new">
            {t('pub.new')}
          </a>
        </p>
      )}
      {props.lateCounts.map((c) => (
        <p>
          {props.lateCounts.length > 1 && `${c.agencyName}：`}
          {t('pub.list.late_count', { year: c.year, total: c.total, late: c.late, open: c.lateUnpublished })}
        </p>
      ))}
    </>
  );
}

export function ItemListPage(props: {
  ctx: ViewContext;
  page: Page<ItemListEntry>;
  query: ItemListQueryShown;
  units: readonly { value: string; label: string }[];
  lateCounts: readonly LateCountLine[];
  emergencyCount: number;
  canCreate: boolean;
}) {
  const { ctx, page, query } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('pub.list.title')} wide>
      <h1>{t('pub.list.title')}</h1>
      <p class="lead">{t('pub.list.intro')}</p>
      <ListHead
        ctx={ctx}
        lateCounts={props.lateCounts}
        emergencyCount={props.emergencyCount}
        canCreate={props.canCreate}
      />
      <p>
        {query.mine ? (
          <a href="/admin/items">{t('pub.list.all')}</a>
        ) : (
          <a href="/admin/items?view=mine">{t('pub.list.mine')}</a>
        )}
      </p>
      <ListFilters
        ctx={ctx}
        action="/admin/items"
        fields={filterFields(ctx, query, props.units)}
        sorts={sorts.map(([value, key]) => ({ value, label: t(key) }))}
        sort={query.sort}
        dir={query.dir}
        per={page.per}
        hidden={query.mine ? { view: 'mine' } : {}}
      />
      <ListCount ctx={ctx} page={page} />
      {page.rows.length === 0 ? (
        <p>{t('pub.list.empty')}</p>
      ) : (
        <ItemTable ctx={ctx} rows={page.rows} caption={query.mine ? t('pub.list.mine') : t('pub.list.title')} />
      )}
      <Pager ctx={ctx} page={page} href={(n) => hrefOf(query, page.per, n)} />
    </Layout>
  );
}
