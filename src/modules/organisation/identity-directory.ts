// The organisation module's side of the platform's identity directory (platform/auth/identity-directory.ts):
// the users, grants and agency tree that sessions and the audit anchor need, read from this module's
// tables. Declared in organisation.module.ts and provided by the composition root (ADR 0019, ADR 0022).
import type { Executor } from '../../db/database.ts';
import type { IdentityDirectory } from '../../platform/auth/identity-directory.ts';
import type { Role } from '../../platform/roles.ts';
import { agencySubtree } from './agency-tree.ts';

export const organisationIdentityDirectory: IdentityDirectory = {
  sessionUsers(db: Executor) {
    return db
      .selectFrom('users')
      .select([
        'id',
        'username',
        'display_name',
        'agency_id',
        'unit_id',
        'disabled',
        'locked_until',
        'must_change_password',
      ]);
  },

  grantsOf(db: Executor, userId: number) {
    return db
      .selectFrom('role_assignments')
      .select(['role', 'agency_id', 'unit_id'])
      .where('user_id', '=', userId)
      .execute();
  },

  agencySubtree,

  async emailsOfRole(db: Executor, role: Role) {
    const rows = await db
      .selectFrom('users')
      .innerJoin('role_assignments', 'role_assignments.user_id', 'users.id')
      .select('users.email')
      .distinct()
      .where('role_assignments.role', '=', role)
      .where('users.disabled', '=', 0)
      .where('users.email', 'is not', null)
      .execute();
    return rows.map((r) => r.email).filter((e): e is string => Boolean(e));
  },
};
