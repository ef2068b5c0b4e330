// Public surface of the applications module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { APPLICANT_COLUMNS, APPLICANT_KEYS, type ApplicantColumn, type ApplicantKey } from './applicant-columns.ts';
export { dueWindow } from './applications.clock.ts';
export { createApplicationsService } from './applications.service.ts';
export { encryptClearApplicantNames } from './applicant-names.ts';
export type { DueWindow } from './applications.store.ts';
export { currentStatus } from './applications.ts';
export { chineseDate } from './notices/official-docx.ts';
export {
  APPLICANT_KINDS,
  APPLICANT_KIND_COLUMNS,
  OUTCOMES,
  OUTCOME_CODES,
  TABLE3_OUTCOMES_HEADER,
  TABLE3_ROWS_2019,
  TABLE3_ROWS_2021,
  TOTAL_COLUMN,
  isOutcomeCode,
  outcomeRow2021,
  type ApplicantKind,
  type OutcomeCode,
  type Table3Row,
} from './outcome.ts';
export { formatTrackingCode, normaliseTrackingCode } from './tracking.ts';
export { applicationsStore } from './applications.store.ts';
export { applicationCases } from './read-contracts.ts';
export { applicationFeeEvents, costFees2007Entries } from './read-contracts.ts';
export { registerLinkedReviews, type LinkedReviewsLookup } from './linked-reviews.ts';
