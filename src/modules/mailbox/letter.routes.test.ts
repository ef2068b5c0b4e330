// A citizen's letter through the real pipeline on both engines: the form per agency, its errors in
// both languages with nothing stored, a disguised file refusing the letter whole, a replayed form
// refused; the receipt with the tracking code and the due date; the tracking page asking for the
// contact given and showing the reply once answered.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect, countRows } from '../../../test/support/database.ts';
import { Client, seedDemoOrganisation, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { solveChallenge } from '../../platform/pow.ts';
import { PNG } from '../../../test/support/files.ts';
import { caseIdOf, challengeOf, markReplied, trackingCodeOf, writeLetter } from './letter.test-support.ts';

const KEY = 'ab'.repeat(32);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000, 7)]);

function multipart(fields: Record<string, string>, file: { field: string; name: string; data: Buffer }) {
  const boundary = `----letter${Date.now().toString(16)}`;
  const parts: Buffer[] = Object.entries(fields).map(([k, v]) =>
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`),
  );
  parts.push(
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="${file.field}"; filename="${file.name}"\r\nContent-Type: image/jpeg\r\n\r\n`,
    ),
    file.data,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  );
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

forEachDialect('a letter on the portal', (t) => {
  let app: FastifyInstance;
  let db: Db;
  let agencyId: number;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle, { personalDataKeys: [KEY], powDifficulty: 8 });
    db = t.handle.db;
    agencyId = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    // Monday 2026-03-02, 10:00 in China.
    setClock(() => new Date('2026-03-02T02:00:00.000Z'));
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  const letter = (extra: Record<string, string> = {}) => ({
    agency_id: String(agencyId),
    category: 'consultation',
    subject: '就业见习补贴何时发放',
    request: '我于去年参加就业见习，补贴何时发放？',
    writer_name: '王五',
    phone: '13812345678',
    ...extra,
  });

  test('the form is per agency and links to tracking', async () => {
    const page = await new Client(app).get('/mailbox/write?agency=yueyang-hrss');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<option value="${agencyId}" selected`));
    assert.match(page.body, /href="\/mailbox\/track"/);
    assert.match(page.body, /name="consent_to_publish"/);
    const en = await new Client(app).get('/mailbox/write?lang=en');
    assert.match(en.body, /Send the letter/);
  });

  test('errors in both languages, an error summary, and nothing stored', async () => {
    const before = await countRows(db, 'mailbox_cases');
    for (const [lang, text] of [
      ['zh-CN', '请填写联系电话或电子邮箱'],
      ['en', 'Enter a phone number or an e-mail address'],
    ] as const) {
      const client = new Client(app, { ip: `10.0.1.${lang.length}` });
      await client.get(`/mailbox/track?lang=${lang}`); // the language cookie
      const res = await writeLetter(client, letter({ phone: '', subject: '' }));
      assert.equal(res.statusCode, 422);
      assert.match(res.body, /class="error-summary"/);
      assert.ok(res.body.includes(text), lang);
      assert.match(res.body, /href="#field-subject"/);
    }
    assert.equal(await countRows(db, 'mailbox_cases'), before);
  });

  test('a disguised file refuses the letter whole', async () => {
    const client = new Client(app, { ip: '10.0.2.1' });
    const page = await client.get('/mailbox/write');
    const { challenge, difficulty } = challengeOf(page.body);
    const before = await countRows(db, 'mailbox_cases');
    const form = multipart(
      {
        ...letter(),
        _csrf: client.csrfToken ?? '',
        pow_challenge: challenge,
        pow_nonce: solveChallenge(challenge, difficulty),
      },
      { field: 'attachment_1', name: 'photo.jpg', data: EXE },
    );
    const res = await app.inject({
      method: 'POST',
      url: '/mailbox/write',
      headers: { cookie: client.cookieHeader(), 'content-type': form.type },
      payload: form.body,
      remoteAddress: '10.0.2.1',
    });
    assert.equal(res.statusCode, 422, res.body.slice(0, 300));
    assert.match(res.body, /href="#field-attachment_1"/);
    assert.equal(await countRows(db, 'mailbox_cases'), before);
    assert.equal(await countRows(db, 'mailbox_letter_attachments'), 0);
  });

  test("the office opens a letter's attachment on the case page, audited; another agency cannot", async () => {
    const client = new Client(app, { ip: '10.0.2.9' });
    const page = await client.get('/mailbox/write');
    const { challenge, difficulty } = challengeOf(page.body);
    const form = multipart(
      {
        ...letter({ subject: '附照片的来信' }),
        _csrf: client.csrfToken ?? '',
        pow_challenge: challenge,
        pow_nonce: solveChallenge(challenge, difficulty),
      },
      { field: 'attachment_1', name: '现场照片.png', data: PNG },
    );
    const res = await app.inject({
      method: 'POST',
      url: '/mailbox/write',
      headers: { cookie: client.cookieHeader(), 'content-type': form.type },
      payload: form.body,
      remoteAddress: '10.0.2.9',
    });
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const id = await caseIdOf(db, trackingCodeOf(res.body));
    const officer = new Client(app);
    await officer.signIn('officer');
    const casePage = await officer.get(`/admin/mailbox/${id}`);
    const href = /href="(\/admin\/mailbox\/\d+\/attachments\/\d+)"/.exec(casePage.body)?.[1];
    assert.ok(href, 'the case page links the attachment');
    assert.match(casePage.body, /现场照片\.png/);
    const file = await officer.get(href);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'image/png');
    assert.match(String(file.headers['content-disposition']), /^attachment;/);
    assert.equal(file.headers['x-content-type-options'], 'nosniff');
    assert.deepEqual(file.rawPayload, PNG);
    const opened = await db
      .selectFrom('audit_events')
      .select('subject_id')
      .where('action', '=', 'mailbox.attachment_view')
      .execute();
    assert.deepEqual(
      opened.map((e) => String(e.subject_id)),
      [String(id)],
    );
    // Another case's number with this attachment's id finds nothing; a county officer reaches neither.
    assert.equal((await officer.get(href.replace(`/mailbox/${id}/`, `/mailbox/${id + 1000}/`))).statusCode, 404);
    const county = new Client(app);
    await county.signIn('yyx-officer');
    assert.equal((await county.get(href)).statusCode, 404);
    const auditor = new Client(app);
    await auditor.signIn('auditor');
    assert.match((await auditor.get('/admin/audit/personal-data')).body, /打开来信附件/);
  });

  test('the receipt gives the tracking code and explains the due date; the letter is stored sealed', async () => {
    const client = new Client(app, { ip: '10.0.3.1' });
    const res = await writeLetter(client, letter({ consent_to_publish: '1' }));
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const code = trackingCodeOf(res.body);
    // 咨询: at most 3 working days from the day after receipt: 03-03, 03-04, 03-05 (Thursday).
    assert.ok(res.body.includes('2026-03-05'), 'the due date');
    assert.ok(res.body.includes('从收信次日起按工作日计算'));
    const row = await db
      .selectFrom('mailbox_cases')
      .selectAll()
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    assert.equal(row.consent_to_publish, 1);
    assert.equal(row.publish_name, 0);
    assert.ok(row.writer_name_enc && !row.writer_name_enc.includes('王五'));
    assert.ok(row.writer_phone_enc && !row.writer_phone_enc.includes('13812345678'));
  });

  test('a replayed form is refused', async () => {
    const client = new Client(app, { ip: '10.0.4.1' });
    const page = await client.get('/mailbox/write');
    const { challenge, difficulty } = challengeOf(page.body);
    const fields = { ...letter(), pow_challenge: challenge, pow_nonce: solveChallenge(challenge, difficulty) };
    assert.equal((await client.post('/mailbox/write', fields)).statusCode, 200);
    const again = await client.post('/mailbox/write', fields);
    assert.equal(again.statusCode, 422);
    assert.ok(again.body.includes('此表单已提交过'));
  });

  test('tracking needs the code and the contact given; it shows the reply once answered', async () => {
    const client = new Client(app, { ip: '10.0.5.1' });
    const code = trackingCodeOf((await writeLetter(client, letter())).body);
    await client.get('/mailbox/track');
    const wrong = await client.post('/mailbox/track', { code, contact: '13900000000' });
    assert.equal(wrong.statusCode, 422);
    assert.ok(wrong.body.includes('查询码或联系方式不正确'));
    assert.ok(!wrong.body.includes('就业见习补贴何时发放'));
    const open = await client.post('/mailbox/track', { code: code.toLowerCase(), contact: '138-1234-5678' });
    assert.equal(open.statusCode, 200);
    assert.ok(open.body.includes('办理中'));
    await markReplied(db, await caseIdOf(db, code), '见习补贴将于3月底前发放。', '2026-03-04');
    const answered = await client.post('/mailbox/track', { code, contact: '13812345678' });
    assert.ok(answered.body.includes('已答复'));
    assert.ok(answered.body.includes('见习补贴将于3月底前发放。'));
  });
});
