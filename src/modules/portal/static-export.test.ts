// The static export on both engines: every public page, feed and attachment written with links
// that work as files; a second run writes nothing; a publication or withdrawal rewrites only what
// changed; no draft ever appears in the copy. The catalog is the demo's organisation with its 50
// publications of 2024 (every category, normative documents with document numbers, three catalog
// pages), not the whole demo: each export renders every page in both languages, and the test
// exports four times (the whole demo took 2.5 minutes here).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { runInNewContext } from 'node:vm';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemoOrganisation, seedDemoPublications, testApp } from '../../../test/support/app.ts';
import { portalFixture, type PortalFixture } from './portal-fixtures.ts';
import { exportStatic, rewriteLinks, staticPath } from './static-export.ts';

function allFiles(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const full = join(dir, name);
    if (statSync(full).isDirectory()) allFiles(full, out);
    else out.push(full);
  }
  return out;
}

test('static paths and link rewriting', () => {
  assert.equal(staticPath('/'), '/');
  assert.equal(staticPath('/items/12'), '/items/12/');
  assert.equal(staticPath('/catalog?page=2&category=notice'), '/catalog/category-notice/page-2/');
  assert.equal(staticPath('/feeds/latest.atom'), '/feeds/latest.atom');
  const exported = new Set(['/catalog?category=notice', '/items/3']);
  const html =
    '<a href="/catalog?category=notice">a</a><a href="/items/3">b</a><form action="/search"></form><link href="/assets/app.1.css"/><a href="/login">c</a>';
  assert.equal(
    rewriteLinks(html, exported, 'https://gk.example.gov.cn'),
    '<a href="/catalog/category-notice/">a</a><a href="/items/3/">b</a><form action="/search/"></form><link href="/assets/app.1.css"/><a href="https://gk.example.gov.cn/login">c</a>',
  );
  // The English copy links to itself; the language switch crosses to the other copy.
  assert.equal(
    rewriteLinks('<a href="/items/3">b</a><form action="/search">', exported, undefined, '/en'),
    '<a href="/en/items/3/">b</a><form action="/search/">'.replace('"/search/"', '"/en/search/"'),
  );
  assert.equal(
    rewriteLinks('<a href="/items/3?lang=en">e</a>', exported, undefined, ''),
    '<a href="/en/items/3/">e</a>',
  );
  assert.equal(
    rewriteLinks('<a href="/catalog?category=notice&amp;lang=zh-CN">z</a>', exported, undefined, '/en'),
    '<a href="/catalog/category-notice/">z</a>',
  );
});

forEachDialect('static export', (t) => {
  let app: FastifyInstance;
  let fx: PortalFixture;
  let dir: string;
  let draft = 0;
  let published: number[] = [];
  before(async () => {
    await seedDemoOrganisation(t.handle);
    published = await seedDemoPublications(t.handle.db, 2024);
    dir = mkdtempSync(join(tmpdir(), 'gongkai-static-'));
    app = await testApp(t.handle, { dataDir: dir + '-data' });
    fx = await portalFixture(t.handle.db);
    draft = await fx.draft({ title: '导出测试草稿不应出现' });
  });
  after(async () => {
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('writes the public catalog; a re-run writes nothing; changes rewrite only what changed', async () => {
    const config = { dataDir: dir + '-data', personalDataKeys: [] };
    const first = await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    assert.ok(first.written > 20, JSON.stringify(first));
    for (const f of [
      'index.html',
      'catalog/index.html',
      'guide/index.html',
      'agencies/index.html',
      'reports/index.html',
      'sitemap.xml',
      'feeds/latest.atom',
      'catalog.csv',
      'manifest.json',
    ])
      assert.ok(existsSync(join(dir, f)), f);
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.match(home, /href="\/catalog\/"/);
    assert.match(home, /action="\/search\/"/);
    assert.match(home, /href="https:\/\/gk\.example\.gov\.cn\/search">在线搜索/);
    assert.match(home, /href="\/en\/"/, 'the language switch leads to the English copy');
    const enHome = readFileSync(join(dir, 'en', 'index.html'), 'utf8');
    assert.match(enHome, /<html lang="en"/);
    assert.match(enHome, /href="\/en\/catalog\/"/);
    assert.match(enHome, /href="\/"[^>]*>中文/, 'and back');
    assert.match(enHome, /Full-text search on the live site/);
    const enItem = /href="(\/en\/items\/\d+\/)"/.exec(enHome)![1]!;
    assert.match(readFileSync(join(dir, enItem, 'index.html'), 'utf8'), /<html lang="en"/);
    // No page carries an inline script (strict CSP): every <script> loads a file of the copy.
    for (const f of allFiles(dir).filter((f) => f.endsWith('.html'))) {
      for (const m of readFileSync(f, 'utf8').matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)) {
        assert.equal(m[2], '', `inline script in ${f}`);
        const src = /src="([^"]+)"/.exec(m[1]!)![1]!;
        assert.ok(existsSync(join(dir, src)), `${f}: ${src}`);
      }
    }
    const item = /href="(\/items\/\d+\/)"/.exec(home)![1]!;
    assert.ok(existsSync(join(dir, item, 'index.html')), item);
    // Every publication has its page in both copies; the catalog's three pages are linked as files.
    const itemPages = published.flatMap((id) => [`items/${id}/index.html`, `en/items/${id}/index.html`]);
    for (const f of itemPages) assert.ok(existsSync(join(dir, f)), f);
    for (const [from, to] of [
      ['catalog/index.html', '/catalog/page-2/'],
      ['catalog/page-2/index.html', '/catalog/page-3/'],
    ] as const) {
      assert.ok(readFileSync(join(dir, from), 'utf8').includes(`href="${to}"`), `${from} links ${to}`);
      assert.ok(existsSync(join(dir, to, 'index.html')), to);
    }
    for (const f of allFiles(dir)) assert.doesNotMatch(readFileSync(f, 'utf8'), /导出测试草稿不应出现/, f);
    assert.ok(!existsSync(join(dir, 'items', String(draft))));

    const again = await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    assert.equal(again.written, 0, JSON.stringify(again));
    assert.equal(again.removed, 0);
    assert.equal(again.skipped, true, 'nothing changed: nothing rendered');
    // A lost file is noticed and written again.
    rmSync(join(dir, 'guide', 'index.html'));
    const repaired = await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    assert.equal(repaired.skipped, undefined);
    assert.equal(repaired.written, 1, JSON.stringify(repaired));

    const writtenAt = new Map(itemPages.map((f) => [f, statSync(join(dir, f)).mtimeMs]));
    const id = await fx.publish({ title: '导出后新发布的通知' });
    const third = await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    // The new item's pages, the lists, feeds and indexes that show it are written; no other item's page.
    assert.ok(third.written > 0 && third.unchanged >= itemPages.length, JSON.stringify(third));
    for (const [f, at] of writtenAt) assert.equal(statSync(join(dir, f)).mtimeMs, at, `${f} is not rewritten`);
    assert.match(readFileSync(join(dir, 'items', String(id), 'index.html'), 'utf8'), /导出后新发布的通知/);
    assert.match(readFileSync(join(dir, 'en', 'items', String(id), 'index.html'), 'utf8'), /导出后新发布的通知/);
    assert.match(readFileSync(join(dir, 'search-index.json'), 'utf8'), /导出后新发布的通知/);
    await fx.withdraw(id, '导出测试撤回');
    await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    assert.match(readFileSync(join(dir, 'items', String(id), 'index.html'), 'utf8'), /导出测试撤回/);
  });

  test("the copy's search page finds titles and document numbers with the script and its index", async () => {
    const page = readFileSync(join(dir, 'search', 'index.html'), 'utf8');
    const src = /<script src="(\/static-search\.[0-9a-f]+\.js)"[^>]*data-index="\/search-index\.json"/.exec(page)?.[1];
    assert.ok(src, 'the search page loads the script');
    assert.match(page, /action="\/search\/"/);
    assert.match(page, /离线副本/);
    assert.match(
      readFileSync(join(dir, 'en', 'search', 'index.html'), 'utf8'),
      /data-prefix="\/en"[^>]*data-count="\{n\} results"/,
    );
    const index = JSON.parse(readFileSync(join(dir, 'search-index.json'), 'utf8')) as {
      items: [number, string, string | null, string, string | null, string][];
    };
    assert.deepEqual(
      index.items.map((r) => r[0]).sort((a, b) => a - b),
      [...published].sort((a, b) => a - b),
      'every publication, and nothing else',
    );
    assert.ok(!index.items.some((r) => r[1].includes('导出测试草稿不应出现')), 'no draft in the index');
    const sandbox: {
      gongkaiStaticSearch?: {
        match: (rows: unknown[], q: string, limit: number) => { total: number; rows: typeof index.items };
      };
    } = {};
    runInNewContext(readFileSync(join(dir, src!), 'utf8'), sandbox);
    const search = sandbox.gongkaiStaticSearch!;
    const withNumber = index.items.find((r) => r[2] && /〔\d{4}〕/.test(r[2]))!;
    const loose = withNumber[2]!.replace('〔', '[').replace('〕', ']');
    const byNumber = search.match(index.items, loose, 50);
    assert.ok(
      byNumber.rows.some((r) => r[0] === withNumber[0]),
      loose,
    );
    const word = Array.from(withNumber[1]).slice(2, 5).join('');
    const expected = index.items.filter((r) => `${r[1]} ${r[2] ?? ''} ${r[3]}`.includes(word)).length;
    assert.equal(search.match(index.items, word, 5).total, expected);
    assert.equal(search.match(index.items, '火星基地建设', 5).total, 0);
  });
});
