// The 12345 intake: the disclosure office imports the centre's export for its agencies; the
// webhook's secret is a setting (三员分立: the system administrator's, as a channel endpoint's is).
import { definePolicies, roleOver } from '../../platform/policy.ts';

export const workOrderIntakePolicies = definePolicies({
  'mailbox.import': roleOver('disclosure_officer'),
  'mailbox.webhook_configure': roleOver('system_admin'),
});
