// Public surface of the reconsideration module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { createReconsiderationService, type ReconsiderationService } from './reconsideration.service.ts';
export { encryptClearReviewNames } from './review-names.ts';
export { reconsiderationCounts } from './reconsideration.store.ts';
export { reviewCasesOfApplication } from './reconsideration.store.ts';
