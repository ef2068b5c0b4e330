// Who may read an agency's annual report and the records behind its figures: the disclosure office
// (it compiles the report), the agency's leaders (they approve it) and the supervisor of the agencies
// beneath (it receives their reports). Reach already includes the agencies beneath a grant.
import { anyOf, definePolicies, roleOver } from '../../platform/policy.ts';

export const reportPolicies = definePolicies({
  'reports.read': anyOf(
    roleOver('disclosure_officer'),
    roleOver('leader_in_charge'),
    roleOver('principal_leader'),
    roleOver('supervisor'),
  ),
});
