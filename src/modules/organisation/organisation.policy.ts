// Who may manage the organisation. The system administrator runs agencies, units and user
// accounts; the security administrator grants every role and locks, unlocks and resets accounts
// (三员分立, docs/adr/0015); the disclosure office keeps its leading group current.
import { anyRoleOver, definePolicies, roleOver } from '../../platform/policy.ts';

export const organisationPolicies = definePolicies({
  'organisation.read': anyRoleOver('system_admin', 'security_admin'),
  'organisation.agency.manage': roleOver('system_admin'),
  'organisation.unit.manage': roleOver('system_admin'),
  'organisation.leading_group.manage': anyRoleOver('system_admin', 'disclosure_officer'),
  'organisation.user.read': anyRoleOver('system_admin', 'security_admin'),
  'organisation.user.manage': roleOver('system_admin'),
  /** Every role grant comes from the security administrator: the system administrator, who
   *  opens accounts, may not also give them powers (三员分立, docs/adr/0015). */
  'organisation.role.assign': roleOver('security_admin'),
  'organisation.role.assign_content': roleOver('security_admin'),
  'organisation.role.assign_admin': roleOver('security_admin'),
  'organisation.user.secure': roleOver('security_admin'),
});
