// Power items and service guides are drafted by drafters (their carrying item then walks the
// review workflow); the yearly figures of table 二 are the disclosure office's.
import { anyRoleOver, definePolicies, roleOver } from '../../platform/policy.ts';
import { readerRoles } from '../publishing/index.ts';

export const powerCatalogPolicies = definePolicies({
  'power_catalog.read': anyRoleOver(...readerRoles),
  'power_catalog.edit': roleOver('drafter'),
  'figures.read': anyRoleOver('disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor'),
  'figures.edit': roleOver('disclosure_officer'),
});
