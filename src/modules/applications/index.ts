// Public surface of the applications module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use; outcomes.ts is its light part, re-exported
// here. Everything else in the module is private (docs/adr/0018-module-boundaries.md; npm run
// check:deps enforces it).
export { dueWindow } from './applications.clock.ts';
export { createApplicationsService } from './applications.service.ts';
export { createAnswerService } from './answer.service.ts';
export { encryptClearApplicantNames } from './applicant-names.ts';
export type { DueWindow } from './applications.store.ts';
export { currentStatus } from './applications.ts';
export { chineseDate } from './notices/official-docx.ts';
// The outcome codes and table 三, also published alone (outcomes.ts) for code that must stay light.
export * from './outcomes.ts';
export { formatTrackingCode, newTrackingCode, normaliseTrackingCode } from './tracking.ts';
export { applicationsStore } from './applications.store.ts';
export { applicationCases } from './read-contracts.ts';
export { applicationFeeEvents, costFees2007Entries } from './read-contracts.ts';
export { registerLinkedReviews, type LinkedReviewsLookup } from './linked-reviews.ts';
