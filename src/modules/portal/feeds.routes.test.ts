// The sitemap beyond its per-file limit (lowered here from the protocol's 50,000 through
// GONGKAI_SITEMAP_URL_LIMIT's config key): /sitemap.xml becomes an index of /sitemaps/N.xml, whose
// parts together list exactly the URLs one file would; and the power catalog's pages.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemo, testApp } from '../../../test/support/app.ts';
import { sitemapUrls } from './feeds.routes.ts';
import { portalStore } from './portal.store.ts';
import { GUIDES_PER_PAGE, POWERS_PER_PAGE, powerCatalogPages } from './portal.ts';

const LIMIT = 200;

forEachDialect('sitemap index and power catalog pages', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedDemo(t.handle);
    app = await testApp(t.handle, { sitemapUrlLimit: LIMIT });
  });
  after(() => app.close());
  const get = (url: string) => app.inject({ method: 'GET', url });
  const locs = (xml: string) => [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);

  test('over the limit, /sitemap.xml is an index whose parts list every URL once', async () => {
    const expected = (await sitemapUrls(t.handle.db)).map((u) => u.path);
    assert.ok(expected.length > 2 * LIMIT, `the demo has ${expected.length} URLs`);
    const index = await get('/sitemap.xml');
    assert.equal(index.statusCode, 200);
    assert.match(index.body, /<sitemapindex xmlns="http:\/\/www.sitemaps.org\/schemas\/sitemap\/0.9">/);
    const parts = locs(index.body);
    assert.equal(parts.length, Math.ceil(expected.length / LIMIT));
    const listed: string[] = [];
    for (const part of parts) {
      const res = await get(part);
      assert.equal(res.statusCode, 200, part);
      assert.match(res.headers['content-type'] as string, /application\/xml/);
      assert.match(res.body, /<urlset /);
      const urls = locs(res.body);
      assert.ok(urls.length > 0 && urls.length <= LIMIT, `${part}: ${urls.length}`);
      listed.push(...urls);
    }
    assert.deepEqual(listed, expected);
    for (const bad of [`/sitemaps/${parts.length + 1}.xml`, '/sitemaps/0.xml', '/sitemaps/x.xml'])
      assert.equal((await get(bad)).statusCode, 404, bad);
  });

  test('the power catalog is paginated', async () => {
    const counts = await portalStore.powerCounts(t.handle.db);
    assert.ok(counts.powers > POWERS_PER_PAGE * 2, `demo powers: ${counts.powers}`);
    const codes: string[] = [];
    const guides: string[] = [];
    const pages = powerCatalogPages(counts);
    for (let page = 1; page <= pages; page++) {
      const res = await get(page > 1 ? `/power-catalog?page=${page}` : '/power-catalog');
      assert.equal(res.statusCode, 200);
      const rows = [...res.body.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]!);
      assert.equal(
        rows.length,
        Math.max(0, Math.min(POWERS_PER_PAGE, counts.powers - (page - 1) * POWERS_PER_PAGE)),
        `powers on page ${page}`,
      );
      const cards = [...res.body.matchAll(/<section class="card guide-card"><h3><a href="([^"]+)"/g)].map((m) => m[1]!);
      assert.equal(
        cards.length,
        Math.max(0, Math.min(GUIDES_PER_PAGE, counts.guides - (page - 1) * GUIDES_PER_PAGE)),
        `guides on page ${page}`,
      );
      codes.push(...rows);
      guides.push(...cards);
      if (page < pages) assert.match(res.body, new RegExp(`href="/power-catalog\\?page=${page + 1}" rel="next"`));
      else assert.doesNotMatch(res.body, /rel="next"/);
    }
    assert.equal(new Set(codes).size, counts.powers, 'every power item once');
    assert.equal(guides.length, counts.guides, 'every service guide once');
    assert.equal((await get(`/power-catalog?page=${pages + 5}`)).statusCode, 404);
  });
});
