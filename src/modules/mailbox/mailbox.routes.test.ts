// The mailbox's pages on both engines, as the people of the demo bureau use them: the officer
// signs for a letter and assigns it (the unit chosen in the settings' routing rule), the unit's
// drafter answers, the head sends it back and then approves, the officer sends the answer and
// records the callback; the writer's data stays masked until the officer reveals it (audited);
// a step's problem answers 422 with its form open; the list filters and the start-page panel.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp, testConfig } from '../../../test/support/app.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { createMailboxService } from './mailbox.service.ts';

forEachDialect('mailbox pages', (t) => {
  let app: FastifyInstance;
  let id = 0;
  let unit = 0;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
    const db = t.handle.db;
    const hrss = await db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    unit = (
      await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', hrss.id)
        .where('name', '=', '就业促进科')
        .executeTakeFirstOrThrow()
    ).id;
    const config = testConfig();
    const service = createMailboxService(
      createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir)),
    );
    id = (
      await service.receiveLetter(db, systemContext, {
        agencyId: hrss.id,
        category: 'consultation',
        subject: '灵活就业社保补贴申请条件',
        request: '请问灵活就业人员社保补贴的申请条件？',
        name: '赵六',
        phone: '13912345678',
        consentToPublish: true,
      })
    ).id;
  });
  after(async () => app.close());

  const signedIn = async (username: string) => {
    const c = new Client(app);
    assert.equal((await c.signIn(username)).statusCode, 303);
    return c;
  };
  const stepOf = async (c: Client, event: string, form: Record<string, string> = {}) => {
    await c.get(`/admin/mailbox/${id}`);
    return c.post(`/admin/mailbox/${id}/step`, { event, ...form });
  };

  test('from the letter to the callback through the pages', async () => {
    const officer = await signedIn('officer');
    const page = await officer.get(`/admin/mailbox/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /赵\*/);
    assert.doesNotMatch(page.body, /赵六|13912345678/, 'masked until revealed');
    assert.match(page.body, /data-event="sign_for"/);
    assert.match(page.body, /第3个工作日/, "the clock's explanation");
    assert.equal((await stepOf(officer, 'sign_for')).statusCode, 303);
    const refused = await stepOf(officer, 'assign');
    assert.equal(refused.statusCode, 422, 'no unit and no routing rule');
    assert.match(refused.body, /该类别没有分办规则/);
    await officer.get('/admin/mailbox/settings');
    const rule = await officer.post('/admin/mailbox/settings/routes', {
      route_category: 'consultation',
      route_unit_id: String(unit),
    });
    assert.equal(rule.statusCode, 303);
    assert.equal((await stepOf(officer, 'assign')).statusCode, 303);

    const drafter = await signedIn('drafter');
    assert.match((await drafter.get('/admin')).body, /灵活就业社保补贴申请条件/, "the drafter's panel");
    assert.equal((await stepOf(drafter, 'submit_reply', { reply_text: '符合条件的人员可申请。' })).statusCode, 303);
    const head = await signedIn('unithead');
    const missing = await stepOf(head, 'send_back');
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /name="reason"/, "the step's form is open again");
    assert.equal((await stepOf(head, 'send_back', { reason: '请列明申请材料' })).statusCode, 303);
    assert.equal(
      (await stepOf(drafter, 'submit_reply', { reply_text: '申请材料：身份证、缴费凭证。' })).statusCode,
      303,
    );
    assert.equal((await stepOf(head, 'approve_reply')).statusCode, 303);
    assert.equal((await stepOf(officer, 'reply')).statusCode, 303);
    assert.equal((await stepOf(officer, 'record_callback', { rating: 'satisfied' })).statusCode, 303);
    const closed = await officer.get(`/admin/mailbox/${id}?lang=en`);
    assert.match(closed.body, /data-status="closed"/);
    assert.match(closed.body, /Draft 2/);
    assert.match(closed.body, /Satisfied/);

    await officer.get(`/admin/mailbox/${id}`);
    const revealed = await officer.post(`/admin/mailbox/${id}/reveal`);
    assert.equal(revealed.statusCode, 200);
    assert.match(revealed.body, /赵六/);
    const views = await t.handle.db
      .selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'mailbox.personal_data_view')
      .execute();
    assert.equal(views.length, 1);
  });

  test('the list: filters and count', async () => {
    const officer = await signedIn('officer');
    const all = await officer.get('/admin/mailbox');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /灵活就业社保补贴申请条件/);
    const none = await officer.get('/admin/mailbox?source=hotline');
    assert.doesNotMatch(none.body, /灵活就业社保补贴申请条件/);
    assert.equal((await officer.get('/admin/mailbox?status=nonsense')).statusCode, 400);
    const settings = await officer.get('/admin/mailbox/settings');
    const limit = await officer.post('/admin/mailbox/settings/limits', {
      source: 'letter',
      category: 'consultation',
      mode: 'days',
      working_days: '0',
    });
    assert.equal(settings.statusCode, 200);
    assert.equal(limit.statusCode, 422);
  });
});
