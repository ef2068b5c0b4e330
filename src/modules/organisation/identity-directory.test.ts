// The identity directory the organisation module provides to the platform (ADR 0022): what sessions
// read of a user, a user's grants, the agency tree, and the audit administrators' addresses the
// audit anchor is mailed to — on both engines, over the demo organisation.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemo } from '../../../test/support/app.ts';
import { identityDirectory } from '../../platform/auth/identity-directory.ts';
import { organisationIdentityDirectory as directory } from './identity-directory.ts';

test('the composition root provides the organisation module’s directory', () => {
  assert.equal(identityDirectory(), directory);
});

forEachDialect('identity directory', (t) => {
  before(async () => seedDemo(t.handle));

  test('a session’s user, joined as a derived table, and the user’s grants', async () => {
    const db = t.handle.db;
    const auditor = await db
      .selectFrom('users')
      .selectAll()
      .where('username', '=', 'auditor')
      .executeTakeFirstOrThrow();
    const row = await db
      .selectFrom(directory.sessionUsers(db).as('u'))
      .selectAll('u')
      .where('u.id', '=', auditor.id)
      .executeTakeFirstOrThrow();
    assert.deepEqual(row, {
      id: auditor.id,
      username: 'auditor',
      display_name: auditor.display_name,
      agency_id: auditor.agency_id,
      unit_id: auditor.unit_id,
      disabled: 0,
      locked_until: null,
      must_change_password: auditor.must_change_password,
    });
    const grants = await directory.grantsOf(db, auditor.id);
    assert.deepEqual(
      grants.map((g) => ({ ...g })),
      [{ role: 'audit_admin', agency_id: auditor.agency_id, unit_id: null }],
    );
  });

  test('an agency’s subtree holds the agency and every agency beneath it', async () => {
    const db = t.handle.db;
    const agencies = await db.selectFrom('agencies').select(['id', 'parent_id']).execute();
    const roots = agencies.filter((a) => a.parent_id === null);
    const everything = (await Promise.all(roots.map((r) => directory.agencySubtree(db, r.id)))).flat();
    assert.deepEqual(
      everything.sort((a, b) => a - b),
      agencies.map((a) => a.id).sort((a, b) => a - b),
    );
    const child = agencies.find((a) => a.parent_id !== null)!;
    assert.ok(!(await directory.agencySubtree(db, child.id)).includes(child.parent_id!));
  });

  test('the addresses of enabled holders of a role, each once', async () => {
    const db = t.handle.db;
    assert.deepEqual(await directory.emailsOfRole(db, 'audit_admin'), [], 'the demo auditor has no address');
    await db.updateTable('users').set({ email: 'auditor@example.cn' }).where('username', '=', 'auditor').execute();
    assert.deepEqual(await directory.emailsOfRole(db, 'audit_admin'), ['auditor@example.cn']);
    await db.updateTable('users').set({ disabled: 1 }).where('username', '=', 'auditor').execute();
    assert.deepEqual(await directory.emailsOfRole(db, 'audit_admin'), []);
  });
});
