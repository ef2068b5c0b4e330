// /admin/items pages, filters and sorts on the server and says how many there are (issue 15 item
// 9: it stopped at 500 rows without saying so). Counts are checked against the database, every
// page of a sort is walked, filters combine, and a query it cannot read answers 400 in both
// languages. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoPublications, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';

async function signedIn(app: FastifyInstance, username: string): Promise<Client> {
  const client = new Client(app);
  assert.equal((await client.signIn(username)).statusCode, 303, `${username} signs in`);
  return client;
}

/** The count line: "共 N 条，第 x/y 页". */
function countLine(html: string): { total: number; page: number; pages: number } {
  const m = /共 (\d+) 条，第 (\d+)\/(\d+) 页/.exec(html);
  assert.ok(m, 'the page shows its count');
  return { total: Number(m[1]), page: Number(m[2]), pages: Number(m[3]) };
}

/** The item ids linked from the rows of the list, in order. */
function rowIds(html: string): number[] {
  return [...html.matchAll(/<th scope="row" class="table__title"><a href="\/admin\/items\/(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
}

async function countWhere(db: Db, where: { status?: string; category?: string; year?: number }): Promise<number> {
  let q = db
    .selectFrom('information_items as i')
    .innerJoin('agencies as a', 'a.id', 'i.agency_id')
    .where('a.code', '=', 'yueyang-hrss');
  if (where.status) q = q.where('i.status', '=', where.status);
  if (where.category) q = q.where('i.catalog_category', '=', where.category);
  if (where.year)
    q = q.where('i.formation_date', '>=', `${where.year}-01-01`).where('i.formation_date', '<=', `${where.year}-12-31`);
  const row = await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

forEachDialect('the console catalog list', (t) => {
  let app: FastifyInstance;
  let officer: Client;
  before(async () => {
    await seedSmallDemo(t.handle);
    // More than a page of 100: older years too, as the list must reach them.
    for (const year of [2012, 2025]) await seedDemoPublications(t.handle.db, year);
    app = await testApp(t.handle);
    officer = await signedIn(app, 'officer');
  });
  after(async () => app.close());

  test('the count is the whole list, and the last page is reachable', async () => {
    const all = await countWhere(t.handle.db, {});
    assert.ok(all > 100, `the demo year holds more than a page: ${all}`);
    const first = await officer.get('/admin/items?lang=zh-CN');
    assert.equal(first.statusCode, 200);
    assert.deepEqual(countLine(first.body), { total: all, page: 1, pages: Math.ceil(all / 50) });
    assert.equal(rowIds(first.body).length, 50);
    assert.match(first.body, /href="\/admin\/items\?page=2" rel="next"/);
    const second = await officer.get('/admin/items?page=2');
    assert.equal(countLine(second.body).page, 2);
    const ids1 = rowIds(first.body);
    const ids2 = rowIds(second.body);
    assert.equal(ids2.length, 50);
    assert.deepEqual(
      ids2.filter((id) => ids1.includes(id)),
      [],
      'page 2 shows other items',
    );
    const pages = Math.ceil(all / 100);
    const last = await officer.get(`/admin/items?per=100&page=${pages}`);
    assert.equal(rowIds(last.body).length, all - (pages - 1) * 100, 'the oldest items are on the last page');
  });

  test('a sort walks every item once, in order, with ties broken by id', async () => {
    const all = await countWhere(t.handle.db, {});
    const seen: number[] = [];
    const dates: string[] = [];
    for (let page = 1; page <= Math.ceil(all / 100); page++) {
      const res = await officer.get(`/admin/items?sort=formation&dir=asc&per=100&page=${page}`);
      assert.equal(res.statusCode, 200);
      seen.push(...rowIds(res.body));
      for (const row of res.body.split('<tr>').slice(2))
        dates.push(/<td class="date">(\d{4}-\d{2}-\d{2})<\/td>/.exec(row)![1]!);
    }
    assert.equal(seen.length, all);
    assert.equal(new Set(seen).size, all, 'no item twice, none left out');
    assert.deepEqual(dates, [...dates].sort(), 'formation dates ascending across pages');
    const again: number[] = [];
    for (let page = 1; page <= Math.ceil(all / 100); page++)
      again.push(...rowIds((await officer.get(`/admin/items?sort=formation&dir=asc&per=100&page=${page}`)).body));
    assert.deepEqual(again, seen, 'the same order twice');
  });

  test('filters combine: status, category, year and keyword', async () => {
    const db = t.handle.db;
    const category = 'work_news';
    const want = await countWhere(db, { status: 'published', category, year: 2024 });
    assert.ok(want > 0);
    const res = await officer.get(`/admin/items?status=published&category=${category}&year=2024`);
    assert.equal(countLine(res.body).total, want);
    const none = await officer.get(`/admin/items?status=published&category=${category}&year=2019`);
    assert.equal(countLine(none.body).total, 0);
    // A keyword from one title finds that item, within the other filters.
    const one = await db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.id', 'v.title', 'i.index_number'])
      .where('i.catalog_category', '=', category)
      .orderBy('i.id')
      .executeTakeFirstOrThrow();
    const byTitle = await officer.get(`/admin/items?category=${category}&q=${encodeURIComponent(one.title)}`);
    assert.ok(rowIds(byTitle.body).includes(one.id));
    const byIndex = await officer.get(`/admin/items?q=${encodeURIComponent(one.index_number)}`);
    assert.deepEqual(rowIds(byIndex.body), [one.id]);
    const wrongCategory = await officer.get(`/admin/items?category=notice&q=${encodeURIComponent(one.index_number)}`);
    assert.equal(countLine(wrongCategory.body).total, 0);
    // "%" and "_" are matched as typed, not as wildcards.
    assert.equal(countLine((await officer.get('/admin/items?q=%25')).body).total, 0);
    // A filter left at "any" ("" from the form) is no filter.
    const blank = await officer.get('/admin/items?status=&category=&unit=&year=&q=&sort=&dir=');
    assert.equal(countLine(blank.body).total, await countWhere(db, {}));
  });

  test('a drafter sees the own unit only, counted in SQL', async () => {
    const drafter = await signedIn(app, 'drafter');
    const res = await drafter.get('/admin/items?per=100');
    assert.equal(res.statusCode, 200);
    const unitIds = await t.handle.db
      .selectFrom('information_items')
      .select('responsible_unit_id')
      .where('id', 'in', rowIds(res.body))
      .distinct()
      .execute();
    assert.equal(unitIds.length, 1, 'one unit');
  });

  test('a query the list cannot read answers 400 in Chinese and English', async () => {
    for (const query of ['page=0', 'page=abc', 'per=7', 'year=20x4', 'status=bogus', 'sort=id', 'unit=-1', 'dir=up']) {
      const zh = await officer.get(`/admin/items?${query}&lang=zh-CN`);
      assert.equal(zh.statusCode, 400, query);
      assert.match(zh.body, /链接中的查询条件有误/, query);
      const en = await officer.get(`/admin/items?${query}&lang=en`);
      assert.equal(en.statusCode, 400, query);
      assert.match(en.body, /The address has a query the list cannot read/, query);
    }
    const named = await officer.get('/admin/items?year=20x4&lang=zh-CN');
    assert.match(named.body, /“年份”/);
  });
});
