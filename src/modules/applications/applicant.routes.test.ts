// The applicant after applying, and the case's files and notices, through the real pipeline on
// both engines: the correction key on the receipt; the tracking page asking for it, refusing a
// wrong one and a replayed correction; the correction restarting the clock and showing on the
// public timeline; closing as 其他处理 1 when no correction came; attachments stored encrypted,
// refused whole when oversized or disguised, opened (audited) only by the disclosure office;
// the DOCX reply notice downloaded from the case page and parsed back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, countRows } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../test/support/app.ts';
import { readDocx } from '../../../test/support/docx.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import {
  challengeOf,
  replyWithApproval,
  solvedForm as solved,
  useApplicationsApp,
} from './applications.test-support.ts';

const ID17 = '43060219900101123';
const ID_NUMBER = ID17 + residentIdCheckChar(ID17);
const KEY = 'cd'.repeat(32);
const PDF = Buffer.concat([
  Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n'),
  Buffer.alloc(2000, 0x20),
  Buffer.from('\n%%EOF\n'),
]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(500, 1)]);
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(1000, 7)]);

type Table = 'applications' | 'application_events' | 'application_attachments';
async function counts(db: Db): Promise<number[]> {
  return [
    await countRows(db, 'applications'),
    await countRows(db, 'application_events'),
    await countRows(db, 'application_attachments'),
  ];
}
async function auditCount(db: Db, action: string): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('action', '=', action)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

function at(date: string) {
  setClock(() => new Date(`${date}T02:00:00.000Z`)); // 10:00 in China
}

/** A multipart/form-data body as a browser sends it. */
function multipart(
  fields: Record<string, string>,
  files: { field: string; name: string; type: string; data: Buffer }[],
): { body: Buffer; type: string } {
  const boundary = '----gongkai' + Math.random().toString(16).slice(2);
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields))
    parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  for (const f of files) {
    parts.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${f.field}"; filename="${f.name}"\r\nContent-Type: ${f.type}\r\n\r\n`,
      ),
      f.data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), type: `multipart/form-data; boundary=${boundary}` };
}

forEachDialect('applicant correction, attachments and notices', (t) => {
  // A lower proof-of-work difficulty (GONGKAI_POW_DIFFICULTY) keeps these tests quick.
  const state = useApplicationsApp(t, KEY, { powDifficulty: 10 });

  function person(extra: Record<string, string> = {}): Record<string, string> {
    return {
      agency_id: String(state.agencyId),
      applicant_kind: 'natural_person',
      applicant_name: '李四',
      id_number: ID_NUMBER,
      phone: '13712345678',
      description: '2025年就业见习补贴的发放名单',
      form_wanted: 'electronic',
      delivery_way: 'online',
      ...extra,
    };
  }

  const solvedForm = (client: Client, extra: Record<string, string> = {}) => solved(client, person(extra));

  /** Applies online; returns the tracking code, the correction key and the case id. */
  async function apply(): Promise<{ code: string; key: string; id: number }> {
    const client = new Client(state.app);
    const res = await client.post('/apply', await solvedForm(client));
    assert.equal(res.statusCode, 200, res.body.slice(0, 500));
    const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(res.body)![1]!;
    const key = /data-applicant-key="([0-9A-Z]{10})"/.exec(res.body)![1]!;
    const id = (
      await state.db.selectFrom('applications').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()
    ).id;
    return { code, key, id };
  }

  async function officer(): Promise<Client> {
    const c = new Client(state.app);
    assert.equal((await c.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    return c;
  }

  async function askCorrection(id: number, date: string, correctBy: string, note: string) {
    const o = await officer();
    await o.get(`/admin/applications/${id}`);
    const res = await o.post(`/admin/applications/${id}/events`, {
      kind: 'correction_requested',
      date,
      correct_by: correctBy,
      note,
    });
    assert.equal(res.statusCode, 303);
  }

  // GET only: POST /apply has a per-address allowance that the tests below use up.
  test('the form asks for the configured proof-of-work difficulty (GONGKAI_POW_DIFFICULTY)', async () => {
    const page = await new Client(state.app).get('/apply');
    assert.equal(challengeOf(page.body).difficulty, 10);
  });

  test('the correction key unlocks the request; the correction restarts the clock and shows on the timeline', async () => {
    at('2026-03-02');
    const { code, key, id } = await apply();
    const row = await state.db
      .selectFrom('applications')
      .select(['applicant_key_hash'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(
      row.applicant_key_hash && !row.applicant_key_hash.includes(key),
      'only a keyed hash of the key is stored',
    );
    at('2026-03-03');
    await askCorrection(id, '2026-03-03', '2026-03-17', '请写明所需名单的发文年份和单位');

    at('2026-03-05');
    const citizen = new Client(state.app);
    const page = await citizen.get(`/apply/track/${code}`);
    assert.match(page.body, /需要补正申请/);
    assert.match(page.body, /2026-03-17/);
    assert.ok(!page.body.includes('发文年份'), 'the note needs the key');

    const before = await counts(state.db);
    const wrong = await citizen.post(`/apply/track/${code}/correction`, {
      applicant_key: key.slice(0, 9) + (key[9] === 'A' ? 'B' : 'A'),
    });
    assert.equal(wrong.statusCode, 422);
    assert.match(wrong.body, /补正密钥不正确/);
    assert.match(wrong.body, /The correction key is not correct|补正密钥不正确/);
    const phoneTail = await citizen.post(`/apply/track/${code}/correction`, { applicant_key: '5678' });
    assert.equal(phoneTail.statusCode, 422);

    const typed = `${key.slice(0, 5).toLowerCase()}-${key.slice(5)}`;
    const form = await citizen.post(`/apply/track/${code}/correction`, { applicant_key: typed });
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /请写明所需名单的发文年份和单位/);
    assert.ok(
      !form.body.includes(`applicant_key=${key}`) && !/\/correction\?/.test(form.body),
      'the key is never put in a URL',
    );

    const empty = await citizen.post(`/apply/track/${code}/correction`, {
      applicant_key: typed,
      step: 'submit',
      description: '',
    });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写“所需政府信息的名称或内容描述”/);
    assert.deepEqual(await counts(state.db), before, 'refused attempts store nothing');

    const corrected = {
      applicant_key: typed,
      step: 'submit',
      description: '岳阳市人社局2025年发文的就业见习补贴发放名单',
      document_number_hint: '岳人社发〔2025〕12号',
    };
    const done = await citizen.post(`/apply/track/${code}/correction`, corrected);
    assert.equal(done.statusCode, 303);
    const calendar = await getCalendar(state.db);
    const stored = await state.db.selectFrom('applications').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    // Art. 30: a full 20 working days from the receipt of the corrected application.
    assert.deepEqual(
      [stored.status, stored.due_date, stored.description],
      ['open', calendar.addWorkingDays('2026-03-05', 20), corrected.description],
    );
    const ev = await state.db
      .selectFrom('application_events')
      .selectAll()
      .where('application_id', '=', id)
      .where('kind', '=', 'correction_received')
      .executeTakeFirstOrThrow();
    assert.equal(ev.occurred_on, '2026-03-05');
    assert.equal(ev.public, 1);
    assert.equal(JSON.parse(ev.detail_json).previousDescription, '2025年就业见习补贴的发放名单');

    const after = await citizen.get(done.headers.location!);
    assert.match(after.body, /补正已收到/);
    assert.match(after.body, /收到补正后的申请/);
    assert.ok(!after.body.includes('发文年份'));

    // The same correction sent again is refused and records nothing.
    const n = await counts(state.db);
    const replay = await citizen.post(`/apply/track/${code}/correction`, corrected);
    assert.equal(replay.statusCode, 409);
    assert.match(replay.body, /当前不需要补正/);
    assert.deepEqual(await counts(state.db), n);
  });

  test('no correction within the period: the officer closes the case as 其他处理 1 (Art. 30)', async () => {
    at('2026-03-02');
    const { code, key, id } = await apply();
    at('2026-03-03');
    await askCorrection(id, '2026-03-03', '2026-03-10', '请提供身份证明');
    at('2026-03-11');
    const o = await officer();
    await o.get(`/admin/applications/${id}`);
    const early = await o.post(`/admin/applications/${id}/reply`, {
      outcome: 'other_no_correction',
      reply_date: '2026-03-10',
      summary: '逾期未补正',
    });
    assert.equal(early.statusCode, 422);
    const closed = await replyWithApproval(state.app, o, id, {
      outcome: 'other_no_correction',
      reply_date: '2026-03-11',
      summary: '申请人无正当理由逾期未补正，视为放弃申请',
    });
    assert.equal(closed.statusCode, 303);
    const row = await state.db
      .selectFrom('applications')
      .select(['status', 'outcome'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, { status: 'closed', outcome: 'other_no_correction' });
    const page = await new Client(state.app).get(`/apply/track/${code}`);
    assert.doesNotMatch(page.body, /需要补正申请/);
    assert.match(page.body, /其他处理/);
    const c = new Client(state.app);
    await c.get('/apply'); // any page with a form gives the CSRF token
    assert.equal((await c.post(`/apply/track/${code}/correction`, { applicant_key: key })).statusCode, 409);
    // The termination notice cites Art. 30.
    const notice = await o.get(`/admin/applications/${id}/notices/reply.docx`);
    assert.equal(notice.statusCode, 200);
    const { text } = await readDocx(notice.rawPayload);
    assert.match(text, /逾期未补正，视为放弃申请/);
    assert.match(text, /第三十条/);
  });

  test('bad input on the public form is answered in Chinese and English and stores nothing', async () => {
    at('2026-03-02');
    const before = await counts(state.db);
    const client = new Client(state.app);
    // A credit code whose check character is wrong (the valid one ends in W).
    const org = await solvedForm(client, {
      applicant_kind: 'business',
      credit_code: '91430600MA4L5XU69A',
      contact_person: '钱七',
      id_number: '',
    });
    const zh = await client.post('/apply', org);
    assert.equal(zh.statusCode, 422);
    assert.match(zh.body, /统一社会信用代码不正确（校验位不符）/);
    const en = new Client(state.app);
    await en.get('/apply?lang=en');
    const wrongId = { ...(await solvedForm(en)), id_number: ID17 + (residentIdCheckChar(ID17) === '1' ? '2' : '1') };
    const res = await en.post('/apply?lang=en', wrongId);
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /check character of the ID number is wrong/);
    assert.deepEqual(await counts(state.db), before);
  });

  test('attachments are stored encrypted; an oversized or disguised file refuses the whole application', async () => {
    at('2026-03-02');
    const post = async (files: { field: string; name: string; type: string; data: Buffer }[]) => {
      const client = new Client(state.app);
      const fields = await solvedForm(client);
      const { body, type } = multipart({ _csrf: client.csrfToken!, ...fields }, files);
      return state.app.inject({
        method: 'POST',
        url: '/apply',
        headers: { cookie: client.cookieHeader(), 'content-type': type },
        payload: body,
      });
    };
    const before = await counts(state.db);
    const disguised = await post([
      { field: 'attachment_id_copy', name: 'id-card.pdf', type: 'application/pdf', data: EXE },
    ]);
    assert.equal(disguised.statusCode, 422);
    assert.match(disguised.body, /文件内容与扩展名不符/);
    const oversized = await post([
      {
        field: 'attachment_id_copy',
        name: 'scan.pdf',
        type: 'application/pdf',
        data: Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024, 0x20)]),
      },
    ]);
    assert.equal(oversized.statusCode, 422);
    assert.match(oversized.body, /超过 5 MB，申请未保存/);
    const mixed = await post([
      { field: 'attachment_id_copy', name: 'id.png', type: 'image/png', data: PNG },
      { field: 'attachment_authorisation', name: 'letter.jpg', type: 'image/jpeg', data: PDF },
    ]);
    assert.equal(mixed.statusCode, 422, 'one bad file refuses the good one too');
    assert.deepEqual(await counts(state.db), before, 'nothing stored');

    const ok = await post([
      { field: 'attachment_id_copy', name: '身份证.png', type: 'image/png', data: PNG },
      { field: 'attachment_authorisation', name: 'C:\\scans\\委托书.pdf', type: 'application/pdf', data: PDF },
    ]);
    assert.equal(ok.statusCode, 200);
    const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(ok.body)![1]!;
    const id = (
      await state.db.selectFrom('applications').select('id').where('tracking_code', '=', code).executeTakeFirstOrThrow()
    ).id;
    const rows = await state.db
      .selectFrom('application_attachments')
      .selectAll()
      .where('application_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.kind, r.name, r.mime, r.bytes]),
      [
        ['id_copy', '身份证.png', 'image/png', PNG.length],
        ['authorisation', '委托书.pdf', 'application/pdf', PDF.length],
      ],
    );
    for (const r of rows) {
      assert.match(r.content_enc, /^v1\./);
      assert.ok(!r.content_enc.includes(PDF.toString('base64').slice(0, 40)) && !r.content_enc.includes('%PDF'));
    }

    // The disclosure office opens a file — audited; a drafter of the agency cannot.
    const o = await officer();
    const page = await o.get(`/admin/applications/${id}`);
    assert.match(page.body, /委托书\.pdf/);
    const viewsBefore = await auditCount(state.db, 'application.attachment_view');
    const file = await o.get(`/admin/applications/${id}/attachments/${rows[1]!.id}`);
    assert.equal(file.statusCode, 200);
    assert.equal(file.headers['content-type'], 'application/pdf');
    assert.match(String(file.headers['content-disposition']), /^attachment;/);
    assert.ok(file.rawPayload.equals(PDF));
    assert.equal(await auditCount(state.db, 'application.attachment_view'), viewsBefore + 1);
    const leader = new Client(state.app);
    await leader.signIn('drafter', DEMO_PASSWORD);
    assert.equal((await leader.get(`/admin/applications/${id}/attachments/${rows[1]!.id}`)).statusCode, 403);
    assert.equal(await auditCount(state.db, 'application.attachment_view'), viewsBefore + 1);
    // Another case's attachment id under this case is not found.
    assert.equal((await o.get(`/admin/applications/${id + 1000}/attachments/${rows[1]!.id}`)).statusCode, 404);
  });

  test('counter registration takes an authorisation; a disguised one stores nothing', async () => {
    at('2026-03-02');
    const o = await officer();
    const page = await o.get('/admin/applications/new');
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const fields = { ...person(), channel: 'in_person', submitted_on: '2026-03-02' };
    const send = (files: { field: string; name: string; type: string; data: Buffer }[]) => {
      const { body, type } = multipart({ _csrf: o.csrfToken!, ...fields }, files);
      return state.app.inject({
        method: 'POST',
        url: '/admin/applications/new',
        headers: { cookie: o.cookieHeader(), 'content-type': type },
        payload: body,
      });
    };
    const before = await counts(state.db);
    const bad = await send([{ field: 'attachment_authorisation', name: 'auth.jpg', type: 'image/jpeg', data: EXE }]);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /文件内容与扩展名不符/);
    assert.deepEqual(await counts(state.db), before);
    const good = await send([
      { field: 'attachment_authorisation', name: 'auth.pdf', type: 'application/pdf', data: PDF },
    ]);
    assert.equal(good.statusCode, 303);
    assert.equal(await countRows(state.db, 'application_attachments'), before[2]! + 1);
    // A counter applicant gets a correction key from the officer; the new one works.
    const id = Number(good.headers.location!.split('?')[0]!.split('/').pop());
    await o.get(`/admin/applications/${id}`);
    const issued = await o.post(`/admin/applications/${id}/applicant-key`);
    assert.equal(issued.statusCode, 200);
    const key = /data-issued-key="([0-9A-Z]{10})"/.exec(issued.body)![1]!;
    await askCorrection(id, '2026-03-02', '2026-03-16', '请补充申请人签名');
    const code = (
      await state.db.selectFrom('applications').select('tracking_code').where('id', '=', id).executeTakeFirstOrThrow()
    ).tracking_code;
    const c = new Client(state.app);
    await c.get(`/apply/track/${code}`);
    const unlocked = await c.post(`/apply/track/${code}/correction`, { applicant_key: key });
    assert.equal(unlocked.statusCode, 200);
    assert.match(unlocked.body, /请补充申请人签名/);
  });

  test('a partial disclosure: the reply notice DOCX downloads from the case page and reads back', async () => {
    at('2026-03-02');
    const { code, id } = await apply();
    at('2026-03-12');
    const o = await officer();
    const before = await o.get(`/admin/applications/${id}`);
    assert.doesNotMatch(before.body, /notices\/reply\.docx/);
    assert.equal((await o.get(`/admin/applications/${id}/notices/reply.docx`)).statusCode, 404);
    const eventsBefore = await countRows(state.db, 'application_events');
    const noNotes = await o.post(`/admin/applications/${id}/reply`, {
      outcome: 'partially_disclosed',
      reply_date: '2026-03-12',
      summary: '名单中的身份证号码和银行账号属于个人隐私，已作遮盖处理后提供',
    });
    assert.equal(noNotes.statusCode, 422);
    assert.match(noNotes.body, /部分公开时请写明不予公开（遮盖）的部分及理由/);
    assert.equal(await countRows(state.db, 'application_events'), eventsBefore, 'nothing stored');
    const replied = await replyWithApproval(state.app, o, id, {
      outcome: 'partially_disclosed',
      reply_date: '2026-03-12',
      summary: '名单中的身份证号码和银行账号属于个人隐私，已作遮盖处理后提供',
      redactions: '第2至5页：见习人员的身份证号码和银行账号（个人隐私，第十五条）',
    });
    assert.equal(replied.statusCode, 303);
    assert.match(
      (await o.get(`/admin/applications/${id}`)).body,
      /data-redactions="true">不予公开（遮盖）的部分及理由：第2至5页/,
    );
    const page = await o.get(`/admin/applications/${id}`);
    assert.match(page.body, /href="\/admin\/applications\/\d+\/notices\/reply\.docx"/);
    const res = await o.get(`/admin/applications/${id}/notices/reply.docx`);
    assert.equal(res.statusCode, 200);
    assert.equal(
      res.headers['content-type'],
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const { text } = await readDocx(res.rawPayload);
    assert.ok(text.includes('政府信息公开申请答复告知书'));
    assert.ok(text.includes('李四：'));
    assert.ok(text.includes('2025年就业见习补贴的发放名单'));
    assert.ok(text.includes('能够作区分处理'));
    assert.ok(
      text.includes('不予公开（遮盖）的部分及理由：第2至5页：见习人员的身份证号码和银行账号（个人隐私，第十五条）'),
    );
    assert.ok(text.includes('《中华人民共和国政府信息公开条例》第三十七条'));
    assert.ok(text.includes('60日内依法申请行政复议'));
    assert.ok(text.includes('岳阳市人力资源和社会保障局'));
    assert.ok(text.includes('2026年3月12日'));
    assert.ok(!text.includes(ID_NUMBER) && !text.includes('13712345678'), 'no identity number or phone in the notice');
    const timeline = await new Client(state.app).get(`/apply/track/${code}`);
    assert.match(timeline.body, /已答复（部分公开）/);
    // Readers only: the public cannot fetch a notice.
    assert.notEqual((await new Client(state.app).get(`/admin/applications/${id}/notices/reply.docx`)).statusCode, 200);
  });

  // Last: it uses up this address's allowance. Keys cannot be tried at speed.
  test('the correction form is rate-limited per address', async () => {
    at('2026-03-02');
    const { code, id } = await apply();
    await askCorrection(id, '2026-03-02', '2026-03-16', '请补充');
    const c = new Client(state.app);
    await c.get(`/apply/track/${code}`);
    let status = 0;
    let tries = 0;
    for (; tries < 15 && status !== 429; tries++)
      status = (await c.post(`/apply/track/${code}/correction`, { applicant_key: 'ABCDE12345' })).statusCode;
    assert.equal(status, 429);
    assert.ok(tries <= 11);
  });
});
