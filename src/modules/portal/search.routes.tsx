// The search page over the search module's service: filters, highlighted snippets (escaped by the
// service, which adds only <mark>), pagination and "did you mean" for document numbers.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import type { Db } from '../../db/database.ts';
import type { Config } from '../../config.ts';
import { validities } from '../publishing/index.ts';
import { portalCategories } from './portal.ts';
import { portalStore as store } from './portal.store.ts';
import { html, servePage } from './portal-support.ts';
import { SearchPage } from './views/info-pages.tsx';
import { Select } from './views/catalog-page.tsx';
import { searchService, type SearchAnswer, type SearchQuery } from '../search/index.ts';
import type { PortalContext } from './views/portal-context.ts';
import { publicSections } from './public-sections.ts';

type SearchFn = (db: Db, query: SearchQuery) => Promise<SearchAnswer>;

/** The search module's service (src/modules/search). */
export async function findSearch(): Promise<SearchFn | null> {
  return (db, query) => searchService.search(db, query);
}

const PAGE_SIZE = 10;

function Filters(props: {
  ctx: PortalContext;
  agencies: { code: string; name: string }[];
  years: number[];
  values: Record<string, string | undefined>;
}) {
  const { t } = props.ctx;
  const sel = (id: string, name: string, label: string, options: readonly (readonly [string, string])[]) => (
    <Select
      id={id}
      name={name}
      label={label}
      value={props.values[name]}
      options={options}
      any={t('portal.catalog.any')}
      inline
    />
  );
  return (
    <details class="search-filters" open={Object.values(props.values).some(Boolean)}>
      <summary>{t('portal.catalog.filters')}</summary>
      {sel(
        's-agency',
        'agency',
        t('portal.catalog.agency'),
        props.agencies.map((a) => [a.code, a.name] as const),
      )}
      {sel(
        's-category',
        'category',
        t('portal.catalog.category'),
        portalCategories.map((c) => [c, t(`pub.category.${c}`)] as const),
      )}
      {sel(
        's-year',
        'year',
        t('portal.catalog.year'),
        props.years.map((y) => [String(y), String(y)] as const),
      )}
      {sel(
        's-validity',
        'validity',
        t('portal.catalog.validity'),
        validities.map((v) => [v, t(`pub.validity.${v}`)] as const),
      )}
    </details>
  );
}

/** Hits of the other public sections (public-sections.ts) on the first page, under their headings. */
async function sectionHits(
  db: Db,
  config: Config,
  q: string,
  agencies: readonly { id: number; code: string }[],
  agency: string | undefined,
  t: PortalContext['t'],
) {
  const agencyId = agency ? (agencies.find((a) => a.code === agency)?.id ?? -1) : undefined;
  const found = await Promise.all(
    publicSections().map(async (s) =>
      s.search && s.searchHeading
        ? {
            heading: t(s.searchHeading),
            hits: await s.search(db, q, { ...(agencyId !== undefined && { agencyId }), limit: SECTION_HITS, config }),
          }
        : null,
    ),
  );
  return found.filter((f) => f !== null);
}

/** Hits of another section shown under the catalog's results. */
const SECTION_HITS = 5;

export function searchRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;
  const query = Type.Object({ q: Text, agency: Text, category: Text, year: Text, validity: Text, page: Text });
  app
    .withTypeProvider<TypeBoxProvider>()
    .get(
      '/search',
      { config: { public: true }, schema: { querystring: query }, preValidation: firstQueryValues },
      async (req, reply) => {
        const raw = req.query;
        const q = raw.q?.trim().slice(0, 200) ?? '';
        const agency = raw.agency !== undefined && /^[a-z0-9-]{1,64}$/.test(raw.agency) ? raw.agency : undefined;
        const category =
          raw.category !== undefined && (portalCategories as readonly string[]).includes(raw.category)
            ? raw.category
            : undefined;
        const year = raw.year !== undefined && /^\d{4}$/.test(raw.year) ? Number(raw.year) : undefined;
        const validity =
          raw.validity !== undefined && (validities as readonly string[]).includes(raw.validity)
            ? raw.validity
            : undefined;
        const page =
          raw.page !== undefined && /^\d{1,4}$/.test(raw.page) && Number(raw.page) > 0 ? Number(raw.page) : 1;
        const params = (over: { q?: string; page?: number }) => {
          const p = new URLSearchParams();
          p.set('q', over.q ?? q);
          if (agency) p.set('agency', agency);
          if (category) p.set('category', category);
          if (year) p.set('year', String(year));
          if (validity) p.set('validity', validity);
          const pg = over.page ?? page;
          if (pg > 1) p.set('page', String(pg));
          return `/search?${p.toString()}`;
        };
        const canonical = q ? params({}) : '/search';
        return servePage(db, req, reply, canonical, async (ctx) => {
          const [agencies, years, search] = await Promise.all([store.agencies(db), store.years(db), findSearch()]);
          let answer: SearchAnswer = { total: 0, results: [] };
          let available = search !== null;
          if (q && search) {
            const agencyId = agency ? (agencies.find((a) => a.code === agency)?.id ?? -1) : undefined;
            try {
              answer = await search(db, {
                q,
                ...(agencyId !== undefined && { agencyId }),
                ...(category && { category }),
                ...(year && { year }),
                ...(validity && { validity }),
                page,
                pageSize: PAGE_SIZE,
              });
            } catch (err) {
              // The page still answers (with a way to the catalog) when the index cannot.
              req.log.error({ err }, 'search failed');
              available = false;
            }
          }
          const sections = q ? await sectionHits(db, app.deps.config, q, agencies, agency, ctx.t) : [];
          const filters = (
            <Filters
              ctx={ctx}
              agencies={agencies.map((a) => ({ code: a.code, name: a.name }))}
              years={years}
              values={{ agency, category, year: year ? String(year) : undefined, validity }}
            />
          );
          return {
            ...html(
              <SearchPage
                ctx={ctx}
                filters={filters}
                data={{
                  q,
                  available,
                  total: answer.total,
                  totalCapped: answer.totalCapped === true,
                  results: answer.results,
                  didYouMean: answer.didYouMean,
                  widenedWith: answer.widenedWith,
                  splitInto: answer.splitInto,
                  page,
                  pageSize: PAGE_SIZE,
                  hrefFor: params,
                  sections,
                }}
              />,
            ),
            // Arbitrary queries are not kept; the empty search page and the first page of a query are.
            noStore: page > 3 || !available,
          };
        });
      },
    );
}
