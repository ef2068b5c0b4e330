// Who sees the oversight view (监督概览): the supervisor (监督考核人员), over the agencies of its reach —
// its agency and every agency beneath it (the platform computes that subtree at sign-in for the
// supervisor role). It sees figures, never a case: the counts of applications are broken down by
// month, not listed (issue 14: the supervisor sees counts, not tracking codes).
//
// Decided (issue 15 item 12): the disclosure office of an agency with subordinates does not get the
// view. Its reach is its own agency — the platform gives subtree reach to the supervisor and the admin
// roles only — and a predicate cannot widen it without the agency tree; the office reads its own
// agency's figures on its own lists, and follows its area's annual reports on /admin/reports/status
// (the reports module's Art. 3 rule). An agency wanting its office to oversee its subtree grants
// that officer the supervisor role.
import { definePolicies, roleOver } from '../../platform/policy.ts';

export const supervisionPolicies = definePolicies({
  'supervision.read': roleOver('supervisor'),
});
