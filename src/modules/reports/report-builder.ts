// The annual report as a pure function of its queries' results (no database, no clock: the caller
// passes generatedAt). Three templates: 2021 (国办公开办函〔2021〕30号), 2019 trial (reports for 2019 and
// 2020, docs/domain/annual-report.md#format-2019) and 2008 (narrative under the 2007 Regulation, Art. 32;
// docs/domain/annual-report.md#format-2008).
import {
  PROACTIVE_2008_CHANNEL_KEYS,
  REVIEW_GROUP_KEYS,
  REVIEW_COLUMNS,
  type AnnualReport,
  type AnnualReport2008,
  type AnnualReport2021,
  type Provenance,
  type ReportAgency,
  type ReportScope,
  type ReviewAndLitigation2021,
} from './report-types.ts';
import { computeTable3 } from './table3.ts';
import { sumFigures, ZERO, type Figure, type RecordId } from './queries/figure.ts';
import type { ApplicationFact } from './queries/applications.ts';
import type { FeeFigures } from './queries/fees.ts';
import type { NormativeFigures } from './queries/normative-documents.ts';
import type { ExternalFigures } from './queries/external.ts';
import { draftNarrative2008, draftNarrative2021 } from './narrative.ts';
import type { ReportInputs } from './report-inputs.ts';
import { defaultTemplate, type ReportTemplate } from './report-formats.ts';

export type { ReportAgencyInfo, ReportInputs } from './report-inputs.ts';

export interface BuiltReport {
  readonly template: ReportTemplate;
  /** The machine-readable report; a 2019-template report is carried in the 2021 shape (see below). */
  readonly report: AnnualReport;
  /** Figures whose source module is not available: shown, never hidden behind a zero. */
  readonly unavailable: readonly string[];
}

/** The fields every format shares; the narrative is drafted once the figures are in. */
const header = (inputs: ReportInputs) => ({
  agency: { code: inputs.agency.code, name: inputs.agency.name, parentCode: inputs.agency.parentCode ?? null },
  year: inputs.year,
  scope: inputs.scope,
  generatedAt: inputs.generatedAt,
  narrative: {} as Record<string, string>,
});

const put = (prov: Provenance, key: string, f: Figure) => {
  if (f.ids.length) prov[key] = [...f.ids];
};

function reviewTable(external: ExternalFigures, prov: Provenance): ReviewAndLitigation2021 {
  const out = {} as ReviewAndLitigation2021;
  for (const g of REVIEW_GROUP_KEYS) {
    const row = {} as ReviewAndLitigation2021[typeof g];
    for (const c of REVIEW_COLUMNS) {
      const f = external.reviews?.[g][c] ?? ZERO;
      row[c] = f.value;
      put(prov, `reviewAndLitigation.${g}.${c}`, f);
    }
    out[g] = row;
  }
  return out;
}

function build2021(inputs: ReportInputs, template: '2019' | '2021'): AnnualReport2021 {
  const provenance: Provenance = {};
  const t3 = computeTable3(inputs.applications, inputs.year);
  Object.assign(provenance, t3.provenance);
  const n = inputs.normative;
  for (const row of ['regulations', 'normativeDocuments'] as const) {
    for (const col of ['issued', 'repealed', 'inForce'] as const)
      put(provenance, `proactive.${row}.${col}`, n[row][col]);
  }
  const y = inputs.external.yearly;
  for (const row of ['licences', 'penalties', 'coercion'] as const)
    put(provenance, `proactive.${row}.decisions`, y?.[row] ?? ZERO);
  put(provenance, 'processingFees.applicationsCharged', {
    value: inputs.fees.chargedApplicationIds.length,
    ids: inputs.fees.chargedApplicationIds,
  });
  const reviewAndLitigation = reviewTable(inputs.external, provenance);
  const report: AnnualReport2021 = {
    format: '2021',
    ...header(inputs),
    proactive: {
      regulations: {
        issued: n.regulations.issued.value,
        repealed: n.regulations.repealed.value,
        inForce: n.regulations.inForce.value,
      },
      normativeDocuments: {
        issued: n.normativeDocuments.issued.value,
        repealed: n.normativeDocuments.repealed.value,
        inForce: n.normativeDocuments.inForce.value,
      },
      licences: { decisions: y?.licences.value ?? 0 },
      penalties: { decisions: y?.penalties.value ?? 0 },
      coercion: { decisions: y?.coercion.value ?? 0 },
      administrativeFees: { amountTenThousandYuan: y?.administrativeFeesTenThousandYuan ?? 0 },
    },
    applications: t3.table,
    reviewAndLitigation,
    processingFees: {
      collectedYuan: inputs.fees.collectedYuan,
      applicationsCharged: inputs.fees.chargedApplicationIds.length,
    },
    provenance,
  };
  if (template === '2019') {
    // The schema has no 2019 shape. Its table 三 is the 2021 one with （六） unsplit and its table 四 is
    // identical, so the report is carried in the 2021 shape (schema-valid, all identities hold) and
    // marked; the 2019 table 二 columns (本年新制作/本年新公开/对外公开总数量, 上一年项目数量/本年增减)
    // have no records behind them here and are left to the narrative.
    report.comparison = {
      template: '2019',
      note: '2019 trial format (国办公开办函〔2019〕60号) carried in the 2021 shape; table 三 (六) is the sum of its three sub-rows',
    };
  }
  report.narrative = draftNarrative2021(report, inputs);
  return report;
}

function growth(current: number, previous: number | null): number | null {
  if (previous === null || previous === 0) return null;
  return Math.round((current / previous - 1) * 1000) / 10;
}

function build2008(inputs: ReportInputs): AnnualReport2008 {
  const provenance: Provenance = {};
  const ext = inputs.external;
  const byChannel: AnnualReport2008['proactive']['byChannel'] = {};
  const channelFigures = Object.entries(ext.byChannel ?? {});
  for (const [k, f] of channelFigures) {
    if ((PROACTIVE_2008_CHANNEL_KEYS as readonly string[]).includes(k)) {
      byChannel[k as keyof typeof byChannel] = f.value;
      put(provenance, `proactive.byChannel.${k}`, f);
    }
  }
  const total = ext.totalPublished ?? sumFigures(channelFigures.map(([, f]) => f));
  put(provenance, 'proactive.totalPublished', total);
  const website = ext.websiteItems ?? ZERO;
  put(provenance, 'proactive.websitePublished', website);
  const byCategory = ext.byCategory
    ? Object.fromEntries(Object.entries(ext.byCategory).map(([k, f]) => [k, f.value]))
    : undefined;
  const received = inputs.received;
  const byApplicationChannel: Record<string, number> = {};
  for (const r of received) byApplicationChannel[r.channel] = (byApplicationChannel[r.channel] ?? 0) + 1;
  const answered = received.filter((r) => r.outcome && r.outcomeOn && r.outcomeOn <= `${inputs.year}-12-31`);
  const byOutcome: Record<string, number> = {};
  for (const r of answered) byOutcome[r.outcome!] = (byOutcome[r.outcome!] ?? 0) + 1;
  put(provenance, 'applications.received', { value: received.length, ids: received.map((r) => r.id) });
  put(provenance, 'applications.answered', { value: answered.length, ids: answered.map((r) => r.id) });
  // 收费及减免: processing-fee events and the 2007-era cost fees (docs/domain/readings.md#fees-2007).
  const cost = inputs.fees.costFees;
  const union = (a: readonly RecordId[], b: readonly RecordId[]) => [...new Set([...a, ...b])];
  const yuan = (n: number) => Math.round(n * 100) / 100;
  const collectedYuan = yuan(inputs.fees.collectedYuan + (cost?.collectedYuan ?? 0));
  const waivedYuan = yuan(inputs.fees.waivedYuan + (cost?.waivedYuan ?? 0));
  put(provenance, 'fees.collectedYuan', {
    value: 0,
    ids: union(inputs.fees.chargedApplicationIds, cost?.collectedApplicationIds ?? []),
  });
  put(provenance, 'fees.waivedYuan', {
    value: 0,
    ids: union(inputs.fees.waivedApplicationIds, cost?.waivedApplicationIds ?? []),
  });
  const reconsiderations = ext.reviews?.reconsideration.total ?? ZERO;
  const lawsuits = sumFigures([
    ext.reviews?.litigationDirect.total ?? ZERO,
    ext.reviews?.litigationAfterReconsideration.total ?? ZERO,
  ]);
  put(provenance, 'reviewAndLitigation.reconsiderations', reconsiderations);
  put(provenance, 'reviewAndLitigation.lawsuits', lawsuits);
  if (ext.powerItems) put(provenance, 'proactive.powerCatalogItems', ext.powerItems);
  if (ext.workflows) put(provenance, 'proactive.serviceWorkflows', ext.workflows);
  const previous = inputs.previousWebsiteItems?.value ?? null;
  const report: AnnualReport2008 = {
    format: '2008',
    ...header(inputs),
    proactive: {
      totalPublished: total.value,
      websitePublished: website.value,
      previousYearWebsitePublished: previous,
      websiteGrowthPercent: growth(website.value, previous),
      byChannel,
      ...(byCategory ? { byCategory } : {}),
      ...(ext.powerItems ? { powerCatalogItems: ext.powerItems.value } : {}),
      ...(ext.workflows ? { serviceWorkflows: ext.workflows.value } : {}),
      // The mailbox's own counts beside the carriers: byChannel.mailbox and .hotline stay what the
      // channel records say was published there (the 702 of 2013), these say what was handled.
      ...(ext.mailbox ? { interaction: { ...ext.mailbox } } : {}),
    },
    applications: { received: received.length, byChannel: byApplicationChannel, answered: answered.length, byOutcome },
    fees: { collectedYuan, waivedYuan },
    reviewAndLitigation: { reconsiderations: reconsiderations.value, lawsuits: lawsuits.value },
    provenance,
  };
  report.narrative = draftNarrative2008(report, inputs);
  return report;
}

/** The report of one template from the queries' results. Pure. */
export function buildAnnualReport(
  inputs: ReportInputs,
  template: ReportTemplate = defaultTemplate(inputs.year),
): BuiltReport {
  const report = template === '2008' ? build2008(inputs) : build2021(inputs, template);
  return { template, report, unavailable: inputs.external.unavailable };
}
