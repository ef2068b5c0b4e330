// /admin/tasks pages, filters and sorts on the server and says how many there are (issue 15 item
// 9: it stopped at 1,000 rows and narrowed to the reader's unit in memory). Counts are checked
// against the database, a sort is walked page by page, filters combine, a unit head sees only
// their unit's duties in the count too, and a query it cannot read answers 400. Both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';

/** The count line: "共 N 条，第 x/y 页". */
function countLine(html: string): { total: number; page: number; pages: number } {
  const m = /共 (\d+) 条，第 (\d+)\/(\d+) 页/.exec(html);
  assert.ok(m, 'the page shows its count');
  return { total: Number(m[1]), page: Number(m[2]), pages: Number(m[3]) };
}

/** The task titles of the table's rows, in order. */
function titles(html: string): string[] {
  const body = html.slice(html.indexOf('<tbody>'), html.indexOf('</tbody>'));
  return [...body.matchAll(/<tr><td>([^<]+)<\/td>/g)].map((m) => m[1]!);
}

forEachDialect('the console task list', (t) => {
  let app: FastifyInstance;
  let officer: Client;
  let head: Client;
  let headUnit: number;
  const UNITS = 3;
  const PER_UNIT = 60;

  before(async () => {
    await seedDemoOrganisation(t.handle);
    const db = t.handle.db;
    const agency = await db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    const headGrant = await db
      .selectFrom('role_assignments as r')
      .innerJoin('users as u', 'u.id', 'r.user_id')
      .select('r.unit_id')
      .where('u.username', '=', 'unithead')
      .where('r.role', '=', 'unit_head')
      .executeTakeFirstOrThrow();
    headUnit = headGrant.unit_id!;
    const others = await db
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', agency.id)
      .where('id', '!=', headUnit)
      .orderBy('id')
      .limit(UNITS - 1)
      .execute();
    const units = [headUnit, ...others.map((u) => u.id)];
    // Deadlines far in the past (2012: open ones are overdue) and far ahead (2040), so the
    // "overdue" filter does not depend on the day the test runs.
    const rows = units.flatMap((unit, u) =>
      Array.from({ length: PER_UNIT }, (_, i) => {
        const year = i % 2 === 0 ? 2012 : 2040;
        const n = String(u * PER_UNIT + i).padStart(3, '0');
        return {
          agency_id: agency.id,
          unit_id: unit,
          title: `分页任务${n}`,
          scope: i % 10 === 0 ? '每月公示审核结果' : '按季度公开',
          due_on: `${year}-${String((i % 12) + 1).padStart(2, '0')}-15`,
          status: i % 3 === 0 ? 'done' : 'open',
          done_on: i % 3 === 0 ? `${year}-01-02` : null,
          created_by: null,
          created_at: '2024-01-01T00:00:00.000Z',
          updated_at: '2024-01-01T00:00:00.000Z',
        };
      }),
    );
    await db.deleteFrom('disclosure_tasks').execute();
    await db.insertInto('disclosure_tasks').values(rows).execute();
    app = await testApp(t.handle);
    officer = new Client(app);
    assert.equal((await officer.signIn('officer')).statusCode, 303);
    head = new Client(app);
    assert.equal((await head.signIn('unithead')).statusCode, 303);
  });
  after(async () => app.close());

  test('the count is the whole list, past the old cap of a page, and every page is reachable', async () => {
    const all = UNITS * PER_UNIT;
    const first = await officer.get('/admin/tasks?lang=zh-CN');
    assert.equal(first.statusCode, 200);
    assert.deepEqual(countLine(first.body), { total: all, page: 1, pages: Math.ceil(all / 50) });
    assert.equal(titles(first.body).length, 50);
    assert.match(first.body, /href="\/admin\/tasks\?page=2" rel="next"/);
    const seen = new Set<string>();
    for (let page = 1; page <= Math.ceil(all / 50); page++)
      for (const title of titles((await officer.get(`/admin/tasks?page=${page}`)).body)) seen.add(title);
    assert.equal(seen.size, all, 'every duty once over the pages');
  });

  test('a sort by title walks every duty in order; open duties come before done ones', async () => {
    const walked: string[] = [];
    for (let page = 1; page <= 2; page++)
      walked.push(...titles((await officer.get(`/admin/tasks?sort=title&dir=asc&per=100&page=${page}`)).body));
    const open = walked.slice(0, (UNITS * PER_UNIT * 2) / 3);
    assert.deepEqual(open, [...open].sort(), 'open duties by title, ascending');
    const desc = titles((await officer.get('/admin/tasks?sort=title&dir=desc&status=done&per=100')).body);
    assert.deepEqual(desc, [...desc].sort().reverse(), 'done duties by title, descending');
  });

  test('filters by status, unit, deadline year and keyword combine, and the count follows', async () => {
    const done = countLine((await officer.get('/admin/tasks?status=done')).body);
    assert.equal(done.total, UNITS * (PER_UNIT / 3));
    // Open with a 2012 deadline: i even and not a multiple of 3 → 20 of every 60.
    const overdue = countLine((await officer.get('/admin/tasks?status=overdue')).body);
    assert.equal(overdue.total, UNITS * 20);
    const unit = countLine((await officer.get(`/admin/tasks?unit=${headUnit}&year=2040`)).body);
    assert.equal(unit.total, PER_UNIT / 2);
    const keyword = await officer.get(`/admin/tasks?q=${encodeURIComponent('每月公示')}&status=done`);
    // i % 10 === 0 and i % 3 === 0: i = 0, 30 in each unit.
    assert.equal(countLine(keyword.body).total, UNITS * 2);
    const none = await officer.get(`/admin/tasks?q=${encodeURIComponent('100%_')}`);
    assert.equal(countLine(none.body).total, 0, 'wildcards typed by a user match themselves');
    assert.match(none.body, /没有符合筛选条件的任务/);
  });

  test('a unit head counts and pages their own unit only', async () => {
    const res = await head.get('/admin/tasks?per=100');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /本科室的任务/);
    assert.equal(countLine(res.body).total, PER_UNIT);
    const other = await head.get(`/admin/tasks?unit=${headUnit + 1}`);
    assert.equal(countLine(other.body).total, 0, 'another unit’s filter finds nothing outside the scope');
  });

  test('a query it cannot read answers 400 in both languages', async () => {
    const bad = await officer.get('/admin/tasks?page=abc');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /“页码”的值无效/);
    const status = await officer.get('/admin/tasks?status=late');
    assert.equal(status.statusCode, 400);
    assert.match(status.body, /“状态”的值无效/);
    const en = await officer.get('/admin/tasks?per=7&lang=en');
    assert.equal(en.statusCode, 400);
    assert.match(en.body, /rows per page/);
  });
});
