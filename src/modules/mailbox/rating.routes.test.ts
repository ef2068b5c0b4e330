// The writer's rating, on both engines: the answered letter's message queued once in the mail
// outbox with the reply and a rating link; the link's page; a rating without a grade refused in
// both languages; the rating recorded once (a second post, a replay, changes nothing); a link that
// matches nothing answers 404; a dissatisfied rating shown to the disclosure office.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect, countRows } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { findTextProblems } from '../../../test/support/page-texts.ts';
import { createLetterService } from './letter.service.ts';
import { createMailboxService } from './mailbox.service.ts';
import { caseIdOf, markRedo, markReplied, trackingCodeOf, writeLetter } from './letter.test-support.ts';

const KEY = '12'.repeat(32);

forEachDialect('rating a reply from its link', (t) => {
  let app: FastifyInstance;
  let db: Db;
  let caseId: number;
  let token: string;
  const vault = createVault('aes-256-gcm', [KEY]);
  const service = createLetterService(vault, createMailboxService(vault), 'https://gk.example.gov.cn/');
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle, { personalDataKeys: [KEY], powDifficulty: 8 });
    db = t.handle.db;
    setClock(() => new Date('2026-03-02T02:00:00.000Z'));
    const agencyId = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    const res = await writeLetter(new Client(app, { ip: '10.2.0.1' }), {
      agency_id: String(agencyId),
      category: 'complaint',
      subject: '投诉窗口态度',
      request: '窗口工作人员态度生硬。',
      email: 'writer@example.cn',
      phone: '13712349999',
    });
    caseId = await caseIdOf(db, trackingCodeOf(res.body));
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  test('an open letter gets no message; an answered one gets one mail and one SMS with the link, once', async () => {
    assert.equal(await service.notifyDue(db, systemContext), 0);
    await markReplied(db, caseId, '经核实，已对相关人员进行批评教育。', '2026-03-05');
    assert.equal(await service.notifyDue(db, systemContext), 1);
    assert.equal(await service.notifyDue(db, systemContext), 0);
    const mail = await db.selectFrom('mail_outbox').selectAll().executeTakeFirstOrThrow();
    assert.equal(mail.to_address, 'writer@example.cn');
    assert.ok(mail.body_text.includes('经核实，已对相关人员进行批评教育。'));
    token = /https:\/\/gk\.example\.gov\.cn\/mailbox\/rate\/([A-Za-z0-9_-]{43})/.exec(mail.body_text)?.[1] ?? '';
    assert.ok(token, mail.body_text);
    assert.equal(await countRows(db, 'sms_outbox'), 1);
    const link = await db.selectFrom('mailbox_rating_links').selectAll().executeTakeFirstOrThrow();
    assert.ok(!link.token_hash.includes(token), 'only a hash of the token is stored');
  });

  test('the link rates once; a grade is required; an unknown link is 404', async () => {
    const client = new Client(app, { ip: '10.2.0.2' });
    const page = await client.get(`/mailbox/rate/${token}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('投诉窗口态度'));
    assert.deepEqual(findTextProblems(page.body, 'zh-CN'), []);
    assert.deepEqual(findTextProblems((await new Client(app).get(`/mailbox/rate/${token}?lang=en`)).body, 'en'), []);
    const none = await client.post(`/mailbox/rate/${token}`, { comment: '一般' });
    assert.equal(none.statusCode, 422);
    assert.ok(none.body.includes('请选择满意程度'));
    await client.get(`/mailbox/rate/${token}?lang=en`);
    assert.ok((await client.post(`/mailbox/rate/${token}`, {})).body.includes('Choose how satisfied you are'));
    await client.get(`/mailbox/rate/${token}?lang=zh-CN`);
    const rated = await client.post(`/mailbox/rate/${token}`, { rating: 'dissatisfied', comment: '没有解决问题' });
    assert.equal(rated.statusCode, 303);
    const thanks = await client.get(rated.headers.location as string);
    assert.ok(thanks.body.includes('您的评价已记录：不满意'));
    assert.deepEqual(findTextProblems(thanks.body, 'zh-CN'), []);
    const again = await client.post(`/mailbox/rate/${token}`, { rating: 'satisfied' });
    assert.ok(again.body.includes('已经评价过（不满意）'));
    const link = await db.selectFrom('mailbox_rating_links').selectAll().executeTakeFirstOrThrow();
    assert.deepEqual([link.rating, link.comment, link.rated_on], ['dissatisfied', '没有解决问题', '2026-03-02']);
    assert.equal((await client.get(`/mailbox/rate/${'x'.repeat(43)}`)).statusCode, 404);
    assert.equal((await client.get('/mailbox/rate/short')).statusCode, 404);
  });

  test('the disclosure office sees the dissatisfied rating on its start page', async () => {
    const officer = new Client(app);
    assert.equal((await officer.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    const start = await officer.get('/admin');
    assert.match(start.body, /data-panel="writer-ratings"/);
    assert.ok(start.body.includes('没有解决问题'));
    assert.match(start.body, /data-writer-rating="dissatisfied"/);
    const drafter = new Client(app);
    await drafter.signIn('drafter', DEMO_PASSWORD);
    assert.doesNotMatch((await drafter.get('/admin')).body, /data-panel="writer-ratings"/);
  });

  test('a letter redone and answered again gets a new message and link; the old link no longer rates', async () => {
    await markRedo(db, caseId);
    assert.equal(await service.notifyDue(db, systemContext), 0);
    const client = new Client(app, { ip: '10.2.0.3' });
    assert.equal((await client.get(`/mailbox/rate/${token}`)).statusCode, 404);
    await markReplied(db, caseId, '重新办理：已调整窗口人员。', '2026-03-12');
    assert.equal(await service.notifyDue(db, systemContext), 1);
    const mails = await db.selectFrom('mail_outbox').select('body_text').orderBy('id').execute();
    assert.equal(mails.length, 2);
    const fresh = /\/mailbox\/rate\/([A-Za-z0-9_-]{43})/.exec(mails[1]!.body_text)?.[1] ?? '';
    assert.ok(fresh && fresh !== token);
    assert.equal((await client.get(`/mailbox/rate/${fresh}`)).statusCode, 200);
    assert.equal((await client.get(`/mailbox/rate/${token}`)).statusCode, 404);
    // Satisfied: the writer's rating is the callback, recorded by the core, and the letter closes.
    assert.equal((await client.post(`/mailbox/rate/${fresh}`, { rating: 'satisfied' })).statusCode, 303);
    const closed = await db.selectFrom('mailbox_cases').selectAll().where('id', '=', caseId).executeTakeFirstOrThrow();
    assert.deepEqual([closed.status, closed.rating], ['closed', 'satisfied']);
    const officer = new Client(app);
    await officer.signIn('officer', DEMO_PASSWORD);
    assert.doesNotMatch((await officer.get('/admin')).body, /data-panel="writer-ratings"/);
  });
});
