// Public surface of the catalog-import module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { HistoricalWriter, writeBatch, type HistoricalItem, type RowFailure } from './historical.service.ts';
export { readRows, readUploadedRows, type SheetOptions } from './spreadsheet.ts';
