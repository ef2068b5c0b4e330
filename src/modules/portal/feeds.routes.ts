// Feeds, sitemap and the CSV export, served through the same cache as the pages.
import { sectionPages } from './public-sections.ts';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import type { Db } from '../../db/database.ts';
import { translate } from '../../platform/i18n/i18n.ts';
import { contentDisposition, firstQueryValues, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { portalStore as store } from './portal.store.ts';
import { CatalogPageQuery, catalogQuery, parseCatalogQuery, portalCategories } from './portal.ts';
import { serveData } from './portal-support.ts';
import { atomFeed, catalogCsv, itemDates, publicBase, sitemap, sitemapIndex } from './feeds.ts';

const ATOM = 'application/atom+xml; charset=utf-8';
const FEED_SIZE = 50;
/** A CSV export holds at most this many rows (a listing, not a database dump). */
export const CSV_LIMIT = 10000;

export function baseOf(req: FastifyRequest): string {
  return publicBase(req.server.deps.config);
}

/** Every public address with the date its content last changed: an item's publication or
 *  public correction, a listing's newest item (never the time the server started). */
export async function sitemapUrls(db: Db): Promise<{ path: string; lastmod?: string | null }[]> {
  const [items, agencies] = await Promise.all([store.allPublic(db), store.agencies(db)]);
  const dated = items.map((i) => ({ ...i, lastmod: itemDates(i).lastmod }));
  const newest = (rows: readonly { lastmod: string }[]) =>
    rows.reduce<string | null>((max, r) => (max === null || r.lastmod > max ? r.lastmod : max), null);
  const all = newest(dated);
  return [
    { path: '/', lastmod: all },
    { path: '/catalog', lastmod: all },
    { path: '/guide' },
    { path: '/reports' },
    { path: '/agencies' },
    { path: '/sitemap' },
    { path: '/power-catalog' },
    ...agencies.flatMap((a) => {
      const own = newest(dated.filter((i) => i.agency_code === a.code));
      return [
        { path: `/agencies/${a.code}`, lastmod: own },
        { path: `/agencies/${a.code}/catalog`, lastmod: own },
      ];
    }),
    ...dated.map((i) => ({ path: `/items/${i.id}`, lastmod: i.lastmod })),
    // A section's filtered and later pages are reached from its first, as the catalog's are.
    ...(await sectionPages(db)).filter((p) => !p.path.includes('?')),
  ];
}

export function feedRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;
  const pub = { config: { public: true } };
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const file = { ...pub, schema: { params: Type.Object({ file: Type.String() }) } };
  const zh = (k: string, p?: Record<string, string>) => translate('zh-CN', k, p);

  app.get('/feeds/latest.atom', pub, async (req, reply) => {
    const base = baseOf(req);
    return serveData(db, req, reply, `${base}/feeds/latest.atom`, async () => {
      const rows = await store.feed(db, { pageSize: FEED_SIZE });
      return {
        type: ATOM,
        body: atomFeed({ base, path: '/feeds/latest.atom', title: zh('portal.feed.latest'), rows }),
      };
    });
  });

  routes.get('/feeds/category/:file', file, async (req, reply) => {
    const category = req.params.file.replace(/\.atom$/, '');
    if (!(portalCategories as readonly string[]).includes(category)) return reply.callNotFound();
    const base = baseOf(req);
    const path = `/feeds/category/${category}.atom`;
    return serveData(db, req, reply, `${base}${path}`, async () => {
      const rows = await store.feed(db, { category, pageSize: FEED_SIZE });
      return { type: ATOM, body: atomFeed({ base, path, title: zh(`pub.category.${category}`), rows }) };
    });
  });

  routes.get('/feeds/agency/:file', file, async (req, reply) => {
    const code = req.params.file.replace(/\.atom$/, '');
    const agency = /^[a-z0-9-]{1,64}$/.test(code) ? await store.agencyByCode(db, code) : undefined;
    if (!agency) return reply.callNotFound();
    const base = baseOf(req);
    const path = `/feeds/agency/${code}.atom`;
    return serveData(db, req, reply, `${base}${path}`, async () => {
      const rows = await store.feed(db, { agency: code, pageSize: FEED_SIZE });
      return { type: ATOM, body: atomFeed({ base, path, title: agency.name, rows }) };
    });
  });

  // The protocol allows 50,000 URLs per file: beyond the limit /sitemap.xml is an index of
  // /sitemaps/N.xml files, each a slice of the same list.
  const limit = app.deps.config.sitemapUrlLimit;
  const XML = 'application/xml; charset=utf-8';
  app.get('/sitemap.xml', pub, async (req, reply) => {
    const base = baseOf(req);
    return serveData(db, req, reply, `${base}/sitemap.xml`, async () => {
      const urls = await sitemapUrls(db);
      return {
        type: XML,
        body: urls.length <= limit ? sitemap(base, urls) : sitemapIndex(base, Math.ceil(urls.length / limit)),
      };
    });
  });

  routes.get('/sitemaps/:file', file, async (req, reply) => {
    const n = /^([1-9]\d{0,5})\.xml$/.exec(req.params.file)?.[1];
    if (!n) return reply.callNotFound();
    const base = baseOf(req);
    return serveData(db, req, reply, `${base}/sitemaps/${n}.xml`, async () => {
      const urls = await sitemapUrls(db);
      const slice = urls.length > limit ? urls.slice((Number(n) - 1) * limit, Number(n) * limit) : [];
      return slice.length ? { type: XML, body: sitemap(base, slice) } : { status: 404, type: XML, body: '' };
    });
  });

  routes.get(
    '/catalog.csv',
    { ...pub, schema: { querystring: CatalogPageQuery }, preValidation: firstQueryValues },
    async (req, reply) => {
      const filter = { ...parseCatalogQuery(req.query), page: 1, pageSize: CSV_LIMIT };
      const base = baseOf(req);
      const q = catalogQuery({ ...filter, page: undefined });
      reply.header('content-disposition', contentDisposition('attachment', 'catalog.csv'));
      return serveData(db, req, reply, `${base}/catalog.csv${q}`, async () => {
        const { rows } = await store.catalog(db, filter);
        return { type: 'text/csv; charset=utf-8', body: catalogCsv(base, rows) };
      });
    },
  );
}
