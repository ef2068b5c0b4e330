// Dashboards and reminders: "due soon" and "overdue" are computed from the stored due date on
// the working-day calendar at read time; the reminder job is idempotent per case, kind and day.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemo, testApp, testConfig } from '../../../test/support/app.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { setClock } from '../../platform/clock.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { createApplicationsService } from '../applications/applications.service.ts';
import { runReminders } from './reminders.ts';
import { smtpServer } from '../../../test/support/smtp-server.ts';

const NOW = new Date('2026-11-30T02:00:00Z'); // Monday 30 November 2026, 10:00 in China

function form(receivedOn: string, unitId?: number): Record<string, string> {
  return {
    channel: 'in_person',
    submitted_on: receivedOn,
    applicant_kind: 'natural_person',
    applicant_name: '测试申请人',
    id_number: '11010519491231002X',
    phone: '13800000000',
    description: '就业补助资金分配情况',
    form_wanted: 'electronic',
    delivery_way: 'pickup',
    ...(unitId ? { assigned_unit_id: String(unitId) } : {}),
  };
}

forEachDialect('dashboards and reminders', (t) => {
  let app: FastifyInstance;
  const ids: Record<string, number> = {};
  before(async () => {
    setClock(() => NOW);
    await seedDemo(t.handle);
    app = await testApp(t.handle);
    const db = t.handle.db;
    const hrss = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    const unit = (
      await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', hrss)
        .where('name', '=', '就业促进科')
        .executeTakeFirstOrThrow()
    ).id;
    const config = testConfig();
    const service = createApplicationsService(
      createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir)),
    );
    // 20 working days after 2 November is 30 November: due today, so due soon.
    ids.dueSoon = (await service.registerAtCounter(db, systemContext, hrss, form('2026-11-02', unit))).id;
    // Received 9 October: due in early November, overdue.
    ids.overdue = (await service.registerAtCounter(db, systemContext, hrss, form('2026-10-09'))).id;
    // Received last week, due at the end of December: neither.
    ids.fresh = (await service.registerAtCounter(db, systemContext, hrss, form('2026-11-25', unit))).id;
    ids.waiting = (await service.registerAtCounter(db, systemContext, hrss, form('2026-11-20'))).id;
    await service.recordEvent(db, systemContext, ids.waiting, {
      kind: 'correction_requested',
      date: '2026-11-23',
      correct_by: '2026-12-10',
      note: '请写明所需信息的文号',
    });
    await db.updateTable('users').set({ email: 'officer@example.cn' }).where('username', '=', 'officer').execute();
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  test('the office sees due soon, overdue and waiting counts, by unit', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    const page = await officer.get('/admin');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /data-count="due_soon"><span class="count-links__n">1</);
    assert.match(page.body, /data-count="overdue"><span class="count-links__n">1</);
    assert.match(page.body, /data-count="waiting"><span class="count-links__n">1</);
    assert.match(page.body, /data-count="paused"><span class="count-links__n">0</);
    assert.match(page.body, /data-table="by-unit"/);
    assert.match(page.body, /就业促进科/);
  });

  test('a unit sees only the cases assigned to it', async () => {
    const drafter = new Client(app);
    await drafter.signIn('drafter');
    const page = await drafter.get('/admin');
    assert.match(page.body, /data-count="due_soon"><span class="count-links__n">1</);
    assert.match(page.body, /data-count="overdue"><span class="count-links__n">0</);
    assert.doesNotMatch(page.body, /data-table="by-unit"/);
  });

  test('the administrators see no case panel', async () => {
    const admin = new Client(app);
    await admin.signIn('admin');
    assert.doesNotMatch((await admin.get('/admin')).body, /data-panel="cases"/);
  });

  test('reminders: once per case, kind and day, in the app and by mail', async () => {
    const db = t.handle.db;
    const first = await runReminders(db, { today: '2026-11-30', mail: true, baseUrl: 'https://gk.example.cn' });
    assert.equal(first.cases, 2);
    assert.ok(first.notices >= 3, `notices: ${first.notices}`); // officer ×2, drafter and unit head for the assigned case
    assert.equal(first.mails, 2);
    const again = await runReminders(db, { today: '2026-11-30', mail: true });
    assert.deepEqual({ notices: again.notices, mails: again.mails }, { notices: 0, mails: 0 });
    const mails = await db.selectFrom('mail_outbox').selectAll().orderBy('id').execute();
    assert.equal(mails.length, 2);
    assert.ok(mails.every((m) => m.to_address === 'officer@example.cn' && m.status === 'pending'));
    assert.ok(mails.some((m) => m.body_text.includes(`https://gk.example.cn/admin/applications/${ids.overdue}`)));
    assert.ok(!mails.some((m) => m.body_text.includes('测试申请人')), 'no personal data in reminder mails');
    const next = await runReminders(db, { today: '2026-12-01', mail: false });
    assert.ok(next.notices > 0);
    assert.equal(next.mails, 0);
  });

  test('notices are shown on the dashboard and dismissed by their addressee only', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    const page = await officer.get('/admin');
    assert.match(page.body, /data-notice="overdue"/);
    const id = Number(/action="\/admin\/notifications\/(\d+)\/read"/.exec(page.body)![1]);
    const other = new Client(app);
    await other.signIn('drafter');
    await other.get('/admin');
    // Someone else's notice answers like a missing one (404: existence does not leak).
    assert.equal((await other.post(`/admin/notifications/${id}/read`)).statusCode, 404);
    assert.equal((await officer.post(`/admin/notifications/${id}/read`)).statusCode, 303);
    const row = await t.handle.db
      .selectFrom('notifications')
      .select('read_at')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(row.read_at);
  });

  test('a listening server runs the reminders and sends the outbox by itself', async () => {
    const mail = smtpServer();
    const port = await mail.listen();
    const live = await testApp(t.handle, {
      smtp: {
        host: '127.0.0.1',
        port,
        secure: false,
        user: undefined,
        password: undefined,
        from: 'gongkai@example.cn',
      },
    });
    await live.listen({ port: 0, host: '127.0.0.1' });
    try {
      const deadline = Date.now() + 20_000;
      const unsent = async () =>
        (await t.handle.db.selectFrom('mail_outbox').select('id').where('status', '!=', 'sent').execute()).length;
      while ((mail.received.length < 2 || (await unsent()) > 0) && Date.now() < deadline)
        await new Promise((r) => setTimeout(r, 50));
    } finally {
      await live.close();
      await mail.close();
    }
    // Two application reminders, plus the annual-report reminders of the day (how many depends on
    // the date: reports/report-reminders.ts) — every queued mail is sent.
    const rows = await t.handle.db.selectFrom('mail_outbox').select(['status', 'subject']).execute();
    assert.equal(rows.filter((r) => r.subject.includes('政府信息公开申请')).length, 2);
    assert.equal(mail.received.length, rows.length);
    assert.ok(rows.every((r) => r.status === 'sent'));
  });
});
