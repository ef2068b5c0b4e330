// The applications pages through the real pipeline (session, policy, CSRF, rate limit), on both
// engines: the public form with its proof-of-work and its no-JavaScript question, bad input
// that stores nothing, a replayed form, the public timeline without personal data, personal
// data encrypted at rest, masking and the audited "show full", recording steps with the
// violations they bring, and the deadline API.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, countRows } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { advanceClock, useClock } from '../../../test/support/clock.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { formatTrackingCode } from './tracking.ts';
import { challengeOf, solvedForm as solved, useApplicationsApp } from './applications.test-support.ts';

const ID = '43060219880512345'.slice(0, 17);
const ID_NUMBER = ID + residentIdCheckChar(ID);
const WRONG_ID = ID + (residentIdCheckChar(ID) === '1' ? '2' : '1');
const PHONE = '13912345678';
const KEY = 'ab'.repeat(32);

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

function trackingCodeOf(body: string): string {
  const code = /data-tracking-code="([0-9A-Z]{13})"/.exec(body)?.[1];
  assert.ok(code, 'the receipt shows the tracking code');
  return code;
}

forEachDialect('applications pages', (t) => {
  // 2026-11-25 10:00 in China: the dated cases below (received 2026-11-02, correction asked
  // 2026-11-20 with a period to 2026-12-04) are all in the past but the correction period is not.
  useClock('2026-11-25T02:00:00Z');
  const state = useApplicationsApp(t, KEY);

  function person(extra: Record<string, string> = {}): Record<string, string> {
    return {
      agency_id: String(state.agencyId),
      applicant_kind: 'natural_person',
      applicant_name: '王小明',
      id_number: ID_NUMBER,
      phone: PHONE,
      email: 'xiaoming@example.cn',
      address: '湖南省岳阳市巴陵中路88号',
      description: '2025年岳阳市失业保险金发放标准的文件',
      form_wanted: 'electronic',
      delivery_way: 'email',
      ...extra,
    };
  }

  /** Loads the form and solves its challenge as pow.js would. */
  const solvedForm = (client: Client, extra: Record<string, string> = {}) => solved(client, person(extra));

  test('the form page loads the solver script, shows the fallback question and has no inline script', async () => {
    const res = await new Client(state.app).get('/apply');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /<script src="\/assets\/pow\.[0-9a-f]{12}\.js" defer>/);
    assert.match(res.body, /等于多少？/);
    assert.equal(challengeOf(res.body).difficulty, 16, 'the default difficulty (GONGKAI_POW_DIFFICULTY unset)');
    assert.doesNotMatch(res.body, /<script>(?!<\/script>)/);
    assert.match(res.body, /商业企业/);
    assert.match(res.body, /法律服务机构/);
    const js = await state.app.inject({
      method: 'GET',
      url: /src="(\/assets\/pow\.[0-9a-f]{12}\.js)"/.exec(res.body)![1]!,
    });
    assert.equal(js.statusCode, 200);
  });

  test('a wrong ID checksum is refused in Chinese and nothing is stored', async () => {
    const client = new Client(state.app);
    const before = await countRows(state.db, 'applications');
    const res = await client.post('/apply', await solvedForm(client, { id_number: WRONG_ID }));
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /身份证号码的校验位不正确/);
    assert.equal(await countRows(state.db, 'applications'), before);
  });

  test('missing fields are each named, and nothing is stored', async () => {
    const client = new Client(state.app);
    const before = await countRows(state.db, 'applications');
    const form = await solvedForm(client, {
      applicant_kind: 'business',
      applicant_name: '',
      phone: '',
      description: '',
      credit_code: '',
    });
    const res = await client.post('/apply', form);
    assert.equal(res.statusCode, 422);
    for (const text of [
      '请填写“姓名或名称”',
      '请填写“联系电话”',
      '请填写“所需政府信息的名称或内容描述”',
      '请填写“统一社会信用代码”',
      '请填写“联系人”',
    ])
      assert.ok(res.body.includes(text), text);
    assert.equal(await countRows(state.db, 'applications'), before);
  });

  test('a solved form is accepted once; the replayed form is refused and stores nothing', async () => {
    const client = new Client(state.app);
    const form = await solvedForm(client);
    const first = await client.post('/apply', form);
    assert.equal(first.statusCode, 200);
    const code = trackingCodeOf(first.body);
    assert.ok(first.body.includes(formatTrackingCode(code)));
    const after = await countRows(state.db, 'applications');
    const replay = await client.post('/apply', form);
    assert.equal(replay.statusCode, 422);
    assert.match(replay.body, /该表单已经提交过/);
    assert.equal(await countRows(state.db, 'applications'), after);
  });

  test('without JavaScript the arithmetic question is accepted, but not at once', async () => {
    const client = new Client(state.app);
    const page = await client.get('/apply?lang=en');
    const { challenge } = challengeOf(page.body);
    const [, a, b] = /What is (\d+) plus (\d+)\?/.exec(page.body)!;
    const form = { ...person(), pow_challenge: challenge, pow_answer: String(Number(a) + Number(b)) };
    const tooFast = await client.post('/apply', form);
    assert.equal(tooFast.statusCode, 422);
    assert.match(tooFast.body, /too fast/);
    const wrong = await client.post('/apply', { ...form, pow_answer: String(Number(a) + Number(b) + 1) });
    assert.equal(wrong.statusCode, 422);
    const back = advanceClock(10_000);
    try {
      const ok = await client.post('/apply', form);
      assert.equal(ok.statusCode, 200);
      trackingCodeOf(ok.body);
    } finally {
      back();
    }
  });

  test('personal data is encrypted at rest; the public timeline shows steps but no personal data or notes', async () => {
    const client = new Client(state.app);
    const code = trackingCodeOf((await client.post('/apply', await solvedForm(client))).body);
    const row = await state.db
      .selectFrom('applications')
      .selectAll()
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    const raw = JSON.stringify(row);
    for (const plain of ['王小明', ID_NUMBER, PHONE, 'xiaoming@example.cn', '巴陵中路'])
      assert.ok(!raw.includes(plain), `${plain} is not stored in clear`);
    assert.match(row.id_number_enc!, /^v1\.gcm\./);
    assert.match(row.applicant_name_enc!, /^v1\.gcm\./);

    const officer = new Client(state.app);
    assert.equal((await officer.signIn('officer', DEMO_PASSWORD)).statusCode, 303);
    await officer.get(`/admin/applications/${row.id}`);
    const note = await officer.post(`/admin/applications/${row.id}/events`, {
      kind: 'note',
      date: row.received_on,
      note: '内部意见：需请示分管领导',
    });
    assert.equal(note.statusCode, 303);
    await officer.get(`/admin/applications/${row.id}`);
    const corr = await officer.post(`/admin/applications/${row.id}/events`, {
      kind: 'correction_requested',
      date: row.received_on,
      correct_by: '2026-12-31',
      note: '请说明文件的年份',
    });
    assert.equal(corr.statusCode, 303);

    const publicPage = await new Client(state.app).get(`/apply/track/${formatTrackingCode(code).toLowerCase()}`);
    assert.equal(publicPage.statusCode, 200);
    assert.match(publicPage.body, /收到申请/);
    assert.match(publicPage.body, /告知申请人补正/);
    assert.match(publicPage.body, /待申请人补正/);
    for (const secret of [
      '王小明',
      ID_NUMBER,
      ID_NUMBER.slice(-4) + '<',
      PHONE,
      PHONE.slice(0, 3) + '****',
      'xiaoming',
      '巴陵中路',
      '内部意见',
      '请说明文件的年份',
    ]) {
      assert.ok(!publicPage.body.includes(secret), `the public page does not show ${secret}`);
    }
    const lookup = await new Client(state.app).get(`/apply/track?code=${code}`);
    assert.equal(lookup.statusCode, 303);
    const typo = code.slice(0, 12) + (code[12] === 'A' ? 'B' : 'A');
    const bad = await new Client(state.app).get(`/apply/track?code=${typo}`);
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /查询码不正确/);
  });

  test('the case page masks personal data; showing it in full is audited', async () => {
    const client = new Client(state.app);
    const code = trackingCodeOf((await client.post('/apply', await solvedForm(client))).body);
    const row = await state.db
      .selectFrom('applications')
      .select('id')
      .where('tracking_code', '=', code)
      .executeTakeFirstOrThrow();
    const officer = new Client(state.app);
    await officer.signIn('officer', DEMO_PASSWORD);
    const list = await officer.get('/admin/applications');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(formatTrackingCode(code)));
    assert.ok(list.body.includes('王小明'), 'the list shows the name, decrypted, as before');
    const page = await officer.get(`/admin/applications/${row.id}`);
    assert.equal(page.statusCode, 200);
    assert.ok(page.body.includes('王小明'), 'the case page shows the name in full, as before');
    assert.ok(page.body.includes(`${ID_NUMBER.slice(0, 6)}********${ID_NUMBER.slice(-4)}`));
    assert.ok(page.body.includes('139****5678'));
    assert.ok(!page.body.includes(ID_NUMBER) && !page.body.includes(PHONE));
    const before = await auditCount(state.db, 'application.personal_data_view');
    const revealed = await officer.post(`/admin/applications/${row.id}/reveal`);
    assert.equal(revealed.statusCode, 200);
    assert.ok(revealed.body.includes(ID_NUMBER) && revealed.body.includes(PHONE));
    assert.equal(await auditCount(state.db, 'application.personal_data_view'), before + 1);
    const event = await state.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'application.personal_data_view')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.actor_name, 'officer');
    // The unit's drafter cannot see an unassigned case, nor its deadline: out of reach answers
    // like a missing record (404), so existence does not leak (issue 14 finding 6).
    const drafter = new Client(state.app);
    await drafter.signIn('drafter', DEMO_PASSWORD);
    assert.equal((await drafter.get(`/admin/applications/${row.id}`)).statusCode, 404);
    assert.equal((await drafter.get(`/api/v1/applications/${row.id}/deadline`)).statusCode, 404);
  });

  test('counter registration, a late correction request reported, and the deadline API', async () => {
    const officer = new Client(state.app);
    await officer.signIn('officer', DEMO_PASSWORD);
    await officer.get('/admin/applications/new');
    const missingDate = await officer.post('/admin/applications/new', {
      ...person(),
      channel: 'post_signed',
      submitted_on: '2026-11-02',
    });
    assert.equal(missingDate.statusCode, 422);
    assert.match(missingDate.body, /签收日期/);
    const created = await officer.post('/admin/applications/new', {
      ...person(),
      channel: 'in_person',
      submitted_on: '2026-11-02',
    });
    assert.equal(created.statusCode, 303);
    const url = created.headers.location!.split('?')[0]!;
    const id = Number(url.split('/').pop());
    await officer.get(url);
    const today = (
      await state.db.selectFrom('applications').select('received_on').where('id', '=', id).executeTakeFirstOrThrow()
    ).received_on;
    assert.equal(today, '2026-11-02');
    const late = await officer.post(`${url}/events`, {
      kind: 'correction_requested',
      date: '2026-11-20',
      correct_by: '2026-12-04',
      note: '请补充身份证明',
    });
    assert.equal(late.statusCode, 303);
    const page = await officer.get(url);
    assert.match(page.body, /data-violation="correction_request_late"/);
    const bad = await officer.post(`${url}/events`, { kind: 'extension_approved', date: '2026-11-21', days: '30' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写“理由”/);
    const api = await officer.get(`/api/v1/applications/${id}/deadline`);
    assert.equal(api.statusCode, 200);
    const json = JSON.parse(api.body) as {
      application: { dueDate: string | null };
      deadline: { status: string; steps: unknown[]; violations: { code: string }[] };
    };
    assert.equal(json.deadline.status, 'awaiting_correction');
    assert.equal(json.application.dueDate, null);
    assert.ok(json.deadline.steps.length > 0);
    assert.deepEqual(
      json.deadline.violations.map((v) => v.code),
      ['correction_request_late'],
    );
  });

  test('the supervisor sees counts only', async () => {
    const supervisor = new Client(state.app);
    await supervisor.signIn('supervisor', DEMO_PASSWORD);
    const res = await supervisor.get('/admin/applications');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /data-count="open"/);
    assert.doesNotMatch(res.body, /\/admin\/applications\/\d+/);
  });

  // Last: it uses up this address's allowance.
  test('the public form is rate-limited per address', async () => {
    const client = new Client(state.app);
    await client.get('/apply');
    let status = 0;
    for (let i = 0; i < 12 && status !== 429; i++)
      status = (await client.post('/apply', { applicant_kind: 'natural_person' })).statusCode;
    assert.equal(status, 429);
  });
});
