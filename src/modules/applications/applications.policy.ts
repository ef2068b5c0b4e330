// Who may do what with disclosure applications. The disclosure office handles all of its
// agency's applications (registering, recording steps, replying, seeing full personal data);
// drafters and unit heads read the cases assigned to their unit; the agency's leaders read all
// of them; the supervisor sees the counts only. The three admin roles see nothing (三员分立).
import { anyOf, definePolicies, hasRole, roleOver, type Predicate } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';

/** A unit-scoped role reads a case only when it is assigned to the role's unit: an unassigned
 *  case is the disclosure office's alone (roleOver would treat "no unit" as agency-wide). */
function assignedToUnit(role: Role): Predicate {
  const over = roleOver(role);
  return (actor, resource) => (resource ? resource.unitId != null && over(actor, resource) : hasRole(actor, role));
}

const office = roleOver('disclosure_officer');
const readers = anyOf(
  office,
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
  /** Approving (or returning) the office's drafted answer. The platform has no role for the head
   *  of the disclosure office (Art. 33's 工作机构负责人); the agency's leaders sign answers off. */
  'applications.approve_reply': anyOf(roleOver('leader_in_charge'), roleOver('principal_leader')),
  /** Full identity number, phone, address, e-mail (audited as application.personal_data_view). */
  'applications.personal_data': office,
  /** The office's notice templates (告知书模板): read, preview and save new versions. */
  'notice_templates.manage': office,
});
