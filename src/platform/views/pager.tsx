/**
 * The parts every console list shares (issue 15 item 9): its filters, its count and its pages.
 *
 *  ListFilters({ ctx, action, fields, sorts?, sort?, dir?, per? })
 *      — a GET form of the list's filters (selects and text inputs), its sort, direction and page
 *        size; a "clear" link back to the bare list
 *  ListCount({ ctx, page })  — "共 N 条，第 x/y 页"
 *  Pager({ ctx, page, href }) — links to the first, previous, nearby, next and last pages;
 *        `href(n)` is the list's address for page n with its filters kept (listHref)
 *  listHref(base, query) — an address with the query's non-empty values
 */
import type { Page } from '../paging.ts';
import { PAGE_SIZES } from '../paging.ts';
import type { ViewContext } from './context.ts';

export type FilterField =
  | {
      readonly kind: 'select';
      readonly name: string;
      readonly label: string;
      readonly value: string;
      /** The options after "any" (value ''). */
      readonly options: readonly { readonly value: string; readonly label: string }[];
    }
  | {
      readonly kind: 'text';
      readonly name: string;
      readonly label: string;
      readonly value: string;
      readonly short?: boolean;
    };

/** An address with the non-empty values of `query`, in their order. */
export function listHref(base: string, query: Readonly<Record<string, string | number | undefined>>): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query))
    if (value !== undefined && value !== '') params.set(name, String(value));
  const text = params.toString();
  return text ? `${base}?${text}` : base;
}

function FilterInput(props: { ctx: ViewContext; field: FilterField }) {
  const { field, ctx } = props;
  const id = `list-filter-${field.name}`;
  return (
    <span class="list-filters__field">
      <label class="field__label" for={id}>
        {field.label}
      </label>
      {field.kind === 'select' ? (
        <select id={id} name={field.name} class="select">
          <option value="" selected={field.value === ''}>
            {ctx.t('common.list_any')}
          </option>
          {field.options.map((o) => (
            <option value={o.value} selected={field.value === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input
          id={id}
          name={field.name}
          class={field.short ? 'input input--short' : 'input input--medium'}
          value={field.value}
          inputMode={field.short ? 'numeric' : undefined}
        />
      )}
    </span>
  );
}

export function ListFilters(props: {
  ctx: ViewContext;
  action: string;
  fields: readonly FilterField[];
  sorts?: readonly { readonly value: string; readonly label: string }[];
  sort?: string;
  dir?: 'asc' | 'desc';
  per?: number;
  /** Values the form keeps without showing them (a view such as "mine"). */
  hidden?: Readonly<Record<string, string>>;
}) {
  const { ctx } = props;
  return (
    <form
      method="get"
      action={props.action}
      class="list-filters"
      role="search"
      aria-label={ctx.t('common.list_filters')}
    >
      {Object.entries(props.hidden ?? {}).map(([name, value]) => (
        <input type="hidden" name={name} value={value} />
      ))}
      {props.fields.map((f) => (
        <FilterInput ctx={ctx} field={f} />
      ))}
      {props.sorts && props.sorts.length > 0 && (
        <span class="list-filters__field">
          <label class="field__label" for="list-filter-sort">
            {ctx.t('common.list_sort')}
          </label>
          <select id="list-filter-sort" name="sort" class="select">
            {props.sorts.map((s) => (
              <option value={s.value} selected={props.sort === s.value}>
                {s.label}
              </option>
            ))}
          </select>
          <select name="dir" class="select" aria-label={ctx.t('common.list_dir')}>
            <option value="desc" selected={props.dir !== 'asc'}>
              {ctx.t('common.list_desc')}
            </option>
            <option value="asc" selected={props.dir === 'asc'}>
              {ctx.t('common.list_asc')}
            </option>
          </select>
        </span>
      )}
      <span class="list-filters__field">
        <label class="field__label" for="list-filter-per">
          {ctx.t('common.list_per')}
        </label>
        <select id="list-filter-per" name="per" class="select">
          {PAGE_SIZES.map((n) => (
            <option value={String(n)} selected={props.per === n}>
              {String(n)}
            </option>
          ))}
        </select>
      </span>
      <span class="list-filters__actions">
        <button type="submit" class="button button--secondary">
          {ctx.t('common.list_filter')}
        </button>{' '}
        <a href={listHref(props.action, props.hidden ?? {})}>{ctx.t('common.list_clear')}</a>
      </span>
    </form>
  );
}

export function ListCount(props: { ctx: ViewContext; page: Page<unknown> }) {
  const { page } = props;
  return (
    <p class="list-count" role="status">
      {props.ctx.t('common.list_count', { total: page.total, page: page.page, pages: page.pages })}
    </p>
  );
}

/** The page numbers shown: the first, the last and two either side of the current one. */
export function pagerNumbers(page: number, pages: number): (number | null)[] {
  const shown = new Set([1, pages]);
  for (let n = page - 2; n <= page + 2; n++) if (n >= 1 && n <= pages) shown.add(n);
  const sorted = [...shown].sort((a, b) => a - b);
  const out: (number | null)[] = [];
  for (const [i, n] of sorted.entries()) {
    if (i > 0 && n - sorted[i - 1]! > 1) out.push(null);
    out.push(n);
  }
  return out;
}

export function Pager(props: { ctx: ViewContext; page: Page<unknown>; href: (page: number) => string }) {
  const { ctx, page, href } = props;
  if (page.pages <= 1) return null;
  return (
    <nav class="pager" aria-label={ctx.t('common.list_pages')}>
      <ul class="pager__list">
        {page.page > 1 && (
          <li>
            <a href={href(page.page - 1)} rel="prev">
              {ctx.t('common.list_previous')}
            </a>
          </li>
        )}
        {pagerNumbers(page.page, page.pages).map((n) =>
          n === null ? (
            <li class="pager__gap">…</li>
          ) : n === page.page ? (
            <li>
              <span class="pager__current" aria-current="page">
                {String(n)}
              </span>
            </li>
          ) : (
            <li>
              <a href={href(n)} aria-label={ctx.t('common.list_page_n', { page: n })}>
                {String(n)}
              </a>
            </li>
          ),
        )}
        {page.page < page.pages && (
          <li>
            <a href={href(page.page + 1)} rel="next">
              {ctx.t('common.list_next')}
            </a>
          </li>
        )}
      </ul>
    </nav>
  );
}
