// What a version of an annual report document holds and what it is checked against: the frozen
// figures (the snapshot computed when the version was made), the narrative sections, last year's
// report as it was published, and the page the public reads, rendered from the version.
import type { Executor } from '../../../db/database.ts';
import { nowIso } from '../../../platform/clock.ts';
import { computeAnnualReport } from '../report.service.ts';
import type { ReportTemplate } from '../report-formats.ts';
import type { AnnualReport } from '../report-types.ts';
import { publicationDeadline, validateReport, type AgencyKind, type ReportFinding } from '../report-validation.ts';
import { reportView } from '../report-view.ts';
import { reportBodyHtml } from '../export/html.ts';
import { unfinishedSections } from './publication.ts';
import { publicationStore as store, type DocumentRow } from './publication.store.ts';
import type { ReportDocumentVersionRow } from './publication.table.ts';

/** What a version freezes: the computed report (as BuiltReport without the agency id). */
export interface Snapshot {
  readonly template: ReportTemplate;
  readonly report: AnnualReport;
  readonly unavailable: readonly string[];
}

export function agencyKindOf(doc: Pick<DocumentRow, 'agency_kind'>): AgencyKind {
  return doc.agency_kind === 'government' ? 'government' : 'department';
}

export function snapshotOf(version: ReportDocumentVersionRow): Snapshot {
  return JSON.parse(version.figures_json) as Snapshot;
}

export function sectionsOfVersion(version: ReportDocumentVersionRow): Record<string, string> {
  return JSON.parse(version.sections_json) as Record<string, string>;
}

/** The report as this version says it: the frozen figures with the version's text. */
export function reportOfVersion(version: ReportDocumentVersionRow): AnnualReport {
  return { ...snapshotOf(version).report, narrative: sectionsOfVersion(version) } as AnnualReport;
}

export interface PreviousReport {
  readonly year: number;
  readonly publishedOn: string | null;
  readonly report: AnnualReport;
}

/**
 * Last year's report as it was published (docs/domain/annual-report.md#check-e): the carry-over is compared with the
 * figures the public read, not with last year's figures recomputed today — records corrected since
 * would otherwise hide that the published report said something else.
 */
export async function previousPublishedReport(
  db: Executor,
  agencyId: number,
  year: number,
  scope: string,
): Promise<PreviousReport | null> {
  const doc = await store.published(db, agencyId, year - 1, scope);
  const version = doc?.published_version_id ? await store.version(db, doc.published_version_id) : undefined;
  if (!doc || !version) return null;
  return { year: doc.report_year, publishedOn: doc.published_on, report: reportOfVersion(version) };
}

export interface DocumentChecks {
  readonly findings: ReportFinding[];
  readonly previous: PreviousReport | null;
  readonly deadline: string;
}

/** Validation of a version as it would be published on `publishedOn`. */
export async function checkVersion(
  db: Executor,
  doc: DocumentRow,
  version: ReportDocumentVersionRow,
  publishedOn: string,
): Promise<DocumentChecks> {
  const kind = agencyKindOf(doc);
  const previous = await previousPublishedReport(db, doc.agency_id, doc.report_year, doc.scope);
  const findings = validateReport(reportOfVersion(version), {
    agencyKind: kind,
    previous: previous?.report ?? null,
    publishedOn,
    requireSections: true,
  });
  findings.push(...unfinishedSections(doc.template as ReportTemplate, sectionsOfVersion(version), findings));
  return { findings, previous, deadline: publicationDeadline(kind, doc.report_year) };
}

/** The page the public reads, rendered from the frozen figures and the approved text. */
export function renderPublishedHtml(version: ReportDocumentVersionRow): string {
  const snapshot = snapshotOf(version);
  return reportBodyHtml(reportView(reportOfVersion(version), snapshot.template, snapshot.unavailable));
}

/** The figures of a document computed from the records as they are now. */
export async function compute(
  db: Executor,
  doc: Pick<DocumentRow, 'agency_code' | 'report_year' | 'template' | 'scope'>,
): Promise<Snapshot> {
  const built = await computeAnnualReport(db, {
    agencyCode: doc.agency_code,
    year: doc.report_year,
    template: doc.template as ReportTemplate,
    rollup: doc.scope === 'rollup',
    generatedAt: nowIso(),
  });
  return { template: built.template, report: built.report, unavailable: built.unavailable };
}
