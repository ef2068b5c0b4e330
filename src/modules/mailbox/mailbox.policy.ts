// Who may see and handle letters and work orders: the disclosure office signs for, assigns, sends
// answers and sets limits; a unit's drafter and head see the cases assigned to their unit; the
// leaders and the supervisor read everything of their agencies (the leader in charge receives the
// escalations).
import { anyOf, definePolicies, hasRole, roleOver, type Predicate } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';

/** A unit role reads a case only once it is assigned to its unit. */
function ofAssignedUnit(role: Role): Predicate {
  const over = roleOver(role);
  return (actor, resource) => (resource ? resource.unitId != null && over(actor, resource) : hasRole(actor, role));
}

const office = roleOver('disclosure_officer');

export const mailboxPolicies = definePolicies({
  'mailbox.read': anyOf(
    office,
    roleOver('leader_in_charge'),
    roleOver('principal_leader'),
    roleOver('supervisor'),
    ofAssignedUnit('drafter'),
    ofAssignedUnit('unit_head'),
  ),
  'mailbox.manage': office,
  'mailbox.step.disclosure_officer': office,
  'mailbox.step.drafter': ofAssignedUnit('drafter'),
  'mailbox.step.unit_head': ofAssignedUnit('unit_head'),
});
