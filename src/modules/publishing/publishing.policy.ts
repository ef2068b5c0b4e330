// Who may do what with information items. Resources are the item's agency and responsible
// unit, so a drafter or unit head acts only within their unit and the agency-wide roles within
// their agency. The three admin roles touch no content (三员分立); the system admin only
// configures the review chain (publishing.configure). The supervisor only reads.
import { anyRoleOver, definePolicies, roleOver } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';

/** Roles that take part in the workflow (the `requires` of workflow.ts rows). */
export const workflowRoles = [
  'drafter',
  'unit_head',
  'confidentiality_reviewer',
  'disclosure_officer',
  'leader_in_charge',
  'principal_leader',
] as const satisfies readonly Role[];
export type WorkflowRole = (typeof workflowRoles)[number];

/** Readers: the workflow roles and the supervisor (whose reach includes subordinate agencies). */
export const readerRoles: readonly Role[] = [...workflowRoles, 'supervisor'];

export const publishingPolicies = definePolicies({
  'publishing.read': anyRoleOver(...readerRoles),
  'publishing.draft': roleOver('drafter'),
  /** Route-level gate of POST …/transition; the table row's role is checked on the item. */
  'publishing.transition': anyRoleOver(...workflowRoles),
  'publishing.mask': anyRoleOver('drafter', 'unit_head', 'confidentiality_reviewer', 'disclosure_officer'),
  'publishing.pii_override': roleOver('confidentiality_reviewer'),
  'publishing.validity': roleOver('disclosure_officer'),
  'publishing.correct': roleOver('disclosure_officer'),
  // 三员分立 cuts both ways: the system administrator sets the review chain (a setting, audited
  // and reviewed by the audit admin) but takes no step in it; the disclosure officer, who
  // publishes, cannot shorten the chain that gates their own publishing — they only see it.
  'publishing.configure': roleOver('system_admin'),
  'publishing.workflow_read': anyRoleOver('system_admin', 'disclosure_officer'),
  // One predicate per workflow role, named so that the service checks a table row's `requires`
  // against the item through the registry like every other permission.
  'publishing.step.drafter': roleOver('drafter'),
  'publishing.step.unit_head': roleOver('unit_head'),
  'publishing.step.confidentiality_reviewer': roleOver('confidentiality_reviewer'),
  'publishing.step.disclosure_officer': roleOver('disclosure_officer'),
  'publishing.step.leader_in_charge': roleOver('leader_in_charge'),
  'publishing.step.principal_leader': roleOver('principal_leader'),
});

export function stepPolicy(role: Role): string {
  return `publishing.step.${role}`;
}
