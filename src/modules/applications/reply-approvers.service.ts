// The agency's choice of who approves drafted answers (reply-approvers.ts): read for the policy's
// scope, changed by the system administrator in one transaction with its audit event.
import type { Db, Executor } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { mutate } from '../../platform/mutation.ts';
import { nowIso } from '../../platform/clock.ts';
import { issue, ValidationError } from '../../platform/errors.ts';
import { organisationStore } from '../organisation/index.ts';
import { parseReplyApprovers, REPLY_APPROVERS, type ApprovalScope, type ReplyApprover } from './reply-approvers.ts';

/** The approvers the agency allows (the default where it has not chosen). */
export async function replyApprovers(db: Executor, agencyId: number): Promise<readonly ReplyApprover[]> {
  const row = await db
    .selectFrom('agency_reply_approvers')
    .select('approvers')
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return parseReplyApprovers(row?.approvers);
}

/** A case's scope for the policies that depend on the agency's disclosure office and its approvers. */
export async function approvalScope(
  db: Executor,
  where: { agencyId: number; unitId?: number | null },
): Promise<ApprovalScope> {
  const [agency, approvers] = await Promise.all([
    organisationStore.agency(db, where.agencyId),
    replyApprovers(db, where.agencyId),
  ]);
  return { ...where, officeUnitId: agency?.disclosure_office_unit_id ?? null, approvers };
}

/** Stores the agency's choice; at least one approver must remain, or no draft could be answered. */
export async function saveReplyApprovers(
  db: Db,
  ctx: AuditContext,
  agencyId: number,
  chosen: readonly string[],
): Promise<void> {
  const approvers = REPLY_APPROVERS.filter((a) => chosen.includes(a));
  if (!approvers.length) throw new ValidationError([issue('approvers', 'reply_approvers.error.none')]);
  await mutate(db, ctx, async (trx, audit) => {
    const before = await replyApprovers(trx, agencyId);
    const row = { approvers: approvers.join(','), updated_by: ctx.actorUserId ?? null, updated_at: nowIso() };
    await trx
      .insertInto('agency_reply_approvers')
      .values({ agency_id: agencyId, ...row })
      .onConflict((oc) => oc.column('agency_id').doUpdateSet(row))
      .execute();
    await audit({
      action: 'agency.reply_approvers',
      subjectType: 'agency',
      subjectId: agencyId,
      before: { approvers: before },
      after: { approvers },
    });
  });
}
