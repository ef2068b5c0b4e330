// Issue 15, items 3, 4, 7 and 13 through the real pipeline on both engines: one frame on every
// public page (one header, the navigation, the reading aids, the footer's national indicators),
// the agency sections with their paper form, the site map, the feeds' and sitemap's own dates,
// and the service-hall screen.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo, testApp } from '../../../test/support/app.ts';
import { organisationService, organisationStore } from '../organisation/index.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { demoAgencies } from '../../demo/demo-organisation.ts';
import { touchAll } from './page-cache.ts';

const PUBLIC_PAGES = [
  '/',
  '/catalog',
  '/search',
  '/guide',
  '/reports',
  '/agencies',
  '/agencies/yueyang-hrss',
  '/agencies/huarong-hrss/catalog',
  '/power-catalog',
  '/sitemap',
  '/screen',
  '/apply',
  '/apply/track',
];

forEachDialect('public site frame, agency sections, feeds', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle);
  });
  after(() => app.close());
  const get = (url: string) => app.inject({ method: 'GET', url });
  const host = demoAgencies[0]!;

  test('every public page: one header, the navigation, the reading aids and the footer fields', async () => {
    for (const url of PUBLIC_PAGES)
      for (const lang of ['', '?lang=en']) {
        const res = await get(`${url}${lang}`);
        assert.equal(res.statusCode, 200, url);
        const b = res.body;
        assert.equal(b.match(/<header class="site-header"/g)?.length, 1, `${url}: one header`);
        assert.equal(b.match(/<footer class="site-footer"/g)?.length, 1, `${url}: one footer`);
        assert.match(b, /<nav class="site-nav"/, `${url}: navigation`);
        assert.match(b, /href="\/display\?toggle=text/, `${url}: reading aids`);
        assert.match(b, /href="\/display\?toggle=contrast/, `${url}: reading aids`);
        for (const value of [host.name, host.website_code!, host.icp_number!, host.psb_number!, host.phone!])
          assert.ok(b.includes(value), `${url}${lang}: footer shows ${value}`);
        assert.match(b, /<a href="\/sitemap">(网站地图|Site map)<\/a>/, `${url}: 网站地图`);
        assert.ok(b.includes('mailto:zwgk@yueyang.gov.cn'), `${url}: e-mail`);
      }
    const zh = await get('/apply/track');
    assert.match(zh.body, /网站标识码：4306000001/);
    assert.match(zh.body, /主办单位：岳阳市人民政府/);
  });

  test('the home page title is not doubled', async () => {
    const res = await get('/');
    assert.match(res.body, /<title>政府信息公开<\/title>/);
    assert.match(
      (await get('/catalog')).body,
      /<title>公开目录 — 政府信息公开<\/title>|<title>[^<]+ — 政府信息公开<\/title>/,
    );
  });

  test('the footer follows the host agency profile an administrator edits', async () => {
    const db = t.handle.db;
    const row = (await organisationStore.agencyByCode(db, 'yueyang'))!;
    // Other processes see an agency change within a second (the stamp's TTL); this one at once.
    await organisationService.updateAgency(db, systemContext, row.id, { ...row, website_code: '4306000099' });
    touchAll();
    try {
      const res = await get('/apply');
      assert.match(res.body, /网站标识码：4306000099/);
      assert.match((await get('/')).body, /网站标识码：4306000099/);
    } finally {
      await organisationService.updateAgency(db, systemContext, row.id, { ...row });
      touchAll();
    }
  });

  test('the guide opens on the agency with content; each agency has its contact data', async () => {
    const home = await get('/');
    assert.match(home.body, /<li><a href="\/apply\?agency=yueyang-hrss">依申请公开<\/a><\/li>/, 'the form opens on it');
    // a bare /apply too
    assert.match((await get('/apply')).body, /<option value="\d+" selected>岳阳市人力资源和社会保障局<\/option>/);
    const guide = await get('/guide');
    assert.match(guide.body, /<h1>岳阳市人力资源和社会保障局政府信息公开指南<\/h1>/);
    for (const code of ['yueyang-hrss', 'yueyang-county-hrss', 'huarong-hrss']) {
      const res = await get(`/guide?agency=${code}`);
      assert.doesNotMatch(res.body, /未登记/, code);
      assert.match(res.body, new RegExp(`href="/apply\\?agency=${code}"`), code);
    }
  });

  test('an agency section: guide, catalog, statutory items, reports, applying on paper, rules', async () => {
    for (const a of demoAgencies.slice(1)) {
      const res = await get(`/agencies/${a.code}`);
      assert.equal(res.statusCode, 200, a.code);
      const b = res.body;
      assert.ok(b.includes(`<h1>${a.name}政府信息公开</h1>`), a.code);
      for (const href of [
        `/guide?agency=${a.code}`,
        `/agencies/${a.code}/catalog`,
        `/apply?agency=${a.code}`,
        `/agencies/${a.code}/application-form.docx`,
      ])
        assert.ok(b.includes(`href="${href}"`), `${a.code}: ${href}`);
      for (const heading of ['法定主动公开内容', '政府信息公开工作年度报告', '依申请公开', '信息公开制度'])
        assert.ok(b.includes(heading), `${a.code}: ${heading}`);
      assert.ok(b.includes(a.address!), `${a.code}: in-person and postal address`);
      const docx = await get(`/agencies/${a.code}/application-form.docx`);
      assert.equal(docx.statusCode, 200);
      assert.match(docx.headers['content-type'] as string, /wordprocessingml/);
      assert.match(docx.headers['content-disposition'] as string, /attachment/);
      assert.equal(docx.rawPayload.subarray(0, 2).toString(), 'PK');
    }
    const bureau = await get('/agencies/yueyang-hrss');
    assert.match(bureau.body, /href="\/agencies\/yueyang-hrss\/catalog\?art20=\d+"/);
    for (const bad of ['/agencies/nope', '/agencies/NOPE', '/agencies/nope/application-form.docx'])
      assert.equal((await get(bad)).statusCode, 404, bad);
  });

  test('/sitemap lists the sections in Chinese, distinct from sitemap.xml', async () => {
    const res = await get('/sitemap');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/html/);
    assert.match(res.body, /<h1>网站地图<\/h1>/);
    for (const href of ['/catalog', '/guide', '/apply', '/apply/track', '/reports', '/agencies/huarong-hrss'])
      assert.ok(res.body.includes(`href="${href}"`), href);
    assert.ok(res.body.includes('工作动态'));
    const xml = await get('/sitemap.xml');
    assert.match(xml.body, /<loc>http:\/\/[^<]+\/sitemap<\/loc>/);
    assert.match(xml.body, /<loc>http:\/\/[^<]+\/agencies\/huarong-hrss<\/loc>/);
  });

  test('the service-hall screen opens on the latest items and names power types in Chinese', async () => {
    const list = await get('/screen');
    assert.match(list.body, /href="\/screen\/default">最新公开信息</);
    const screen = await get('/screen/default');
    assert.match(screen.body, /<title>最新公开信息<\/title>/);
    const first = /<section class="screen__slide" data-index="0" [^>]*><h2[^>]*>([^<]+)</.exec(screen.body);
    assert.match(first?.[1] ?? '', /^最新公开信息/);
    assert.doesNotMatch(screen.body, /class="screen__detail">(penalty|licence|coercion)</);
  });

  test('feeds and sitemap use the items’ own dates and text, and the configured base URL', async () => {
    const db = t.handle.db;
    const items = await db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'i.publication_date', 'i.catalog_category', 'v.body_html', 'v.summary'])
      .execute();
    const byId = new Map(items.map((i) => [i.id, i]));
    const feed = (await get('/feeds/latest.atom')).body;
    const entries = [...feed.matchAll(/<entry>([\s\S]*?)<\/entry>/g)].map((m) => m[1]!);
    assert.ok(entries.length > 10);
    for (const e of entries) {
      const id = Number(/\/items\/(\d+)</.exec(e)![1]);
      const item = byId.get(id)!;
      assert.ok(item.publication_date, `item ${id} is published`);
      assert.ok(e.includes(`<updated>${item.publication_date}T00:00:00+08:00</updated>`), `${id}: updated`);
      assert.ok(e.includes(`<published>${item.publication_date}T00:00:00+08:00</published>`), `${id}: published`);
      const category = /<category term="([^"]+)" label="([^"]+)"/.exec(e)!;
      assert.doesNotMatch(category[1]!, /^[a-z_]+$/, 'a Chinese category, not a code');
      const summary = /<summary>([^<]*)<\/summary>/.exec(e)![1]!;
      const opening = (item.body_html ?? '')
        .replace(/<[^>]*>/g, ' ')
        .replace(/\s+/g, ' ')
        .trim()
        .slice(0, 10);
      assert.ok(summary.length > 20, `${id}: a summary, not the index number only`);
      if (!item.summary)
        assert.ok(summary.includes(opening.replace(/&/g, '&amp;').slice(0, 6)), `${id}: from the body`);
    }
    const newest = items
      .map((i) => i.publication_date!)
      .sort()
      .at(-1)!;
    assert.ok(feed.includes(`<updated>${newest}T00:00:00+08:00</updated>`), 'the feed is as new as its newest item');
    const sitemap = (await get('/sitemap.xml')).body;
    for (const m of sitemap.matchAll(/<loc>[^<]*\/items\/(\d+)<\/loc><lastmod>([^<]+)<\/lastmod>/g))
      assert.equal(m[2], byId.get(Number(m[1]))!.publication_date, `item ${m[1]} lastmod`);
    assert.match(sitemap, /<loc>http:\/\/localhost:\d+\/catalog<\/loc><lastmod>\d{4}-\d{2}-\d{2}<\/lastmod>/);
  });

  test('absolute URLs use the configured public base URL', async () => {
    const other = await testApp(t.handle, { publicUrl: 'https://gk.example.gov.cn' });
    try {
      const feed = await other.inject({ method: 'GET', url: '/feeds/agency/yueyang-hrss.atom' });
      assert.match(feed.body, /<id>https:\/\/gk\.example\.gov\.cn\/feeds\/agency\/yueyang-hrss\.atom<\/id>/);
      const map = await other.inject({ method: 'GET', url: '/sitemap.xml', headers: { host: 'evil.example' } });
      assert.match(map.body, /<loc>https:\/\/gk\.example\.gov\.cn\/agencies\/yueyang-hrss<\/loc>/);
      assert.doesNotMatch(map.body, /evil/);
    } finally {
      await other.close();
    }
  });
});
