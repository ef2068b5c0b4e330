import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import { calendarService, getCalendar, onCalendarChange, invalidateCalendarCache } from './calendar.service.ts';
import { parseNoticeDays } from './calendar.ts';
import { systemContext } from '../../platform/audit/audit.ts';

test('notice days are parsed from the way officers type them', () => {
  const { rows, issues } = parseNoticeDays(
    '2027-02-05..2027-02-07 休 春节\n2027-02-14 班 春节调休\n\n2027-01-01 off 元旦',
    2027,
  );
  assert.deepEqual(issues, []);
  assert.deepEqual(
    rows.map((r) => `${r.date}${r.isOffDay ? '休' : '班'}`),
    ['2027-02-05休', '2027-02-06休', '2027-02-07休', '2027-02-14班', '2027-01-01休'],
  );
  assert.match(
    parseNoticeDays('2027-02-10 班 错误', 2027).issues[0]!.message.zh,
    /是工作日，只有周六、周日才能调休上班/,
  );
  assert.match(parseNoticeDays('明年春节放假', 2027).issues[0]!.message.zh, /第 1 行无法识别/);
  assert.match(parseNoticeDays('2027-02-06 休 a\n2027-02-06 班 b', 2027).issues[0]!.message.zh, /同时被列为/);
  assert.match(parseNoticeDays('2031-02-06 休 a', 2027).issues[0]!.message.zh, /不在 2027 年前后/);
  assert.match(parseNoticeDays('', 2027).issues[0]!.message.zh, /请至少填写一天/);
});

forEachDialect('working-day calendar in the database', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
  });
  after(async () => app.close());

  test('start-up seeds 2008–2026 from the vendored notices, once', async () => {
    const years = (await t.handle.db.selectFrom('calendar_notices').select('year').execute()).map((r) => r.year).sort();
    assert.equal(years[0], 2008);
    assert.ok(years.includes(2026));
    assert.deepEqual(await calendarService.seedFromFile(t.handle.db), [], 'a second start adds nothing');
    invalidateCalendarCache();
    const calendar = await getCalendar(t.handle.db);
    // 2026 春节: 2/15–2/23 off, 2/14 and 2/28 (Saturdays) working (docs/domain/working-days.md#table-2026)
    assert.equal(calendar.isWorkday('2026-02-14'), true);
    assert.equal(calendar.isWorkday('2026-02-16'), false);
    assert.equal(calendar.addWorkingDays('2026-02-10', 20), '2026-03-16');
  });

  test('an officer tries a period and sees each day explained', async () => {
    const c = new Client(app);
    await c.signIn('officer');
    const res = await c.get('/admin/calendar?from=2026-02-10&days=20');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /期限届满日为 2026-03-16/);
    assert.match(res.body, /调休上班/);
    assert.doesNotMatch(res.body, /录入放假通知或临时调整/, 'the officer cannot add notices');
    const bad = await c.get('/admin/calendar?from=2026-02-30&days=20');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /必须是有效日期/);
  });

  test('the system admin adds 2027 and an ad-hoc change; listeners recompute; bad input stores nothing', async () => {
    let told = '';
    const unsubscribe = onCalendarChange(async (_trx, calendar, reason) => {
      told = `${reason}|${calendar.isWorkday('2027-02-08')}`;
      return 3;
    });
    const c = new Client(app);
    await c.signIn('admin');
    await c.get('/admin/calendar');
    const notices = async () => (await t.handle.db.selectFrom('calendar_notices').select('id').execute()).length;
    const before = await notices();
    const bad = await c.post('/admin/calendar/notices', {
      year: '2027',
      kind: 'annual',
      title: '',
      days: '2027-02-10 班 x',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写“通知名称”/);
    const badDays = await c.post('/admin/calendar/notices', {
      year: '2027',
      kind: 'annual',
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      days: '2027-02-10 班 x',
    });
    assert.equal(badDays.statusCode, 422);
    assert.match(badDays.body, /只有周六、周日才能调休上班/);
    assert.equal(await notices(), before);

    const ok = await c.post('/admin/calendar/notices', {
      year: '2027',
      kind: 'annual',
      title: '国务院办公厅关于2027年部分节假日安排的通知',
      url: 'https://www.gov.cn/',
      days: '2027-02-05..2027-02-12 休 春节\n2027-02-14 班 春节调休',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/admin/calendar?saved=3');
    assert.match(told, /录入工作日历：国务院办公厅关于2027年部分节假日安排的通知\|false/);
    await c.get('/admin/calendar');
    const again = await c.post('/admin/calendar/notices', {
      year: '2027',
      kind: 'annual',
      title: 'x',
      days: '2027-03-01 休 x',
    });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /已有年度通知/);

    // an ad-hoc change (like the 2020 extension of 春节) replaces the days it names
    await calendarService.addNotice(t.handle.db, systemContext, {
      year: 2027,
      kind: 'amendment',
      title: '延长2027年春节假期的通知',
      url: null,
      note: null,
      daysText: '2027-02-14 休 春节延长',
    });
    const calendar = await getCalendar(t.handle.db);
    assert.equal(calendar.isWorkday('2027-02-14'), false);
    assert.deepEqual(
      calendar.coverage(2027).source?.amendments?.map((a) => a.notice),
      ['延长2027年春节假期的通知'],
    );
    const events = await t.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'calendar')
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action).filter((a) => a !== 'calendar.seed'),
      ['calendar.notice_add', 'calendar.amend'],
    );
    unsubscribe();
  });
});
