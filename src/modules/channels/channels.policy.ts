// The disclosure office records publications on channels; the workflow roles and supervisors read the counts.
import { anyRoleOver, definePolicies, roleOver } from '../../platform/policy.ts';

export const channelPolicies = definePolicies({
  'channels.read': anyRoleOver('disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor'),
  'channels.record': roleOver('disclosure_officer'),
});
