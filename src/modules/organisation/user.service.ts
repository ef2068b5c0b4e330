// Operations on user accounts: opening them (password or activation code), editing, roles,
// passwords and locking; apart from the organisation's structure in organisation.service.ts.
// Each runs in one transaction with its audit event and reports every input problem at once.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso } from '../../platform/clock.ts';
import { ConflictError, ForbiddenError, issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { hashPassword, passwordIssues, generatePassword } from '../../platform/auth/password.ts';
import { destroySessionsOfUser } from '../../platform/auth/session.ts';
import { issueActivation, unusablePasswordHash } from '../../platform/auth/activation.ts';
import { rememberReplacedPassword } from '../../platform/auth/password-history.ts';
import { adminRoles, personalDataRoles, unitScopedRoles, type Role } from '../../platform/roles.ts';
import { organisationStore as store } from './organisation.store.ts';

export interface UserInput {
  username: string;
  display_name: string;
  agency_id: number;
  unit_id?: number | null;
  job_title?: string | null;
  email?: string | null;
}

async function checkUnitInAgency(
  db: Executor,
  agencyId: number,
  unitId: number | null | undefined,
  field = 'unit_id',
): Promise<void> {
  if (unitId == null) return;
  const unit = await store.unit(db, unitId);
  if (!unit || unit.agency_id !== agencyId) throw new ValidationError([issue(field, 'org.error.unit_not_in_agency')]);
}

/**
 * Checks and inserts an account row: the one place both ways of opening an account (with a
 * password, and by activation code) write it. Runs inside the caller's transaction.
 */
async function insertUser(
  trx: Executor,
  createdBy: number | null,
  input: UserInput,
  account: { email: string | null; passwordHash: string; mustChangePassword: boolean },
): Promise<number> {
  if (await store.userWithSecret(trx, { username: input.username })) {
    throw new ValidationError([issue('username', 'org.error.username_taken', { username: input.username })]);
  }
  if (!(await store.agency(trx, input.agency_id)))
    throw new ValidationError([issue('agency_id', 'org.error.agency_invalid')]);
  await checkUnitInAgency(trx, input.agency_id, input.unit_id);
  const at = nowIso();
  const row = await trx
    .insertInto('users')
    .values({
      agency_id: input.agency_id,
      unit_id: input.unit_id ?? null,
      username: input.username,
      display_name: input.display_name,
      job_title: input.job_title ?? null,
      email: account.email,
      password_hash: account.passwordHash,
      password_changed_at: at,
      must_change_password: account.mustChangePassword ? 1 : 0,
      created_by: createdBy,
      created_at: at,
      updated_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Spread into organisationService (organisation.service.ts). */
export const userOperations = {
  /** Creates a user with a generated password (returned once; it must be changed at first
   *  sign-in) or with a chosen one that passes the password rules. */
  async createUser(
    db: Db,
    ctx: AuditContext,
    input: UserInput,
    password?: string,
    options: { mustChangePassword?: boolean; passwordHash?: Promise<string> } = {},
  ): Promise<{ id: number; password: string }> {
    const chosen = password ?? generatePassword();
    const issues = passwordIssues(chosen, input.username);
    if (issues.length) throw new ValidationError(issues);
    // passwordHash: hashPassword(password) computed by the caller — the demo loader hashes its
    // one shared initial password once for all demo accounts instead of once per account.
    const hash = await (options.passwordHash ?? hashPassword(chosen));
    return mutate(db, ctx, async (trx, audit) => {
      const id = await insertUser(trx, ctx.actorUserId, input, {
        email: input.email ?? null,
        passwordHash: hash,
        mustChangePassword: options.mustChangePassword ?? password === undefined,
      });
      await audit({ action: 'user.create', subjectType: 'user', subjectId: id, after: input });
      return { id, password: chosen };
    });
  },

  /**
   * The administrator's way to open an account (三员分立, docs/adr/0015): no password is chosen or
   * seen by anyone; a one-time activation code goes to the account's own e-mail address, and
   * the account cannot be signed into until its holder sets a password with it.
   */
  async createUserWithActivation(
    db: Db,
    ctx: AuditContext,
    input: UserInput,
    baseUrl: string,
  ): Promise<{ id: number; sentTo: string }> {
    const email = input.email?.trim();
    if (!email) throw new ValidationError([issue('email', 'org.error.email_for_activation')]);
    const hash = await unusablePasswordHash();
    return mutate(db, ctx, async (trx, audit) => {
      const id = await insertUser(trx, ctx.actorUserId, input, { email, passwordHash: hash, mustChangePassword: true });
      const sent = await issueActivation(trx, {
        user: { id, username: input.username, display_name: input.display_name },
        email,
        purpose: 'new_account',
        createdBy: ctx.actorUserId,
        baseUrl,
      });
      await audit({ action: 'user.create', subjectType: 'user', subjectId: id, after: input });
      await audit({
        action: 'user.activation_sent',
        subjectType: 'user',
        subjectId: id,
        after: { purpose: 'new_account', sentTo: sent.sentTo, expiresAt: sent.expiresAt },
      });
      return { id, sentTo: sent.sentTo };
    });
  },

  /**
   * The security administrator's reset: the old password stops working at once, the user's
   * sessions end, any lockout is lifted, and a one-time activation code goes to the user's own
   * e-mail address. The administrator learns no password (三员分立).
   */
  async resetPasswordWithActivation(
    db: Db,
    ctx: AuditContext,
    userId: number,
    baseUrl: string,
  ): Promise<{ sentTo: string }> {
    const hash = await unusablePasswordHash();
    return mutate(db, ctx, async (trx, audit) => {
      const user = await store.userWithSecret(trx, { id: userId });
      if (!user) throw new NotFoundError();
      if (ctx.actorUserId === userId) throw new ForbiddenError();
      const email = user.email?.trim();
      if (!email) throw new ValidationError([issue('email', 'org.error.email_for_activation')]);
      await rememberReplacedPassword(trx, userId, user.password_hash);
      await trx
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: nowIso(),
          must_change_password: 1,
          failed_sign_ins: 0,
          locked_until: null,
          updated_at: nowIso(),
        })
        .where('id', '=', userId)
        .execute();
      await destroySessionsOfUser(trx, userId);
      const sent = await issueActivation(trx, {
        user,
        email,
        purpose: 'reset',
        createdBy: ctx.actorUserId,
        baseUrl,
      });
      await audit({
        action: 'user.password_reset',
        subjectType: 'user',
        subjectId: userId,
        after: { sentTo: sent.sentTo, expiresAt: sent.expiresAt },
      });
      return { sentTo: sent.sentTo };
    });
  },

  async updateUser(db: Db, ctx: AuditContext, id: number, input: Omit<UserInput, 'username'>): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const before = await store.user(trx, id);
      if (!before) throw new NotFoundError();
      if (!(await store.agency(trx, input.agency_id)))
        throw new ValidationError([issue('agency_id', 'org.error.agency_invalid')]);
      await checkUnitInAgency(trx, input.agency_id, input.unit_id);
      await trx
        .updateTable('users')
        .set({
          display_name: input.display_name,
          agency_id: input.agency_id,
          unit_id: input.unit_id ?? null,
          job_title: input.job_title ?? null,
          email: input.email ?? null,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      await audit({ action: 'user.update', subjectType: 'user', subjectId: id, before, after: input });
    });
  },

  /** Grants a role. Three-admin separation (三员分立) is enforced here, whoever calls. The
   *  granter's own right to grant this kind of role is checked by the caller's policy. */
  async assignRole(
    db: Db,
    ctx: AuditContext,
    userId: number,
    role: Role,
    agencyId: number,
    unitId: number | null,
  ): Promise<number> {
    return mutate(db, ctx, async (trx, audit) => {
      const user = await store.user(trx, userId);
      if (!user) throw new NotFoundError();
      // Whoever opened the account may not also give it powers: otherwise one administrator
      // could create a person and act through them (三员分立, docs/adr/0015).
      if (ctx.actorUserId !== null && user.created_by === ctx.actorUserId)
        throw new ConflictError('org.error.creator_cannot_grant');
      if (!(await store.agency(trx, agencyId)))
        throw new ValidationError([issue('agency_id', 'org.error.agency_invalid')]);
      if (unitScopedRoles.includes(role) && unitId == null)
        throw new ValidationError([issue('unit_id', 'org.error.role_needs_unit')]);
      await checkUnitInAgency(trx, agencyId, unitId);
      const existing = await store.roleAssignments(trx, userId);
      if (existing.some((g) => g.role === role && g.agency_id === agencyId && g.unit_id === (unitId ?? null))) {
        throw new ConflictError('org.error.role_exists');
      }
      const isAdmin = adminRoles.includes(role);
      const clash = existing.some((g) => {
        const otherAdmin = adminRoles.includes(g.role as Role);
        return isAdmin ? g.role !== role : otherAdmin;
      });
      if (clash) throw new ConflictError('org.error.admin_separation');
      const row = await trx
        .insertInto('role_assignments')
        .values({
          user_id: userId,
          role,
          agency_id: agencyId,
          unit_id: unitId ?? null,
          granted_by: ctx.actorUserId,
          granted_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      // personalData marks the grants the auditor's personal-data page lists (/admin/audit/personal-data).
      await audit({
        action: 'role.grant',
        subjectType: 'user',
        subjectId: userId,
        after: { role, agencyId, unitId, personalData: personalDataRoles.includes(role) },
      });
      return row.id;
    });
  },

  async revokeRole(db: Db, ctx: AuditContext, assignmentId: number): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const grant = await store.roleAssignment(trx, assignmentId);
      if (!grant) throw new NotFoundError();
      await trx.deleteFrom('role_assignments').where('id', '=', assignmentId).execute();
      // A revoked role must stop working now, not at the next sign-in.
      await destroySessionsOfUser(trx, grant.user_id);
      await audit({ action: 'role.revoke', subjectType: 'user', subjectId: grant.user_id, before: grant });
    });
  },

  /** Sets a password. `generated` marks it for change at next sign-in (an admin reset). */
  async setPassword(db: Db, ctx: AuditContext, userId: number, password: string, generated: boolean): Promise<void> {
    const user = await store.user(db, userId);
    if (!user) throw new NotFoundError();
    const issues = passwordIssues(password, user.username, 'password');
    if (issues.length) throw new ValidationError(issues);
    const hash = await hashPassword(password);
    await mutate(db, ctx, async (trx, audit) => {
      const replaced = await store.userWithSecret(trx, { id: userId });
      if (replaced) await rememberReplacedPassword(trx, userId, replaced.password_hash);
      await trx
        .updateTable('users')
        .set({
          password_hash: hash,
          password_changed_at: nowIso(),
          must_change_password: generated ? 1 : 0,
          failed_sign_ins: 0,
          locked_until: null,
          updated_at: nowIso(),
        })
        .where('id', '=', userId)
        .execute();
      if (generated) await destroySessionsOfUser(trx, userId);
      await audit({
        action: generated ? 'user.password_reset' : 'user.password_set',
        subjectType: 'user',
        subjectId: userId,
      });
    });
  },

  /** Disables (locks) an account until an administrator unlocks it; its sessions end now. */
  async lockUser(db: Db, ctx: AuditContext, userId: number): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      if (!(await store.user(trx, userId))) throw new NotFoundError();
      if (ctx.actorUserId === userId) throw new ForbiddenError();
      await trx.updateTable('users').set({ disabled: 1, updated_at: nowIso() }).where('id', '=', userId).execute();
      await destroySessionsOfUser(trx, userId);
      await audit({ action: 'user.lock', subjectType: 'user', subjectId: userId });
    });
  },

  /** Lifts both an administrator's lock and a lockout after failed sign-ins. */
  async unlockUser(db: Db, ctx: AuditContext, userId: number): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      if (!(await store.user(trx, userId))) throw new NotFoundError();
      await trx
        .updateTable('users')
        .set({ disabled: 0, locked_until: null, failed_sign_ins: 0, updated_at: nowIso() })
        .where('id', '=', userId)
        .execute();
      await audit({ action: 'user.unlock', subjectType: 'user', subjectId: userId });
    });
  },
};
