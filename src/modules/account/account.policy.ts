import { definePolicies, signedIn } from '../../platform/policy.ts';

export const accountPolicies = definePolicies({
  /** Every signed-in person has a dashboard and manages their own password. */
  'dashboard.view': signedIn,
  'account.manage': signedIn,
});
