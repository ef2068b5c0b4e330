// Who checks received reports and follows the reporting of the agencies beneath: the supervisor
// (it receives their reports) and the disclosure office (its own report; for a government's office,
// the whole area — report-status.ts). Scoped checks (recording against an agency) use the agencies
// the actor follows.
import { anyOf, definePolicies, roleOver } from '../../platform/policy.ts';

export const reportCheckPolicies = definePolicies({
  'reports.check': anyOf(roleOver('supervisor'), roleOver('disclosure_officer')),
  'reports.status': anyOf(roleOver('supervisor'), roleOver('disclosure_officer')),
});
