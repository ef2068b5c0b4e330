// /admin/applications pages, filters (unit, year received, tracking code) and sorts on the
// server and shows its count (issue 15 item 9); a query it cannot read answers 400 in both
// languages. Both engines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client } from '../../../test/support/app.ts';
import { useClock } from '../../../test/support/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { createApplicationsService } from './applications.service.ts';
import { useApplicationsApp } from './applications.test-support.ts';

const KEY = 'ef'.repeat(32);
const ID = '43060219850301123';
const service = createApplicationsService(createVault('aes-256-gcm', [KEY]));
const CASES = 60;

function countLine(html: string): { total: number; page: number; pages: number } {
  const m = /共 (\d+) 条，第 (\d+)\/(\d+) 页/.exec(html);
  assert.ok(m, 'the page shows its count');
  return { total: Number(m[1]), page: Number(m[2]), pages: Number(m[3]) };
}

function caseIds(html: string): number[] {
  return [...html.matchAll(/<th scope="row" class="nowrap"><a href="\/admin\/applications\/(\d+)"/g)].map((m) =>
    Number(m[1]),
  );
}

forEachDialect('the console list of applications', (t) => {
  useClock('2026-11-06T02:00:00Z');
  const state = useApplicationsApp(t, KEY);
  const codes: string[] = [];

  test('sixty cases over two years and two units', async () => {
    const units = await state.db
      .selectFrom('units')
      .select(['id', 'name'])
      .where('agency_id', '=', state.agencyId)
      .where('name', 'in', ['就业促进科', '劳动关系科'])
      .orderBy('name')
      .execute();
    for (let i = 0; i < CASES; i++) {
      const year = i % 3 === 0 ? 2025 : 2026;
      const created = await service.registerAtCounter(state.db, systemContext, state.agencyId, {
        channel: 'in_person',
        submitted_on: `${year}-0${1 + (i % 9)}-1${i % 10}`,
        applicant_kind: 'natural_person',
        applicant_name: `申请人${i}`,
        id_number: ID + residentIdCheckChar(ID),
        phone: '13700000000',
        description: '就业专项资金分配明细',
        form_wanted: 'electronic',
        delivery_way: 'pickup',
        assigned_unit_id: String(units[i % 2]!.id),
      });
      codes.push(created.trackingCode);
    }
  });

  test('count, pages and a stable sort', async () => {
    const officer = new Client(state.app);
    assert.equal((await officer.signIn('officer')).statusCode, 303);
    const first = await officer.get('/admin/applications?filter=all&lang=zh-CN');
    assert.equal(first.statusCode, 200);
    assert.deepEqual(countLine(first.body), { total: CASES, page: 1, pages: 2 });
    const ids = caseIds(first.body);
    assert.equal(ids.length, 50);
    assert.match(first.body, /href="\/admin\/applications\?filter=all&amp;page=2" rel="next"/);
    const second = await officer.get('/admin/applications?filter=all&page=2');
    const more = caseIds(second.body);
    assert.equal(more.length, CASES - 50);
    assert.equal(new Set([...ids, ...more]).size, CASES, 'every case once');
    const byReceived = await officer.get('/admin/applications?filter=all&sort=received&dir=desc&per=100');
    const received = [...byReceived.body.matchAll(/<td class="date">(\d{4}-\d{2}-\d{2})<\/td>/g)].map((m) => m[1]!);
    assert.equal(received.length, CASES);
    assert.deepEqual(received, [...received].sort().reverse());
    const again = await officer.get('/admin/applications?filter=all&sort=received&dir=desc&per=100');
    assert.deepEqual(caseIds(again.body), caseIds(byReceived.body), 'the same order twice');
  });

  test('unit, year and tracking code combine, and the tab counts follow them', async () => {
    const officer = new Client(state.app);
    assert.equal((await officer.signIn('officer')).statusCode, 303);
    const unit = await state.db
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', state.agencyId)
      .where('name', '=', '劳动关系科')
      .executeTakeFirstOrThrow();
    const want = await state.db
      .selectFrom('applications')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('assigned_unit_id', '=', unit.id)
      .where('received_on', '>=', '2025-01-01')
      .where('received_on', '<=', '2025-12-31')
      .executeTakeFirstOrThrow();
    const res = await officer.get(`/admin/applications?filter=all&unit=${unit.id}&year=2025&lang=zh-CN`);
    assert.equal(countLine(res.body).total, Number(want.n));
    assert.ok(Number(want.n) > 0 && Number(want.n) < CASES);
    assert.match(res.body, new RegExp(`data-count="all"><span class="count-links__n">${want.n}<`));
    const code = codes[7]!;
    const one = await officer.get(`/admin/applications?filter=all&q=${code.toLowerCase()}`);
    assert.equal(countLine(one.body).total, 1);
    const blank = await officer.get('/admin/applications?filter=all&unit=&year=&q=&sort=&dir=');
    assert.equal(countLine(blank.body).total, CASES);
  });

  test('a query the list cannot read answers 400 in Chinese and English', async () => {
    const officer = new Client(state.app);
    assert.equal((await officer.signIn('officer')).statusCode, 303);
    for (const query of ['page=0', 'per=200', 'year=abcd', 'filter=mine', 'sort=name', 'unit=x']) {
      const zh = await officer.get(`/admin/applications?${query}&lang=zh-CN`);
      assert.equal(zh.statusCode, 400, query);
      assert.match(zh.body, /链接中的查询条件有误/);
      const en = await officer.get(`/admin/applications?${query}&lang=en`);
      assert.equal(en.statusCode, 400, query);
      assert.match(en.body, /The address has a query the list cannot read/);
    }
  });
});
