// The public portal's pages. Every route is public and reads only public items (portal.store.ts);
// pages go through the rendered-page cache (page-cache.ts) under a canonical URL, so a query
// string the page does not understand cannot multiply the cache or change the answer.
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import type { Db } from '../../db/database.ts';
import { portalStore as store } from './portal.store.ts';
import {
  CatalogPageQuery,
  catalogQuery,
  DISPLAY_COOKIE,
  type CatalogFilter,
  encodeDisplayMode,
  GUIDES_PER_PAGE,
  parseCatalogQuery,
  parseDisplayMode,
  POWERS_PER_PAGE,
  powerCatalogHref,
  powerCatalogPages,
  safeBack,
  toggleDisplayMode,
} from './portal.ts';
import { html, positiveId, servePage } from './portal-support.ts';
import { CatalogPage, HomePage, type CatalogData, type HomeData } from './views/catalog-page.tsx';
import { presentCatalogRows } from './catalog.presenter.ts';
import { presentAgencyDirectory, presentGuideAgency } from './agency.presenter.ts';
import { presentGuides, presentPowers } from './power-list.presenter.ts';
import { ItemPage, WithdrawnPage } from './views/item-page.tsx';
import { presentItem, presentWithdrawn } from './item.presenter.ts';
import { AgenciesPage, GuidePage, PowerCatalogPage, ReportsPage } from './views/info-pages.tsx';
import { publishedReports } from './report-registry.ts';
import { ErrorPage } from './views/error-page.tsx';
import { attachmentRoute } from './attachments.ts';
import { searchRoutes } from './search.routes.tsx';
import { screenRoutes } from './screen.routes.tsx';
import { feedRoutes } from './feeds.routes.ts';
import { apiRoutes } from './api.routes.ts';
import { siteRoutes } from './site.routes.tsx';
import { loadPublicItem } from './public-item.ts';
import { installFastPath } from './fast-path.ts';
import { pageCacheFor } from './page-cache.ts';

export async function catalogData(db: Db, filter: CatalogFilter, base: string, title: string): Promise<CatalogData> {
  const [{ total, rows }, years, agencies] = await Promise.all([
    store.catalog(db, filter),
    store.years(db),
    store.agencies(db),
  ]);
  return {
    filter,
    total,
    rows: presentCatalogRows(rows),
    years,
    agencies: agencies.map((a) => ({ code: a.code, name: a.name })),
    base,
    title,
  };
}

export async function homeData(db: Db): Promise<HomeData> {
  const [latest, notices, ...columns] = await Promise.all([
    store.catalog(db, { pageSize: 8 }),
    store.catalog(db, { category: 'notice', pageSize: 6 }),
    ...(['normative_document', 'policy_interpretation', 'work_news'] as const).map((category) =>
      store.catalog(db, { category, pageSize: 5 }).then((r) => ({ category, rows: r.rows })),
    ),
  ]);
  return {
    latest: presentCatalogRows(latest.rows),
    notices: presentCatalogRows(notices.rows),
    columns: columns.map((c) => ({ category: c.category, rows: presentCatalogRows(c.rows) })),
  };
}

export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const pub = { config: { public: true } };
  const page = { config: { public: true }, preValidation: firstQueryValues };
  const routes = app.withTypeProvider<TypeBoxProvider>();

  app.get('/', pub, async (req, reply) =>
    servePage(db, req, reply, '/', async (ctx) => html(<HomePage ctx={ctx} data={await homeData(db)} />)),
  );

  routes.get('/catalog', { ...page, schema: { querystring: CatalogPageQuery } }, async (req, reply) => {
    const filter = parseCatalogQuery(req.query);
    return servePage(db, req, reply, `/catalog${catalogQuery(filter)}`, async (ctx) =>
      html(<CatalogPage ctx={ctx} data={await catalogData(db, filter, '/catalog', ctx.t('portal.catalog.title'))} />),
    );
  });

  app.get('/agencies', pub, async (req, reply) =>
    servePage(db, req, reply, '/agencies', async (ctx) => {
      const [agencies, counts] = await Promise.all([store.agencies(db), store.countsByAgency(db)]);
      return html(<AgenciesPage ctx={ctx} agencies={presentAgencyDirectory(agencies, counts)} />);
    }),
  );

  routes.get(
    '/agencies/:code/catalog',
    { ...page, schema: { params: Type.Object({ code: Type.String() }), querystring: CatalogPageQuery } },
    async (req, reply) => {
      const code = req.params.code;
      const agency = /^[a-z0-9-]{1,64}$/.test(code) ? await store.agencyByCode(db, code) : undefined;
      if (!agency) return reply.callNotFound();
      const filter = { ...parseCatalogQuery(req.query), agency: code };
      const base = `/agencies/${code}/catalog`;
      return servePage(db, req, reply, `${base}${catalogQuery({ ...filter, agency: undefined })}`, async (ctx) =>
        html(
          <CatalogPage
            ctx={ctx}
            data={await catalogData(db, filter, base, ctx.t('portal.agencies.catalog', { name: agency.name }))}
          />,
        ),
      );
    },
  );

  // The id is checked here, not by the schema: a bad one is the portal's own 404 page.
  routes.get('/items/:id', { ...pub, schema: { params: Type.Object({ id: Type.String() }) } }, async (req, reply) => {
    const id = positiveId(req.params.id);
    if (id === undefined) return reply.callNotFound();
    return servePage(db, req, reply, `/items/${id}`, async (ctx) => {
      const found = await loadPublicItem(db, id);
      if (found.kind === 'item')
        return html(
          <ItemPage ctx={ctx} data={presentItem(found.record, (aid) => `/items/${id}/attachments/${aid}`)} />,
        );
      // 410 Gone: the address existed and was withdrawn on purpose; the notice says why.
      if (found.kind === 'withdrawn')
        return html(<WithdrawnPage ctx={ctx} notice={presentWithdrawn(found.notice)} />, 410);
      return html(<ErrorPage ctx={ctx} status={404} />, 404);
    });
  });

  routes.get('/guide', { ...page, schema: { querystring: Type.Object({ agency: Text }) } }, async (req, reply) => {
    const wanted = req.query.agency;
    const agencies = await store.agencies(db);
    const fallback = req.publicFrame?.site.defaultAgency?.code;
    const chosen =
      (wanted !== undefined && agencies.find((a) => a.code === wanted)) ||
      agencies.find((a) => a.code === fallback) ||
      agencies[0];
    if (!chosen) return reply.callNotFound();
    return servePage(db, req, reply, `/guide?agency=${chosen.code}`, async (ctx) => {
      const units = await store.units(db, chosen.id);
      const office = chosen.disclosure_office_unit_id
        ? (units.find((u) => u.id === chosen.disclosure_office_unit_id)?.name ?? null)
        : null;
      return html(
        <GuidePage
          ctx={ctx}
          data={{
            agencies: agencies.map((a) => ({ code: a.code, name: a.name })),
            agency: presentGuideAgency(chosen),
            office,
            units: units.map((u) => ({ name: u.name, phone: u.phone })),
          }}
        />,
      );
    });
  });

  app.get('/reports', pub, async (req, reply) =>
    servePage(db, req, reply, '/reports', async (ctx) => {
      const [reports, policies, agencies] = await Promise.all([
        publishedReports(db),
        store.catalog(db, { category: 'normative_document', pageSize: 20 }),
        store.agencies(db),
      ]);
      return html(
        <ReportsPage
          ctx={ctx}
          reports={reports}
          policies={presentCatalogRows(policies.rows)}
          agencies={agencies.map((a) => ({ code: a.code, name: a.name, kind: a.kind }))}
        />,
      );
    }),
  );

  routes.get(
    '/power-catalog',
    { ...page, schema: { querystring: Type.Object({ page: Text }) } },
    async (req, reply) => {
      const raw = req.query.page;
      const n = raw !== undefined && /^[1-9]\d{0,3}$/.test(raw) ? Number(raw) : 1;
      return servePage(db, req, reply, powerCatalogHref(n), async (ctx) => {
        const counts = await store.powerCounts(db);
        const pages = powerCatalogPages(counts);
        if (n > pages) return html(<ErrorPage ctx={ctx} status={404} />, 404);
        const [powers, guides] = await Promise.all([
          store.powerItems(db, null, POWERS_PER_PAGE, (n - 1) * POWERS_PER_PAGE),
          store.serviceGuides(db, null, GUIDES_PER_PAGE, (n - 1) * GUIDES_PER_PAGE),
        ]);
        return html(
          <PowerCatalogPage
            ctx={ctx}
            data={{
              powers: presentPowers(powers),
              guides: presentGuides(guides),
              page: n,
              pages,
              counts,
              hrefFor: powerCatalogHref,
            }}
          />,
        );
      });
    },
  );

  // The reading aids: a plain link toggles one of them and comes back (works without script).
  routes.get(
    '/display',
    { ...page, schema: { querystring: Type.Object({ toggle: Text, back: Text }) } },
    async (req, reply) => {
      const q = req.query;
      const mode = toggleDisplayMode(parseDisplayMode(req.cookies[DISPLAY_COOKIE]), q.toggle ?? '');
      const value = encodeDisplayMode(mode);
      if (value)
        reply.setCookie(DISPLAY_COOKIE, value, {
          path: '/',
          sameSite: 'lax',
          maxAge: 365 * 24 * 3600,
          httpOnly: true,
          secure: app.deps.config.secureCookies,
        });
      else reply.clearCookie(DISPLAY_COOKIE, { path: '/' });
      reply.header('cache-control', 'no-store');
      return reply.redirect(safeBack(q.back), 303);
    },
  );

  installFastPath(app, pageCacheFor(db), app.deps.config.defaultLocale);
  attachmentRoute(app);
  searchRoutes(app);
  screenRoutes(app);
  feedRoutes(app);
  apiRoutes(app);
  siteRoutes(app);
}
