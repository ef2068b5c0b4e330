// Public surface of the organisation module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { agencySubtree, buildAgencyTree, flattenAgencyTree } from './agency-tree.ts';
export { organisationService } from './organisation.service.ts';
export { organisationStore } from './organisation.store.ts';
export type { AgencyRow } from './organisation.table.ts';
export { DEFAULT_INDEX_TEMPLATE } from './organisation.ts';
export { agencyDirectory, roleDirectory, unitDirectory, userDirectory } from './read-contracts.ts';
export { activeUnits } from './read-contracts.ts';
export { credentialsStore } from './credentials.store.ts';
