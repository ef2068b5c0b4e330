// The system administrator's organisation console through the real pipeline (session, policy,
// CSRF), on both engines: creating and editing agencies, units, users and grants; validation
// that stores nothing; the pages in the chosen language. Accounts and roles are in
// user.routes.test.ts, the leading group and the public directory in leading-group.routes.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Client } from '../../../test/support/app.ts';
import { creditCodeCheckChar } from '../../platform/pii/identifiers.ts';
import {
  agencyId,
  auditCount,
  consoleSuite,
  counts,
  activate,
  mailedActivationCode,
  signedIn,
  unitId,
  userId,
} from './organisation.test-support.ts';

function creditCode(first17: string): string {
  return first17 + creditCodeCheckChar(first17);
}

consoleSuite('organisation console', (s) => {
  test('the system admin creates an agency, a unit and a user, grants drafter with a unit and edits them', async () => {
    const { app, db } = s;
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
    const unit = await admin.post(`/admin/agencies/${edu}/units`, {
      name: '办公室',
      kind: 'department',
      duties: '政府信息公开',
    });
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
    assert.equal(
      (
        await admin.post(`/admin/units/${office}`, {
          name: '办公室',
          kind: 'department',
          duties: '政务公开',
          sort_order: '2',
        })
      ).statusCode,
      303,
    );
    let unitRow = await db.selectFrom('units').selectAll().where('id', '=', office).executeTakeFirstOrThrow();
    assert.equal(unitRow.active, 0);
    assert.equal(unitRow.duties, '政务公开');
    await admin.get(`/admin/units/${office}/edit`);
    assert.equal(
      (await admin.post(`/admin/units/${office}`, { name: '办公室', kind: 'department', active: '1' })).statusCode,
      303,
    );
    unitRow = await db.selectFrom('units').selectAll().where('id', '=', office).executeTakeFirstOrThrow();
    assert.equal(unitRow.active, 1);

    await admin.get('/admin/users/new');
    const newUser = await admin.post('/admin/users', {
      username: 'edu-drafter',
      display_name: '刘洋',
      agency_id: String(edu),
      unit_id: String(office),
      email: 'liuyang@edu.example.cn',
    });
    assert.equal(newUser.statusCode, 200, newUser.body);
    assert.match(newUser.body, /用户已创建/);
    assert.match(newUser.body, /已发送激活码至 l\*\*\*@edu\.example\.cn/);
    assert.match(String(newUser.headers['cache-control']), /no-store/);
    const code = await mailedActivationCode(db, 'liuyang@edu.example.cn');
    const drafterId = await userId(db, 'edu-drafter');
    // The code is the person's alone: never in the audit log, never on an administrator's page.
    const logged = await db.selectFrom('audit_events').select(['before_json', 'after_json']).execute();
    assert.ok(logged.every((e) => !`${e.before_json}${e.after_json}`.includes(code)));
    assert.doesNotMatch(newUser.body, new RegExp(code));
    assert.doesNotMatch((await admin.get(`/admin/users/${drafterId}`)).body, new RegExp(code));
    await activate(app, code, 'Jiaoyu-Xinxi-2026!');
    const first = await new Client(app).signIn('edu-drafter', 'Jiaoyu-Xinxi-2026!');
    assert.equal(first.statusCode, 303);
    assert.equal(first.headers.location, '/admin');

    // Roles come from the security administrator, not from the account's creator.
    assert.equal(
      (await admin.post(`/admin/users/${drafterId}/roles`, { role: 'drafter', agency_id: String(edu) })).statusCode,
      403,
    );
    const sec = await signedIn(app, 'secadmin');
    await sec.get(`/admin/users/${drafterId}`);
    const granted = await sec.post(`/admin/users/${drafterId}/roles`, {
      role: 'drafter',
      agency_id: String(edu),
      unit_id: String(office),
    });
    assert.equal(granted.statusCode, 303, granted.body);
    const grant = await db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', '=', drafterId)
      .executeTakeFirstOrThrow();
    assert.deepEqual([grant.role, grant.agency_id, grant.unit_id], ['drafter', edu, office]);
    assert.equal(granted.headers.location, `/admin/users/${drafterId}?done=granted#roles`);
    const userPage = await sec.get(`/admin/users/${drafterId}?done=granted`);
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
    assert.deepEqual(
      [userRow.display_name, userRow.job_title, userRow.email, userRow.username],
      ['刘洋洋', '信息员', 'liuyang@example.cn', 'edu-drafter'],
    );
    // The list shows the user with agency, unit and role.
    const list = await admin.get(`/admin/users?agency=${edu}`);
    assert.match(list.body, /edu-drafter/);
    assert.match(list.body, /信息员（岳阳市教育局 · 办公室）/);
    assert.doesNotMatch(list.body, /须修改密码/, 'activated with a password of its own');

    await sec.get(`/admin/users/${drafterId}`);
    const revoked = await sec.post(`/admin/role-assignments/${grant.id}/revoke`);
    assert.equal(revoked.statusCode, 303);
    assert.equal(revoked.headers.location, `/admin/users/${drafterId}?done=revoked#roles`);
    assert.equal(
      await db.selectFrom('role_assignments').select('id').where('id', '=', grant.id).executeTakeFirst(),
      undefined,
    );

    // Every change left its audit event, naming the administrator.
    assert.equal(await auditCount(db, 'agency.create', 'admin', edu), 1);
    assert.equal(await auditCount(db, 'agency.update', 'admin', edu), 1);
    assert.equal(await auditCount(db, 'unit.create', 'admin', office), 1);
    assert.equal(await auditCount(db, 'unit.update', 'admin', office), 2);
    assert.equal(await auditCount(db, 'user.create', 'admin', drafterId), 1);
    assert.equal(await auditCount(db, 'user.update', 'admin', drafterId), 1);
    assert.equal(await auditCount(db, 'role.grant', 'secadmin', drafterId), 1);
    assert.equal(await auditCount(db, 'role.revoke', 'secadmin', drafterId), 1);
  });

  test('validation errors re-render with 422 and Chinese messages, and store nothing', async () => {
    const { app, db } = s;
    const admin = await signedIn(app, 'admin');
    const city = await agencyId(db, 'yueyang');
    const hrss = await agencyId(db, 'yueyang-hrss');
    const county = await agencyId(db, 'yueyang-county-hrss');
    const sec = await signedIn(app, 'secadmin');
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

    const noParent = await admin.post('/admin/agencies', {
      code: 'orphan',
      name: '无上级机关',
      level: 'city',
      kind: 'department',
    });
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
    const cycle = await admin.post(`/admin/agencies/${hrss}`, {
      code: 'yueyang-hrss',
      name: '岳阳市人力资源和社会保障局',
      level: 'city',
      kind: 'department',
      parent_id: String(county),
    });
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
    const wrongUnit = await admin.post('/admin/users', {
      username: 'wrong-unit',
      display_name: '错科室',
      agency_id: String(hrss),
      unit_id: String(office),
      email: 'wrong.unit@example.cn',
    });
    assert.equal(wrongUnit.statusCode, 422);
    assert.match(wrongUnit.body, /所选单位不属于该机关/);
    const dupUser = await admin.post('/admin/users', {
      username: 'drafter',
      display_name: '重名',
      agency_id: String(hrss),
      email: 'dup@example.cn',
    });
    assert.equal(dupUser.statusCode, 422);
    assert.match(dupUser.body, /用户名“drafter”已被使用/);

    const target = await userId(db, 'leader');
    await sec.get(`/admin/users/${target}`);
    const noUnit = await sec.post(`/admin/users/${target}/roles`, { role: 'drafter', agency_id: String(hrss) });
    assert.equal(noUnit.statusCode, 422);
    assert.match(noUnit.body, /信息员和科室负责人角色须指定所在科室/);
    const noRole = await sec.post(`/admin/users/${target}/roles`, { role: 'emperor', agency_id: String(hrss) });
    assert.equal(noRole.statusCode, 422);
    assert.match(noRole.body, /请选择有效的“角色”/);

    await admin.get(`/admin/agencies/${hrss}/leading-group/new`);
    const backwards = await admin.post(`/admin/agencies/${hrss}/leading-group`, {
      person_name: '倒序',
      position: 'member',
      from_date: '2020-05-01',
      to_date: '2020-01-01',
    });
    assert.equal(backwards.statusCode, 422);
    assert.match(backwards.body, /截止日期不能早于起始日期/);
    const notADate = await admin.post(`/admin/agencies/${hrss}/leading-group`, {
      person_name: '无日期',
      position: 'member',
      from_date: '2020-02-30',
    });
    assert.equal(notADate.statusCode, 422);
    assert.match(notADate.body, /“起始日期”必须是有效日期/);
    const member = await db
      .selectFrom('leading_group_members')
      .selectAll()
      .where('agency_id', '=', hrss)
      .where('person_name', '=', '周建华')
      .executeTakeFirstOrThrow();
    await admin.get(`/admin/agencies/${hrss}`);
    const early = await admin.post(`/admin/leading-group/${member.id}/end`, { to_date: '2010-12-31' });
    assert.equal(early.statusCode, 422);
    assert.match(early.body, /截止日期不能早于起始日期/);
    assert.match(early.body, new RegExp(`href="#field-end-${member.id}"`));
    assert.match(early.body, /value="2010-12-31"/);

    assert.deepEqual(await counts(db), before, 'nothing stored, not even an audit event');
    const stillOpen = await db
      .selectFrom('leading_group_members')
      .select('to_date')
      .where('id', '=', member.id)
      .executeTakeFirstOrThrow();
    assert.equal(stillOpen.to_date, null);
  });

  test('the pages follow the chosen language', async () => {
    const { app, db } = s;
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
