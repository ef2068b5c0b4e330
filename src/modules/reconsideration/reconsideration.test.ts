import { test, before, after, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { ValidationError } from '../../platform/errors.ts';
import { cellFor, parseCase } from './reconsideration.ts';
import { reconsiderationCounts, reconsiderationNumbers } from './reconsideration.store.ts';
import { createReconsiderationService } from './reconsideration.service.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';

const reconsiderationService = createReconsiderationService(createVault('aes-256-gcm', ['ab'.repeat(32)]));

describe('table 四 cell of a case (cellFor)', () => {
  const cases: [
    string,
    { filed_on: string; decided_on: string | null; result: string | null },
    number,
    string | null,
  ][] = [
    [
      'decided in the year it was filed',
      { filed_on: '2025-03-01', decided_on: '2025-05-01', result: 'upheld' },
      2025,
      'upheld',
    ],
    ['corrected', { filed_on: '2025-03-01', decided_on: '2025-12-31', result: 'corrected' }, 2025, 'corrected'],
    ['other result', { filed_on: '2025-01-01', decided_on: '2025-02-01', result: 'other' }, 2025, 'other'],
    ['no result yet', { filed_on: '2025-11-01', decided_on: null, result: null }, 2025, 'pending'],
    [
      'decided after 31 December: pending in the year filed',
      { filed_on: '2025-11-01', decided_on: '2026-01-05', result: 'upheld' },
      2025,
      'pending',
    ],
    [
      'filed the year before, decided in this year: its result is reported in this year',
      { filed_on: '2024-12-31', decided_on: '2025-01-10', result: 'upheld' },
      2025,
      'upheld',
    ],
    [
      'filed the year before, decided the year before: not in this year',
      { filed_on: '2024-03-01', decided_on: '2024-12-31', result: 'corrected' },
      2025,
      null,
    ],
    [
      'filed two years before and still open at the year end: pending',
      { filed_on: '2023-06-01', decided_on: null, result: null },
      2025,
      'pending',
    ],
    ['filed the year after: not in this year', { filed_on: '2026-01-01', decided_on: null, result: null }, 2025, null],
  ];
  for (const [name, c, year, expected] of cases) test(name, () => assert.equal(cellFor(c, year), expected));

  test('a prior reconsideration only for a lawsuit after reconsideration', () => {
    const { issues } = parseCase(
      { kind: 'litigation_direct', body: '法院', filed_on: '2025-01-02', prior_case_id: '3' },
      '2026-01-01',
    );
    assert.deepEqual(
      issues.map((i) => i.field),
      ['prior_case_id'],
    );
  });
});

forEachDialect('reconsideration and litigation', (t) => {
  let app: FastifyInstance;
  let hrss = 0;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
    hrss = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => app.close());

  test('the office records a reconsideration and its result; table 四 counts it with its id', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get('/admin/reviews/new');
    const created = await officer.post('/admin/reviews', {
      kind: 'reconsideration',
      body: '岳阳市人民政府',
      case_number: '岳府复〔2025〕1号',
      filed_on: '2025-03-10',
    });
    assert.equal(created.statusCode, 303);
    const url = created.headers.location as string;
    const id = Number(/\/admin\/reviews\/(\d+)/.exec(url)![1]);
    const page = await officer.get(url);
    assert.match(page.body, /尚未审结/);
    const bad = await officer.post(`/admin/reviews/${id}/result`, { result: 'upheld', decided_on: '2025-03-01' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /决定日期不能早于立案日期/);
    const ok = await officer.post(`/admin/reviews/${id}/result`, { result: 'corrected', decided_on: '2025-06-01' });
    assert.equal(ok.statusCode, 303);
    const again = await officer.post(`/admin/reviews/${id}/result`, { result: 'upheld', decided_on: '2025-06-02' });
    assert.equal(again.statusCode, 422);
    const table = await reconsiderationCounts(t.handle.db, [hrss], 2025);
    assert.deepEqual(table.reconsideration.corrected, { count: 1, ids: [id] });
    const list = await officer.get('/admin/reviews?year=2025');
    assert.match(list.body, /data-cell="reconsideration.corrected">1</);
  });

  test('bad input is refused with a message and stores nothing', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get('/admin/reviews/new');
    const before = await t.handle.db
      .selectFrom('review_cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    const res = await officer.post('/admin/reviews', {
      kind: 'litigation_direct',
      body: '',
      filed_on: '2999-01-01',
      application_code: 'NOPE',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /error-summary/);
    assert.match(res.body, /日期不能晚于今天/);
    const after = await t.handle.db
      .selectFrom('review_cases')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });

  test('the three groups, pending at year end, and a roll-up over agencies', async () => {
    const db = t.handle.db;
    const county = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'huarong-hrss').executeTakeFirstOrThrow()
    ).id;
    const recon = await reconsiderationService.create(db, systemContext, county, {
      kind: 'reconsideration',
      body: '华容县人民政府',
      filed_on: '2024-11-02',
    });
    await reconsiderationService.create(db, systemContext, county, {
      kind: 'litigation_after_reconsideration',
      body: '华容县人民法院',
      filed_on: '2024-12-20',
      prior_case_id: String(recon),
    });
    const direct = await reconsiderationService.create(db, systemContext, county, {
      kind: 'litigation_direct',
      body: '华容县人民法院',
      filed_on: '2024-12-01',
    });
    await reconsiderationService.recordResult(db, systemContext, direct, {
      result: 'upheld',
      decided_on: '2025-02-01',
    });
    const n = reconsiderationNumbers(await reconsiderationCounts(db, [county], 2024));
    assert.deepEqual(n.reconsideration, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    assert.deepEqual(n.litigationAfterReconsideration, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    // Decided in 2025: 尚未审结 in the 2024 table, 结果维持 in the 2025 one.
    assert.deepEqual(n.litigationDirect, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    const n2025 = reconsiderationNumbers(await reconsiderationCounts(db, [county], 2025));
    assert.deepEqual(n2025.litigationDirect, { upheld: 1, corrected: 0, other: 0, pending: 0, total: 1 });
    // Still open on 2025-12-31: pending again in 2025.
    assert.deepEqual(n2025.reconsideration, { upheld: 0, corrected: 0, other: 0, pending: 1, total: 1 });
    const both = reconsiderationNumbers(await reconsiderationCounts(db, [county, hrss], 2024));
    assert.equal(both.reconsideration.total, 1);
    assert.deepEqual(reconsiderationNumbers(await reconsiderationCounts(db, [], 2024)).reconsideration.total, 0);
  });

  test('two years: a reconsideration filed in 2025 and decided in 2026 is reported once with its result', async () => {
    const db = t.handle.db;
    const agency = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-county-hrss').executeTakeFirstOrThrow()
    ).id;
    // By hand, the fixture:
    //   A filed 2025-03-02, decided 2025-06-30 corrected  -> 2025 corrected; 2026 nothing
    //   B filed 2025-11-20, decided 2026-01-15 upheld     -> 2025 pending;   2026 upheld
    //   C filed 2025-12-31, decided 2026-12-31 other      -> 2025 pending;   2026 other (last day counts)
    //   D filed 2026-02-01, open                          -> 2025 nothing;   2026 pending
    //   E filed 2026-05-05, decided 2027-01-04 corrected  -> 2025 nothing;   2026 pending
    // Recorded as on a day after all of them (the forms refuse dates after today).
    const LATER = '2027-06-01';
    const file = (filed_on: string) =>
      reconsiderationService.create(
        db,
        systemContext,
        agency,
        { kind: 'reconsideration', body: '岳阳县人民政府', filed_on },
        LATER,
      );
    const decide = (id: number, result: string, decided_on: string) =>
      reconsiderationService.recordResult(db, systemContext, id, { result, decided_on }, LATER);
    const a = await file('2025-03-02');
    const b = await file('2025-11-20');
    const c = await file('2025-12-31');
    const d = await file('2026-02-01');
    const e = await file('2026-05-05');
    await decide(a, 'corrected', '2025-06-30');
    await decide(b, 'upheld', '2026-01-15');
    await decide(c, 'other', '2026-12-31');
    await decide(e, 'corrected', '2027-01-04');
    const y2025 = (await reconsiderationCounts(db, [agency], 2025)).reconsideration;
    const y2026 = (await reconsiderationCounts(db, [agency], 2026)).reconsideration;
    assert.deepEqual(y2025.corrected.ids, [a]);
    assert.deepEqual(y2025.pending.ids, [b, c]);
    assert.deepEqual([y2025.upheld.count, y2025.other.count, y2025.total.count], [0, 0, 3]);
    assert.deepEqual(y2026.upheld.ids, [b]);
    assert.deepEqual(y2026.other.ids, [c]);
    assert.deepEqual(y2026.corrected.ids, []);
    assert.deepEqual(y2026.pending.ids, [d, e]);
    assert.equal(y2026.total.count, 4);
    // Every decided case's result appears in exactly one of the years.
    const results = (y: typeof y2025) => [...y.upheld.ids, ...y.corrected.ids, ...y.other.ids];
    const all = [...results(y2025), ...results(y2026)].sort((x, y) => x - y);
    assert.deepEqual(all, [a, b, c]);
  });

  test('a lawsuit after reconsideration links only to a reconsideration of the same agency', async () => {
    const db = t.handle.db;
    const county = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-county-hrss').executeTakeFirstOrThrow()
    ).id;
    const other = await reconsiderationService.create(db, systemContext, hrss, {
      kind: 'reconsideration',
      body: '岳阳市人民政府',
      filed_on: '2025-01-02',
    });
    await assert.rejects(
      reconsiderationService.create(db, systemContext, county, {
        kind: 'litigation_after_reconsideration',
        body: '法院',
        filed_on: '2025-03-01',
        prior_case_id: String(other),
      }),
      (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'prior_case_id'),
    );
  });

  test('the supervisor reads the list; only the office records', async () => {
    const supervisor = new Client(app);
    await supervisor.signIn('supervisor');
    assert.equal((await supervisor.get('/admin/reviews')).statusCode, 200);
    assert.equal((await supervisor.get('/admin/reviews/new')).statusCode, 403);
  });

  test('the case list pages: the count, the second page, and a bad page number refused', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get('/admin/reviews/new');
    for (let i = 1; i <= 22; i++) {
      const created = await officer.post('/admin/reviews', {
        kind: 'reconsideration',
        body: '岳阳市人民政府',
        case_number: `岳府复〔2019〕${100 + i}号`,
        filed_on: `2019-0${1 + (i % 9)}-${String(1 + i).padStart(2, '0')}`,
      });
      assert.equal(created.statusCode, 303);
    }
    const total = Number(
      (
        await t.handle.db
          .selectFrom('review_cases')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('agency_id', '=', hrss)
          .executeTakeFirstOrThrow()
      ).n,
    );
    assert.ok(total >= 22);
    const first = (await officer.get('/admin/reviews?per=20')).body;
    assert.match(first, new RegExp(`共 ${total} 条，第 1/${Math.ceil(total / 20)} 页`));
    assert.equal((first.match(/href="\/admin\/reviews\/\d+"/g) ?? []).length, 20);
    const second = (await officer.get('/admin/reviews?per=20&page=2')).body;
    assert.equal((second.match(/href="\/admin\/reviews\/\d+"/g) ?? []).length, total - 20);
    const bad = await officer.get('/admin/reviews?page=0');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.body, /页码/);
  });
});
