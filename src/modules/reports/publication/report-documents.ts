// Annual report documents as a kind of versioned document (platform/workflow/versioned-document.ts):
// their tables, the publishing module's workflow table narrowed to what a report does
// (publication.ts), configurable per agency under the category key 'annual_report', their audit
// subject, and what publishing adds — the personal-data scan of the text, the checks of the figures
// (or a recorded override), the page rendered from the frozen figures, and the portal's caches.
import type { Executor } from '../../../db/database.ts';
import { AppError, ConflictError } from '../../../platform/errors.ts';
import { textOf } from '../../../platform/i18n/i18n.ts';
import { scanText } from '../../../platform/pii/scanner.ts';
import type { Scoped } from '../../../platform/policy.ts';
import { versionedDocuments, type Step, type StepEffect } from '../../../platform/workflow/versioned-document.ts';
import {
  normaliseSteps,
  publicStatuses,
  publishingStore,
  type ExtraWorkflowCategory,
  REVIEW_CHAIN,
  type ReviewStep,
  type Transition,
} from '../../publishing/index.ts';
import { portalContentChanged } from '../../portal/index.ts';
import { isLate as isReportLate } from '../report-validation.ts';
import {
  ANNUAL_REPORT_CATEGORY,
  ANNUAL_REPORT_STEPS,
  blockingFindings,
  mayPublish,
  reportWorkflowTable,
} from './publication.ts';
import { reportStepPolicy } from './publication.policy.ts';
import { publicationStore as store, type DocumentRow } from './publication.store.ts';
import type { ReportDocumentVersionRow } from './publication.table.ts';
import { agencyKindOf, checkVersion, renderPublishedHtml, sectionsOfVersion } from './report-versions.ts';

export function scopeOfDocument(doc: Pick<DocumentRow, 'agency_id' | 'office_unit_id'>): Scoped {
  return { agencyId: doc.agency_id, unitId: doc.office_unit_id };
}

// The system administrator configures the report's review steps on the workflow page with the items'.
export const annualReportWorkflowCategory: ExtraWorkflowCategory = {
  key: ANNUAL_REPORT_CATEGORY,
  labelKey: 'rdoc.workflow_category',
  defaultSteps: ANNUAL_REPORT_STEPS,
};

/** The review steps of the agency's annual report (configured under 'annual_report', or built in). */
export async function reportSteps(db: Executor, agencyId: number): Promise<ReviewStep[]> {
  const row = await publishingStore.workflowConfig(db, agencyId, ANNUAL_REPORT_CATEGORY);
  return row ? normaliseSteps(JSON.parse(row.steps) as string[]) : [...ANNUAL_REPORT_STEPS];
}

export async function reportTable(db: Executor, agencyId: number): Promise<Transition[]> {
  return reportWorkflowTable(await reportSteps(db, agencyId));
}

/** The columns publishing sets: the version the public reads, its day, its page, lateness. */
type Publication = {
  readonly published_version_id: number;
  readonly published_on: string;
  readonly is_late: number;
  readonly published_html: string;
};

/**
 * Publishing a report: at most one published document per agency and year, the checks of the
 * version passed (or overridden), lateness recorded with a note in the status row.
 */
async function publication(
  { trx, doc, today }: Step<DocumentRow, Transition>,
  version: ReportDocumentVersionRow,
): Promise<{ columns: Publication; note: string | null; overridden: number | null }> {
  const other = await store.published(trx, doc.agency_id, doc.report_year);
  if (other && other.id !== doc.id) throw new ConflictError('rdoc.error.other_published', { year: doc.report_year });
  const { findings, deadline } = await checkVersion(trx, doc, version, today);
  const override = await store.override(trx, version.id);
  if (!mayPublish(findings, override !== undefined))
    throw new AppError(409, 'report_checks', textOf('rdoc.error.blocked', { n: blockingFindings(findings).length }));
  const late = isReportLate(agencyKindOf(doc), doc.report_year, today);
  return {
    columns: {
      published_version_id: version.id,
      published_on: today,
      is_late: late ? 1 : 0,
      published_html: renderPublishedHtml(version),
    },
    note: late ? textOf('rdoc.late_note', { date: deadline }).zh : null,
    overridden: override ? override.id : null,
  };
}

/** What a step of a report adds: the text's personal-data scan, publication, the portal's caches. */
async function reportStep(step: Step<DocumentRow, Transition>): Promise<StepEffect> {
  const { trx, doc, row, from, today } = step;
  const version = await reportDocuments.currentVersion(trx, doc);
  if (row.needs.includes('pii_clean')) {
    const found = Object.values(sectionsOfVersion(version)).reduce((n, text) => n + scanText(text).length, 0);
    if (found > 0) throw new AppError(409, 'pii_findings', textOf('rdoc.error.personal_data', { n: found }));
  }
  const goesPublic = publicStatuses.includes(row.to) && !publicStatuses.includes(from);
  const leavesPublic = publicStatuses.includes(from) && !publicStatuses.includes(row.to);
  const published = goesPublic ? await publication(step, version) : undefined;
  return {
    set: published?.columns,
    versionId: version.id,
    note: published?.note,
    audit: {
      version_id: version.id,
      ...(published
        ? { published_on: today, late: published.columns.is_late === 1, override_id: published.overridden }
        : {}),
    },
    // The archive and the report's page are cached: they change with this transaction.
    after: async () => {
      if (goesPublic || leavesPublic) await portalContentChanged(trx);
    },
  };
}

export const reportDocuments = versionedDocuments<DocumentRow, ReportDocumentVersionRow, Transition>({
  name: 'report document',
  tables: {
    documents: 'report_documents',
    versions: 'report_document_versions',
    history: 'report_document_status_history',
    documentColumn: 'document_id',
  },
  audit: { subjectType: 'report_document', actionPrefix: 'reports.document' },
  ...REVIEW_CHAIN,
  load: (db, id) => store.document(db, id),
  scopeOf: scopeOfDocument,
  readPolicy: 'reports.doc.read',
  stepPolicy: reportStepPolicy,
  table: (db, doc) => reportTable(db, doc.agency_id),
  prepare: reportStep,
});

/** The transitions of the table the actor may take on the document now (the buttons of its page). */
export const reportTransitionsFor = reportDocuments.transitionsFor;
export const loadDocument = reportDocuments.load;
export const currentVersionOf = reportDocuments.currentVersion;
