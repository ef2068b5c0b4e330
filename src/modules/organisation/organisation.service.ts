// Operations on agencies, units, users, roles and the leading group. Each runs in one
// transaction with its audit event (platform/mutation.ts) and reports every problem of its
// input at once as a ValidationError.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import {
  ConflictError,
  ForbiddenError,
  issue,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from '../../platform/errors.ts';
import { hashPassword, passwordIssues, generatePassword } from '../../platform/auth/password.ts';
import { destroySessionsOfUser } from '../../platform/auth/session.ts';
import { issueActivation, unusablePasswordHash } from '../../platform/auth/activation.ts';
import { rememberReplacedPassword } from '../../platform/auth/password-history.ts';
import { adminRoles, personalDataRoles, unitScopedRoles, type Role } from '../../platform/roles.ts';
import { isCreditCode } from '../../platform/pii/identifiers.ts';
import { agencySubtree } from './agency-tree.ts';
import { organisationStore as store } from './organisation.store.ts';
import { DEFAULT_INDEX_TEMPLATE, type LeadingGroupPosition } from './organisation.ts';

export interface AgencyInput {
  code: string;
  name: string;
  short_name?: string | null;
  level: string;
  kind: string;
  parent_id?: number | null;
  credit_code?: string | null;
  address?: string | null;
  postcode?: string | null;
  phone?: string | null;
  fax?: string | null;
  email?: string | null;
  website?: string | null;
  office_hours?: string | null;
  disclosure_office_unit_id?: number | null;
  index_number_template?: string | null;
}

function fail(issues: ValidationIssue[]): void {
  if (issues.length) throw new ValidationError(issues);
}

async function checkAgency(db: Executor, input: AgencyInput, selfId: number | null): Promise<void> {
  const issues: ValidationIssue[] = [];
  const byCode = await store.agencyByCode(db, input.code);
  if (byCode && byCode.id !== selfId) issues.push(issue('code', 'org.error.code_taken', { code: input.code }));
  if (input.credit_code) {
    if (!isCreditCode(input.credit_code)) issues.push(issue('credit_code', 'org.error.credit_code_invalid'));
    const byCredit = await store.agencyByCreditCode(db, input.credit_code);
    if (byCredit && byCredit.id !== selfId) issues.push(issue('credit_code', 'org.error.credit_code_taken'));
  }
  if (input.parent_id != null) {
    const parent = await store.agency(db, input.parent_id);
    if (!parent) issues.push(issue('parent_id', 'org.error.parent_invalid'));
    if (selfId !== null && (await agencySubtree(db, selfId)).includes(input.parent_id)) {
      issues.push(issue('parent_id', 'org.error.parent_cycle'));
    }
  }
  if (input.disclosure_office_unit_id != null) {
    const unit = await store.unit(db, input.disclosure_office_unit_id);
    if (!unit || unit.agency_id !== selfId)
      issues.push(issue('disclosure_office_unit_id', 'org.error.unit_not_in_agency'));
  }
  fail(issues);
}

function agencyValues(input: AgencyInput) {
  return {
    code: input.code,
    name: input.name,
    short_name: input.short_name ?? null,
    level: input.level,
    kind: input.kind,
    parent_id: input.parent_id ?? null,
    credit_code: input.credit_code || null,
    address: input.address ?? null,
    postcode: input.postcode ?? null,
    phone: input.phone ?? null,
    fax: input.fax ?? null,
    email: input.email ?? null,
    website: input.website ?? null,
    office_hours: input.office_hours ?? null,
    disclosure_office_unit_id: input.disclosure_office_unit_id ?? null,
    index_number_template: input.index_number_template || DEFAULT_INDEX_TEMPLATE,
  };
}

export interface UnitInput {
  name: string;
  kind: string;
  phone?: string | null;
  duties?: string | null;
  sort_order?: number | null;
}

export interface UserInput {
  username: string;
  display_name: string;
  agency_id: number;
  unit_id?: number | null;
  job_title?: string | null;
  email?: string | null;
}

export interface LeadingGroupInput {
  person_name: string;
  position: LeadingGroupPosition;
  job_title?: string | null;
  from_date: string;
  to_date?: string | null;
  user_id?: number | null;
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

export const organisationService = {
  async createAgency(db: Db, ctx: AuditContext, input: AgencyInput): Promise<number> {
    return mutate(db, ctx, async (trx, audit) => {
      await checkAgency(trx, { ...input, disclosure_office_unit_id: null }, null);
      const at = nowIso();
      const row = await trx
        .insertInto('agencies')
        .values({ ...agencyValues({ ...input, disclosure_office_unit_id: null }), created_at: at, updated_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({ action: 'agency.create', subjectType: 'agency', subjectId: row.id, after: input });
      return row.id;
    });
  },

  async updateAgency(db: Db, ctx: AuditContext, id: number, input: AgencyInput): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const before = await store.agency(trx, id);
      if (!before) throw new NotFoundError();
      await checkAgency(trx, input, id);
      await trx
        .updateTable('agencies')
        .set({ ...agencyValues(input), updated_at: nowIso() })
        .where('id', '=', id)
        .execute();
      await audit({ action: 'agency.update', subjectType: 'agency', subjectId: id, before, after: input });
    });
  },

  async createUnit(db: Db, ctx: AuditContext, agencyId: number, input: UnitInput): Promise<number> {
    return mutate(db, ctx, async (trx, audit) => {
      if (!(await store.agency(trx, agencyId))) throw new NotFoundError();
      if (await store.unitByName(trx, agencyId, input.name))
        throw new ValidationError([issue('name', 'org.error.unit_name_taken')]);
      const at = nowIso();
      const row = await trx
        .insertInto('units')
        .values({
          agency_id: agencyId,
          name: input.name,
          kind: input.kind,
          phone: input.phone ?? null,
          duties: input.duties ?? null,
          sort_order: input.sort_order ?? 0,
          created_at: at,
          updated_at: at,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({ action: 'unit.create', subjectType: 'unit', subjectId: row.id, after: { agencyId, ...input } });
      return row.id;
    });
  },

  async updateUnit(db: Db, ctx: AuditContext, id: number, input: UnitInput & { active?: boolean }): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const before = await store.unit(trx, id);
      if (!before) throw new NotFoundError();
      const same = await store.unitByName(trx, before.agency_id, input.name);
      if (same && same.id !== id) throw new ValidationError([issue('name', 'org.error.unit_name_taken')]);
      await trx
        .updateTable('units')
        .set({
          name: input.name,
          kind: input.kind,
          phone: input.phone ?? null,
          duties: input.duties ?? null,
          sort_order: input.sort_order ?? before.sort_order,
          active: input.active === undefined ? before.active : input.active ? 1 : 0,
          updated_at: nowIso(),
        })
        .where('id', '=', id)
        .execute();
      await audit({ action: 'unit.update', subjectType: 'unit', subjectId: id, before, after: input });
    });
  },

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

  async addLeadingGroupMember(db: Db, ctx: AuditContext, agencyId: number, input: LeadingGroupInput): Promise<number> {
    if (input.to_date && input.to_date < input.from_date)
      throw new ValidationError([issue('to_date', 'org.error.date_order')]);
    return mutate(db, ctx, async (trx, audit) => {
      if (!(await store.agency(trx, agencyId))) throw new NotFoundError();
      if (input.user_id != null) {
        const user = await store.user(trx, input.user_id);
        if (!user || user.agency_id !== agencyId)
          throw new ValidationError([issue('user_id', 'org.error.member_user_not_in_agency')]);
      }
      const row = await trx
        .insertInto('leading_group_members')
        .values({
          agency_id: agencyId,
          person_name: input.person_name,
          position: input.position,
          job_title: input.job_title ?? null,
          from_date: input.from_date,
          to_date: input.to_date ?? null,
          user_id: input.user_id ?? null,
          created_at: nowIso(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await audit({ action: 'leading_group.add', subjectType: 'agency', subjectId: agencyId, after: input });
      return row.id;
    });
  },

  /** Membership is history: ending it records the date instead of deleting the row, so that
   *  a report for an earlier year still names who led the work then. */
  async endLeadingGroupMember(db: Db, ctx: AuditContext, memberId: number, toDate: string): Promise<void> {
    await mutate(db, ctx, async (trx, audit) => {
      const member = await store.leadingGroupMember(trx, memberId);
      if (!member) throw new NotFoundError();
      // History is not rewritten: a membership that has ended keeps the date it ended on.
      if (member.to_date !== null && member.to_date < todayInChina()) {
        throw new ValidationError([issue('to_date', 'org.error.already_ended', { date: member.to_date })]);
      }
      if (toDate < member.from_date) throw new ValidationError([issue('to_date', 'org.error.date_order')]);
      await trx.updateTable('leading_group_members').set({ to_date: toDate }).where('id', '=', memberId).execute();
      await audit({
        action: 'leading_group.end',
        subjectType: 'agency',
        subjectId: member.agency_id,
        before: member,
        after: { to_date: toDate },
      });
    });
  },
};
