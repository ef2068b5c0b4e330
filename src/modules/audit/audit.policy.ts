import { definePolicies, roleOver } from '../../platform/policy.ts';

// Only the audit administrator reads the log (三员分立); nobody can change it — there is no
// action for that at all.
export const auditPolicies = definePolicies({
  'audit.read': roleOver('audit_admin'),
});
