// Public surface of the reports module: what other modules, the application (app.ts, the
// command line, the demo) and the benchmarks may use. Everything else in the module is private
// (docs/adr/0018-module-boundaries.md; npm run check:deps enforces it).
export { checkReportArithmetic } from './report-arithmetic.ts';
export { runReportReminders } from './report-reminders.ts';
export type { AnnualReport2008, AnnualReport2021 } from './report-types.ts';
export { computeAnnualReport } from './report.service.ts';
export {
  currentVersionOf,
  loadDocument,
  publishedReportDocuments,
  reportDocumentService,
  sectionsOfVersion,
  snapshotOf,
} from './publication/publication.service.ts';
export { annualReportWorkflowCategory } from './publication/report-documents.ts';
export { reportStatuses, type AgencyReportStatus } from './report-status.ts';
