// Who may manage the organisation. The system administrator runs agencies, units, users and
// the business roles; the security administrator locks, unlocks and resets accounts and
// grants the admin roles (三员分立); the disclosure office keeps its leading group current.
import { anyRoleOver, definePolicies, roleOver } from '../../platform/policy.ts';

export const organisationPolicies = definePolicies({
  'organisation.read': anyRoleOver('system_admin', 'security_admin'),
  'organisation.agency.manage': roleOver('system_admin'),
  'organisation.unit.manage': roleOver('system_admin'),
  'organisation.leading_group.manage': anyRoleOver('system_admin', 'disclosure_officer'),
  'organisation.user.read': anyRoleOver('system_admin', 'security_admin'),
  'organisation.user.manage': roleOver('system_admin'),
  /** Business roles: system admin. Admin roles: security admin (checked per role in the route). */
  'organisation.role.assign': anyRoleOver('system_admin', 'security_admin'),
  'organisation.role.assign_content': roleOver('system_admin'),
  'organisation.role.assign_admin': roleOver('security_admin'),
  'organisation.user.secure': roleOver('security_admin'),
});
