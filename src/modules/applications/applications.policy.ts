// Who may do what with disclosure applications. The disclosure office handles all of its
// agency's applications (registering, recording steps, replying, seeing full personal data);
// drafters and unit heads read the cases assigned to their unit; the agency's leaders read all
// of them; the supervisor sees the counts only. The three admin roles see nothing (三员分立).
import { anyOf, definePolicies, hasRole, roleOver, type Predicate } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';
import { approvesReply, headsOffice, isApprovalScope, REPLY_APPROVERS, APPROVER_ROLE } from './reply-approvers.ts';

/** A unit-scoped role reads a case only when it is assigned to the role's unit: an unassigned
 *  case is the disclosure office's alone (roleOver would treat "no unit" as agency-wide). */
function assignedToUnit(role: Role): Predicate {
  const over = roleOver(role);
  return (actor, resource) => (resource ? resource.unitId != null && over(actor, resource) : hasRole(actor, role));
}

const office = roleOver('disclosure_officer');
/** The head of the agency's disclosure office reads all its cases (the drafts they may approve);
 *  known only with a case whose scope names the office (console.routes.tsx loads it). */
const officeHead: Predicate = (actor, resource) => isApprovalScope(resource) && headsOffice(actor, resource);
/** Approving a drafted answer: one of the approvers the case's agency allows (reply-approvers.ts;
 *  default the office head or above). Without a case (the route-level check), holding any role
 *  that may be chosen is enough; the case check then decides, answering 404 as out of reach. */
const replyApprover: Predicate = (actor, resource) => {
  if (!resource) return REPLY_APPROVERS.some((a) => hasRole(actor, APPROVER_ROLE[a]));
  return isApprovalScope(resource) && approvesReply(actor, resource);
};
const readers = anyOf(
  office,
  officeHead,
  roleOver('leader_in_charge'),
  roleOver('principal_leader'),
  assignedToUnit('unit_head'),
  assignedToUnit('drafter'),
);

export const applicationPolicies = definePolicies({
  /** The list page: readers see cases, the supervisor the counts. */
  'applications.list': anyOf(readers, roleOver('supervisor')),
  'applications.read': readers,
  'applications.handle': office,
  /** Approving (or returning) the office's drafted answer: the roles the agency chose among the
   *  head of its disclosure office (a unit head of the office's unit), the leader in charge and the
   *  principal leader — by default any of them (reply-approvers.ts). */
  'applications.approve_reply': replyApprover,
  /** Full identity number, phone, address, e-mail (audited as application.personal_data_view). */
  'applications.personal_data': office,
  /** The office's notice templates (告知书模板): read, preview and save new versions. */
  'notice_templates.manage': office,
});
