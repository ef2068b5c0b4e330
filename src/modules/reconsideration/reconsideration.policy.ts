// Who may see and record reconsideration and litigation cases: the disclosure office records
// them (it answers for the agency's decisions); the agency's leaders and the supervisor read them.
import { anyOf, definePolicies, roleOver } from '../../platform/policy.ts';

const office = roleOver('disclosure_officer');

export const reconsiderationPolicies = definePolicies({
  'reconsideration.read': anyOf(
    office,
    roleOver('leader_in_charge'),
    roleOver('principal_leader'),
    roleOver('supervisor'),
  ),
  'reconsideration.manage': office,
});
