// The leading group kept by the disclosure office, and the public directory of agencies, on
// both engines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { agencyId, auditCount, consoleSuite, signedIn } from './organisation.test-support.ts';

consoleSuite('organisation console: leading group and directory', (s) => {
  test('the leading group: the disclosure office adds and ends memberships from its group page', async () => {
    const { app, db } = s;
    const officer = await signedIn(app, 'officer');
    const hrss = await agencyId(db, 'yueyang-hrss');
    const page = await officer.get(`/admin/agencies/${hrss}/leading-group/new`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /现任成员/);
    assert.match(page.body, /陈国平/, 'past members are listed with their dates');
    assert.match(page.body, /2010-03-01 至 2013-05-31/);

    const added = await officer.post(`/admin/agencies/${hrss}/leading-group`, {
      person_name: '黄海',
      position: 'member',
      job_title: '办公室主任',
      from_date: '2024-01-01',
    });
    assert.equal(added.statusCode, 303, added.body);
    assert.equal(added.headers.location, `/admin/agencies/${hrss}/leading-group/new?done=member_added`);
    const member = await db
      .selectFrom('leading_group_members')
      .selectAll()
      .where('person_name', '=', '黄海')
      .executeTakeFirstOrThrow();
    assert.equal(member.to_date, null);

    await officer.get(`/admin/agencies/${hrss}/leading-group/new`);
    const ended = await officer.post(`/admin/leading-group/${member.id}/end`, { to_date: '2025-12-31' });
    assert.equal(ended.statusCode, 303);
    assert.equal(
      (
        await db
          .selectFrom('leading_group_members')
          .select('to_date')
          .where('id', '=', member.id)
          .executeTakeFirstOrThrow()
      ).to_date,
      '2025-12-31',
    );
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
    const { app } = s;
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
});
