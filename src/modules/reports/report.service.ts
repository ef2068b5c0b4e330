// Computes an annual report: resolves the agency (and, for a roll-up, every agency beneath it), runs
// each named query once, and hands their results to the pure builder.
import type { Executor } from '../../db/database.ts';
import { agencySubtree, organisationStore } from '../organisation/index.ts';
import { applicationFacts, applicationsReceived } from './queries/applications.ts';
import { costFees2007, processingFees } from './queries/fees.ts';
import { normativeDocuments } from './queries/normative-documents.ts';
import { externalFigures } from './queries/external.ts';
import { websiteItemCount } from '../channels/index.ts';
import { buildAnnualReport, type BuiltReport, type ReportInputs } from './report-builder.ts';
import { defaultTemplate, type ReportTemplate } from './report-formats.ts';

export class ReportInputError extends Error {
  override name = 'ReportInputError';
}

export interface AnnualReportRequest {
  readonly agencyCode: string;
  readonly year: number;
  readonly template?: ReportTemplate;
  readonly rollup?: boolean;
  /** Defaults to now; pass a fixed value for reproducible output. */
  readonly generatedAt?: string;
}

/** Loads everything the report of one agency (or roll-up) and year is computed from. */
export async function loadReportInputs(
  db: Executor,
  request: AnnualReportRequest,
): Promise<ReportInputs & { agencyId: number }> {
  const agency = await organisationStore.agencyByCode(db, request.agencyCode);
  if (!agency) throw new ReportInputError(`no agency with code ${JSON.stringify(request.agencyCode)}`);
  const parent = agency.parent_id === null ? null : await organisationStore.agency(db, agency.parent_id);
  const ids = request.rollup ? await agencySubtree(db, agency.id) : [agency.id];
  const year = request.year;
  const template = request.template ?? defaultTemplate(year);
  // Each template runs only the queries whose figures it prints.
  const narrative = template === '2008';
  const [applications, received, normative, processing, costFees, external, previousWebsite] = await Promise.all([
    applicationFacts(db, ids, year),
    narrative ? applicationsReceived(db, ids, year) : [],
    normativeDocuments(db, ids, year),
    processingFees(db, ids, year),
    narrative ? costFees2007(db, ids, year) : undefined,
    externalFigures(db, ids, year, { publicationFigures: narrative }),
    narrative ? websiteItemCount(db, ids, year - 1) : null,
  ]);
  const fees = costFees ? { ...processing, costFees } : processing;
  const previousWebsiteItems = previousWebsite === null ? null : { value: previousWebsite, ids: [] };
  return {
    agencyId: agency.id,
    agency: { code: agency.code, name: agency.name, parentCode: parent?.code ?? null, kind: agency.kind },
    year,
    scope: request.rollup ? 'rollup' : 'agency',
    agencyCount: ids.length,
    applications,
    received,
    normative,
    fees,
    external,
    previousWebsiteItems,
    generatedAt: request.generatedAt ?? new Date().toISOString(),
  };
}

export async function computeAnnualReport(
  db: Executor,
  request: AnnualReportRequest,
): Promise<BuiltReport & { agencyId: number; agencyKind: string }> {
  const inputs = await loadReportInputs(db, request);
  return {
    ...buildAnnualReport(inputs, request.template ?? defaultTemplate(request.year)),
    agencyId: inputs.agencyId,
    agencyKind: inputs.agency.kind,
  };
}
