import { definePolicies, roleOver } from '../../platform/policy.ts';

export const searchPolicies = definePolicies({
  /** The synonym dictionary is platform configuration: the system administrator keeps it. */
  'search.synonyms': roleOver('system_admin'),
});
