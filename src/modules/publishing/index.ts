// Public surface of the publishing module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { attachmentService, publishedAttachment, type StoredAttachment } from './attachments.service.ts';
export { publicationChanged } from './publication-events.ts';
export { readerRoles, stepPolicy, workflowRoles } from './publishing.policy.ts';
export {
  authorizeTransition,
  correctInTransaction,
  draftEditScope,
  draftScope,
  insertDraft,
  nextIndexNumber,
  prepareDraft,
  publishingService,
  type ItemInput,
} from './publishing.service.ts';
export { publishingStore } from './publishing.store.ts';
export type { ItemStatusHistoryTable } from './publishing.table.ts';
export {
  ART20_ITEMS,
  catalogCategories,
  disclosureDueOn,
  documentKindOf,
  isItemEvent,
  publicStatuses,
  renderIndexNumber,
  splitAgencies,
  validities,
  type ItemEvent,
  type ItemStatus,
  type Validity,
  type WorkingDays,
} from './publishing.ts';
export { sanitizeBody } from './sanitize.ts';
export { registerStructuredEntries, type StructuredEntryLookup } from './structured.ts';
export { StatusTag } from './views/item-list-page.tsx';
export { StatusHistory } from './views/status-history.tsx';
export {
  presentStatusHistory,
  type StatusHistoryEntry,
  type StatusHistoryRow,
} from './status-history.presenter.ts';
export { registerWorkflowCategory, type ExtraWorkflowCategory } from './workflow-categories.ts';
export {
  findTransition,
  normaliseSteps,
  REVIEW_CHAIN,
  workflowTable,
  type ReviewStep,
  type Transition,
} from './workflow.ts';
export {
  catalogItems,
  itemAttachments,
  itemStatusHistory,
  itemValidityHistory,
  itemVersions,
} from './read-contracts.ts';
export { latestValidityOf, validityAsOf } from './read-contracts.ts';
export {
  HistoricalStatusRows,
  insertHistoricalItem,
  reserveIndexNumbers,
  type HistoricalItemInput,
  type HistoricalWrite,
} from './historical-items.ts';
