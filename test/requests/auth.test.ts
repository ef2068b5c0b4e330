import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../support/database.ts';
import { Client, DEMO_PASSWORD, seedDemoOrganisation, testApp } from '../support/app.ts';
import { setClock } from '../../src/platform/clock.ts';

forEachDialect('sign-in and sessions', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    app = await testApp(t.handle);
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  test('the sign-in page is in Chinese by default and English on request', async () => {
    const c = new Client(app);
    const zh = await c.get('/sign-in');
    assert.equal(zh.statusCode, 200);
    assert.match(zh.body, /<html lang="zh-CN"/);
    assert.match(zh.body, /登录政府信息公开工作平台/);
    const en = await c.get('/sign-in?lang=en');
    assert.match(en.body, /Sign in to the disclosure platform/);
    // the choice persists in a cookie
    assert.match((await c.get('/sign-in')).body, /<html lang="en"/);
  });

  test('a good password signs in and reaches the dashboard; a bad one does not', async () => {
    const bad = new Client(app);
    const res = await bad.signIn('officer', 'wrong-password-1A');
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /用户名或密码不正确/);
    assert.equal(bad.hasCookie('gk_session'), false);

    const good = new Client(app);
    const ok = await good.signIn('officer');
    assert.equal(ok.statusCode, 303);
    assert.equal(ok.headers.location, '/admin');
    const dash = await good.get('/admin');
    assert.equal(dash.statusCode, 200);
    assert.match(dash.body, /李红，您好/);
  });

  test('pages need a session: anonymous GET redirects to sign-in, anonymous POST is 401', async () => {
    const c = new Client(app);
    const res = await c.get('/admin/audit');
    assert.equal(res.statusCode, 303);
    assert.equal(res.headers.location, '/sign-in?next=%2Fadmin%2Faudit');
    const api = await c.post('/account/password', { current_password: 'x' });
    assert.equal(api.statusCode, 401);
  });

  // Lockout and throttling (20 failures over all sources lock; per-source delays and a challenge
  // before that; the same answer for unknown names): test/requests/account-security.test.ts.

  test('a session ends after 30 idle minutes, and activity keeps it alive', async () => {
    const start = new Date('2026-04-01T02:00:00Z');
    setClock(() => start);
    const c = new Client(app);
    await c.signIn('leader');
    setClock(() => new Date(start.getTime() + 25 * 60_000));
    assert.equal((await c.get('/admin')).statusCode, 200);
    setClock(() => new Date(start.getTime() + 50 * 60_000)); // 25 idle minutes since the last request
    assert.equal((await c.get('/admin')).statusCode, 200);
    setClock(() => new Date(start.getTime() + 81 * 60_000)); // 31 idle minutes
    const res = await c.get('/admin');
    assert.equal(res.statusCode, 303);
    assert.match(String(res.headers.location), /expired=1/);
    const page = await c.get(String(res.headers.location));
    assert.match(page.body, /已自动退出/);
    setClock(undefined);
  });

  test('state-changing requests without a valid CSRF token are rejected and change nothing', async () => {
    const c = new Client(app);
    await c.signIn('chief');
    const before = await t.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'chief')
      .executeTakeFirstOrThrow();
    const form = {
      current_password: DEMO_PASSWORD,
      new_password: 'Another-Pass-2026',
      confirm_password: 'Another-Pass-2026',
    };
    const missing = await c.post('/account/password', { ...form, _csrf: null });
    assert.equal(missing.statusCode, 403);
    assert.match(missing.body, /表单已过期或来源无效/);
    const forged = await c.post('/account/password', { ...form, _csrf: 'forged-token' });
    assert.equal(forged.statusCode, 403);
    const signOut = await c.post('/sign-out', { _csrf: null });
    assert.equal(signOut.statusCode, 403);
    const after = await t.handle.db
      .selectFrom('users')
      .select('password_hash')
      .where('username', '=', 'chief')
      .executeTakeFirstOrThrow();
    assert.equal(after.password_hash, before.password_hash);
    // the login form itself is protected too (no login CSRF)
    const anon = new Client(app);
    assert.equal(
      (await anon.post('/sign-in', { username: 'chief', password: DEMO_PASSWORD, _csrf: null })).statusCode,
      403,
    );
  });

  test('a generated password must be changed before anything else', async () => {
    await t.handle.db
      .updateTable('users')
      .set({ must_change_password: 1 })
      .where('username', '=', 'reviewer')
      .execute();
    const c = new Client(app);
    const res = await c.signIn('reviewer');
    assert.equal(res.headers.location, '/account/password');
    const blocked = await c.get('/admin');
    assert.equal(blocked.statusCode, 303);
    assert.equal(blocked.headers.location, '/account/password');
    await c.get('/account/password');
    const weak = await c.post('/account/password', {
      current_password: DEMO_PASSWORD,
      new_password: 'short',
      confirm_password: 'short',
    });
    assert.equal(weak.statusCode, 422);
    assert.match(weak.body, /密码至少需要 10 个字符/);
    assert.match(weak.body, /href="#field-new_password"/);
    const ok = await c.post('/account/password', {
      current_password: DEMO_PASSWORD,
      new_password: 'Shenhe-2026-New!',
      confirm_password: 'Shenhe-2026-New!',
    });
    assert.equal(ok.statusCode, 303);
    // after the forced change the user lands on the workbench, told that the change took
    assert.equal(ok.headers.location, '/admin?password_changed=1');
    const workbench = await c.get('/admin?password_changed=1');
    assert.equal(workbench.statusCode, 200);
    assert.match(workbench.body, /密码已修改。/);
    assert.doesNotMatch((await c.get('/admin')).body, /密码已修改。/);
  });

  test('sign-out ends the session server-side', async () => {
    const c = new Client(app);
    await c.signIn('supervisor');
    const cookie = c.cookieHeader();
    await c.get('/admin');
    assert.equal((await c.post('/sign-out')).statusCode, 303);
    const replay = await app.inject({ method: 'GET', url: '/admin', headers: { cookie } });
    assert.equal(replay.statusCode, 303);
  });

  test('error pages are plain: 404 in the layout, no stack trace', async () => {
    const c = new Client(app);
    const res = await c.get('/no/such/page');
    assert.equal(res.statusCode, 404);
    assert.match(res.body, /页面不存在/);
    assert.doesNotMatch(res.body, /at .*\.ts:\d+/);
    const api = await c.get('/api/v1/nothing');
    assert.equal(api.statusCode, 404);
    assert.equal(api.json().error.code, 'not_found');
  });

  test('health check answers per contract', async () => {
    const res = await app.inject({ method: 'GET', url: '/healthz' });
    assert.equal(res.statusCode, 200);
    assert.deepEqual(Object.keys(res.json()).sort(), ['database', 'status', 'version']);
    assert.equal(res.json().status, 'ok');
    assert.equal(res.json().database, t.dialect);
  });
});
