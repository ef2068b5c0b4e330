// Who may approve the office's drafted answer, per agency (issue 15 item 10). Art. 33 ¶2 names the
// 政府信息公开工作机构负责人 for an extension; for the answer itself the Regulation names no signer, so
// each agency chooses among the head of its disclosure office (the unit head of the unit the agency
// names as its disclosure office), the leader in charge and the principal leader. The default is
// "the office head or above": any of the three.
import type { Actor, Scoped } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';

export const REPLY_APPROVERS = ['office_head', 'leader_in_charge', 'principal_leader'] as const;
export type ReplyApprover = (typeof REPLY_APPROVERS)[number];

/** Where an agency has not chosen: the office head or above. */
export const DEFAULT_REPLY_APPROVERS: readonly ReplyApprover[] = REPLY_APPROVERS;

/** A case (or an agency) as the approval rule sees it: where it lives, the agency's disclosure
 *  office unit and the approvers the agency allows. */
export interface ApprovalScope extends Scoped {
  readonly officeUnitId: number | null;
  readonly approvers: readonly ReplyApprover[];
}

export function isReplyApprover(value: unknown): value is ReplyApprover {
  return typeof value === 'string' && (REPLY_APPROVERS as readonly string[]).includes(value);
}

/** The stored list ("office_head,principal_leader"); unknown codes are dropped, and an empty or
 *  missing list is the default. */
export function parseReplyApprovers(stored: string | null | undefined): readonly ReplyApprover[] {
  const list = (stored ?? '').split(',').filter(isReplyApprover);
  return list.length ? REPLY_APPROVERS.filter((a) => list.includes(a)) : DEFAULT_REPLY_APPROVERS;
}

export function isApprovalScope(resource: Scoped | undefined): resource is ApprovalScope {
  return resource !== undefined && 'approvers' in resource && 'officeUnitId' in resource;
}

/** The platform's roles an approver code stands for (the office head is a unit head of the office). */
export const APPROVER_ROLE: Record<ReplyApprover, Role> = {
  office_head: 'unit_head',
  leader_in_charge: 'leader_in_charge',
  principal_leader: 'principal_leader',
};

/** The actor heads the agency's disclosure office: a unit-head grant over exactly that unit. */
export function headsOffice(actor: Actor, scope: ApprovalScope): boolean {
  return (
    scope.officeUnitId !== null &&
    actor.grants.some((g) => g.role === 'unit_head' && g.agencyId === scope.agencyId && g.unitId === scope.officeUnitId)
  );
}

/** The actor is one of the approvers the agency allows, over this agency. */
export function approvesReply(actor: Actor, scope: ApprovalScope): boolean {
  return scope.approvers.some((a) =>
    a === 'office_head' ? headsOffice(actor, scope) : (actor.reach.get(APPROVER_ROLE[a])?.has(scope.agencyId) ?? false),
  );
}
