// Public surface of the reconsideration module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { reconsiderationService } from './reconsideration.service.ts';
export { reconsiderationCounts } from './reconsideration.store.ts';
export { reviewCasesOfApplication } from './reconsideration.store.ts';
