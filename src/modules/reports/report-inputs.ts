// What the annual report is computed from (report-builder.ts builds it, narrative.ts drafts the
// text from it; both import it from here rather than from each other).
import type { ReportAgency, ReportScope } from './report-types.ts';
import type { Figure } from './queries/figure.ts';
import type { ApplicationFact } from './queries/applications.ts';
import type { FeeFigures } from './queries/fees.ts';
import type { NormativeFigures } from './queries/normative-documents.ts';
import type { ExternalFigures } from './queries/external.ts';

export interface ReportAgencyInfo extends ReportAgency {
  /** government (Art. 49: 31 March) or department (31 January). */
  kind: string;
}

/** Everything the report is computed from: the named queries' results. */
export interface ReportInputs {
  readonly agency: ReportAgencyInfo;
  readonly year: number;
  readonly scope: ReportScope;
  /** Agencies counted (the agency, or it and all beneath it). */
  readonly agencyCount: number;
  readonly applications: readonly ApplicationFact[];
  /** Applications received in the year with their channel (2008 narrative). */
  readonly received: readonly { id: number; channel: string; outcome: string | null; outcomeOn: string | null }[];
  readonly normative: NormativeFigures;
  readonly fees: FeeFigures;
  readonly external: ExternalFigures;
  /** Website items of the previous year (year-over-year growth); null when unknown. */
  readonly previousWebsiteItems: Figure | null;
  readonly generatedAt: string;
}
