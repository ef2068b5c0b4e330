// Issue 14 findings 2, 5 and 6 (docs/adr/0015): no administrator learns another account's
// password, roles come from the security administrator only, personal-data grants are shown to
// the auditor; sign-in throttled per name and source, alike for unknown names; common and reused
// passwords refused; a password change signs the other sessions out; CSRF tokens bound to the
// session and Origin checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../support/database.ts';
import { Client, DEMO_PASSWORD, seedDemoOrganisation, testApp } from '../support/app.ts';
import { setClock } from '../../src/platform/clock.ts';
import { solveChallenge } from '../../src/platform/pow.ts';
import { testConfig } from '../support/app.ts';
import { systemContext } from '../../src/platform/audit/audit.ts';
import { createApplicationsService } from '../../src/modules/applications/applications.service.ts';
import { createVault, resolveDataKeys } from '../../src/platform/crypto/personal-data.ts';
import { mailedActivationCode, signedIn } from '../../src/modules/organisation/organisation.test-support.ts';

forEachDialect('account security', (t) => {
  let app: FastifyInstance;
  const db = () => t.handle.db;
  const agency = async (code: string) =>
    (await db().selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const userId = async (username: string) =>
    (await db().selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
  /** The message of the error summary: what the person is told. */
  const told = (body: string) =>
    /<ul class="error-summary__list">(.*?)<\/ul>/s.exec(body)?.[1]?.replace(/<[^>]+>/g, '');

  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle, { publicUrl: 'https://gk.example.gov.cn' });
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  test('a new account: the system admin sees no password, the person activates it with a mailed code', async () => {
    const hrss = await agency('yueyang-hrss');
    const admin = await signedIn(app, 'admin');
    await admin.get('/admin/users/new');
    const noMail = await admin.post('/admin/users', {
      username: 'zhang-san',
      display_name: '张三',
      agency_id: String(hrss),
    });
    assert.equal(noMail.statusCode, 422);
    assert.match(noMail.body, /请填写本人的电子邮箱/);
    const created = await admin.post('/admin/users', {
      username: 'zhang-san',
      display_name: '张三',
      agency_id: String(hrss),
      email: 'zhang.san@hrss.example.cn',
    });
    assert.equal(created.statusCode, 200);
    assert.match(created.body, /已发送激活码至 z\*\*\*@hrss\.example\.cn/);
    assert.doesNotMatch(created.body, /one-time-secret|初始密码/);
    const code = await mailedActivationCode(db(), 'zhang.san@hrss.example.cn');
    assert.doesNotMatch(created.body, new RegExp(code));
    const mail = await db()
      .selectFrom('mail_outbox')
      .select('body_text')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(mail.body_text, /https:\/\/gk\.example\.gov\.cn\/activate\?code=/);
    // Only the hash is stored.
    const stored = await db().selectFrom('activation_codes').select('code_hash').execute();
    assert.ok(stored.every((r) => r.code_hash !== code && r.code_hash.length === 64));
    assert.equal((await new Client(app).signIn('zhang-san', code)).statusCode, 422, 'not usable before activation');

    const c = new Client(app);
    await c.get(`/activate?code=${code}`);
    const common = await c.post('/activate', { code, new_password: 'Password123!', confirm_password: 'Password123!' });
    assert.equal(common.statusCode, 422);
    assert.match(common.body, /常见或已泄露的密码/);
    const ok = await c.post('/activate', {
      code,
      new_password: 'Gongzuo-Xinmima-26!',
      confirm_password: 'Gongzuo-Xinmima-26!',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/sign-in?activated=1');
    const again = await c.post('/activate', {
      code,
      new_password: 'Gongzuo-Xinmima-27!',
      confirm_password: 'Gongzuo-Xinmima-27!',
    });
    assert.equal(again.statusCode, 422, 'a code works once');
    assert.match(again.body, /激活码无效、已使用或已过期/);
    const signIn = await new Client(app).signIn('zhang-san', 'Gongzuo-Xinmima-26!');
    assert.equal(signIn.statusCode, 303);
    assert.equal(signIn.headers.location, '/admin');

    // The system administrator grants no role, not even a business one; the security admin does.
    const id = await userId('zhang-san');
    const byAdmin = await admin.post(`/admin/users/${id}/roles`, {
      role: 'disclosure_officer',
      agency_id: String(hrss),
    });
    assert.equal(byAdmin.statusCode, 403);
    const sec = await signedIn(app, 'secadmin');
    await sec.get(`/admin/users/${id}`);
    const granted = await sec.post(`/admin/users/${id}/roles`, { role: 'disclosure_officer', agency_id: String(hrss) });
    assert.equal(granted.statusCode, 303);
    // ... and the auditor sees the grant of a role that reaches personal data.
    const auditor = await signedIn(app, 'auditor');
    const page = await auditor.get('/admin/audit/personal-data');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /授予角色：信息公开工作人员/);
    assert.match(page.body, /张三（zhang-san）/);
    assert.equal((await admin.get('/admin/audit/personal-data')).statusCode, 403);
  });

  test('an activation code expires after 72 hours', async () => {
    const start = new Date('2026-05-04T01:00:00Z');
    setClock(() => start);
    const hrss = await agency('yueyang-hrss');
    const admin = await signedIn(app, 'admin');
    await admin.get('/admin/users/new');
    await admin.post('/admin/users', {
      username: 'li-si',
      display_name: '李四',
      agency_id: String(hrss),
      email: 'li.si@hrss.example.cn',
    });
    const code = await mailedActivationCode(db(), 'li.si@hrss.example.cn');
    setClock(() => new Date(start.getTime() + 73 * 3600_000));
    const c = new Client(app);
    await c.get('/activate');
    const late = await c.post('/activate', {
      code,
      new_password: 'Li-Si-Late-2026!',
      confirm_password: 'Li-Si-Late-2026!',
    });
    assert.equal(late.statusCode, 422);
    assert.match(late.body, /激活码无效、已使用或已过期/);
    setClock(undefined);
  });

  test('sign-in: unknown and known names get the same answers; delays and a challenge per source', async () => {
    const start = new Date('2026-06-01T02:00:00Z');
    setClock(() => start);
    const known = new Client(app, { ip: '203.0.113.7' });
    const unknown = new Client(app, { ip: '203.0.113.7' });
    const answers: [string | undefined, string | undefined][] = [];
    for (let i = 0; i < 3; i++) {
      const a = await known.signIn('unithead', `Wrong-password-${i}`);
      const b = await unknown.signIn('no-such-person', `Wrong-password-${i}`);
      assert.equal(a.statusCode, b.statusCode);
      answers.push([told(a.body), told(b.body)]);
    }
    for (const [a, b] of answers) assert.equal(a, b);
    assert.match(answers[0]![0]!, /用户名或密码不正确/);
    // The fourth attempt needs the proof of work, for both names alike.
    const needA = await known.signIn('unithead', DEMO_PASSWORD);
    const needB = await unknown.signIn('no-such-person', DEMO_PASSWORD);
    assert.equal(told(needA.body), told(needB.body));
    assert.match(needA.body, /name="pow_challenge"/);
    // Solved, it is tried (and fails) — then the fifth failure sets a wait.
    const solve = async (c: Client, username: string, password: string) => {
      const page = await c.post('/sign-in', { username, password });
      const challenge = /name="pow_challenge" value="([^"]+)"/.exec(page.body)![1]!;
      const difficulty = Number(/data-pow="(\d+)"/.exec(page.body)![1]);
      return c.post('/sign-in', {
        username,
        password,
        pow_challenge: challenge,
        pow_nonce: solveChallenge(challenge, difficulty),
      });
    };
    await solve(known, 'unithead', 'Wrong-password-x');
    await solve(unknown, 'no-such-person', 'Wrong-password-x');
    const waitA = await solve(known, 'unithead', 'Wrong-password-y');
    const waitB = await solve(unknown, 'no-such-person', 'Wrong-password-y');
    assert.match(told(waitA.body)!, /登录失败次数过多，请于 2026-06-01 10:00 后再试/);
    assert.equal(told(waitA.body), told(waitB.body));
    // The right password from this source must wait too ...
    const stillWaiting = await known.signIn('unithead');
    assert.match(told(stillWaiting.body)!, /后再试/);
    // ... but the owner, from another network, is not locked out.
    const owner = await new Client(app, { ip: '198.51.100.20' }).signIn('unithead');
    assert.equal(owner.statusCode, 303);
    setClock(undefined);
  });

  test('the account locks only after 20 failures, and its owner and the security admin are told', async () => {
    setClock(() => new Date('2026-06-02T02:00:00Z'));
    await db().updateTable('users').set({ email: 'leader@hrss.example.cn' }).where('username', '=', 'leader').execute();
    await db()
      .updateTable('users')
      .set({ email: 'secadmin@yueyang.example.cn' })
      .where('username', '=', 'secadmin')
      .execute();
    for (let i = 0; i < 19; i++) {
      const res = await new Client(app, { ip: `192.0.2.${i + 1}` }).signIn('leader', `Wrong-password-${i}`);
      assert.equal(res.statusCode, 422);
    }
    const locked = await db()
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'leader')
      .executeTakeFirstOrThrow();
    assert.equal(locked.locked_until, null, 'not locked at 19');
    await new Client(app, { ip: '192.0.2.100' }).signIn('leader', 'Wrong-password-20');
    const now = await db()
      .selectFrom('users')
      .select('locked_until')
      .where('username', '=', 'leader')
      .executeTakeFirstOrThrow();
    assert.ok(now.locked_until, 'locked at 20');
    const right = await new Client(app, { ip: '192.0.2.200' }).signIn('leader');
    const ghost = await new Client(app, { ip: '192.0.2.201' }).signIn('nobody-here', DEMO_PASSWORD);
    assert.equal(right.statusCode, 422);
    assert.equal(told(right.body), told(ghost.body), 'a locked account answers like an unknown name');
    const mail = await db()
      .selectFrom('mail_outbox')
      .select(['to_address', 'subject'])
      .where('subject', 'like', '账号已被临时锁定%')
      .executeTakeFirstOrThrow();
    assert.match(mail.to_address, /leader@hrss\.example\.cn/);
    assert.match(mail.to_address, /secadmin@yueyang\.example\.cn/);
    setClock(undefined);
  });

  test('passwords: common ones and the last five are refused; a change signs the other sessions out', async () => {
    const a = await signedIn(app, 'reviewer');
    const b = await signedIn(app, 'reviewer');
    await a.get('/account/password');
    const common = await a.post('/account/password', {
      current_password: DEMO_PASSWORD,
      new_password: 'Qwerty2026!',
      confirm_password: 'Qwerty2026!',
    });
    assert.equal(common.statusCode, 422);
    assert.match(common.body, /常见或已泄露的密码/);
    let current = DEMO_PASSWORD;
    for (const next of ['Shenhe-Yi-2026!', 'Shenhe-Er-2026!', 'Shenhe-San-2026!', 'Shenhe-Si-2026!']) {
      await a.get('/account/password');
      const res = await a.post('/account/password', {
        current_password: current,
        new_password: next,
        confirm_password: next,
      });
      assert.equal(res.statusCode, 303, next);
      current = next;
    }
    assert.equal((await b.get('/admin')).statusCode, 303, 'the other session has ended');
    assert.equal((await a.get('/admin')).statusCode, 200, 'this one goes on');
    await a.get('/account/password');
    const reused = await a.post('/account/password', {
      current_password: current,
      new_password: DEMO_PASSWORD,
      confirm_password: DEMO_PASSWORD,
    });
    assert.equal(reused.statusCode, 422);
    assert.match(reused.body, /不能与最近 5 次使用过的密码相同/);
  });

  test('CSRF: a token from before sign-in or from another session is refused; so is another Origin', async () => {
    const c = new Client(app);
    await c.get('/sign-in');
    const before = c.csrfToken!;
    const res = await c.post('/sign-in', { username: 'chief', password: DEMO_PASSWORD });
    assert.equal(res.statusCode, 303);
    assert.ok(
      res.cookies.some((k) => k.name === 'gk_csrf' && k.value === ''),
      'the CSRF secret is dropped at sign-in',
    );
    const form = {
      _csrf: before,
      current_password: DEMO_PASSWORD,
      new_password: 'Zhuren-2026-New!',
      confirm_password: 'Zhuren-2026-New!',
    };
    assert.equal((await c.post('/account/password', form)).statusCode, 403);
    await c.get('/account/password');
    const mine = c.csrfToken!;
    const other = await signedIn(app, 'chief');
    assert.equal(
      (await other.post('/account/password', { ...form, _csrf: mine })).statusCode,
      403,
      'bound to the session',
    );
    const evil = await c.post('/sign-out', {}, 'POST', { origin: 'https://evil.example' });
    assert.equal(evil.statusCode, 403);
    await c.get('/admin');
    assert.equal((await c.post('/sign-out', {}, 'POST', { origin: 'https://gk.example.gov.cn' })).statusCode, 303);
  });

  test("another agency's application answers 404 like a missing one", async () => {
    const officer = await signedIn(app, 'yyx-officer');
    const hrss = await agency('yueyang-hrss');
    const theirs = await db().selectFrom('applications').select('id').where('agency_id', '=', hrss).executeTakeFirst();
    const id = theirs?.id;
    if (id !== undefined) assert.equal((await officer.get(`/admin/applications/${id}`)).statusCode, 404);
    assert.equal((await officer.get('/admin/applications/999999')).statusCode, 404);
    const admin = await signedIn(app, 'admin');
    const county = await db()
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'yyx-officer')
      .executeTakeFirstOrThrow();
    assert.equal((await admin.get(`/admin/users/${county.id}`)).statusCode, 200);
  });

  test('report drill-down: the supervisor sees the count, not the tracking codes', async () => {
    const hrss = await agency('yueyang-hrss');
    const config = testConfig();
    const applications = createApplicationsService(
      createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir)),
    );
    const created = await applications.registerAtCounter(db(), systemContext, hrss, {
      channel: 'in_person',
      submitted_on: '2026-11-02',
      applicant_kind: 'natural_person',
      applicant_name: '钻取申请人',
      id_number: '11010519491231002X',
      phone: '13800000000',
      description: '钻取测试申请',
      form_wanted: 'electronic',
      delivery_way: 'pickup',
    });
    const row = await db()
      .selectFrom('applications')
      .select('tracking_code')
      .where('id', '=', created.id)
      .executeTakeFirstOrThrow();
    const url = '/admin/reports/yueyang-hrss/2026/cells?path=applications.newReceived.total';
    const officer = await signedIn(app, 'officer');
    const full = await officer.get(url);
    assert.equal(full.statusCode, 200);
    assert.match(full.body, new RegExp(row.tracking_code));
    const supervisor = await signedIn(app, 'supervisor');
    const counts = await supervisor.get(url);
    assert.equal(counts.statusCode, 200);
    assert.match(counts.body, /共\d+件/);
    assert.doesNotMatch(counts.body, new RegExp(row.tracking_code));
    assert.doesNotMatch(counts.body, /\/admin\/applications\/\d+/);
  });
});
