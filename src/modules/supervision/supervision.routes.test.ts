// The oversight view on fixtures whose figures are known: two supervised agencies with items on time,
// late and overdue, and cases answered in time, late, open and overdue. Today is 2026-06-15.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import { useClock } from '../../../test/support/clock.ts';
import type { Db } from '../../db/database.ts';
import { insertItemRows } from '../publishing/publishing.test-support.ts';

const AT = '2026-06-15T02:00:00.000Z';

async function agency(db: Db, code: string) {
  const a = await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow();
  const u = await db
    .selectFrom('units')
    .select('id')
    .where('agency_id', '=', a.id)
    .orderBy('id')
    .executeTakeFirstOrThrow();
  return { id: a.id, unit: u.id };
}

/** [status, publication date, due date, mode] */
type ItemCase = [string, string | null, string | null, string?];

async function items(db: Db, where: { id: number; unit: number }, cases: ItemCase[]) {
  let n = 0;
  for (const [status, published, due, mode] of cases)
    await insertItemRows(
      db,
      AT,
      {
        agency_id: where.id,
        index_number: `T-${where.id}-${++n}`,
        status,
        disclosure_mode: mode ?? 'proactive',
        catalog_category: 'work_news',
        responsible_unit_id: where.unit,
        formation_date: '2026-01-01',
        disclosure_due_on: due,
        publication_date: published,
      },
      { title: `监督测试信息${n}`, issuing_agencies: '[]', body_html: '<p>正文</p>' },
    );
}

/** [received, status, due date, answered on] */
type CaseRow = [string, string, string | null, string | null];

async function cases(db: Db, agencyId: number, rows: CaseRow[]) {
  for (const [received, status, due, answered] of rows)
    await db
      .insertInto('applications')
      .values({
        agency_id: agencyId,
        tracking_code: `TEST${agencyId}${received.replace(/-/g, '')}`,
        channel: 'online',
        applicant_kind: 'natural_person',
        applicant_name_enc: null,
        applicant_name_index: null,
        id_number_enc: null,
        id_number_index: null,
        phone_enc: null,
        address_enc: null,
        email_enc: null,
        organisation_credit_code: null,
        contact_person_enc: null,
        description: '申请公开的信息',
        document_number_hint: null,
        form_wanted: 'electronic',
        delivery_way: 'online',
        received_on: received,
        rules: '2019',
        status,
        due_date: due,
        due_date_provisional_years: null,
        waiting_until: null,
        outcome: answered ? 'granted' : null,
        outcome_on: answered,
        reply_summary: null,
        assigned_unit_id: null,
        created_by: null,
        created_at: AT,
        updated_at: AT,
      })
      .execute();
}

/** The figures of one table row, by indicator. */
function figures(body: string, rowAttr: string): Record<string, string> {
  const row = body.split(rowAttr)[1]!.split('</tr>')[0]!;
  const out: Record<string, string> = {};
  for (const m of row.matchAll(/<td data-figure="(\w+)"[^>]*>(.*?)<\/td>/g)) out[m[1]!] = m[2]!.replace(/<[^>]+>/g, '');
  return out;
}

forEachDialect('supervision: the oversight view', (t) => {
  useClock(AT);
  let app: FastifyInstance;
  let bureau: { id: number; unit: number };
  let county: { id: number; unit: number };
  let city: number;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    const db = t.handle.db;
    bureau = await agency(db, 'yueyang-hrss');
    county = await agency(db, 'yueyang-county-hrss');
    city = (await agency(db, 'yueyang')).id;
    await items(db, bureau, [
      ['published', '2026-03-10', '2026-03-20'], // on time
      ['published', '2026-04-10', '2026-04-01'], // late
      ['published', '2026-05-02', '2026-05-02'], // on the last day: on time
      ['published', '2025-12-01', '2025-12-05'], // another year
      ['draft', null, '2026-06-01'], // overdue, unpublished
      ['draft', null, '2026-06-20'], // not yet due
      ['published', '2026-02-01', null, 'on_application'], // published, no Art. 26 limit
      ['withdrawn', '2026-01-05', '2026-01-10'], // no longer public
    ]);
    await items(db, county, [['published', '2026-01-10', '2026-01-15']]);
    await cases(db, bureau.id, [
      ['2026-01-05', 'closed', '2026-02-02', '2026-01-20'], // answered in time
      ['2026-02-03', 'closed', '2026-03-03', '2026-03-10'], // answered late
      ['2026-05-06', 'open', '2026-06-03', null], // overdue
      ['2026-06-10', 'open', '2026-07-08', null], // open, not yet due
      ['2025-12-20', 'closed', '2026-01-20', '2026-01-10'], // received another year
    ]);
    await cases(db, county.id, [['2026-03-01', 'closed', '2026-03-27', '2026-03-05']]);
    app = await testApp(t.handle);
  });
  after(async () => app.close());

  const as = async (username: string) => {
    const c = new Client(app);
    assert.equal((await c.signIn(username)).statusCode, 303);
    return c;
  };

  test('one row per supervised agency with the exact figures, and the total', async () => {
    const c = await as('supervisor');
    const res = await c.get('/admin/oversight?year=2026');
    assert.equal(res.statusCode, 200);
    const body = res.body;
    assert.deepEqual(figures(body, 'data-agency="yueyang-hrss"'), {
      published: '4',
      art26_in_time: '66.7%（2/3）',
      overdue_unpublished: '1',
      received: '4',
      answered: '2',
      answered_in_time: '50.0%（1/2）',
      open: '2',
      overdue_open: '1',
      annual_report: '未报送',
    });
    assert.deepEqual(figures(body, 'data-agency="yueyang-county-hrss"'), {
      published: '1',
      art26_in_time: '100.0%（1/1）',
      overdue_unpublished: '0',
      received: '1',
      answered: '1',
      answered_in_time: '100.0%（1/1）',
      open: '0',
      overdue_open: '0',
      annual_report: '未报送',
    });
    assert.match(body, /data-agency="huarong-hrss"/);
    assert.doesNotMatch(body, /data-agency="yueyang"/, 'the city government is above the supervisor');
    assert.deepEqual(figures(body, 'data-total'), {
      published: '5',
      art26_in_time: '75.0%（3/4）',
      overdue_unpublished: '1',
      received: '5',
      answered: '3',
      answered_in_time: '66.7%（2/3）',
      open: '2',
      overdue_open: '1',
    });
    // Drill-downs: the public catalog of the year, the breakdown, the report status of the year before.
    assert.match(body, /href="\/catalog\?agency=yueyang-hrss&amp;year=2026"/);
    assert.match(body, new RegExp(`href="/admin/oversight/${bureau.id}\\?year=2026#by-month"`));
    assert.match(body, /href="\/admin\/reports\/status\?year=2025"/);
    // Every indicator has its definition on the page; no message key shows.
    for (const name of ['published', 'art26_in_time', 'overdue_unpublished', 'answered_in_time', 'annual_report'])
      assert.match(body, new RegExp(`data-definition="${name}"`));
    assert.match(body, /第二十六条/);
    assert.doesNotMatch(body, /supervision\.|nav\.oversight/);
    const en = await c.get('/admin/oversight?year=2026&lang=en');
    assert.match(en.body, /Oversight 2026/);
    assert.match(en.body, /Of the proactive items published in the year/);
  });

  test("an agency's breakdown: by unit and by month, counts only", async () => {
    const c = await as('supervisor');
    const res = await c.get(`/admin/oversight/${bureau.id}?year=2026`);
    assert.equal(res.statusCode, 200);
    assert.deepEqual(figures(res.body, `data-unit="${bureau.unit}"`), {
      published: '4',
      art26_in_time: '66.7%（2/3）',
      overdue_unpublished: '1',
    });
    assert.deepEqual(figures(res.body, 'data-month="2026-05"'), {
      received: '1',
      answered: '0',
      answered_in_time: '—（0/0）',
      open: '1',
      overdue_open: '1',
    });
    assert.equal(figures(res.body, 'data-month="2026-01"').received, '1');
    assert.equal(figures(res.body, 'data-month="2026-03"').received, '0');
    assert.equal(figures(res.body.split('data-breakdown="month"')[1]!, 'data-total').received, '4');
    // No case, no tracking code.
    assert.doesNotMatch(res.body, /TEST\d+/);
    assert.doesNotMatch(res.body, /\/admin\/applications\/\d/);
  });

  test('a foreign or missing agency answers 404; a bad year 404; other roles 403', async () => {
    const c = await as('supervisor');
    assert.equal((await c.get(`/admin/oversight/${city}`)).statusCode, 404);
    assert.equal((await c.get('/admin/oversight/999999')).statusCode, 404);
    assert.equal((await c.get('/admin/oversight?year=2007')).statusCode, 404);
    assert.equal((await c.get(`/admin/oversight/${county.id}?year=2030`)).statusCode, 404);
    const officer = await as('officer');
    assert.equal((await officer.get('/admin/oversight')).statusCode, 403);
    assert.equal((await officer.get(`/admin/oversight/${bureau.id}`)).statusCode, 403);
  });

  test("the supervisor's dashboard points at the view", async () => {
    const c = await as('supervisor');
    const body = (await c.get('/admin')).body;
    assert.match(body, /data-panel="oversight"/);
    assert.match(body, /您监督的 3 个机关：逾期未公开 1 条，超期未答复申请 1 件。/);
    assert.match(body, /href="\/admin\/oversight"/);
    const officer = await as('officer');
    assert.doesNotMatch((await officer.get('/admin')).body, /data-panel="oversight"/);
  });
});
