// Public surface of the search module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it). Its services come through
// search.ts, which keeps the index in step with publishing (the listener registers on import).
export { MAX_PAGE_SIZE, TOTAL_CAP, indexItem, reindexAll, removeItem, searchService } from './search.ts';
export { indexRow, type IndexRow } from './search.index.ts';
export {
  matchingIds,
  termsOf as searchTerms,
  type SearchAnswer,
  type SearchQuery,
  type SearchResult,
} from './search.service.ts';
export { INDEX_FORMAT, normalise } from './tokenizer.ts';
export { wordsOf as searchWords } from './query-terms.ts';
