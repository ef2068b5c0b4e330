// The conversion and the pass to the mailbox through the console on both engines: the form asks
// only for what the letter lacks and shows none of the writer's data, answers 422 in both languages,
// and after it both pages link to each other; an application answered as a complaint offers the
// pass to the mailbox once; the 12345 feedback export downloads as CSV and Excel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client } from '../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { useApplicationsApp } from '../applications/applications.test-support.ts';
import { createApplicationsService } from '../applications/applications.service.ts';
import { createMailboxService } from './mailbox.service.ts';

const KEY = '5a'.repeat(32);
const vault = createVault('aes-256-gcm', [KEY]);
const ID = '43060219790303123' + residentIdCheckChar('43060219790303123');
const PHONE = '13698765432';

forEachDialect('mailbox ↔ applications in the console', (t) => {
  const state = useApplicationsApp(t, KEY);

  async function officer(): Promise<Client> {
    const client = new Client(state.app);
    assert.equal((await client.signIn('officer')).statusCode, 303);
    return client;
  }

  test('a letter is registered as an application from its form; both pages link', async () => {
    setClock(() => new Date('2025-05-06T02:00:00.000Z'));
    const { id } = await createMailboxService(vault).receiveLetter(state.db, systemContext, {
      agencyId: state.agencyId,
      category: 'consultation',
      subject: '申请获取稳岗返还企业名单',
      request: '请提供2025年享受失业保险稳岗返还的企业名单。',
      name: '陈六',
      phone: PHONE,
      email: 'chen6@example.cn',
    });
    setClock(() => new Date('2025-05-08T02:00:00.000Z'));
    const client = await officer();
    assert.match((await client.get(`/admin/mailbox/${id}`)).body, new RegExp(`href="/admin/mailbox/${id}/convert"`));
    const form = await client.get(`/admin/mailbox/${id}/convert`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /2025-05-06/);
    assert.ok(!form.body.includes(PHONE) && !form.body.includes('陈六'), 'the writer’s data stays sealed');
    const missing = await client.post(`/admin/mailbox/${id}/convert`, {
      applicant_kind: 'natural_person',
      form_wanted: 'electronic',
      delivery_way: 'email',
    });
    assert.equal(missing.statusCode, 422);
    assert.match(missing.body, /身份证/);
    const done = await client.post(`/admin/mailbox/${id}/convert`, {
      applicant_kind: 'natural_person',
      id_number: ID,
      form_wanted: 'electronic',
      delivery_way: 'email',
    });
    assert.equal(done.statusCode, 303);
    const location = String(done.headers.location);
    assert.match(location, /^\/admin\/applications\/\d+$/);
    const page = await client.get(location);
    assert.match(page.body, new RegExp(`href="/admin/mailbox/${id}"`));
    assert.match(page.body, /由以下来信转为申请/);
    assert.match(page.body, /2025-05-06/);
    const kase = await client.get(`/admin/mailbox/${id}`);
    assert.match(kase.body, new RegExp(`href="${location}"`));
    assert.match(kase.body, /已转为政府信息公开申请/);
    assert.ok(!kase.body.includes(`/admin/mailbox/${id}/convert`), 'no second conversion offered');
    // Converted once: the form now refuses.
    assert.equal((await client.post(`/admin/mailbox/${id}/convert`, { id_number: ID })).statusCode, 422);
  });

  test('an application answered as a complaint is passed to the mailbox, once', async () => {
    setClock(() => new Date('2025-06-02T02:00:00.000Z'));
    const applications = createApplicationsService(vault);
    const app = await applications.registerAtCounter(state.db, systemContext, state.agencyId, {
      applicant_kind: 'natural_person',
      applicant_name: '周七',
      id_number: ID,
      phone: PHONE,
      description: '举报某公司拖欠工资。',
      form_wanted: 'paper',
      delivery_way: 'pickup',
      channel: 'in_person',
      submitted_on: '2025-06-02',
    });
    const client = await officer();
    const before = await client.get(`/admin/applications/${app.id}`);
    assert.ok(!before.body.includes(`/admin/mailbox/from-application/${app.id}`), 'not offered before the answer');
    await applications.reply(state.db, systemContext, app.id, {
      outcome: 'not_processed_petition',
      reply_date: '2025-06-02',
      summary: '不作为政府信息公开申请处理，可通过12345热线反映。',
    });
    const answered = await client.get(`/admin/applications/${app.id}`);
    assert.match(answered.body, new RegExp(`action="/admin/mailbox/from-application/${app.id}"`));
    const passed = await client.post(`/admin/mailbox/from-application/${app.id}`, {});
    assert.equal(passed.statusCode, 303);
    const caseId = /\/admin\/mailbox\/(\d+)$/.exec(String(passed.headers.location))?.[1];
    assert.ok(caseId);
    const letter = await client.get(`/admin/mailbox/${caseId}`);
    assert.match(letter.body, new RegExp(`href="/admin/applications/${app.id}"`));
    assert.match(letter.body, /由申请转来/);
    const after = await client.get(`/admin/applications/${app.id}`);
    assert.match(after.body, new RegExp(`href="/admin/mailbox/${caseId}"`));
    assert.match(after.body, /已转信箱办理/);
    assert.ok(!after.body.includes(`action="/admin/mailbox/from-application/${app.id}"`), 'offered once');
    assert.equal((await client.post(`/admin/mailbox/from-application/${app.id}`, {})).statusCode, 422);
  });

  test('the 12345 feedback export: CSV and Excel, a bad period answered 422', async () => {
    setClock(() => new Date('2025-06-10T02:00:00.000Z'));
    const client = await officer();
    const page = await client.get('/admin/mailbox/feedback');
    assert.equal(page.statusCode, 200);
    const csv = await client.get('/admin/mailbox/feedback?from=2025-01-01&to=2025-06-10&format=csv');
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /text\/csv/);
    assert.match(String(csv.headers['content-disposition']), /attachment/);
    assert.ok(csv.body.includes('工单编号,派单时间,承办单位,办结时间,办理结果,满意度'));
    const xlsx = await client.get('/admin/mailbox/feedback?from=2025-01-01&to=2025-06-10&format=xlsx');
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const bad = await client.get('/admin/mailbox/feedback?from=2025-06-10&to=2025-01-01&format=csv');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /起止日期/);
    const en = await client.get('/admin/mailbox/feedback?from=2025-06-10&to=2025-01-01&format=csv&lang=en');
    assert.match(en.body, /valid period/);
  });
});
