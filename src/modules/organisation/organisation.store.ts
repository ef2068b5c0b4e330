// Every query of the organisation module.
import type { Executor } from '../../db/database.ts';
import type { AgencyRow, LeadingGroupMemberRow, RoleAssignmentRow, UnitRow, UserRow } from './organisation.table.ts';

export type PublicUser = Omit<UserRow, 'password_hash'>;

const userColumns = [
  'id',
  'agency_id',
  'unit_id',
  'username',
  'display_name',
  'job_title',
  'email',
  'password_changed_at',
  'must_change_password',
  'failed_sign_ins',
  'locked_until',
  'disabled',
  'last_sign_in_at',
  'created_by',
  'created_at',
  'updated_at',
] as const;

export const organisationStore = {
  agencies(db: Executor, ids?: readonly number[]): Promise<AgencyRow[]> {
    let q = db.selectFrom('agencies').selectAll().orderBy('sort_order').orderBy('id');
    if (ids) q = ids.length ? q.where('id', 'in', ids) : q.where('id', '=', -1);
    return q.execute();
  },
  agency(db: Executor, id: number): Promise<AgencyRow | undefined> {
    return db.selectFrom('agencies').selectAll().where('id', '=', id).executeTakeFirst();
  },
  agencyByCode(db: Executor, code: string): Promise<AgencyRow | undefined> {
    return db.selectFrom('agencies').selectAll().where('code', '=', code).executeTakeFirst();
  },
  agencyByCreditCode(db: Executor, creditCode: string): Promise<AgencyRow | undefined> {
    return db.selectFrom('agencies').selectAll().where('credit_code', '=', creditCode).executeTakeFirst();
  },
  units(db: Executor, agencyId: number): Promise<UnitRow[]> {
    return db
      .selectFrom('units')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  },
  /** The units of several agencies at once (the unit choices of user and grant forms). */
  unitsOfAgencies(db: Executor, agencyIds: readonly number[]): Promise<UnitRow[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('units')
      .selectAll()
      .where('agency_id', 'in', agencyIds)
      .orderBy('agency_id')
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
  },
  unitsByIds(db: Executor, ids: readonly number[]): Promise<UnitRow[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('units').selectAll().where('id', 'in', ids).execute();
  },
  unit(db: Executor, id: number): Promise<UnitRow | undefined> {
    return db.selectFrom('units').selectAll().where('id', '=', id).executeTakeFirst();
  },
  unitByName(db: Executor, agencyId: number, name: string): Promise<UnitRow | undefined> {
    return db
      .selectFrom('units')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .where('name', '=', name)
      .executeTakeFirst();
  },
  /** The active units a set of grants covers: every unit of the agency for an agency-wide grant,
   *  the granted unit otherwise (the "responsible unit" choices of a drafter). */
  async activeUnitsOfGrants(
    db: Executor,
    grants: readonly { agencyId: number; unitId: number | null }[],
  ): Promise<Pick<UnitRow, 'id' | 'name' | 'agency_id'>[]> {
    if (grants.length === 0) return [];
    const units = await db
      .selectFrom('units')
      .select(['id', 'name', 'agency_id'])
      .where('active', '=', 1)
      .where(
        'agency_id',
        'in',
        grants.map((g) => g.agencyId),
      )
      .orderBy('sort_order')
      .orderBy('id')
      .execute();
    return units.filter((u) =>
      grants.some((g) => g.agencyId === u.agency_id && (g.unitId === null || g.unitId === u.id)),
    );
  },
  usersByIds(db: Executor, ids: readonly number[]): Promise<PublicUser[]> {
    if (ids.length === 0) return Promise.resolve([]);
    return db.selectFrom('users').select(userColumns).where('id', 'in', ids).execute();
  },
  users(db: Executor, agencyIds: readonly number[]): Promise<PublicUser[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(userColumns)
      .where('agency_id', 'in', agencyIds)
      .orderBy('agency_id')
      .orderBy('username')
      .execute();
  },
  /** Users of the agencies, at most `limit` of them (the console's list). */
  usersInAgencies(db: Executor, agencyIds: readonly number[], limit: number): Promise<PublicUser[]> {
    if (agencyIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('users')
      .select(userColumns)
      .where('agency_id', 'in', agencyIds)
      .orderBy('agency_id')
      .orderBy('username')
      .limit(limit)
      .execute();
  },
  user(db: Executor, id: number): Promise<PublicUser | undefined> {
    return db.selectFrom('users').select(userColumns).where('id', '=', id).executeTakeFirst();
  },
  /** Includes the password hash: for sign-in and password changes only. */
  userWithSecret(db: Executor, by: { id: number } | { username: string }): Promise<UserRow | undefined> {
    const q = db.selectFrom('users').selectAll();
    return ('id' in by ? q.where('id', '=', by.id) : q.where('username', '=', by.username)).executeTakeFirst();
  },
  roleAssignments(db: Executor, userId: number): Promise<RoleAssignmentRow[]> {
    return db.selectFrom('role_assignments').selectAll().where('user_id', '=', userId).orderBy('id').execute();
  },
  /** The grants of several users at once (the users list). */
  roleAssignmentsOfUsers(db: Executor, userIds: readonly number[]): Promise<RoleAssignmentRow[]> {
    if (userIds.length === 0) return Promise.resolve([]);
    return db
      .selectFrom('role_assignments')
      .selectAll()
      .where('user_id', 'in', userIds)
      .orderBy('user_id')
      .orderBy('id')
      .execute();
  },
  roleAssignment(db: Executor, id: number): Promise<RoleAssignmentRow | undefined> {
    return db.selectFrom('role_assignments').selectAll().where('id', '=', id).executeTakeFirst();
  },
  leadingGroup(db: Executor, agencyId: number): Promise<LeadingGroupMemberRow[]> {
    return db
      .selectFrom('leading_group_members')
      .selectAll()
      .where('agency_id', '=', agencyId)
      .orderBy('from_date', 'desc')
      .orderBy('id')
      .execute();
  },
  leadingGroupMember(db: Executor, id: number): Promise<LeadingGroupMemberRow | undefined> {
    return db.selectFrom('leading_group_members').selectAll().where('id', '=', id).executeTakeFirst();
  },
};
