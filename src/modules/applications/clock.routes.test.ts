// The application clock through the case page, the lists, the API and the reminders job, on
// both engines (issue 12 items 2–4): a silent consulted party's window ends and the clock runs
// again by itself — due date stored in advance, overdue when past it, the officer told once in
// the app and by mail; extensions that add up to 20 working days, and a third refused; the
// Art. 35 delayed-reply period recorded on the case page with its notice to the applicant.
//
// Hand counts (2026 calendar, docs/domain/working-days.md#table-2026; the day of receipt is not counted):
// - Received Mon 3/2, third party consulted Fri 3/6 (letter received that day): 3/3–6 = 4 WD
//   counted; the party's 15 WD: 3/9–13 (5), 16–20 (10), 23–27 (15) → 3/27. Silent: the clock
//   runs again from Mon 3/30: 3/30, 31 (6), 4/1–3 (9), 4/4–6 清明, 4/7–10 (13), 4/13–17 (18),
//   4/20 (19), 4/21 (20) → due 4/21. Had it answered on 3/20: 3/23–27 (9), 3/30, 31 (11),
//   4/1–3 (14), 4/7–10 (18), 4/13 (19), 4/14 (20) → 4/14. On 4/15, left: 4/16, 17, 20, 21 = 4 ≤ 5.
// - Received Mon 4/13: 4/14–17 (4), 4/20–24 (9), 4/27–30 (13), 5/1–5 劳动节, 5/6–8 (16), Sat 5/9
//   调休 (17), 5/11–13 (20) → 5/13. +10 (approved 5/6): 5/14, 15 (22), 5/18–22 (27), 5/25–27
//   (30) → 5/27. +10 (approved 5/25): 5/28, 29 (32), 6/1–5 (37), 6/8–10 (40) → 6/10.
//   Case B: +5 (5/6): 5/14, 15 (22), 5/18–20 (25) → 5/20; +15 (5/19): 5/21, 22 (27), 5/25–29
//   (32), 6/1–5 (37), 6/8–10 (40) → 6/10.
// - Received Mon 3/2 without events: due Mon 3/30 (3/3–6, 9–13, 16–20, 23–27 = 19, 3/30 = 20).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client } from '../../../test/support/app.ts';
import { runningClockFrom, useClock } from '../../../test/support/clock.ts';
import { setClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { runReminders } from '../dashboard/reminders.ts';
import { createApplicationsService } from './applications.service.ts';
import { useApplicationsApp } from './applications.test-support.ts';
import { formatTrackingCode } from './tracking.ts';

const KEY = 'cd'.repeat(32);
const ID = '43060219850301123';
const service = createApplicationsService(createVault('aes-256-gcm', [KEY]));

forEachDialect('application clock on the case page', (t) => {
  useClock('2026-03-06T02:00:00Z');
  const state = useApplicationsApp(t, KEY);

  /** Moves "now" to 10:00 in China on `date` and signs the disclosure officer in afresh. */
  async function on(date: string, user = 'officer'): Promise<Client> {
    setClock(runningClockFrom(`${date}T02:00:00Z`));
    const client = new Client(state.app);
    assert.equal((await client.signIn(user)).statusCode, 303);
    return client;
  }

  async function register(receivedOn: string): Promise<{ id: number; trackingCode: string }> {
    const unit = await state.db
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', state.agencyId)
      .where('name', '=', '就业促进科')
      .executeTakeFirstOrThrow();
    return service.registerAtCounter(state.db, systemContext, state.agencyId, {
      channel: 'in_person',
      submitted_on: receivedOn,
      applicant_kind: 'natural_person',
      applicant_name: '李四',
      id_number: ID + residentIdCheckChar(ID),
      phone: '13700000000',
      description: '2025年就业专项资金分配明细',
      form_wanted: 'electronic',
      delivery_way: 'pickup',
      assigned_unit_id: String(unit.id),
    });
  }

  const row = (id: number) =>
    state.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  async function record(client: Client, id: number, form: Record<string, string>) {
    await client.get(`/admin/applications/${id}`);
    return client.post(`/admin/applications/${id}/events`, form);
  }

  async function listed(client: Client, filter: string, id: number): Promise<boolean> {
    const page = await client.get(`/admin/applications?filter=${filter}`);
    assert.equal(page.statusCode, 200);
    return page.body.includes(`href="/admin/applications/${id}"`);
  }

  const lapseNotices = async (id: number) =>
    state.db
      .selectFrom('notifications')
      .select(['user_id', 'dedupe_key'])
      .where('application_id', '=', id)
      .where('kind', '=', 'consultation_lapsed')
      .execute();
  const lapseMails = async (id: number) =>
    state.db
      .selectFrom('mail_outbox')
      .select(['subject', 'body_text', 'dedupe_key'])
      .where('dedupe_key', 'like', `reminder:consultation_lapsed:${id}:%`)
      .execute();

  test('a silent third party: the window ends, the clock runs again by itself, overdue after the stored due date, the officer told once', async () => {
    await state.db
      .updateTable('users')
      .set({ email: 'officer@example.cn' })
      .where('username', '=', 'officer')
      .execute();
    let officer = await on('2026-03-06');
    const { id, trackingCode } = await register('2026-03-02');
    const sent = await record(officer, id, {
      kind: 'consultation_started',
      date: '2026-03-06',
      party: 'third_party',
      ref: 'A',
      note: '涉及第三方企业的经营信息',
    });
    assert.equal(sent.statusCode, 303);
    // Stored in advance: the due date if the party stays silent, and the end of its window.
    let r = await row(id);
    assert.deepEqual([r.status, r.due_date, r.waiting_until], ['paused', '2026-04-21', '2026-03-27']);

    officer = await on('2026-03-20');
    assert.ok(await listed(officer, 'paused', id));
    assert.ok(!(await listed(officer, 'due_soon', id)));
    let page = await officer.get(`/admin/applications/${id}`);
    assert.match(page.body, /征求意见中（暂停计时）/);
    assert.match(page.body, /data-paused-until="2026-03-27"/);
    assert.match(page.body, /data-due-date="2026-04-21"/);
    assert.match(page.body, /如今天恢复计时，期限为 2026-04-14/);
    // The window's last day is still inside it: nobody is told yet.
    await runReminders(state.db, { today: '2026-03-27', mail: true });
    assert.equal((await lapseNotices(id)).length, 0);

    officer = await on('2026-03-30');
    assert.ok(!(await listed(officer, 'paused', id)), 'no longer paused');
    assert.ok(await listed(officer, 'open', id));
    page = await officer.get(`/admin/applications/${id}`);
    assert.match(page.body, /<dd>办理中<\/dd>/);
    assert.match(page.body, /data-warning="consultation_lapsed"/);
    assert.match(page.body, /第三方未在2026-03-27前提出意见/);
    const api = JSON.parse((await officer.get(`/api/v1/applications/${id}/deadline`)).body);
    assert.equal(api.application.status, 'open');
    assert.equal(api.deadline.status, 'running');
    assert.equal(api.deadline.dueDate, '2026-04-21');
    assert.ok(
      api.deadline.steps.some(
        (s: { kind: string; date: string }) => s.kind === 'consultation_window_end' && s.date === '2026-03-27',
      ),
    );

    // The reminders job tells everyone on the case once, in the app and by one mail.
    const first = await runReminders(state.db, { today: '2026-03-30', mail: true, baseUrl: 'https://gk.example.cn' });
    assert.ok(first.notices >= 1);
    const notices = await lapseNotices(id);
    assert.ok(notices.length >= 3, 'the office and the unit (drafter, unit head)');
    assert.ok(notices.every((n) => n.dedupe_key.startsWith(`consultation_lapsed:${id}:2026-03-27:`)));
    let mails = await lapseMails(id);
    assert.equal(mails.length, 1);
    assert.match(mails[0]!.subject, new RegExp(`^【恢复计时】政府信息公开申请 ${formatTrackingCode(trackingCode)}$`));
    assert.match(mails[0]!.body_text, /征求意见的期限已于 2026-03-27 届满，未登记收到意见。.*届满日为 2026-04-21/);
    assert.match(mails[0]!.body_text, new RegExp(`https://gk.example.cn/admin/applications/${id}`));
    assert.ok(!mails[0]!.body_text.includes('李四'), 'no personal data in the mail');
    await runReminders(state.db, { today: '2026-03-30', mail: true });
    await runReminders(state.db, { today: '2026-03-31', mail: true });
    assert.equal((await lapseNotices(id)).length, notices.length, 'once, not every day');
    mails = await lapseMails(id);
    assert.equal(mails.length, 1);
    const dashboard = await officer.get('/admin');
    assert.match(dashboard.body, /data-notice="consultation_lapsed"/);
    assert.match(dashboard.body, /征求意见期限已于 2026-03-27 届满，未登记收到意见，已恢复计时，答复期限为 2026-04-21/);

    officer = await on('2026-04-15');
    assert.ok(await listed(officer, 'due_soon', id));
    officer = await on('2026-04-22');
    assert.ok(await listed(officer, 'overdue', id));
    await runReminders(state.db, { today: '2026-04-22', mail: true });
    const overdue = await state.db
      .selectFrom('mail_outbox')
      .select('dedupe_key')
      .where('dedupe_key', '=', `reminder:overdue:${id}:2026-04-22`)
      .execute();
    assert.equal(overdue.length, 1);

    // The answer arrives late: recorded and noted, and the due date does not move.
    const late = await record(officer, id, { kind: 'consultation_ended', date: '2026-04-22', ref: 'A' });
    assert.equal(late.statusCode, 303);
    r = await row(id);
    assert.deepEqual([r.status, r.due_date, r.waiting_until], ['open', '2026-04-21', null]);
    page = await officer.get(`/admin/applications/${id}`);
    assert.match(page.body, /data-warning="consultation_reply_late"/);
  });

  test('two extensions of 10 working days are accepted; a third past 20 is refused in Chinese and English', async () => {
    let officer = await on('2026-05-06');
    const { id } = await register('2026-04-13');
    const b = await register('2026-04-13');
    const extend = (client: Client, caseId: number, date: string, days: string) =>
      record(client, caseId, { kind: 'extension_approved', date, days, reason: '需调取历年档案', approver: '郑芳' });
    assert.equal((await extend(officer, id, '2026-05-06', '10')).statusCode, 303);
    assert.equal((await row(id)).due_date, '2026-05-27');
    assert.equal((await extend(officer, b.id, '2026-05-06', '5')).statusCode, 303);

    officer = await on('2026-05-19');
    const tooMuch = await extend(officer, b.id, '2026-05-19', '20');
    assert.equal(tooMuch.statusCode, 422);
    assert.match(tooMuch.body, /延长的期限合计不得超过20个工作日：本案已延长5个工作日，本次最多还可延长15个工作日/);
    assert.equal((await extend(officer, b.id, '2026-05-19', '15')).statusCode, 303);
    assert.equal((await row(b.id)).due_date, '2026-06-10');

    officer = await on('2026-05-25');
    assert.equal((await extend(officer, id, '2026-05-25', '10')).statusCode, 303);
    assert.equal((await row(id)).due_date, '2026-06-10');
    const page = await officer.get(`/admin/applications/${id}`);
    assert.match(page.body, /延长后的答复期限届满日；已再次批准延长10个工作日（合计20个工作日）/);

    officer = await on('2026-06-01');
    const events = async () =>
      (await state.db.selectFrom('application_events').select('id').where('application_id', '=', id).execute()).length;
    const before = await events();
    const third = await extend(officer, id, '2026-06-01', '1');
    assert.equal(third.statusCode, 422);
    assert.match(third.body, /本案已延长20个工作日，已达20个工作日的上限，不能再延长/);
    await officer.get(`/admin/applications/${id}?lang=en`);
    const thirdEn = await officer.post(`/admin/applications/${id}/events`, {
      kind: 'extension_approved',
      date: '2026-06-01',
      days: '1',
      reason: 'archives',
      approver: 'Zheng',
    });
    assert.equal(thirdEn.statusCode, 422);
    assert.match(
      thirdEn.body,
      /already been extended by 20 working days, the limit of 20; it cannot be extended again/,
    );
    assert.equal(await events(), before, 'a refused extension stores nothing');
    assert.equal((await row(id)).due_date, '2026-06-10');
  });

  test('Art. 35: the delayed-reply period is recorded on the case page, shown on the timeline and the API, and told to the applicant', async () => {
    let officer = await on('2026-03-20');
    const { id, trackingCode } = await register('2026-03-02');
    const missing = await record(officer, id, { kind: 'delayed_reply_set', date: '2026-03-20' });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /请填写“延迟答复的期限（答复期限延至）”/);
    assert.match(missing.body, /请填写“不能在第三十三条规定期限内答复的原因”/);
    const delay = { kind: 'delayed_reply_set', date: '2026-03-20', delay_reason: '需要逐件检索2015年以来的档案' };
    const early = await record(officer, id, { ...delay, delayed_until: '2026-03-27' });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /延迟答复的期限应晚于现在的答复期限（2026-03-30）/);
    const set = await record(officer, id, { ...delay, delayed_until: '2026-05-29' });
    assert.equal(set.statusCode, 303);
    assert.equal((await row(id)).due_date, '2026-05-29');

    const page = await officer.get(`/admin/applications/${id}`);
    assert.match(
      page.body,
      /data-event="delayed_reply_set"[\s\S]*?确定延迟答复期限[\s\S]*?延迟答复的期限（答复期限延至）：2026-05-29/,
    );
    assert.match(page.body, /data-due-date="2026-05-29"/);
    assert.match(page.body, /确定延迟答复的合理期限至2026-05-29（2019 条例第35条）/);
    assert.match(page.body, /data-notice="delay"/);
    const notice = await officer.get(`/admin/applications/${id}/notices/delay.html`);
    assert.equal(notice.statusCode, 200);
    assert.match(notice.body, /政府信息公开申请延迟答复告知书/);
    assert.match(
      notice.body,
      /但因需要逐件检索2015年以来的档案，无法在《中华人民共和国政府信息公开条例》第三十三条规定的期限内答复/,
    );
    assert.match(notice.body, /第三十五条的规定，本机关确定延迟答复的合理期限，答复期限延至2026年5月29日。/);
    assert.doesNotMatch(notice.body, /\{\{|\}\}/);
    const api = JSON.parse((await officer.get(`/api/v1/applications/${id}/deadline`)).body);
    assert.equal(api.deadline.dueDate, '2026-05-29');
    assert.equal(api.deadline.baseDueDate, '2026-03-30');
    assert.ok(
      api.deadline.steps.some(
        (s: { kind: string; until?: string }) => s.kind === 'delayed_reply' && s.until === '2026-05-29',
      ),
    );
    const track = await new Client(state.app).get(`/apply/track/${formatTrackingCode(trackingCode).toLowerCase()}`);
    assert.match(track.body, /确定延迟答复期限/);
    assert.match(track.body, /2026-05-29/);

    // Set after the reply was due: refused, nothing stored.
    const other = await register('2026-03-02');
    officer = await on('2026-03-31');
    const tooLate = await record(officer, other.id, { ...delay, date: '2026-03-31', delayed_until: '2026-05-29' });
    assert.equal(tooLate.statusCode, 422);
    assert.match(tooLate.body, /延迟答复期限应在答复期限（2026-03-30）届满前确定并告知申请人（条例第三十五条）/);
    assert.equal((await row(other.id)).due_date, '2026-03-30');
    // The 2007 Regulation had no Art. 35.
    const old = await register('2018-03-05');
    const none = await record(officer, old.id, { ...delay, date: '2018-03-06', delayed_until: '2018-05-31' });
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /延迟答复（条例第三十五条）只适用于2019年5月15日以后收到的申请/);
  });
});
