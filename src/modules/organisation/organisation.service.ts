// Operations on agencies, units and the leading group; accounts and roles are in user.service.ts
// and spread into the same object. Each runs in one transaction with its audit event
// (platform/mutation.ts) and reports every problem of its input at once as a ValidationError.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso, todayInChina } from '../../platform/clock.ts';
import { issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { isCreditCode } from '../../platform/pii/identifiers.ts';
import { agencySubtree } from './agency-tree.ts';
import { organisationStore as store } from './organisation.store.ts';
import { DEFAULT_INDEX_TEMPLATE, type LeadingGroupPosition } from './organisation.ts';
import { userOperations } from './user.service.ts';

export type { UserInput } from './user.service.ts';

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
  website_code?: string | null;
  icp_number?: string | null;
  psb_number?: string | null;
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
    website_code: input.website_code ?? null,
    icp_number: input.icp_number ?? null,
    psb_number: input.psb_number ?? null,
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

export interface LeadingGroupInput {
  person_name: string;
  position: LeadingGroupPosition;
  job_title?: string | null;
  from_date: string;
  to_date?: string | null;
  user_id?: number | null;
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

  ...userOperations,

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
