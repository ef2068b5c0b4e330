// The static export on both engines: every public page, feed and attachment written with links
// that work as files; a second run writes nothing; a publication or withdrawal rewrites only what
// changed; no draft ever appears in the copy.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemo, testApp } from '../../../test/support/app.ts';
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
  const html = '<a href="/catalog?category=notice">a</a><a href="/items/3">b</a><form action="/search"></form><link href="/assets/app.1.css"/>';
  assert.equal(
    rewriteLinks(html, exported, 'https://gk.example.gov.cn'),
    '<a href="/catalog/category-notice/">a</a><a href="/items/3/">b</a><form action="https://gk.example.gov.cn/search"></form><link href="/assets/app.1.css"/>',
  );
});

forEachDialect('static export', (t) => {
  let app: FastifyInstance;
  let fx: PortalFixture;
  let dir: string;
  let draft = 0;
  before(async () => {
    await seedDemo(t.handle);
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
    for (const f of ['index.html', 'catalog/index.html', 'guide/index.html', 'agencies/index.html', 'reports/index.html', 'sitemap.xml', 'feeds/latest.atom', 'catalog.csv', 'manifest.json']) assert.ok(existsSync(join(dir, f)), f);
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    assert.match(home, /href="\/catalog\/"/);
    assert.match(home, /action="https:\/\/gk\.example\.gov\.cn\/search"/);
    assert.match(home, /在线搜索/);
    const item = /href="(\/items\/\d+\/)"/.exec(home)![1]!;
    assert.ok(existsSync(join(dir, item, 'index.html')), item);
    for (const f of allFiles(dir)) assert.doesNotMatch(readFileSync(f, 'utf8'), /导出测试草稿不应出现/, f);
    assert.ok(!existsSync(join(dir, 'items', String(draft))));

    const again = await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    assert.equal(again.written, 0, JSON.stringify(again));
    assert.equal(again.removed, 0);

    const id = await fx.publish({ title: '导出后新发布的通知' });
    const third = await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    assert.ok(third.written > 0 && third.written < first.written / 2, JSON.stringify(third));
    assert.match(readFileSync(join(dir, 'items', String(id), 'index.html'), 'utf8'), /导出后新发布的通知/);
    await fx.withdraw(id, '导出测试撤回');
    await exportStatic(app, config, dir, { liveUrl: 'https://gk.example.gov.cn' });
    assert.match(readFileSync(join(dir, 'items', String(id), 'index.html'), 'utf8'), /导出测试撤回/);
  });
});
