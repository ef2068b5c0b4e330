// The answer online (issue 15, item 2), through the real pipeline on both engines: the answered
// case's tracking page shows the outcome and date and asks for a proof; a wrong proof is refused
// in both languages and the attempts are rate-limited; the correction key or the tail of the ID or
// mobile number gives signed links that expire; the notice (DOCX and web page) and the released
// file download, each audited; another case's file, an applicant's own attachment and an altered
// link are 404; answering queues one e-mail and one SMS (official text, the configured public
// address, no personal data), and queuing again adds nothing.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../test/support/app.ts';
import { readDocx } from '../../../test/support/docx.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { assertOfficialText } from '../../platform/official-text/check.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { replyWithApproval, solvedForm, useApplicationsApp } from './applications.test-support.ts';
import { answerNotifier, createAnswerService } from './answer.service.ts';

const ID17 = '43060219850505432';
const ID_NUMBER = ID17 + residentIdCheckChar(ID17);
const PHONE = '13712345678';
const EMAIL = 'wang.wu@example.org';
const KEY = 'ab'.repeat(32);
const PUBLIC_URL = 'https://gk.yueyang.example.gov.cn';
const vault = createVault('aes-256-gcm', [KEY]);
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.alloc(3000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);

function at(instant: string) {
  setClock(() => new Date(instant));
}

async function auditCount(db: Db, action: string): Promise<number> {
  const row = await db
    .selectFrom('audit_events')
    .select((eb) => eb.fn.countAll().as('n'))
    .where('action', '=', action)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

const links = (body: string) =>
  [...body.matchAll(/href="(\/apply\/track\/[0-9A-Z]{13}\/answer\/[^"]+)"/g)].map((m) => m[1]!.replace(/&amp;/g, '&'));

forEachDialect('the answer on the tracking page', (t) => {
  const state = useApplicationsApp(t, KEY, { powDifficulty: 10, publicUrl: PUBLIC_URL });

  /** Applies online (with an e-mail and a mobile number); returns code, key and id. */
  async function apply(extra: Record<string, string> = {}): Promise<{ code: string; key: string; id: number }> {
    const client = new Client(state.app);
    const form = await solvedForm(client, {
      agency_id: String(state.agencyId),
      applicant_kind: 'natural_person',
      applicant_name: '王五',
      id_number: ID_NUMBER,
      phone: PHONE,
      email: EMAIL,
      description: '2024年度就业补助资金分配和使用情况',
      form_wanted: 'electronic',
      delivery_way: 'online',
      ...extra,
    });
    const res = await client.post('/apply', form);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(res.body)![1]!;
    const key = /data-applicant-key="([0-9A-Z]{10})"/.exec(res.body)![1]!;
    const row = await state.db
      .selectFrom('applications')
      .select('id')
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    return { code, key, id: row.id };
  }

  async function answer(id: number, date: string): Promise<void> {
    const o = new Client(state.app);
    assert.equal((await o.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    const res = await replyWithApproval(state.app, o, id, {
      outcome: 'disclosed',
      reply_date: date,
      summary: '予以公开，提供资金分配表。',
    });
    assert.equal(res.statusCode, 303, res.body.slice(0, 300));
  }

  let first: { code: string; key: string; id: number };
  let second: { code: string; key: string; id: number };

  test('answering queues one e-mail and one SMS with the official text and the public address', async () => {
    at('2026-03-02T02:00:00Z');
    first = await apply();
    second = await apply({ email: '', phone: '0730-8888888' });
    at('2026-03-12T02:00:00Z');
    await answer(first.id, '2026-03-12');
    await answer(second.id, '2026-03-12');
    const mails = await state.db
      .selectFrom('mail_outbox')
      .selectAll()
      .where('dedupe_key', 'like', 'answered:%')
      .execute();
    assert.equal(mails.length, 1, 'the second applicant gave no e-mail');
    const mail = mails[0]!;
    assert.equal(mail.to_address, EMAIL);
    assert.equal(mail.dedupe_key, `answered:${first.id}`);
    assert.ok(mail.body_text.includes(`${PUBLIC_URL}/apply/track/${first.code}`), mail.body_text);
    assert.ok(mail.body_text.includes('2026年3月12日'));
    const sms = await state.db.selectFrom('sms_outbox').selectAll().execute();
    assert.equal(sms.length, 1, 'a landline gets no SMS');
    assert.equal(vault.open(sms[0]!.phone_enc), PHONE);
    assert.ok(!sms[0]!.phone_enc.includes(PHONE), 'the number is sealed');
    for (const text of [mail.subject, mail.body_text, sms[0]!.body_text]) {
      // The checker reads a host name's dots as a code path: the address is checked above.
      assertOfficialText(text.replace(`${PUBLIC_URL}/apply/track/${first.code}`, '网址'), 'answer notification');
      for (const secret of ['王五', ID_NUMBER, PHONE, EMAIL, '就业补助资金', '{', '}'])
        assert.ok(!text.includes(secret) || (secret === EMAIL && text === mail.to_address), `${secret} in ${text}`);
    }
    // Idempotent: telling the applicant again adds nothing.
    const row = await state.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', first.id)
      .executeTakeFirstOrThrow();
    await answerNotifier(vault, PUBLIC_URL)(state.db, row, '2026-03-12');
    assert.equal(
      (await state.db.selectFrom('mail_outbox').select('id').where('dedupe_key', '=', `answered:${first.id}`).execute())
        .length,
      1,
    );
    assert.equal((await state.db.selectFrom('sms_outbox').select('id').execute()).length, 1);
  });

  test('the tracking page shows the outcome and date, and asks for a proof before any file', async () => {
    const c = new Client(state.app);
    const page = await c.get(`/apply/track/${first.code}`, { host: 'evil.example' });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /答复结果/);
    assert.match(page.body, /data-answer-outcome="true">予以公开/);
    assert.match(page.body, /2026-03-12/);
    assert.match(page.body, /name="proof"/);
    assert.deepEqual(links(page.body), [], 'no download link before the proof');
    const en = await new Client(state.app).get(`/apply/track/${first.code}?lang=en`);
    assert.match(en.body, /The answer/);
    assert.match(en.body, /Disclosed/);
    // An open case has no answer section, and its proof is refused.
    at('2026-03-13T02:00:00Z');
    const open = await apply();
    assert.doesNotMatch((await c.get(`/apply/track/${open.code}`)).body, /答复结果/);
    const early = await c.post(`/apply/track/${open.code}/answer`, { proof: open.key });
    assert.equal(early.statusCode, 409);
    assert.match(early.body, /该申请尚未答复/);
  });

  test('a wrong proof is refused in both languages; the key, the ID tail or the phone tail open it', async () => {
    const c = new Client(state.app);
    await c.get(`/apply/track/${first.code}`);
    const wrong = await c.post(`/apply/track/${first.code}/answer`, { proof: '000000' });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /验证未通过/);
    assert.deepEqual(links(wrong.body), []);
    const english = new Client(state.app);
    await english.get(`/apply/track/${first.code}?lang=en`);
    const odd = await english.post(`/apply/track/${first.code}/answer`, { proof: 'abc' });
    assert.equal(odd.statusCode, 422);
    assert.match(odd.body, /Enter the 10-character correction key/);
    // Another case's key does not open this one.
    assert.equal((await c.post(`/apply/track/${first.code}/answer`, { proof: second.key })).statusCode, 422);
    for (const proof of [first.key, ID_NUMBER.slice(-6).toLowerCase(), PHONE.slice(-6)]) {
      const ok = await c.post(`/apply/track/${first.code}/answer`, { proof });
      assert.equal(ok.statusCode, 200, proof);
      assert.equal(ok.headers['cache-control'], 'no-store');
      assert.equal(ok.headers['referrer-policy'], 'no-referrer');
      assert.match(ok.body, /15 分钟内有效/);
      assert.equal(links(ok.body).length, 2, 'the notice as DOCX and as a web page (no released file yet)');
    }
  });

  test('the notice and the released file download through signed links, each audited', async () => {
    const answers = createAnswerService(vault);
    await answers.attachReleased(state.db, systemContext, first.id, [{ name: '资金分配表.pdf', data: PDF }]);
    const c = new Client(state.app);
    await c.get(`/apply/track/${first.code}`);
    const ok = await c.post(`/apply/track/${first.code}/answer`, { proof: first.key });
    const [docx, html, file] = links(ok.body);
    assert.ok(docx && html && file, ok.body);
    assert.match(ok.body, /资金分配表\.pdf/);
    const before = await auditCount(state.db, 'application.answer_download');
    const d = await c.get(docx);
    assert.equal(d.statusCode, 200);
    assert.match(String(d.headers['content-type']), /wordprocessingml/);
    const { text } = await readDocx(d.rawPayload);
    assert.match(text, /王五/, 'the notice names the applicant');
    const h = await c.get(html);
    assert.equal(h.statusCode, 200);
    assert.match(h.body, /notice-document/);
    const f = await c.get(file);
    assert.equal(f.statusCode, 200);
    assert.ok(Buffer.compare(f.rawPayload, PDF) === 0);
    assert.equal(await auditCount(state.db, 'application.answer_download'), before + 3);
  });

  test("altered links, another case's file and the applicant's own attachment are 404; old links expire", async () => {
    const answers = createAnswerService(vault);
    const row = async (id: number) =>
      state.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const file = await state.db
      .selectFrom('application_attachments')
      .select('id')
      .where('application_id', '=', first.id)
      .executeTakeFirstOrThrow();
    const c = new Client(state.app);
    const now = Date.parse('2026-03-13T02:00:00Z');
    const good = answers.link(await row(first.id), { kind: 'released', id: file.id }, now);
    assert.equal((await c.get(good)).statusCode, 200);
    assert.equal(
      (await c.get(good.replace(/sig=(\w)/, (_, c: string) => `sig=${c === '0' ? '1' : '0'}`))).statusCode,
      404,
      'altered signature',
    );
    assert.equal((await c.get(good.replace(/expires=\d+/, (m) => `${m}9`))).statusCode, 404, 'altered expiry');
    assert.equal((await c.get(good.replace(first.code, second.code))).statusCode, 404, 'moved to another case');
    // A link the server signed for the second case, naming the first case's file: 404.
    const foreign = answers.link(await row(second.id), { kind: 'released', id: file.id }, now);
    assert.equal((await c.get(foreign)).statusCode, 404);
    assert.equal((await c.get(`/apply/track/${first.code}/answer/file-${file.id}`)).statusCode, 404, 'unsigned');
    // The applicant's own attachment (an ID copy) is never a released file.
    await state.db
      .insertInto('application_attachments')
      .values({
        application_id: first.id,
        name: 'id.pdf',
        mime: 'application/pdf',
        bytes: PDF.length,
        content_enc: vault.seal(PDF.toString('base64'))!,
        kind: 'id_copy',
        created_by: null,
        created_at: '2026-03-02T02:00:00Z',
      })
      .execute();
    const idCopy = await state.db
      .selectFrom('application_attachments')
      .select('id')
      .where('kind', '=', 'id_copy')
      .executeTakeFirstOrThrow();
    assert.equal(
      (await c.get(answers.link(await row(first.id), { kind: 'released', id: idCopy.id }, now))).statusCode,
      404,
    );
    // Sixteen minutes later the link has expired: the page asks for the proof again.
    at('2026-03-13T02:16:00Z');
    const old = await c.get(good);
    assert.equal(old.statusCode, 410);
    assert.match(old.body, /下载链接已过期/);
    assert.match(old.body, /name="proof"/);
  });

  test('proof attempts are rate-limited', async () => {
    const c = new Client(state.app);
    await c.get(`/apply/track/${first.code}`);
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++)
      status = (await c.post(`/apply/track/${first.code}/answer`, { proof: '999999' })).statusCode;
    assert.equal(status, 429);
  });
});

forEachDialect('the disclosure office attaches the released information', (t) => {
  const state = useApplicationsApp(t, KEY, { powDifficulty: 10 });

  test('an uploaded file is listed for the office and offered to the proved applicant; a disguised one is refused', async () => {
    at('2026-03-02T02:00:00Z');
    const client = new Client(state.app);
    const form = await solvedForm(client, {
      agency_id: String(state.agencyId),
      applicant_kind: 'natural_person',
      applicant_name: '王五',
      id_number: ID_NUMBER,
      phone: '0730-8888888',
      description: '2024年度就业补助资金分配和使用情况',
      form_wanted: 'electronic',
      delivery_way: 'online',
    });
    const res = await client.post('/apply', form);
    assert.equal(res.statusCode, 200, res.body.slice(0, 300));
    const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(res.body)![1]!;
    const { id } = await state.db
      .selectFrom('applications')
      .select('id')
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    const o = new Client(state.app);
    assert.equal((await o.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    // the office reaches the page from the case
    assert.match(
      (await o.get(`/admin/applications/${id}`)).body,
      new RegExp(`href="/admin/applications/${id}/released"`),
    );
    await o.get(`/admin/applications/${id}/released`);
    const upload = (name: string, data: Buffer) => {
      const boundary = '----gongkai-released';
      const body = Buffer.concat([
        Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${o.csrfToken}\r\n`),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="released"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n`,
        ),
        data,
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      return state.app.inject({
        method: 'POST',
        url: `/admin/applications/${id}/released`,
        headers: { cookie: o.cookieHeader(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
    };
    const disguised = await upload('table.pdf', Buffer.concat([Buffer.from('MZ'), Buffer.alloc(500, 7)]));
    assert.equal(disguised.statusCode, 422);
    const ok = await upload('table.pdf', PDF);
    assert.equal(ok.statusCode, 303, ok.body.slice(0, 300));
    assert.match((await o.get(`/admin/applications/${id}/released`)).body, /table\.pdf/);
    assert.equal(await auditCount(state.db, 'application.released_attached'), 1);
    at('2026-03-12T02:00:00Z');
    const later = new Client(state.app);
    assert.equal((await later.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    const replied = await replyWithApproval(state.app, later, id, {
      outcome: 'disclosed',
      reply_date: '2026-03-12',
      summary: '予以公开。',
    });
    assert.equal(replied.statusCode, 303);
    const citizen = new Client(state.app);
    await citizen.get(`/apply/track/${code}`);
    const proved = await citizen.post(`/apply/track/${code}/answer`, { proof: ID_NUMBER.slice(-6) });
    assert.equal(links(proved.body).length, 3);
    assert.match(proved.body, /table\.pdf/);
    assert.equal((await state.db.selectFrom('sms_outbox').select('id').execute()).length, 0, 'a landline gets no SMS');
  });
});
