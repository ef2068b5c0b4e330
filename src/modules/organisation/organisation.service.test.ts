// The organisation service's rules on both engines: the agency hierarchy has no cycles, credit
// codes are checked, units belong to their agency, leading-group dates keep their order and
// their history, three-admin separation holds whoever calls — and a refused operation leaves
// no row and no audit event behind.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemoOrganisation } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { systemContext, type AuditContext } from '../../platform/audit/audit.ts';
import { AppError, ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { passwordIssues } from '../../platform/auth/password.ts';
import { creditCodeCheckChar } from '../../platform/pii/identifiers.ts';
import { organisationService as service, type AgencyInput } from './organisation.service.ts';
import { organisationStore as store } from './organisation.store.ts';
import { buildAgencyTree, flattenAgencyTree } from './agency-tree.ts';

const ctx: AuditContext = { actorUserId: null, actorName: 'service-test', ip: null };

async function snapshot(db: Db): Promise<number[]> {
  const tables = ['agencies', 'units', 'users', 'role_assignments', 'leading_group_members', 'audit_events'] as const;
  const out: number[] = [];
  for (const table of tables) {
    out.push(
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      ),
    );
  }
  return out;
}

/** Rejects with a ValidationError that has an issue on `field` whose Chinese text includes `zh`. */
function invalid(field: string, zh: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ValidationError, `expected a ValidationError, got ${String(error)}`);
    assert.ok(
      error.issues.some((i) => i.field === field && i.message.zh.includes(zh) && i.message.en.length > 0),
      `issues: ${JSON.stringify(error.issues)}`,
    );
    return true;
  };
}

function conflict(zh: string) {
  return (error: unknown) => {
    assert.ok(error instanceof ConflictError, `expected a ConflictError, got ${String(error)}`);
    assert.equal(error.status, 409);
    assert.ok(error.text.zh.includes(zh), error.text.zh);
    return true;
  };
}

forEachDialect('organisation service rules', (t) => {
  let db: Db;
  const ids = { city: 0, hrss: 0, county: 0, huarong: 0, hrssOffice: 0, countyOffice: 0 };
  let baseAgency: (overrides: Partial<AgencyInput>) => AgencyInput;

  before(async () => {
    await seedDemoOrganisation(t.handle);
    db = t.handle.db;
    for (const [key, code] of [
      ['city', 'yueyang'],
      ['hrss', 'yueyang-hrss'],
      ['county', 'yueyang-county-hrss'],
      ['huarong', 'huarong-hrss'],
    ] as const) {
      ids[key] = (await store.agencyByCode(db, code))!.id;
    }
    ids.hrssOffice = (await store.unitByName(db, ids.hrss, '办公室'))!.id;
    ids.countyOffice = (await store.unitByName(db, ids.county, '办公室'))!.id;
    baseAgency = (overrides) => ({
      code: 'test-agency',
      name: '测试机关',
      level: 'county',
      kind: 'department',
      parent_id: ids.city,
      ...overrides,
    });
  });

  test('the hierarchy has no cycles: an agency cannot sit beneath itself or its descendants', async () => {
    const hrss = (await store.agency(db, ids.hrss))!;
    const before = await snapshot(db);
    await assert.rejects(
      service.updateAgency(db, ctx, ids.hrss, { ...hrss, parent_id: ids.hrss }),
      invalid('parent_id', '上级机关不能是本机关或其下级机关'),
    );
    await assert.rejects(
      service.updateAgency(db, ctx, ids.hrss, { ...hrss, parent_id: ids.county }),
      invalid('parent_id', '上级机关不能是本机关或其下级机关'),
    );
    const city = (await store.agency(db, ids.city))!;
    await assert.rejects(
      service.updateAgency(db, ctx, ids.city, { ...city, parent_id: ids.huarong }),
      invalid('parent_id', '上级机关不能是'),
    );
    await assert.rejects(
      service.updateAgency(db, ctx, ids.county, { ...(await store.agency(db, ids.county))!, parent_id: 999_999 }),
      invalid('parent_id', '上级机关'),
    );
    assert.deepEqual(await snapshot(db), before);
    // Moving sideways is fine: the county bureau now reports to the city government.
    await service.updateAgency(db, ctx, ids.county, { ...(await store.agency(db, ids.county))!, parent_id: ids.city });
    assert.equal((await store.agency(db, ids.county))!.parent_id, ids.city);
    await service.updateAgency(db, ctx, ids.county, { ...(await store.agency(db, ids.county))!, parent_id: ids.hrss });
  });

  test('the tree helpers arrange agencies parent → children, with out-of-reach parents as roots', async () => {
    const all = await store.agencies(db);
    const flat = flattenAgencyTree(buildAgencyTree(all)).map(({ agency, depth }) => [agency.code, depth]);
    assert.deepEqual(flat.slice(0, 4), [
      ['yueyang', 0],
      ['yueyang-hrss', 1],
      ['yueyang-county-hrss', 2],
      ['huarong-hrss', 2],
    ]);
    const partial = buildAgencyTree(all.filter((a) => a.id !== ids.city && a.id !== ids.hrss));
    assert.deepEqual(partial.map((n) => n.agency.code).slice(0, 2), ['yueyang-county-hrss', 'huarong-hrss']);
  });

  test('credit codes are checked (GB 32100) and unique; codes are unique; every issue is reported at once', async () => {
    const before = await snapshot(db);
    const first17 = '11430600MB1700002';
    const good = first17 + creditCodeCheckChar(first17);
    const wrongCheck = first17 + (creditCodeCheckChar(first17) === '1' ? '2' : '1');
    await assert.rejects(
      service.createAgency(db, ctx, baseAgency({ credit_code: wrongCheck })),
      invalid('credit_code', '校验位不正确'),
    );
    await assert.rejects(
      service.createAgency(db, ctx, baseAgency({ credit_code: '11430600MB15348729' })),
      invalid('credit_code', '已被其他机关使用'),
    );
    await assert.rejects(
      service.createAgency(db, ctx, baseAgency({ credit_code: 'ABC' })),
      invalid('credit_code', '校验位不正确'),
    );
    await assert.rejects(
      service.createAgency(db, ctx, baseAgency({ code: 'yueyang', credit_code: wrongCheck })),
      (error: unknown) => {
        assert.ok(error instanceof ValidationError);
        assert.deepEqual(error.issues.map((i) => i.field).sort(), ['code', 'credit_code']);
        return true;
      },
    );
    assert.deepEqual(await snapshot(db), before);
    const id = await service.createAgency(db, ctx, baseAgency({ credit_code: good }));
    assert.equal((await store.agency(db, id))!.credit_code, good);
    // Saving an agency with its own credit code is not a clash with itself.
    await service.updateAgency(db, ctx, id, baseAgency({ credit_code: good, name: '测试机关（改名）' }));
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'agency')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      ['agency.create', 'agency.update'],
    );
  });

  test('units belong to their agency: disclosure office, users and unit-scoped grants', async () => {
    const before = await snapshot(db);
    const hrss = (await store.agency(db, ids.hrss))!;
    await assert.rejects(
      service.updateAgency(db, ctx, ids.hrss, { ...hrss, disclosure_office_unit_id: ids.countyOffice }),
      invalid('disclosure_office_unit_id', '所选单位不属于该机关'),
    );
    await assert.rejects(
      service.createUser(db, ctx, {
        username: 'unit-test',
        display_name: '单位测试',
        agency_id: ids.hrss,
        unit_id: ids.countyOffice,
      }),
      invalid('unit_id', '所选单位不属于该机关'),
    );
    const drafter = (await store.userWithSecret(db, { username: 'drafter' }))!;
    await assert.rejects(
      service.updateUser(db, ctx, drafter.id, {
        display_name: drafter.display_name,
        agency_id: ids.county,
        unit_id: drafter.unit_id,
      }),
      invalid('unit_id', '所选单位不属于该机关'),
    );
    const leader = (await store.userWithSecret(db, { username: 'leader' }))!;
    await assert.rejects(
      service.assignRole(db, ctx, leader.id, 'drafter', ids.hrss, ids.countyOffice),
      invalid('unit_id', '所选单位不属于该机关'),
    );
    await assert.rejects(
      service.assignRole(db, ctx, leader.id, 'unit_head', ids.hrss, null),
      invalid('unit_id', '须指定所在科室'),
    );
    await assert.rejects(
      service.createUnit(db, ctx, ids.hrss, { name: '办公室', kind: 'department' }),
      invalid('name', '本机关已有同名单位'),
    );
    const other = (await store.unitByName(db, ids.hrss, '政策法规科'))!;
    await assert.rejects(
      service.updateUnit(db, ctx, other.id, { name: '办公室', kind: 'department' }),
      invalid('name', '本机关已有同名单位'),
    );
    assert.deepEqual(await snapshot(db), before);
    // The same name in another agency is fine.
    await service.createUnit(db, ctx, ids.huarong, { name: '政策法规股', kind: 'department' });
    await service.createUnit(db, ctx, ids.county, { name: '政策法规股', kind: 'department' });
  });

  test('leading-group dates: the end is not before the start, and an ended membership stays ended', async () => {
    const before = await snapshot(db);
    await assert.rejects(
      service.addLeadingGroupMember(db, ctx, ids.hrss, {
        person_name: '倒序',
        position: 'member',
        from_date: '2024-06-01',
        to_date: '2024-05-31',
      }),
      invalid('to_date', '截止日期不能早于起始日期'),
    );
    const drafterOfCounty = (await store.userWithSecret(db, { username: 'yyx-officer' }))!;
    await assert.rejects(
      service.addLeadingGroupMember(db, ctx, ids.hrss, {
        person_name: '外单位',
        position: 'member',
        from_date: '2024-06-01',
        user_id: drafterOfCounty.id,
      }),
      invalid('user_id', '所选账号不属于本机关'),
    );
    const past = (await store.leadingGroup(db, ids.hrss)).find((m) => m.person_name === '陈国平')!;
    await assert.rejects(
      service.endLeadingGroupMember(db, ctx, past.id, '2020-01-01'),
      invalid('to_date', '已于 2013-05-31 结束'),
    );
    const current = (await store.leadingGroup(db, ids.hrss)).find((m) => m.person_name === '周建华')!;
    await assert.rejects(
      service.endLeadingGroupMember(db, ctx, current.id, '2010-12-31'),
      invalid('to_date', '截止日期不能早于起始日期'),
    );
    assert.deepEqual(await snapshot(db), before);

    // A term with a known end in the future can still be ended early; the same day is allowed.
    const officer = (await store.userWithSecret(db, { username: 'officer' }))!;
    const termed = await service.addLeadingGroupMember(db, ctx, ids.hrss, {
      person_name: '李红',
      position: 'member',
      from_date: '2024-01-01',
      to_date: '2999-12-31',
      user_id: officer.id,
    });
    await service.endLeadingGroupMember(db, ctx, termed, '2024-01-01');
    assert.equal((await store.leadingGroupMember(db, termed))!.to_date, '2024-01-01');
    await assert.rejects(
      service.endLeadingGroupMember(db, ctx, termed, '2024-02-01'),
      invalid('to_date', '已于 2024-01-01 结束'),
    );
  });

  test('three-admin separation holds whoever calls', async () => {
    const admin = (await store.userWithSecret(db, { username: 'admin' }))!;
    const chief = (await store.userWithSecret(db, { username: 'chief' }))!;
    const before = await snapshot(db);
    await assert.rejects(
      service.assignRole(db, systemContext, admin.id, 'security_admin', ids.city, null),
      conflict('三员分立'),
    );
    await assert.rejects(
      service.assignRole(db, systemContext, admin.id, 'audit_admin', ids.city, null),
      conflict('三员分立'),
    );
    await assert.rejects(
      service.assignRole(db, systemContext, admin.id, 'supervisor', ids.city, null),
      conflict('三员分立'),
    );
    await assert.rejects(
      service.assignRole(db, systemContext, chief.id, 'system_admin', ids.hrss, null),
      conflict('三员分立'),
    );
    await assert.rejects(
      service.assignRole(db, systemContext, chief.id, 'principal_leader', ids.hrss, null),
      conflict('该用户已有此角色'),
    );
    assert.deepEqual(await snapshot(db), before);
    // The same admin role over another agency, and several business roles, are allowed.
    await service.assignRole(db, ctx, admin.id, 'system_admin', ids.huarong, null);
    await service.assignRole(db, ctx, chief.id, 'supervisor', ids.hrss, null);
    const roles = await store.roleAssignments(db, chief.id);
    assert.deepEqual(roles.map((r) => r.role).sort(), ['principal_leader', 'supervisor']);
  });

  test('accounts: a generated password is returned once and never logged; nobody locks themselves out', async () => {
    const created = await service.createUser(db, ctx, {
      username: 'generated',
      display_name: '生成密码',
      agency_id: ids.hrss,
    });
    assert.deepEqual(passwordIssues(created.password, 'generated'), []);
    const row = (await store.userWithSecret(db, { id: created.id }))!;
    assert.equal(row.must_change_password, 1);
    assert.ok(!row.password_hash.includes(created.password));
    const logged = await db
      .selectFrom('audit_events')
      .select(['before_json', 'after_json'])
      .where('subject_id', '=', String(created.id))
      .execute();
    assert.ok(logged.length > 0 && logged.every((e) => !`${e.before_json}${e.after_json}`.includes(created.password)));
    await assert.rejects(
      service.createUser(db, ctx, { username: 'chosen', display_name: '弱密码', agency_id: ids.hrss }, 'short'),
      (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'password'),
    );

    const self: AuditContext = { actorUserId: created.id, actorName: 'generated', ip: null };
    await assert.rejects(service.lockUser(db, self, created.id), (e: unknown) => e instanceof ForbiddenError);
    await service.lockUser(db, ctx, created.id);
    assert.equal((await store.user(db, created.id))!.disabled, 1);
    await service.unlockUser(db, ctx, created.id);
    assert.equal((await store.user(db, created.id))!.disabled, 0);
    await assert.rejects(service.lockUser(db, ctx, 999_999), (e: unknown) => e instanceof AppError && e.status === 404);
  });
});
