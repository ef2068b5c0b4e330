// The organisation console through the real pipeline (session, policy, CSRF), on both engines:
// the system administrator's work, validation that stores nothing, the security administrator's
// part, three-admin separation, scope by reach, the leading group and the public directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, seedDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { creditCodeCheckChar } from '../../platform/pii/identifiers.ts';
import { organisationService } from './organisation.service.ts';

type Table = 'agencies' | 'units' | 'users' | 'role_assignments' | 'leading_group_members' | 'audit_events';

async function count(db: Db, table: Table): Promise<number> {
  const row = await db.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

async function counts(db: Db): Promise<Record<Table, number>> {
  const tables: Table[] = ['agencies', 'units', 'users', 'role_assignments', 'leading_group_members', 'audit_events'];
  const out = {} as Record<Table, number>;
  for (const table of tables) out[table] = await count(db, table);
  return out;
}

async function agencyId(db: Db, code: string): Promise<number> {
  return (await db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
}

async function unitId(db: Db, agency: number, name: string): Promise<number> {
  return (await db.selectFrom('units').select('id').where('agency_id', '=', agency).where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function userId(db: Db, username: string): Promise<number> {
  return (await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow()).id;
}

async function auditCount(db: Db, action: string, actorName: string, subjectId?: number): Promise<number> {
  let q = db.selectFrom('audit_events').select((eb) => eb.fn.countAll().as('n')).where('action', '=', action).where('actor_name', '=', actorName);
  if (subjectId !== undefined) q = q.where('subject_id', '=', String(subjectId));
  return Number((await q.executeTakeFirstOrThrow()).n);
}

function creditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

function generatedPassword(body: string): string {
  const match = /<code class="one-time-secret__value">([^<]+)<\/code>/.exec(body);
  assert.ok(match, 'the page shows the generated password');
  return match[1]!.replace(/&amp;/g, '&').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"');
}

async function signedIn(app: FastifyInstance, username: string, password = DEMO_PASSWORD): Promise<Client> {
  const client = new Client(app);
  const res = await client.signIn(username, password);
  assert.equal(res.statusCode, 303, `${username} signs in`);
  await client.get('/account');
  return client;
}

forEachDialect('organisation console', (t) => {
  let app: FastifyInstance;
  let db: Db;
  before(async () => {
    await seedDemo(t.handle);
    app = await testApp(t.handle);
    db = t.handle.db;
  });
  after(async () => app.close());

  test('the system admin creates an agency, a unit and a user, grants drafter with a unit and edits them', async () => {
    const admin = await signedIn(app, 'admin');
    const city = await agencyId(db, 'yueyang');

    assert.equal((await admin.get('/admin/agencies/new')).statusCode, 200);
    const created = await admin.post('/admin/agencies', {
      code: 'yueyang-edu',
      name: '岳阳市教育局',
      short_name: '岳阳市教育局',
      level: 'city',
      kind: 'department',
      parent_id: String(city),
      credit_code: creditCode('11430600MB1600001'),
      postcode: '414000',
      phone: '0730-8888888',
    });
    assert.equal(created.statusCode, 303, created.body);
    const edu = await agencyId(db, 'yueyang-edu');
    assert.equal(created.headers.location, `/admin/agencies/${edu}?done=agency_created`);
    const page = await admin.get(created.headers.location as string);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /岳阳市教育局/);
    assert.match(page.body, /行政机关已创建/);
    assert.match((await admin.get('/admin/agencies')).body, /岳阳市教育局/);

    await admin.get(`/admin/agencies/${edu}/units/new`);
    const unit = await admin.post(`/admin/agencies/${edu}/units`, { name: '办公室', kind: 'department', duties: '政府信息公开' });
    assert.equal(unit.statusCode, 303, unit.body);
    const office = await unitId(db, edu, '办公室');

    await admin.get(`/admin/agencies/${edu}/edit`);
    const edited = await admin.post(`/admin/agencies/${edu}`, {
      code: 'yueyang-edu',
      name: '岳阳市教育局',
      level: 'city',
      kind: 'department',
      parent_id: String(city),
      phone: '0730-8888889',
      office_hours: '工作日 8:00-17:30',
      disclosure_office_unit_id: String(office),
    });
    assert.equal(edited.statusCode, 303, edited.body);
    const eduRow = await db.selectFrom('agencies').selectAll().where('id', '=', edu).executeTakeFirstOrThrow();
    assert.equal(eduRow.disclosure_office_unit_id, office);
    assert.equal(eduRow.phone, '0730-8888889');
    assert.match((await admin.get(`/admin/agencies/${edu}`)).body, /信息公开工作机构/);

    // The unit edit form: unticking "active" deactivates, ticking it again restores.
    assert.match((await admin.get(`/admin/units/${office}/edit`)).body, /name="active" value="1" checked/);
    assert.equal((await admin.post(`/admin/units/${office}`, { name: '办公室', kind: 'department', duties: '政务公开', sort_order: '2' })).statusCode, 303);
    let unitRow = await db.selectFrom('units').selectAll().where('id', '=', office).executeTakeFirstOrThrow();
    assert.equal(unitRow.active, 0);
    assert.equal(unitRow.duties, '政务公开');
    await admin.get(`/admin/units/${office}/edit`);
    assert.equal((await admin.post(`/admin/units/${office}`, { name: '办公室', kind: 'department', active: '1' })).statusCode, 303);
    unitRow = await db.selectFrom('units').selectAll().where('id', '=', office).executeTakeFirstOrThrow();
    assert.equal(unitRow.active, 1);

    await admin.get('/admin/users/new');
    const newUser = await admin.post('/admin/users', { username: 'edu-drafter', display_name: '刘洋', agency_id: String(edu), unit_id: String(office) });
    assert.equal(newUser.statusCode, 200, newUser.body);
    assert.match(newUser.body, /用户已创建/);
    assert.match(String(newUser.headers['cache-control']), /no-store/);
    const password = generatedPassword(newUser.body);
    const drafterId = await userId(db, 'edu-drafter');
    // The password is shown once: never stored in the audit log, never on the user's page.
    const logged = await db.selectFrom('audit_events').select(['before_json', 'after_json']).execute();
    assert.ok(logged.every((e) => !`${e.before_json}${e.after_json}`.includes(password)));
    assert.doesNotMatch((await admin.get(`/admin/users/${drafterId}`)).body, new RegExp(password.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')));
    // ... and it works, once, for a first sign-in that must change it.
    const fresh = new Client(app);
    const first = await fresh.signIn('edu-drafter', password);
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/account/password');

    const granted = await admin.post(`/admin/users/${drafterId}/roles`, { role: 'drafter', agency_id: String(edu), unit_id: String(office) });
    assert.equal(granted.statusCode, 303, granted.body);
    const grant = await db.selectFrom('role_assignments').selectAll().where('user_id', '=', drafterId).executeTakeFirstOrThrow();
    assert.deepEqual([grant.role, grant.agency_id, grant.unit_id], ['drafter', edu, office]);
    assert.equal(granted.headers.location, `/admin/users/${drafterId}?done=granted#roles`);
    const userPage = await admin.get(`/admin/users/${drafterId}?done=granted`);
    assert.match(userPage.body, /角色已授予/);
    assert.match(userPage.body, /信息员/);

    await admin.get(`/admin/users/${drafterId}/edit`);
    const userEdited = await admin.post(`/admin/users/${drafterId}`, {
      display_name: '刘洋洋',
      agency_id: String(edu),
      unit_id: String(office),
      job_title: '信息员',
      email: 'liuyang@example.cn',
    });
    assert.equal(userEdited.statusCode, 303, userEdited.body);
    const userRow = await db.selectFrom('users').selectAll().where('id', '=', drafterId).executeTakeFirstOrThrow();
    assert.deepEqual([userRow.display_name, userRow.job_title, userRow.email, userRow.username], ['刘洋洋', '信息员', 'liuyang@example.cn', 'edu-drafter']);
    // The list shows the user with agency, unit and role.
    const list = await admin.get(`/admin/users?agency=${edu}`);
    assert.match(list.body, /edu-drafter/);
    assert.match(list.body, /信息员（岳阳市教育局 · 办公室）/);
    assert.match(list.body, /须修改密码/);

    const revoked = await admin.post(`/admin/role-assignments/${grant.id}/revoke`);
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, `/admin/users/${drafterId}?done=revoked#roles`);
    assert.equal(await db.selectFrom('role_assignments').select('id').where('id', '=', grant.id).executeTakeFirst(), undefined);

    // Every change left its audit event, naming the administrator.
    assert.equal(await auditCount(db, 'agency.create', 'admin', edu), 1);
    assert.equal(await auditCount(db, 'agency.update', 'admin', edu), 1);
    assert.equal(await auditCount(db, 'unit.create', 'admin', office), 1);
    assert.equal(await auditCount(db, 'unit.update', 'admin', office), 2);
    assert.equal(await auditCount(db, 'user.create', 'admin', drafterId), 1);
    assert.equal(await auditCount(db, 'user.update', 'admin', drafterId), 1);
    assert.equal(await auditCount(db, 'role.grant', 'admin', drafterId), 1);
    assert.equal(await auditCount(db, 'role.revoke', 'admin', drafterId), 1);
  });

  test('validation errors re-render with 422 and Chinese messages, and store nothing', async () => {
    const admin = await signedIn(app, 'admin');
    const city = await agencyId(db, 'yueyang');
    const hrss = await agencyId(db, 'yueyang-hrss');
    const county = await agencyId(db, 'yueyang-county-hrss');
    const before = await counts(db);

    await admin.get('/admin/agencies/new');
    const bad = await admin.post('/admin/agencies', {
      code: 'Bad Code',
      name: '',
      level: 'galaxy',
      kind: 'department',
      parent_id: String(city),
      postcode: '12',
      email: 'not-an-email',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /class="error-summary"/);
    assert.match(bad.body, /请修改以下问题/);
    assert.match(bad.body, /请填写“名称”/);
    assert.match(bad.body, /“机关简码”格式不正确/);
    assert.match(bad.body, /请选择有效的“层级”/);
    assert.match(bad.body, /“邮政编码”格式不正确/);
    assert.match(bad.body, /“电子邮箱”格式不正确/);
    assert.match(bad.body, /href="#field-name"/);
    assert.match(bad.body, /value="Bad Code"/, 'what was typed is shown again');

    const noParent = await admin.post('/admin/agencies', { code: 'orphan', name: '无上级机关', level: 'city', kind: 'department' });
    assert.equal(noParent.statusCode, 422);
    assert.match(noParent.body, /请选择“上级机关”/);

    const taken = await admin.post('/admin/agencies', {
      code: 'yueyang-hrss',
      name: '重复的机关',
      level: 'city',
      kind: 'department',
      parent_id: String(city),
      credit_code: '11430600MB1534872X',
    });
    assert.equal(taken.statusCode, 422);
    assert.match(taken.body, /机关简码“yueyang-hrss”已被使用/);
    assert.match(taken.body, /统一社会信用代码校验位不正确/);

    // A parent beneath the agency itself would make a cycle.
    await admin.get(`/admin/agencies/${hrss}/edit`);
    const cycle = await admin.post(`/admin/agencies/${hrss}`, { code: 'yueyang-hrss', name: '岳阳市人力资源和社会保障局', level: 'city', kind: 'department', parent_id: String(county) });
    assert.equal(cycle.statusCode, 422);
    assert.match(cycle.body, /上级机关不能是本机关或其下级机关/);
    const office = await unitId(db, county, '办公室');
    const foreignOffice = await admin.post(`/admin/agencies/${hrss}`, {
      code: 'yueyang-hrss',
      name: '岳阳市人力资源和社会保障局',
      level: 'city',
      kind: 'department',
      parent_id: String(city),
      disclosure_office_unit_id: String(office),
    });
    assert.equal(foreignOffice.statusCode, 422);
    assert.match(foreignOffice.body, /所选单位不属于该机关/);

    await admin.get(`/admin/agencies/${hrss}/units/new`);
    const dupUnit = await admin.post(`/admin/agencies/${hrss}/units`, { name: '办公室', kind: 'department' });
    assert.equal(dupUnit.statusCode, 422);
    assert.match(dupUnit.body, /本机关已有同名单位/);
    const noKind = await admin.post(`/admin/agencies/${hrss}/units`, { name: '新科室', kind: '' });
    assert.equal(noKind.statusCode, 422);
    assert.match(noKind.body, /请填写“单位类型”/);

    await admin.get('/admin/users/new');
    const badUser = await admin.post('/admin/users', { username: 'Not Valid', display_name: '', agency_id: '' });
    assert.equal(badUser.statusCode, 422);
    assert.match(badUser.body, /“用户名”格式不正确/);
    assert.match(badUser.body, /请填写“姓名”/);
    assert.match(badUser.body, /请填写“所属机关”/);
    const wrongUnit = await admin.post('/admin/users', { username: 'wrong-unit', display_name: '错科室', agency_id: String(hrss), unit_id: String(office) });
    assert.equal(wrongUnit.statusCode, 422);
    assert.match(wrongUnit.body, /所选单位不属于该机关/);
    const dupUser = await admin.post('/admin/users', { username: 'drafter', display_name: '重名', agency_id: String(hrss) });
    assert.equal(dupUser.statusCode, 422);
    assert.match(dupUser.body, /用户名“drafter”已被使用/);

    const target = await userId(db, 'leader');
    await admin.get(`/admin/users/${target}`);
    const noUnit = await admin.post(`/admin/users/${target}/roles`, { role: 'drafter', agency_id: String(hrss) });
    assert.equal(noUnit.statusCode, 422);
    assert.match(noUnit.body, /信息员和科室负责人角色须指定所在科室/);
    const noRole = await admin.post(`/admin/users/${target}/roles`, { role: 'emperor', agency_id: String(hrss) });
    assert.equal(noRole.statusCode, 422);
    assert.match(noRole.body, /请选择有效的“角色”/);

    await admin.get(`/admin/agencies/${hrss}/leading-group/new`);
    const backwards = await admin.post(`/admin/agencies/${hrss}/leading-group`, { person_name: '倒序', position: 'member', from_date: '2020-05-01', to_date: '2020-01-01' });
    assert.equal(backwards.statusCode, 422);
    assert.match(backwards.body, /截止日期不能早于起始日期/);
    const notADate = await admin.post(`/admin/agencies/${hrss}/leading-group`, { person_name: '无日期', position: 'member', from_date: '2020-02-30' });
    assert.equal(notADate.statusCode, 422);
    assert.match(notADate.body, /“起始日期”必须是有效日期/);
    const member = await db.selectFrom('leading_group_members').selectAll().where('agency_id', '=', hrss).where('person_name', '=', '周建华').executeTakeFirstOrThrow();
    await admin.get(`/admin/agencies/${hrss}`);
    const early = await admin.post(`/admin/leading-group/${member.id}/end`, { to_date: '2010-12-31' });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /截止日期不能早于起始日期/);
    assert.match(early.body, new RegExp(`href="#field-end-${member.id}"`));
    assert.match(early.body, /value="2010-12-31"/);

    assert.deepEqual(await counts(db), before, 'nothing stored, not even an audit event');
    const stillOpen = await db.selectFrom('leading_group_members').select('to_date').where('id', '=', member.id).executeTakeFirstOrThrow();
    assert.equal(stillOpen.to_date, null);
  });

  test('the security admin locks, unlocks and resets, but cannot manage the organisation', async () => {
    const sec = await signedIn(app, 'secadmin');
    const city = await agencyId(db, 'yueyang');
    const hrss = await agencyId(db, 'yueyang-hrss');
    const before = await counts(db);
    assert.equal((await sec.get('/admin/agencies')).statusCode, 200, 'reads the organisation');
    assert.equal((await sec.get('/admin/agencies/new')).statusCode, 403);
    await sec.get('/admin/users');
    const agency = await sec.post('/admin/agencies', { code: 'sec-made', name: '安全管理员建的机关', level: 'city', kind: 'department', parent_id: String(city) });
    assert.equal(agency.statusCode, 403);
    assert.equal((await sec.post('/admin/users', { username: 'sec-made', display_name: '某人', agency_id: String(hrss) })).statusCode, 403);
    assert.equal((await sec.post(`/admin/agencies/${hrss}/units`, { name: '安全科', kind: 'department' })).statusCode, 403);
    // Business roles are the system administrator's to grant and revoke.
    const reviewer = await userId(db, 'reviewer');
    const content = await sec.post(`/admin/users/${reviewer}/roles`, { role: 'supervisor', agency_id: String(hrss) });
    assert.equal(content.statusCode, 403);
    const grant = await db.selectFrom('role_assignments').select('id').where('user_id', '=', reviewer).executeTakeFirstOrThrow();
    assert.equal((await sec.post(`/admin/role-assignments/${grant.id}/revoke`)).statusCode, 403);
    assert.deepEqual(await counts(db), before);

    // The reviewer is signed in when the account is disabled: the session ends at once.
    const victim = await signedIn(app, 'reviewer');
    const page = await sec.get(`/admin/users/${reviewer}`);
    assert.match(page.body, /data-confirm="确定停用该账号吗/);
    const locked = await sec.post(`/admin/users/${reviewer}/lock`);
    assert.equal(locked.statusCode, 303);
    assert.equal((await db.selectFrom('users').select('disabled').where('id', '=', reviewer).executeTakeFirstOrThrow()).disabled, 1);
    assert.equal((await victim.get('/admin')).statusCode, 303, 'the locked user is sent to sign in');
    assert.match((await sec.get(`/admin/users/${reviewer}`)).body, /已停用/);
    const refused = await new Client(app).signIn('reviewer');
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /账号已被停用/);

    const unlocked = await sec.post(`/admin/users/${reviewer}/unlock`);
    assert.equal(unlocked.statusCode, 303);
    assert.equal((await db.selectFrom('users').select('disabled').where('id', '=', reviewer).executeTakeFirstOrThrow()).disabled, 0);

    await sec.get(`/admin/users/${reviewer}`);
    const reset = await sec.post(`/admin/users/${reviewer}/reset-password`);
    assert.equal(reset.statusCode, 200);
    assert.match(reset.body, /密码已重置/);
    const password = generatedPassword(reset.body);
    assert.equal((await new Client(app).signIn('reviewer')).statusCode, 422, 'the old password no longer works');
    const next = await new Client(app).signIn('reviewer', password);
    assert.equal(next.statusCode, 303);
    assert.equal(next.headers.location, '/account/password');

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
    const fresh = await organisationService.createUser(db, systemContext, { username: 'new-auditor', display_name: '新审计员', agency_id: city }, 'Xin-Shenji-2026!');
    await admin.get(`/admin/users/${fresh.id}`);
    const byAdmin = await admin.post(`/admin/users/${fresh.id}/roles`, { role: 'audit_admin', agency_id: String(city) });
    assert.equal(byAdmin.statusCode, 403);
    assert.match(byAdmin.body, /您不能授予或撤销此类角色/);
    // ... the security administrator may, and then no business role can be added to it.
    await sec.get(`/admin/users/${fresh.id}`);
    assert.equal((await sec.post(`/admin/users/${fresh.id}/roles`, { role: 'audit_admin', agency_id: String(city) })).statusCode, 303);
    await admin.get(`/admin/users/${fresh.id}`);
    const mixed = await admin.post(`/admin/users/${fresh.id}/roles`, { role: 'principal_leader', agency_id: String(city) });
    assert.equal(mixed.statusCode, 409);
    assert.match(mixed.body, /三员分立/);
    const roles = await db.selectFrom('role_assignments').select('role').where('user_id', '=', fresh.id).execute();
    assert.deepEqual(roles.map((r) => r.role), ['audit_admin']);
    // Revoking an admin role is the security administrator's too.
    const grant = await db.selectFrom('role_assignments').select('id').where('user_id', '=', fresh.id).executeTakeFirstOrThrow();
    assert.equal((await admin.post(`/admin/role-assignments/${grant.id}/revoke`)).statusCode, 403);
    await sec.get(`/admin/users/${fresh.id}`);
    assert.equal((await sec.post(`/admin/role-assignments/${grant.id}/revoke`)).statusCode, 303);
    assert.equal(await auditCount(db, 'role.grant', 'secadmin', fresh.id), 1);
    assert.equal(await auditCount(db, 'role.revoke', 'secadmin', fresh.id), 1);
  });

  test('scope: each actor sees only the agencies within reach', async () => {
    const hrss = await agencyId(db, 'yueyang-hrss');
    const county = await agencyId(db, 'yueyang-county-hrss');
    const huarong = await agencyId(db, 'huarong-hrss');

    // The county's disclosure officer has no organisation pages, and only its own leading group.
    const officer = await signedIn(app, 'yyx-officer');
    assert.equal((await officer.get('/admin/agencies')).statusCode, 403);
    assert.equal((await officer.get(`/admin/agencies/${county}`)).statusCode, 403);
    assert.equal((await officer.get('/admin/users')).statusCode, 403);
    assert.equal((await officer.get(`/admin/agencies/${hrss}/leading-group/new`)).statusCode, 403);
    const hrssMember = await db.selectFrom('leading_group_members').select('id').where('agency_id', '=', hrss).executeTakeFirstOrThrow();
    assert.equal((await officer.post(`/admin/leading-group/${hrssMember.id}/end`, { to_date: '2026-01-01' })).statusCode, 403);
    assert.equal((await officer.get('/api/v1/agencies')).statusCode, 200, 'the public directory is for everyone');

    // A system administrator of the county sees the county only.
    const countyAdmin = await organisationService.createUser(db, systemContext, { username: 'county-admin', display_name: '县管理员', agency_id: county }, 'Xian-Guanli-2026!');
    await organisationService.assignRole(db, systemContext, countyAdmin.id, 'system_admin', county, null);
    const local = await signedIn(app, 'county-admin', 'Xian-Guanli-2026!');
    const tree = await local.get('/admin/agencies');
    assert.equal(tree.statusCode, 200);
    assert.match(tree.body, /岳阳县人力资源和社会保障局/);
    assert.doesNotMatch(tree.body, /岳阳市人力资源和社会保障局/);
    assert.doesNotMatch(tree.body, /华容县/);
    assert.equal((await local.get(`/admin/agencies/${hrss}`)).statusCode, 403);
    assert.equal((await local.get(`/admin/agencies/${huarong}/edit`)).statusCode, 403);
    const users = await local.get('/admin/users');
    assert.match(users.body, /yyx-officer/);
    assert.doesNotMatch(users.body, />drafter</);
    assert.doesNotMatch(users.body, /hr-officer/);
    assert.equal((await local.get(`/admin/users?agency=${hrss}`)).statusCode, 403);
    assert.equal((await local.get(`/admin/users/${await userId(db, 'drafter')}`)).statusCode, 403);
    const before = await counts(db);
    const outside = await local.post('/admin/agencies', { code: 'out-of-reach', name: '越权机关', level: 'county', kind: 'department', parent_id: String(hrss) });
    assert.equal(outside.statusCode, 403);
    const moved = await local.post('/admin/users', { username: 'elsewhere', display_name: '越权用户', agency_id: String(hrss) });
    assert.equal(moved.statusCode, 403);
    assert.deepEqual(await counts(db), before);
    // Within reach it works.
    await local.get(`/admin/agencies/${county}/units/new`);
    assert.equal((await local.post(`/admin/agencies/${county}/units`, { name: '政策法规股', kind: 'department' })).statusCode, 303);
  });

  test('the leading group: the disclosure office adds and ends memberships from its group page', async () => {
    const officer = await signedIn(app, 'officer');
    const hrss = await agencyId(db, 'yueyang-hrss');
    const page = await officer.get(`/admin/agencies/${hrss}/leading-group/new`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /现任成员/);
    assert.match(page.body, /陈国平/, 'past members are listed with their dates');
    assert.match(page.body, /2010-03-01 至 2013-05-31/);

    const added = await officer.post(`/admin/agencies/${hrss}/leading-group`, { person_name: '黄海', position: 'member', job_title: '办公室主任', from_date: '2024-01-01' });
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(added.headers.location, `/admin/agencies/${hrss}/leading-group/new?done=member_added`);
    const member = await db.selectFrom('leading_group_members').selectAll().where('person_name', '=', '黄海').executeTakeFirstOrThrow();
    assert.equal(member.to_date, null);

    await officer.get(`/admin/agencies/${hrss}/leading-group/new`);
    const ended = await officer.post(`/admin/leading-group/${member.id}/end`, { to_date: '2025-12-31' });
    assert.equal(ended.statusCode, 303);
    assert.equal((await db.selectFrom('leading_group_members').select('to_date').where('id', '=', member.id).executeTakeFirstOrThrow()).to_date, '2025-12-31');
    // History is not rewritten.
    await officer.get(`/admin/agencies/${hrss}/leading-group/new`);
    const again = await officer.post(`/admin/leading-group/${member.id}/end`, { to_date: '2026-01-31' });
    assert.equal(again.statusCode, 422);
    assert.match(again.body, /该成员的任职已于 2025-12-31 结束/);

    const admin = await signedIn(app, 'admin');
    const agencyPage = await admin.get(`/admin/agencies/${hrss}`);
    assert.match(agencyPage.body, /历任成员/);
    assert.match(agencyPage.body, /2024-01-01 至 2025-12-31/);
    assert.equal(await auditCount(db, 'leading_group.add', 'officer', hrss), 1);
    assert.equal(await auditCount(db, 'leading_group.end', 'officer', hrss), 1);
  });

  test('the public directory lists agencies with contact details and no user data', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/v1/agencies' });
    assert.equal(res.statusCode, 200);
    assert.match(String(res.headers['content-type']), /application\/json/);
    const body = res.json() as { agencies: Record<string, unknown>[] };
    const hrss = body.agencies.find((a) => a.code === 'yueyang-hrss');
    assert.deepEqual(hrss, {
      code: 'yueyang-hrss',
      name: '岳阳市人力资源和社会保障局',
      short_name: '岳阳市人社局',
      level: 'city',
      kind: 'department',
      parent_code: 'yueyang',
      address: '岳阳市湘北人才市场大楼705室',
      postcode: '414000',
      phone: '0731-8251965',
      office_hours: '周一至周五 上午8:00-12:00，下午14:30-17:30（法定节假日除外）',
      website: 'rsj.yueyang.gov.cn',
    });
    assert.equal(body.agencies.find((a) => a.code === 'yueyang')?.parent_code, null);
    assert.doesNotMatch(res.body, /username|password|display_name|credit_code|disclosure_office|李红/);
  });

  test('the pages follow the chosen language', async () => {
    const admin = await signedIn(app, 'admin');
    const en = await admin.get('/admin/agencies?lang=en');
    assert.match(en.body, /<h1>Agencies<\/h1>/);
    assert.match(en.body, /City/);
    const hrss = await agencyId(db, 'yueyang-hrss');
    const form = await admin.post(`/admin/agencies/${hrss}/units`, { name: '', kind: 'department' });
    assert.equal(form.statusCode, 422);
    assert.match(form.body, /Enter Name/);
  });
});
