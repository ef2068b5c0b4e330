// Accounts and roles in the organisation console, on both engines: the security administrator's
// part (lock, unlock, reset; no organisation changes), three-admin separation, and what each
// actor can see and change by the reach of its roles.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '../../../test/support/app.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { organisationService } from './organisation.service.ts';
import {
  agencyId,
  auditCount,
  consoleSuite,
  counts,
  activate,
  mailedActivationCode,
  signedIn,
  userId,
} from './organisation.test-support.ts';

consoleSuite('organisation console: accounts and roles', (s) => {
  test('the security admin locks, unlocks and resets, but cannot manage the organisation', async () => {
    const { app, db } = s;
    const sec = await signedIn(app, 'secadmin');
    const city = await agencyId(db, 'yueyang');
    const hrss = await agencyId(db, 'yueyang-hrss');
    const before = await counts(db);
    assert.equal((await sec.get('/admin/agencies')).statusCode, 200, 'reads the organisation');
    assert.equal((await sec.get('/admin/agencies/new')).statusCode, 403);
    await sec.get('/admin/users');
    const agency = await sec.post('/admin/agencies', {
      code: 'sec-made',
      name: '安全管理员建的机关',
      level: 'city',
      kind: 'department',
      parent_id: String(city),
    });
    assert.equal(agency.statusCode, 403);
    assert.equal(
      (await sec.post('/admin/users', { username: 'sec-made', display_name: '某人', agency_id: String(hrss) }))
        .statusCode,
      403,
    );
    assert.equal(
      (await sec.post(`/admin/agencies/${hrss}/units`, { name: '安全科', kind: 'department' })).statusCode,
      403,
    );
    assert.deepEqual(await counts(db), before);
    const reviewer = await userId(db, 'reviewer');

    // The reviewer is signed in when the account is disabled: the session ends at once.
    const victim = await signedIn(app, 'reviewer');
    const page = await sec.get(`/admin/users/${reviewer}`);
    assert.match(page.body, /data-confirm="确定停用该账号吗/);
    const locked = await sec.post(`/admin/users/${reviewer}/lock`);
    assert.equal(locked.statusCode, 303);
    assert.equal(
      (await db.selectFrom('users').select('disabled').where('id', '=', reviewer).executeTakeFirstOrThrow()).disabled,
      1,
    );
    assert.equal((await victim.get('/admin')).statusCode, 303, 'the locked user is sent to sign in');
    assert.match((await sec.get(`/admin/users/${reviewer}`)).body, /已停用/);
    const refused = await new Client(app).signIn('reviewer');
    assert.equal(refused.statusCode, 422);
    // The same answer as a wrong password or an unknown name: nothing tells which accounts exist.
    assert.match(refused.body, /用户名或密码不正确/);
    assert.doesNotMatch(refused.body, /停用/);

    const unlocked = await sec.post(`/admin/users/${reviewer}/unlock`);
    assert.equal(unlocked.statusCode, 303);
    assert.equal(
      (await db.selectFrom('users').select('disabled').where('id', '=', reviewer).executeTakeFirstOrThrow()).disabled,
      0,
    );

    // A reset without an e-mail address to send the code to is refused, nothing changed.
    await sec.get(`/admin/users/${reviewer}`);
    const noMail = await sec.post(`/admin/users/${reviewer}/reset-password`);
    assert.equal(noMail.statusCode, 422);
    assert.match(noMail.body, /请填写本人的电子邮箱/);
    assert.equal((await new Client(app).signIn('reviewer')).statusCode, 303, 'the password still works');
    await db.updateTable('users').set({ email: 'shenhe@hrss.example.cn' }).where('id', '=', reviewer).execute();
    await sec.get(`/admin/users/${reviewer}`);
    const reset = await sec.post(`/admin/users/${reviewer}/reset-password`);
    assert.equal(reset.statusCode, 200);
    assert.match(reset.body, /密码已重置/);
    // The administrator learns where the code went, masked, and no password or code at all.
    assert.match(reset.body, /已发送激活码至 s\*\*\*@hrss\.example\.cn/);
    const code = await mailedActivationCode(db, 'shenhe@hrss.example.cn');
    assert.doesNotMatch(reset.body, new RegExp(code));
    assert.doesNotMatch(reset.body, /one-time-secret/);
    assert.equal((await new Client(app).signIn('reviewer')).statusCode, 422, 'the old password no longer works');
    await activate(app, code, 'Shenhe-Reset-2026!');
    const next = await new Client(app).signIn('reviewer', 'Shenhe-Reset-2026!');
    assert.equal(next.statusCode, 303);
    assert.equal(next.headers.location, '/admin');

    // Not against oneself.
    await sec.get('/admin/users');
    const self = await userId(db, 'secadmin');
    assert.equal((await sec.post(`/admin/users/${self}/lock`)).statusCode, 403);
    assert.equal((await sec.post(`/admin/users/${self}/reset-password`)).statusCode, 403);
    // And the system administrator cannot lock anyone.
    const admin = await signedIn(app, 'admin');
    assert.equal((await admin.post(`/admin/users/${reviewer}/lock`)).statusCode, 403);

    assert.equal(await auditCount(db, 'user.lock', 'secadmin', reviewer), 1);
    assert.equal(await auditCount(db, 'user.unlock', 'secadmin', reviewer), 1);
    assert.equal(await auditCount(db, 'user.password_reset', 'secadmin', reviewer), 1);
  });

  test('three-admin separation: an admin role never joins another role, and each admin grants only its kind', async () => {
    const { app, db } = s;
    const sec = await signedIn(app, 'secadmin');
    const admin = await signedIn(app, 'admin');
    const city = await agencyId(db, 'yueyang');
    const adminId = await userId(db, 'admin');
    const before = await counts(db);

    await sec.get(`/admin/users/${adminId}`);
    const both = await sec.post(`/admin/users/${adminId}/roles`, { role: 'security_admin', agency_id: String(city) });
    assert.equal(both.statusCode, 409);
    assert.match(both.body, /三员分立：系统管理员、安全管理员、安全审计员不能由同一人兼任/);
    assert.match(both.body, /class="error-summary"/);
    assert.deepEqual(await counts(db), before, 'nothing stored');

    // A fresh account: the system administrator may not make it an administrator...
    const fresh = await organisationService.createUser(
      db,
      systemContext,
      { username: 'new-auditor', display_name: '新审计员', agency_id: city },
      'Xin-Shenji-2026!',
    );
    await admin.get(`/admin/users/${fresh.id}`);
    const byAdmin = await admin.post(`/admin/users/${fresh.id}/roles`, {
      role: 'audit_admin',
      agency_id: String(city),
    });
    assert.equal(byAdmin.statusCode, 403);
    // ... the security administrator may, and then no business role can be added to it.
    await sec.get(`/admin/users/${fresh.id}`);
    assert.equal(
      (await sec.post(`/admin/users/${fresh.id}/roles`, { role: 'audit_admin', agency_id: String(city) })).statusCode,
      303,
    );
    await sec.get(`/admin/users/${fresh.id}`);
    const mixed = await sec.post(`/admin/users/${fresh.id}/roles`, {
      role: 'principal_leader',
      agency_id: String(city),
    });
    assert.equal(mixed.statusCode, 409);
    assert.match(mixed.body, /三员分立/);
    const roles = await db.selectFrom('role_assignments').select('role').where('user_id', '=', fresh.id).execute();
    assert.deepEqual(
      roles.map((r) => r.role),
      ['audit_admin'],
    );
    // Revoking an admin role is the security administrator's too.
    const grant = await db
      .selectFrom('role_assignments')
      .select('id')
      .where('user_id', '=', fresh.id)
      .executeTakeFirstOrThrow();
    assert.equal((await admin.post(`/admin/role-assignments/${grant.id}/revoke`)).statusCode, 403);
    await sec.get(`/admin/users/${fresh.id}`);
    assert.equal((await sec.post(`/admin/role-assignments/${grant.id}/revoke`)).statusCode, 303);
    assert.equal(await auditCount(db, 'role.grant', 'secadmin', fresh.id), 1);
    assert.equal(await auditCount(db, 'role.revoke', 'secadmin', fresh.id), 1);
  });

  test('scope: each actor sees only the agencies within reach', async () => {
    const { app, db } = s;
    const hrss = await agencyId(db, 'yueyang-hrss');
    const county = await agencyId(db, 'yueyang-county-hrss');
    const huarong = await agencyId(db, 'huarong-hrss');

    // The county's disclosure officer has no organisation pages, and only its own leading group.
    const officer = await signedIn(app, 'yyx-officer');
    assert.equal((await officer.get('/admin/agencies')).statusCode, 403);
    assert.equal((await officer.get(`/admin/agencies/${county}`)).statusCode, 403);
    assert.equal((await officer.get('/admin/users')).statusCode, 403);
    // Its role may keep a leading group, but another agency's answers as missing.
    assert.equal((await officer.get(`/admin/agencies/${hrss}/leading-group/new`)).statusCode, 404);
    const hrssMember = await db
      .selectFrom('leading_group_members')
      .select('id')
      .where('agency_id', '=', hrss)
      .executeTakeFirstOrThrow();
    assert.equal(
      (await officer.post(`/admin/leading-group/${hrssMember.id}/end`, { to_date: '2026-01-01' })).statusCode,
      404,
    );
    assert.equal((await officer.get('/api/v1/agencies')).statusCode, 200, 'the public directory is for everyone');

    // A system administrator of the county sees the county only.
    const countyAdmin = await organisationService.createUser(
      db,
      systemContext,
      { username: 'county-admin', display_name: '县管理员', agency_id: county },
      'Xian-Guanli-2026!',
    );
    await organisationService.assignRole(db, systemContext, countyAdmin.id, 'system_admin', county, null);
    const local = await signedIn(app, 'county-admin', 'Xian-Guanli-2026!');
    const tree = await local.get('/admin/agencies');
    assert.equal(tree.statusCode, 200);
    assert.match(tree.body, /岳阳县人力资源和社会保障局/);
    assert.doesNotMatch(tree.body, /岳阳市人力资源和社会保障局/);
    assert.doesNotMatch(tree.body, /华容县/);
    // Another agency's records answer like missing ones (no existence leak).
    assert.equal((await local.get(`/admin/agencies/${hrss}`)).statusCode, 404);
    assert.equal((await local.get(`/admin/agencies/${huarong}/edit`)).statusCode, 404);
    assert.equal((await local.get('/admin/agencies/999999')).statusCode, 404);
    const users = await local.get('/admin/users');
    assert.match(users.body, /yyx-officer/);
    assert.doesNotMatch(users.body, />drafter</);
    assert.doesNotMatch(users.body, /hr-officer/);
    assert.equal((await local.get(`/admin/users?agency=${hrss}`)).statusCode, 404);
    assert.equal((await local.get(`/admin/users/${await userId(db, 'drafter')}`)).statusCode, 404);
    assert.equal((await local.get('/admin/users/999999')).statusCode, 404);
    const before = await counts(db);
    const outside = await local.post('/admin/agencies', {
      code: 'out-of-reach',
      name: '越权机关',
      level: 'county',
      kind: 'department',
      parent_id: String(hrss),
    });
    assert.equal(outside.statusCode, 404);
    const moved = await local.post('/admin/users', {
      username: 'elsewhere',
      display_name: '越权用户',
      agency_id: String(hrss),
      email: 'elsewhere@example.cn',
    });
    assert.equal(moved.statusCode, 404);
    assert.deepEqual(await counts(db), before);
    // Within reach it works.
    await local.get(`/admin/agencies/${county}/units/new`);
    assert.equal(
      (await local.post(`/admin/agencies/${county}/units`, { name: '政策法规股', kind: 'department' })).statusCode,
      303,
    );
  });
});
