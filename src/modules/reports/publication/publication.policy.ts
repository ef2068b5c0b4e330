// Who may do what with annual report documents. The resource is the report's agency and its
// disclosure office (the unit that compiles the report), so unit-scoped roles act only when they
// belong to that office. The report is compiled by the disclosure office: a disclosure officer, or a
// drafter of the office, takes the drafter's steps of the workflow (start, edit, submit, redraft).
import { anyRoleOver, definePolicies, roleOver } from '../../../platform/policy.ts';
import type { Role } from '../../../platform/roles.ts';
import { readerRoles, stepPolicy, workflowRoles } from '../../publishing/index.ts';

export const reportDocumentPolicies = definePolicies({
  'reports.doc.read': anyRoleOver(...readerRoles),
  'reports.doc.draft': anyRoleOver('drafter', 'disclosure_officer'),
  /** Route-level gate of POST …/transition; the workflow row's role is checked on the document. */
  'reports.doc.transition': anyRoleOver(...workflowRoles),
  // Publishing figures that fail the checks is the agency head's call (the report goes out in the
  // agency's name): not the office that compiled it, which would be overriding its own checks.
  'reports.doc.override': roleOver('principal_leader'),
});

/** The permission for a workflow row's role on a report. */
export function reportStepPolicy(role: Role): string {
  return role === 'drafter' ? 'reports.doc.draft' : stepPolicy(role);
}
