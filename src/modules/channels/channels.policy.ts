// The disclosure office records publications on channels; the workflow roles and supervisors read the counts.
import { anyRoleOver, definePolicies, roleOver } from '../../platform/policy.ts';

export const channelPolicies = definePolicies({
  'channels.read': anyRoleOver('disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor'),
  'channels.record': roleOver('disclosure_officer'),
  // Endpoint URLs and signing secrets are settings (三员分立: the system administrator's).
  'channels.configure': roleOver('system_admin'),
  'channels.outbox_read': anyRoleOver(
    'disclosure_officer',
    'leader_in_charge',
    'principal_leader',
    'supervisor',
    'system_admin',
  ),
});
