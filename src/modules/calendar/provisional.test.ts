// Provisional due dates on both engines: an application and an Art. 26 item counted into 2027
// before its holiday notice is loaded skip 元旦 and are marked provisional on every page, in the
// API and in the extension notice; loading the notice (with a worked Sunday) recomputes them in the
// same transaction as its audit event, clears the mark and tells the officer of a moved date; the
// system administrator is reminded on the console from 1 November. Dates worked out by hand.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { createApplicationsService } from '../applications/applications.service.ts';
import { applicationsStore } from '../applications/applications.store.ts';
import { asUser, callerOf, demoBureau, itemInput } from '../publishing/publishing.test-support.ts';
import { solvedForm } from '../applications/applications.test-support.ts';
import { calendarService, invalidateCalendarCache } from './calendar.service.ts';

const KEY = '2e'.repeat(32);
const service = createApplicationsService(createVault('aes-256-gcm', [KEY]));
const ID = '43060219900101123' + residentIdCheckChar('43060219900101123');
const person = {
  applicant_kind: 'natural_person',
  applicant_name: '张三',
  id_number: ID,
  phone: '13812345678',
  address: '湖南省岳阳市岳阳楼区东茅岭路1号',
  email: 'zhangsan@example.cn',
  description: '2026年就业补贴发放情况',
  form_wanted: 'electronic',
  delivery_way: 'email',
};
const NOTE_ZH = '（暂按法定节假日计算，待国务院2027年放假安排公布后确认）';

function at(date: string) {
  setClock(() => new Date(`${date}T04:00:00.000Z`)); // noon in China
}

forEachDialect('provisional due dates in a year without a holiday notice', (t) => {
  let app: FastifyInstance;
  let agencyId: number;
  const officer = { actorUserId: null, actorName: 'officer', ip: null };
  const ids = { december: 0, january: 0, item: 0 };
  let decemberCode = '';

  before(async () => {
    at('2026-12-07');
    invalidateCalendarCache();
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle, { personalDataKeys: [KEY] });
    agencyId = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => {
    setClock(undefined);
    invalidateCalendarCache();
    await app.close();
  });

  const register = (receivedOn: string) =>
    service.registerAtCounter(t.handle.db, officer, agencyId, {
      ...person,
      channel: 'in_person',
      submitted_on: receivedOn,
    });

  test('received 2026-12-07 with no 2027 notice: due 2027-01-05, skipping 元旦, provisional', async () => {
    at('2026-12-07');
    const created = await register('2026-12-07');
    ids.december = created.id;
    decemberCode = created.trackingCode;
    const row = (await applicationsStore.byId(t.handle.db, created.id))!;
    // Dec 8–11 (1–4), 14–18 (5–9), 21–25 (10–14), 28–31 (15–18), Fri 1/1 元旦 off, Mon 1/4 (19), Tue 1/5 (20).
    assert.equal(row.due_date, '2027-01-05');
    assert.equal(row.due_date_provisional_years, '2027');

    const { unit } = await demoBureau(t.handle.db);
    const drafter = await callerOf(t.handle.db, 'drafter');
    const item = await asUser.createDraft(
      t.handle.db,
      drafter,
      itemInput(unit, { formation_date: '2026-12-07', disclosure_mode: 'proactive' }),
    );
    ids.item = item.id;
    const stored = await t.handle.db
      .selectFrom('information_items')
      .select(['disclosure_due_on', 'disclosure_due_provisional_years'])
      .where('id', '=', item.id)
      .executeTakeFirstOrThrow();
    // Art. 26: the same 20 working days from the formation date.
    assert.deepEqual(stored, { disclosure_due_on: '2027-01-05', disclosure_due_provisional_years: '2027' });
  });

  test('the provisional mark is shown to the officer, the applicant, the catalog and the API', async () => {
    at('2026-12-07');
    const c = new Client(app);
    await c.signIn('officer');
    const casePage = await c.get(`/admin/applications/${ids.december}`);
    assert.equal(casePage.statusCode, 200);
    assert.ok(casePage.body.includes(`2027-01-05<span class="provisional-note" data-provisional="2027">${NOTE_ZH}`));
    const api = JSON.parse((await c.get(`/api/v1/applications/${ids.december}/deadline`)).body);
    assert.equal(api.application.dueDate, '2027-01-05');
    assert.equal(api.application.dueDateProvisional, true);
    assert.deepEqual(api.application.dueDateProvisionalYears, [2027]);
    assert.deepEqual(api.deadline.provisionalYears, [2027]);

    const track = await new Client(app).get(`/apply/track/${decemberCode}`);
    assert.equal(track.statusCode, 200);
    assert.ok(track.body.includes(NOTE_ZH), 'the public tracking page says the date is provisional');
    const english = await new Client(app).get(`/apply/track/${decemberCode}`, { cookie: 'gk_lang=en' });
    assert.match(english.body, /provisional: counted on the statutory holidays only/);
    assert.match(english.body, /provisional: counted on the statutory holidays/);

    const drafter = new Client(app);
    await drafter.signIn('drafter');
    const itemPage = await drafter.get(`/admin/items/${ids.item}`);
    assert.equal(itemPage.statusCode, 200);
    assert.ok(itemPage.body.includes(NOTE_ZH), 'the catalog item shows its 应公开日期 as provisional');
  });

  test('the applicant’s confirmation page shows the provisional due date', async () => {
    at('2026-12-07');
    const client = new Client(app);
    const res = await client.post(
      '/apply',
      await solvedForm(client, {
        agency_id: String(agencyId),
        applicant_kind: 'natural_person',
        applicant_name: '李四',
        id_number: ID,
        phone: '13712345678',
        description: '2026年就业见习补贴的发放名单',
        form_wanted: 'electronic',
        delivery_way: 'online',
      }),
    );
    assert.equal(res.statusCode, 200);
    assert.ok(res.body.includes(`2027-01-05${NOTE_ZH}`));
  });

  test('the extension notice prints the provisional date with its note', async () => {
    at('2026-12-10');
    const { id } = await register('2026-12-07');
    const c = new Client(app);
    await c.signIn('officer');
    await c.get(`/admin/applications/${id}`);
    const res = await c.post(`/admin/applications/${id}/events`, {
      kind: 'extension_approved',
      date: '2026-12-10',
      days: '10',
      reason: '需要调取档案',
      approver: '办公室主任',
    });
    assert.equal(res.statusCode, 303);
    // 30 working days from 2026-12-07: 1/5 (20) as above, 1/6–1/8 (21–23), 1/11–1/15 (24–28), 1/18, 1/19 (30).
    assert.equal((await applicationsStore.byId(t.handle.db, id))!.due_date, '2027-01-19');
    const notice = await c.get(`/admin/applications/${id}/notices/extension.html`);
    assert.equal(notice.statusCode, 200);
    assert.ok(notice.body.includes(`延长后的答复期限为2027年1月19日${NOTE_ZH}。`));
  });

  test('the consultation letter and the fee notice print their provisional dates with the note', async () => {
    at('2026-12-14');
    const c = new Client(app);
    await c.signIn('officer');
    const consulted = (await register('2026-12-14')).id;
    await c.get(`/admin/applications/${consulted}`);
    const letter = await c.post(`/admin/applications/${consulted}/events`, {
      kind: 'consultation_started',
      date: '2026-12-14',
      party: 'third_party',
      letter_received_on: '2026-12-15',
    });
    assert.equal(letter.statusCode, 303, letter.body);
    // 15 working days after receipt on 2026-12-15: 12/16–12/18 (1–3), 12/21–12/25 (4–8),
    // 12/28–12/31 (9–12), 1/1 is 元旦, 1/4–1/6 (13–15).
    const consultation = await c.get(`/admin/applications/${consulted}/notices/consultation.html`);
    assert.equal(consultation.statusCode, 200);
    assert.ok(
      consultation.body.includes('（即2027年1月6日前，暂按法定节假日计算，待国务院2027年放假安排公布后确认）'),
      'consultation letter',
    );

    const charged = (await register('2026-12-14')).id;
    await c.get(`/admin/applications/${charged}`);
    const fee = await c.post(`/admin/applications/${charged}/events`, {
      kind: 'fee_notice_sent',
      date: '2026-12-14',
      fee_method: 'by_pages',
      pages: '50',
    });
    assert.equal(fee.statusCode, 303, fee.body);
    const notice = await c.get(`/admin/applications/${charged}/notices/fee.html`);
    assert.equal(notice.statusCode, 200);
    assert.match(
      notice.body,
      /（即2027年1月\d+日前，暂按法定节假日计算，待国务院2027年放假安排公布后确认）/,
      'fee notice',
    );
  });

  test('the system administrator is reminded on the console; the officer is not', async () => {
    at('2026-12-07');
    const admin = new Client(app);
    await admin.signIn('admin');
    const page = await admin.get('/admin');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-panel="calendar-notice"/);
    assert.match(page.body, /data-notice-year="2027"/);
    const officerClient = new Client(app);
    await officerClient.signIn('officer');
    assert.doesNotMatch((await officerClient.get('/admin')).body, /data-panel="calendar-notice"/);
    at('2026-10-31');
    assert.doesNotMatch((await admin.get('/admin')).body, /data-panel="calendar-notice"/, 'not before 1 November');
  });

  test('loading the 2027 notice recomputes the provisional dates in its transaction', async () => {
    // A second case received Fri 2027-01-22, still without the notice: Jan 25–29 (1–5), Feb 1–4
    // (6–9), 2/5 除夕 to 2/8 初三 off, Feb 9–12 (10–13), 15–19 (14–18), 22 (19), Tue 2/23 (20).
    at('2027-01-22');
    ids.january = (await register('2027-01-22')).id;
    const january = (await applicationsStore.byId(t.handle.db, ids.january))!;
    assert.equal(january.due_date, '2027-02-23');
    assert.equal(january.due_date_provisional_years, '2027');

    const audits = async () =>
      (
        await t.handle.db
          .selectFrom('audit_events')
          .select('action')
          .where('action', '=', 'calendar.notice_add')
          .execute()
      ).length;
    const before = await audits();
    const result = await calendarService.addNotice(
      t.handle.db,
      { actorUserId: null, actorName: 'admin', ip: null },
      {
        year: 2027,
        kind: 'annual',
        title: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
        url: null,
        note: null,
        daysText: '2027-01-01..2027-01-03 休 元旦\n2027-02-05..2027-02-11 休 春节\n2027-02-14 班 春节调休',
      },
    );
    assert.equal(await audits(), before + 1);
    assert.ok(result.recomputed >= 3, 'two cases and the catalog item');

    // The December case: Jan 1–3 off as before, so still Tue 2027-01-05, now final.
    const december = (await applicationsStore.byId(t.handle.db, ids.december))!;
    assert.equal(december.due_date, '2027-01-05');
    assert.equal(december.due_date_provisional_years, null);
    // The January case: Feb 5–11 off, Sunday 2/14 worked: Jan 25–29 (1–5), Feb 1–4 (6–9),
    // Fri 2/12 (10), Sun 2/14 (11), 15–19 (12–16), 22–25 (17–20): Thu 2027-02-25.
    const moved = (await applicationsStore.byId(t.handle.db, ids.january))!;
    assert.equal(moved.due_date, '2027-02-25');
    assert.equal(moved.due_date_provisional_years, null);
    const events = await applicationsStore.events(t.handle.db, ids.january);
    const recomputed = events.find((e) => e.kind === 'due_date_recomputed');
    assert.ok(recomputed);
    assert.match(recomputed.detail_json, /"from":"2027-02-23","to":"2027-02-25"/);
    assert.match(recomputed.detail_json, /"provisionalFrom":"2027"/);

    const item = await t.handle.db
      .selectFrom('information_items')
      .select(['disclosure_due_on', 'disclosure_due_provisional_years'])
      .where('id', '=', ids.item)
      .executeTakeFirstOrThrow();
    assert.deepEqual(item, { disclosure_due_on: '2027-01-05', disclosure_due_provisional_years: null });

    // The officer is told of the moved date (and only of that one) on the console.
    const notices = await t.handle.db
      .selectFrom('notifications')
      .select(['application_id', 'detail_json'])
      .where('kind', '=', 'due_date_moved')
      .execute();
    assert.ok(notices.length >= 1);
    assert.ok(notices.every((n) => n.application_id === ids.january));
    const c = new Client(app);
    await c.signIn('officer');
    const dashboard = await c.get('/admin');
    assert.match(dashboard.body, /答复期限由 2027-02-23 改为 2027-02-25/);
    const casePage = await c.get(`/admin/applications/${ids.december}`);
    assert.ok(!casePage.body.includes('暂按法定节假日计算'), 'no longer provisional');

    const admin = new Client(app);
    await admin.signIn('admin');
    assert.doesNotMatch((await admin.get('/admin')).body, /data-panel="calendar-notice"/, 'the reminder ends');
  });

  test('a start-up recompute with nothing to change writes nothing', async () => {
    at('2027-01-22');
    const count = async () => (await t.handle.db.selectFrom('audit_events').select('id').execute()).length;
    const before = await count();
    assert.equal(await calendarService.recomputeStored(t.handle.db, '测试'), 0);
    assert.equal(await count(), before);
  });
});
