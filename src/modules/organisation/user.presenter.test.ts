// The user presenter: a lock counts only while in force, and shows in China time.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { PublicUser } from './organisation.store.ts';
import { presentUser } from './user.presenter.ts';

const user: PublicUser = {
  id: 9,
  agency_id: 1,
  unit_id: null,
  username: 'li',
  display_name: '李四',
  job_title: null,
  email: null,
  password_changed_at: '2026-01-01T00:00:00Z',
  must_change_password: 1,
  failed_sign_ins: 5,
  locked_until: '2026-03-10T02:30:00.000Z',
  disabled: 0,
  last_sign_in_at: null,
  created_by: null,
  created_at: '2026-01-01T00:00:00.000Z',
  updated_at: '2026-01-01T00:00:00.000Z',
};

test('a lock counts only while in force, shown in China time', () => {
  const during = presentUser(user, new Date('2026-03-10T02:00:00Z'));
  assert.deepEqual(during.status, { disabled: false, lockedUntil: '2026-03-10 10:30', mustChangePassword: true });
  assert.equal(during.locked, true);
  assert.equal(during.lastSignInAt, '');
  const after = presentUser(user, new Date('2026-03-10T02:30:00Z'));
  assert.equal(after.status.lockedUntil, null);
  assert.equal(after.locked, false);
  assert.equal(presentUser({ ...user, disabled: 1 }, new Date('2026-03-11T00:00:00Z')).locked, true);
});
