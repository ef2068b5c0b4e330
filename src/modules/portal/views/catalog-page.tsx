// The home page and the catalog: lists of public items with the catalog's filters.
import type { PortalContext } from './portal-context.ts';
import { PortalLayout, Pagination } from './portal-layout.tsx';
import type { CatalogListItem } from '../catalog.presenter.ts';
import { validities, ART20_ITEMS } from '../../publishing/index.ts';
import { catalogQuery, portalCategories, type CatalogFilter } from '../portal.ts';

export function ValidityTag(props: { ctx: PortalContext; validity: string | null; date?: string | null }) {
  if (!props.validity) return null;
  const label = props.ctx.t(`pub.validity.${props.validity}`);
  const text = props.date ? props.ctx.t('portal.item.repealed_on', { validity: label, date: props.date }) : label;
  const bad = props.validity === 'repealed' || props.validity === 'expired';
  return <strong class={bad ? 'validity validity--void' : 'validity'}>{text}</strong>;
}

export function ItemList(props: { ctx: PortalContext; rows: readonly CatalogListItem[]; showAgency?: boolean }) {
  const { ctx } = props;
  return (
    <ol class="item-list">
      {props.rows.map((r) => (
        <li class="item-list__item">
          <a class="item-list__title" href={`/items/${r.id}`}>
            {r.title}
          </a>
          <p class="item-list__meta">
            {r.publicationDate && <time dateTime={r.publicationDate}>{r.publicationDate}</time>}
            {r.documentNumber && <span>{r.documentNumber}</span>}
            {props.showAgency !== false && <span>{r.agencyName}</span>}
            <span>{ctx.t(`pub.category.${r.category}`)}</span>
            {r.validity && <ValidityTag ctx={ctx} validity={r.validity} />}
          </p>
        </li>
      ))}
    </ol>
  );
}

export interface HomeData {
  readonly latest: readonly CatalogListItem[];
  readonly notices: readonly CatalogListItem[];
  readonly columns: readonly { category: string; rows: readonly CatalogListItem[] }[];
}

export function HomePage({ ctx, data }: { ctx: PortalContext; data: HomeData }) {
  const { t } = ctx;
  return (
    <PortalLayout ctx={ctx} title={t('portal.home.title')}>
      <p class="lead">{t('portal.home.lead')}</p>
      <form method="get" action="/search" role="search" class="search-form">
        <label for="home-q" class="field__label">
          {t('portal.search.label')}
        </label>
        <div class="search-form__row">
          <input id="home-q" class="input" type="search" name="q" />
          <button type="submit" class="button">
            {t('portal.search.submit')}
          </button>
        </div>
      </form>
      <h2>{t('portal.home.quick')}</h2>
      <ul class="cards">
        <li class="card">
          <a href="/apply">{t('portal.nav.apply')}</a>
          <p>{t('portal.home.apply_hint')}</p>
        </li>
        <li class="card">
          <a href="/guide">{t('portal.nav.guide')}</a>
          <p>{t('portal.home.guide_hint')}</p>
        </li>
        <li class="card">
          <a href="/catalog">{t('portal.nav.catalog')}</a>
          <p>{t('portal.home.catalog_hint')}</p>
        </li>
        <li class="card">
          <a href="/power-catalog">{t('portal.power.title')}</a>
          <p>{t('portal.home.power_hint')}</p>
        </li>
      </ul>
      <div class="portal-columns">
        <section aria-labelledby="h-latest">
          <h2 id="h-latest">{t('portal.home.latest')}</h2>
          {data.latest.length ? <ItemList ctx={ctx} rows={data.latest} /> : <p>{t('portal.home.empty')}</p>}
          <p>
            <a href="/catalog">{t('portal.home.more', { name: t('portal.home.latest') })}</a>
          </p>
        </section>
        <section aria-labelledby="h-notices">
          <h2 id="h-notices">{t('portal.home.notices')}</h2>
          {data.notices.length ? <ItemList ctx={ctx} rows={data.notices} /> : <p>{t('portal.home.empty')}</p>}
          <p>
            <a href="/catalog?category=notice">{t('portal.home.more', { name: t('portal.home.notices') })}</a>
          </p>
        </section>
      </div>
      {data.columns
        .filter((c) => c.rows.length > 0)
        .map((c) => (
          <section aria-labelledby={`h-${c.category}`}>
            <h2 id={`h-${c.category}`}>{t(`pub.category.${c.category}`)}</h2>
            <ItemList ctx={ctx} rows={c.rows} />
            <p>
              <a href={`/catalog?category=${c.category}`}>
                {t('portal.home.more', { name: t(`pub.category.${c.category}`) })}
              </a>
            </p>
          </section>
        ))}
    </PortalLayout>
  );
}

export interface CatalogData {
  readonly filter: CatalogFilter;
  readonly total: number;
  readonly rows: readonly CatalogListItem[];
  readonly years: number[];
  readonly agencies: { code: string; name: string }[];
  /** Set on an agency's own catalog (/agencies/:code/catalog): the agency filter is fixed. */
  readonly base: string;
  readonly title: string;
}

export function Select(props: {
  id: string;
  name: string;
  label: string;
  value: string | undefined;
  options: readonly (readonly [string, string])[];
  any: string;
  inline?: boolean;
}) {
  return (
    <div class={props.inline ? 'field field--inline' : 'field'}>
      <label class="field__label" for={props.id}>
        {props.label}
      </label>
      <select class="input" id={props.id} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** The catalog's filter form (GET: the filters are the page's address). */
function CatalogFilters({ ctx, data, fixedAgency }: { ctx: PortalContext; data: CatalogData; fixedAgency: boolean }) {
  const { t } = ctx;
  const f = data.filter;
  return (
    <form method="get" action={data.base} class="catalog__filters">
      <h2 class="catalog__filters-title">{t('portal.catalog.filters')}</h2>
      <Select
        id="f-art20"
        name="art20"
        label={t('portal.catalog.art20')}
        value={f.art20 === undefined ? undefined : String(f.art20)}
        any={t('portal.catalog.any')}
        options={ART20_ITEMS.map((n) => [String(n), `${n}. ${t(`pub.art20_name.${n}`)}`] as const)}
      />
      <Select
        id="f-category"
        name="category"
        label={t('portal.catalog.category')}
        value={f.category}
        any={t('portal.catalog.any')}
        options={portalCategories.map((c) => [c, t(`pub.category.${c}`)] as const)}
      />
      {!fixedAgency && (
        <Select
          id="f-agency"
          name="agency"
          label={t('portal.catalog.agency')}
          value={f.agency}
          any={t('portal.catalog.any')}
          options={data.agencies.map((a) => [a.code, a.name] as const)}
        />
      )}
      <Select
        id="f-year"
        name="year"
        label={t('portal.catalog.year')}
        value={f.year === undefined ? undefined : String(f.year)}
        any={t('portal.catalog.any')}
        options={data.years.map((y) => [String(y), String(y)] as const)}
      />
      <Select
        id="f-validity"
        name="validity"
        label={t('portal.catalog.validity')}
        value={f.validity}
        any={t('portal.catalog.any')}
        options={validities.map((v) => [v, t(`pub.validity.${v}`)] as const)}
      />
      <div class="field">
        <label class="field__label" for="f-sort">
          {t('portal.catalog.sort')}
        </label>
        <select class="input" id="f-sort" name="sort">
          {(['newest', 'oldest', 'title'] as const).map((s) => (
            <option value={s} selected={(f.sort ?? 'newest') === s}>
              {t(`portal.catalog.sort.${s}`)}
            </option>
          ))}
        </select>
      </div>
      <div class="button-row">
        <button type="submit" class="button">
          {t('portal.catalog.apply')}
        </button>
        <a href={data.base}>{t('portal.catalog.clear')}</a>
      </div>
    </form>
  );
}

export function CatalogPage({ ctx, data }: { ctx: PortalContext; data: CatalogData }) {
  const { t } = ctx;
  const f = data.filter;
  const pageSize = f.pageSize ?? 20;
  const pages = Math.max(1, Math.ceil(data.total / pageSize));
  const fixedAgency = data.base !== '/catalog';
  const query = (over: Partial<CatalogFilter>) =>
    catalogQuery({ ...f, ...over, agency: fixedAgency ? undefined : (over.agency ?? f.agency) });
  const feed = f.category
    ? `/feeds/category/${f.category}.atom`
    : fixedAgency || f.agency
      ? `/feeds/agency/${f.agency}.atom`
      : '/feeds/latest.atom';
  return (
    <PortalLayout ctx={ctx} title={data.title} feeds={[{ href: feed, title: data.title }]}>
      <div class="catalog">
        <CatalogFilters ctx={ctx} data={data} fixedAgency={fixedAgency} />
        <div class="catalog__results">
          <p role="status">{t('portal.catalog.count', { n: data.total })}</p>
          {data.rows.length ? (
            <ItemList ctx={ctx} rows={data.rows} showAgency={!fixedAgency} />
          ) : (
            <p>{t('portal.catalog.empty')}</p>
          )}
          <Pagination ctx={ctx} page={f.page ?? 1} pages={pages} href={(page) => `${data.base}${query({ page })}`} />
          <p class="catalog__links">
            <a href={`/catalog.csv${catalogQuery({ ...f, page: undefined, agency: f.agency })}`}>
              {t('portal.catalog.csv')}
            </a>
            <a href={feed}>{t('portal.catalog.feed')}</a>
          </p>
        </div>
      </div>
    </PortalLayout>
  );
}
