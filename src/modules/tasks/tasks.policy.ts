// Supervisors and the disclosure office assign duties; a unit head reports its unit's task done;
// everyone in the workflow sees the tasks of their unit (drafters and unit heads) or agency.
import { anyRoleOver, definePolicies } from '../../platform/policy.ts';

export const taskPolicies = definePolicies({
  'tasks.read': anyRoleOver(
    'drafter',
    'unit_head',
    'confidentiality_reviewer',
    'disclosure_officer',
    'leader_in_charge',
    'principal_leader',
    'supervisor',
  ),
  'tasks.assign': anyRoleOver('disclosure_officer', 'supervisor'),
  'tasks.complete': anyRoleOver('unit_head', 'disclosure_officer'),
});
