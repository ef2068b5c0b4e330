// The public portal through the real pipeline on both engines: every page type, drafts never
// reachable (404 on every address), withdrawn items 410 with the reason, ETag/304, the cache
// dropped exactly when a publication changes, feeds and sitemap well-formed, CSV for Excel.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { asUser } from '../publishing/publishing.test-support.ts';
import { portalFixture, type PortalFixture } from './portal-fixtures.ts';
import { pageCacheFor } from './page-cache.ts';
import { saveScreen } from './screen.routes.tsx';
import { setClock } from '../../platform/clock.ts';
import { storeBlob } from '../../platform/files/blob-store.ts';
import { callerOf } from './portal-fixtures.ts';

// The demo publishes its own items; ours are published in 2031 so that year=2031 isolates them.
const OFFSET = Date.parse('2031-03-03T02:00:00Z') - Date.now();

function wellFormedXml(body: string): void {
  // A small check without a parser dependency: balanced tags, escaped text, one root.
  assert.match(body, /^<\?xml version="1.0" encoding="(utf|UTF)-8"\?>/);
  const stack: string[] = [];
  for (const m of body.matchAll(/<(\/?)([A-Za-z][\w:.-]*)([^>]*?)(\/?)>/g)) {
    if (m[1]) assert.equal(stack.pop(), m[2], `closing ${m[2]}`);
    else if (!m[4]) stack.push(m[2]!);
  }
  assert.deepEqual(stack, []);
  assert.doesNotMatch(body.replace(/<[^>]*>/g, ''), /&(?!amp;|lt;|gt;|quot;|apos;)/);
}

forEachDialect('public portal', (t) => {
  let app: FastifyInstance;
  let db: Db;
  let fx: PortalFixture;
  let published = 0;
  let normative = 0;
  let interpretation = 0;
  let draft = 0;
  let withdrawn = 0;
  before(async () => {
    await seedDemo(t.handle);
    app = await testApp(t.handle);
    db = t.handle.db;
    setClock(() => new Date(Date.now() + OFFSET));
    fx = await portalFixture(db);
    published = await fx.publish({ title: '关于发放社保补贴的通知 <b>&</b>', document_number: '岳人社发〔2025〕12号' });
    normative = await fx.publish({
      title: '岳阳市就业补贴资金管理办法',
      catalog_category: 'normative_document',
      art20_item: 1,
      document_number: '岳人社发〔2025〕3号',
    });
    await asUser.setValidity(db, fx.officer, normative, 'in_force', '2025-06-02');
    await asUser.setValidity(db, fx.officer, normative, 'repealed', '2025-12-31', '被岳人社发〔2025〕9号废止');
    interpretation = await fx.publish({
      title: '《岳阳市就业补贴资金管理办法》政策解读',
      catalog_category: 'policy_interpretation',
      art20_item: 1,
      interprets_item_id: normative,
    });
    draft = await fx.draft({ title: '尚未公开的草稿：内部测试稿件' });
    withdrawn = await fx.publish({ title: '已撤回的通知' });
    await fx.withdraw(withdrawn, '通知内容有误，已重新发布');
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: 'GET', url, headers });

  test('home, catalog, guide, reports, agencies, screen and search pages render in Chinese and English', async () => {
    for (const url of [
      '/',
      '/catalog',
      '/catalog?category=notice&sort=oldest',
      '/guide',
      '/reports',
      '/agencies',
      '/power-catalog',
      '/catalog?category=power_catalog',
      '/agencies/yueyang-hrss/catalog',
      '/screen',
      '/screen/default',
      '/search',
      '/search?q=社保',
    ]) {
      const zh = await get(url);
      assert.equal(zh.statusCode, 200, url);
      assert.match(zh.headers['content-type'] as string, /text\/html/);
      assert.match(zh.body, /<html lang="zh-CN"/);
      assert.match(zh.body, /class="skip-link"|class="screen"/, url);
      assert.doesNotMatch(zh.body, /<script>|\son\w+="/, `${url} has no inline script`);
      assert.doesNotMatch(zh.body, /尚未公开的草稿/, `${url} shows no draft`);
      const en = await get(url, { cookie: 'gk_lang=en' });
      assert.equal(en.statusCode, 200);
      assert.match(en.body, /<html lang="en"/);
    }
    const home = await get('/');
    assert.match(home.body, /关于发放社保补贴的通知 &lt;b>&amp;&lt;\/b>/);
    assert.match(home.body, /href="\/apply"/);
    const guide = await get('/guide?agency=yueyang-hrss');
    assert.match(guide.body, /政府信息公开指南/);
    assert.match(guide.body, /第五十一条/);
    assert.match(guide.body, /国办函〔2020〕109号/);
    const reports = await get('/reports');
    assert.match(reports.body, /暂无已发布的年度报告/);
    // Art. 49: the deadline follows the agency's kind, not 31 March for all.
    assert.doesNotMatch(reports.body, /各机关应当在每年3月31日前/);
    assert.match(reports.body, /县级以上人民政府部门应当在每年1月31日前，人民政府应当在每年3月31日前/);
    assert.match(reports.body, /岳阳市人力资源和社会保障局：每年1月31日前（人民政府部门）/);
    assert.match(reports.body, /岳阳市人民政府：每年3月31日前（人民政府）/);
    assert.match(reports.body, /已废止/);
  });

  test('catalog filters, sorting and pagination', async () => {
    const all = await get('/catalog?year=2031');
    assert.match(all.body, /共 3 条/);
    const normativeOnly = await get('/catalog?category=normative_document&year=2031');
    assert.match(normativeOnly.body, /共 1 条/);
    assert.match(normativeOnly.body, /validity--void/);
    assert.match((await get('/catalog?art20=1&year=2031')).body, /共 2 条/);
    assert.match((await get('/catalog?validity=repealed&year=2031')).body, /共 1 条/);
    assert.match((await get('/catalog?year=1999')).body, /没有符合条件的信息/);
    assert.match((await get('/catalog?agency=yueyang-hrss&year=2031')).body, /共 3 条/);
    // Unknown values are ignored rather than passed on.
    assert.match((await get("/catalog?year=2031&category=x'or'1&page=-1&sort=drop")).body, /共 3 条/);
    const byTitle = await get('/catalog?sort=title');
    assert.equal(byTitle.statusCode, 200);
  });

  test('an item page shows its metadata, validity in red with the date, and its interpretation', async () => {
    const res = await get(`/items/${normative}`);
    assert.equal(res.statusCode, 200);
    for (const label of ['索引号', '文号', '发文机关', '成文日期', '发布日期', '有效性'])
      assert.match(res.body, new RegExp(`<dt>${label}</dt>`));
    assert.match(res.body, /岳人社发〔2025〕3号/);
    assert.match(res.body, /class="validity validity--void">已废止（2025-12-31起）/);
    assert.match(res.body, new RegExp(`href="/items/${interpretation}"`));
    const back = await get(`/items/${interpretation}`);
    assert.match(back.body, new RegExp(`href="/items/${normative}"`));
  });

  test('a draft is never reachable: page, API, feed, sitemap, CSV, attachments, screens all keep it out', async () => {
    for (const url of [
      `/items/${draft}`,
      `/api/v1/items/${draft}`,
      `/items/${draft}/attachments/1`,
      '/items/999999',
      '/items/0',
      '/items/abc',
      '/items/1e3',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 404, url);
      assert.doesNotMatch(res.body, /尚未公开的草稿/);
    }
    // Guessing every id around the real ones reveals nothing but public items.
    for (let id = 1; id <= draft + 5; id++) {
      const res = await get(`/items/${id}`);
      assert.ok([200, 404, 410].includes(res.statusCode));
      assert.doesNotMatch(res.body, /尚未公开的草稿/);
    }
    for (const url of [
      '/feeds/latest.atom',
      '/sitemap.xml',
      '/catalog.csv',
      '/api/v1/catalog',
      '/screen/default/content.json',
      '/feeds/agency/yueyang-hrss.atom',
    ]) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.doesNotMatch(res.body, /尚未公开的草稿/, url);
      assert.doesNotMatch(res.body, new RegExp(`/items/${draft}\\b`), url);
    }
  });

  test('a withdrawn item answers 410 with the public notice and reason', async () => {
    const res = await get(`/items/${withdrawn}`);
    assert.equal(res.statusCode, 410);
    assert.match(res.body, /该信息已撤回/);
    assert.match(res.body, /通知内容有误，已重新发布/);
    const api = await get(`/api/v1/items/${withdrawn}`);
    assert.equal(api.statusCode, 410);
    assert.equal(api.json().error.reason, '通知内容有误，已重新发布');
  });

  test('ETag and Last-Modified answer 304; gzip and brotli bodies decode to the same page', async () => {
    const first = await get('/catalog');
    const etag = first.headers.etag as string;
    assert.ok(etag);
    assert.ok(first.headers['last-modified']);
    assert.equal((await get('/catalog', { 'if-none-match': etag })).statusCode, 304);
    assert.equal(
      (await get('/catalog', { 'if-modified-since': first.headers['last-modified'] as string })).statusCode,
      304,
    );
    assert.equal((await get('/catalog', { 'if-none-match': '"other"' })).statusCode, 200);
    const gz = await app.inject({ method: 'GET', url: '/catalog', headers: { 'accept-encoding': 'gzip' } });
    assert.equal(gz.headers['content-encoding'], 'gzip');
    assert.equal(gunzipSync(gz.rawPayload).toString('utf8'), first.body);
    const br = await app.inject({ method: 'GET', url: '/catalog', headers: { 'accept-encoding': 'gzip, br' } });
    assert.equal(br.headers['content-encoding'], 'br');
    assert.equal(brotliDecompressSync(br.rawPayload).toString('utf8'), first.body);
  });

  test('the cache is dropped exactly when a publication changes', async () => {
    const cache = pageCacheFor(db);
    const before = await get('/catalog');
    const again = await get('/catalog');
    assert.equal(again.headers.etag, before.headers.etag);
    const hits = cache.hits;
    await get('/catalog');
    assert.equal(cache.hits, hits + 1, 'served from the cache');
    // A draft changes nothing public: the cached page stays.
    await fx.draft({ title: '另一篇草稿' });
    await get('/catalog');
    assert.equal(cache.hits, hits + 2);
    const id = await fx.publish({ title: '新发布：社会保险费征缴公告' });
    const after = await get('/catalog');
    assert.notEqual(after.headers.etag, before.headers.etag);
    assert.match(after.body, /新发布：社会保险费征缴公告/);
    assert.equal((await get('/catalog', { 'if-none-match': before.headers.etag as string })).statusCode, 200);
    const item = await get(`/items/${id}`);
    assert.equal(item.statusCode, 200);
    await fx.withdraw(id, '重复发布');
    assert.equal((await get(`/items/${id}`)).statusCode, 410);
    assert.doesNotMatch((await get('/catalog')).body, /新发布：社会保险费征缴公告/);
    // A validity change is shown at once too.
    await asUser.setValidity(db, fx.officer, normative, 'in_force', '2026-01-05', '恢复执行');
    assert.match((await get(`/items/${normative}`)).body, /恢复执行/);
  });

  test('feeds and the sitemap are well-formed and list the public items', async () => {
    for (const url of ['/feeds/latest.atom', '/feeds/category/notice.atom', '/feeds/agency/yueyang-hrss.atom']) {
      const res = await get(url);
      assert.equal(res.statusCode, 200, url);
      assert.match(res.headers['content-type'] as string, /application\/atom\+xml/);
      wellFormedXml(res.body);
      assert.match(res.body, /<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    }
    assert.match((await get('/feeds/latest.atom')).body, /关于发放社保补贴的通知 &lt;b&gt;&amp;&lt;\/b&gt;/);
    assert.equal((await get('/feeds/category/nope.atom')).statusCode, 404);
    assert.equal((await get('/feeds/agency/nope.atom')).statusCode, 404);
    const map = await get('/sitemap.xml');
    wellFormedXml(map.body);
    assert.match(map.body, new RegExp(`/items/${published}</loc>`));
    assert.doesNotMatch(map.body, new RegExp(`/items/${withdrawn}</loc>`));
  });

  test('CSV export: UTF-8 with BOM, the same filters, formulas neutralised', async () => {
    await fx.publish({ title: '=HYPERLINK("http://evil")', catalog_category: 'other', art20_item: 15 });
    const res = await get('/catalog.csv?category=notice&year=2031');
    assert.equal(res.statusCode, 200);
    assert.match(res.headers['content-type'] as string, /text\/csv/);
    assert.match(res.headers['content-disposition'] as string, /attachment/);
    assert.deepEqual([...res.rawPayload.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const lines = res.rawPayload.subarray(3).toString('utf8').trim().split('\r\n');
    assert.match(lines[0]!, /^索引号,标题/);
    assert.ok(
      lines.every((l) => !l.includes('管理办法')),
      'only the notice category',
    );
    const other = (await get('/catalog.csv?category=other')).rawPayload.toString('utf8');
    assert.match(other, /"'=HYPERLINK\(""http:\/\/evil""\)"/);
  });

  test('JSON API: catalog and item, described in the OpenAPI document', async () => {
    const cat = await get('/api/v1/catalog?category=normative_document&year=2031');
    assert.equal(cat.statusCode, 200);
    const body = cat.json();
    assert.equal(body.total, 1);
    assert.equal(body.items[0].validity, 'in_force');
    const item = (await get(`/api/v1/items/${normative}`)).json();
    assert.equal(item.document_number, '岳人社发〔2025〕3号');
    assert.equal(item.validity_history.length, 3);
    assert.equal(item.related[0].id, interpretation);
    const doc = (await get('/api/v1/openapi.json')).json();
    assert.ok(doc.paths['/api/v1/catalog'].get.responses['200'].content['application/json'].schema.properties.items);
    assert.ok(doc.paths['/api/v1/items/{id}'].get.responses['410']);
  });

  test('reading aids persist in a cookie set by plain links, and change the page classes', async () => {
    const res = await get('/display?toggle=text&back=/catalog');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/catalog');
    const cookie = res.cookies.find((c) => c.name === 'gk_display');
    assert.equal(cookie?.value, 't');
    const page = await get('/catalog', { cookie: 'gk_display=tc' });
    assert.match(page.body, /<html lang="zh-CN" class="a11y-text a11y-contrast"/);
    assert.match(page.body, /class="toolbar__on"/);
    assert.equal((await get('/display?toggle=text&back=//evil.example')).headers.location, '/');
  });

  test('screens: configured slides, content.json, unknown screens 404', async () => {
    await saveScreen(db, {
      name: 'hall-1',
      title: '一楼大厅',
      agencyId: null,
      slides: ['notices', 'latest'],
      seconds: 8,
    });
    const page = await get('/screen/hall-1');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-seconds="8"/);
    assert.match(page.body, /<script src="\/portal-assets\/screen\.[0-9a-f]{12}\.js" defer/);
    const json = (await get('/screen/hall-1/content.json')).json();
    assert.equal(json.title, '一楼大厅');
    assert.ok(json.slides.length >= 2);
    assert.equal((await get('/screen/nope')).statusCode, 404);
    const script = page.body.match(/src="(\/portal-assets\/[^"]+)"/)![1]!;
    const js = await get(script);
    assert.equal(js.statusCode, 200);
    assert.match(js.headers['cache-control'] as string, /immutable/);
  });

  test('the fast path answers cached pages with the same bytes and headers, and never a stale page', async () => {
    const live = await testApp(t.handle);
    await live.listen({ port: 0, host: '127.0.0.1' });
    try {
      const port = (live.server.address() as { port: number }).port;
      const cache = pageCacheFor(db);
      await new Promise((r) => setTimeout(r, 3100)); // past the eager window of the last publication
      const url = `http://127.0.0.1:${port}/catalog?year=2031`;
      const first = await fetch(url);
      const firstBody = await first.text();
      await fetch(url).then((r) => r.text()); // refreshes the stamp if needed
      const fast = cache.fastHits;
      const second = await fetch(url);
      const secondBody = await second.text();
      assert.equal(cache.fastHits, fast + 1, 'served by the fast path');
      assert.equal(secondBody, firstBody);
      for (const h of [
        'content-security-policy',
        'x-content-type-options',
        'etag',
        'last-modified',
        'cache-control',
        'content-type',
        'vary',
      ])
        assert.equal(second.headers.get(h), first.headers.get(h), h);
      assert.equal((await fetch(url, { headers: { 'if-none-match': second.headers.get('etag')! } })).status, 304);
      // A publication is visible at once, on the fast path too.
      const id = await fx.publish({ title: '快速路径后的新通知' });
      const after = await (await fetch(url)).text();
      assert.match(after, /快速路径后的新通知/);
      await fx.withdraw(id, '测试');
      assert.doesNotMatch(await (await fetch(url)).text(), /快速路径后的新通知/);
      // A signed-in visitor (session cookie) always goes through the framework.
      const before = cache.fastHits;
      await fetch(url, { headers: { cookie: 'gk_session=x' } }).then((r) => r.text());
      assert.equal(cache.fastHits, before);
    } finally {
      await live.close();
    }
  });

  test('attachments: only the public version’s files, as safe downloads; none of a draft', async () => {
    const id = await fx.draft({ title: '带附件的通知' });
    const blob = await storeBlob(app.deps.config, Buffer.from('附件正文：社保补贴发放名单（已脱敏）', 'utf8'));
    const { attachmentId } = await asUser.addAttachment(db, await callerOf(db, 'drafter'), id, {
      sha256: blob.sha256,
      filename: '名单<script>.txt',
      kind: 'txt',
      mime: 'text/plain; charset=utf-8',
      size: blob.size,
      text: '附件正文',
    });
    assert.equal(
      (await get(`/items/${id}/attachments/${attachmentId}`)).statusCode,
      404,
      'a draft’s file is not public',
    );
    await asUser.transition(db, fx.chief, id, 'emergency_publish', { reason: '测试' });
    const page = await get(`/items/${id}`);
    assert.match(page.body, new RegExp(`href="/items/${id}/attachments/${attachmentId}"`));
    assert.match(page.body, /名单&lt;script>\.txt/);
    const res = await get(`/items/${id}/attachments/${attachmentId}`);
    assert.equal(res.statusCode, 200);
    assert.equal(res.headers['x-content-type-options'], 'nosniff');
    assert.match(res.headers['content-disposition'] as string, /^attachment; filename=/);
    assert.doesNotMatch(res.headers['content-type'] as string, /html/);
    assert.equal(res.body, '附件正文：社保补贴发放名单（已脱敏）');
    assert.equal((await get(`/items/${id}/attachments/${attachmentId + 999}`)).statusCode, 404);
    assert.equal(
      (await get(`/items/${published}/attachments/${attachmentId}`)).statusCode,
      404,
      'not through another item',
    );
  });

  test('search page: highlighted results, filters, pagination links, and the query escaped', async () => {
    const res = await get('/search?q=社保补贴&year=2031');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<mark>/);
    assert.match(res.body, new RegExp(`href="/items/${published}"`));
    assert.doesNotMatch(res.body, /尚未公开的草稿/);
    const none = await get('/search?q=%3Cscript%3Ealert(1)%3C/script%3E');
    assert.equal(none.statusCode, 200);
    assert.doesNotMatch(none.body, /<script>alert/);
    const byNumber = await get('/search?q=' + encodeURIComponent('岳人社发[2025]12号'));
    assert.ok(
      /did-you-mean|href="\/items\/\d+"/.test(byNumber.body),
      'a document number typed with [ ] is found or suggested',
    );
  });

  test('search page: words, the widening and the split are said, in both languages', async () => {
    const widened = await get('/search?q=' + encodeURIComponent('社保 补贴'));
    assert.match(widened.body, /已包含：社会保险、社会保障/);
    assert.match(widened.body, /查找完整短语请加引号/);
    const split = await get('/search?q=' + encodeURIComponent('社保补贴名单发放'));
    assert.match(split.body, /未找到完整短语，以下结果同时包含：/);
    const english = await get('/search?q=' + encodeURIComponent('社保 补贴'), { cookie: 'gk_lang=en' });
    assert.match(english.body, /Also searched: 社会保险、社会保障/);
    assert.match(english.body, /put an exact phrase in quotes/);
  });
});
