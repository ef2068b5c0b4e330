// Reports for the arithmetic checker's tests: one table 三 row, a 2021-format report with every cell zero
// unless given, the shared example rebuilt from its non-zero cells and a tiny hand-made year.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportIssue } from './report-arithmetic.ts';
import type { AnnualReport2021, ApplicantCounts, ReviewCounts } from './report-types.ts';

// The report contract (schemas/) is in the repository; without it, the tests that need the file skip
// with a notice.
export const root = fileURLToPath(new URL('../../../', import.meta.url));
export function sharedFile(relative: string): string | undefined {
  return [`${root}${relative}`, `${root}docs/${relative}`].find((p) => existsSync(p));
}
export const SCHEMA_FILE = sharedFile('schemas/annual-report.schema.json');
export const EXAMPLE_FILE = sharedFile('schemas/examples/report-2021.json');

/** One table 三 row: the six applicant columns, then the hand-computed 总计. */
export function row(
  naturalPerson: number,
  business: number,
  researchInstitution: number,
  publicInterestOrg: number,
  legalServiceOrg: number,
  otherOrg: number,
  total: number,
): ApplicantCounts {
  return { naturalPerson, business, researchInstitution, publicInterestOrg, legalServiceOrg, otherOrg, total };
}
export const zero = () => row(0, 0, 0, 0, 0, 0, 0);
export const review = (
  upheld: number,
  corrected: number,
  other: number,
  pending: number,
  total: number,
): ReviewCounts => ({
  upheld,
  corrected,
  other,
  pending,
  total,
});

export interface Table3Input {
  newReceived: ApplicantCounts;
  carriedOver: ApplicantCounts;
  total: ApplicantCounts;
  carriedForward: ApplicantCounts;
  cells?: Record<string, ApplicantCounts>; // 'granted' or 'withheld.stateSecret' etc.; the rest are zero
}

/** A 2021-format report with every table 三 cell zero unless given. */
export function report(t3: Table3Input, extra: Partial<AnnualReport2021> = {}): AnnualReport2021 {
  const outcomes: AnnualReport2021['applications']['outcomes'] = {
    granted: zero(),
    partiallyGranted: zero(),
    withheld: {
      stateSecret: zero(),
      prohibitedByLaw: zero(),
      endangersSecurityOrStability: zero(),
      thirdPartyRights: zero(),
      internalAffairs: zero(),
      processInformation: zero(),
      enforcementFiles: zero(),
      administrativeQuery: zero(),
    },
    unableToProvide: { notHeld: zero(), needsCreation: zero(), unclearAfterCorrection: zero() },
    notProcessed: {
      petitionOrComplaint: zero(),
      duplicate: zero(),
      publication: zero(),
      massRepeated: zero(),
      confirmation: zero(),
    },
    otherHandling: { noCorrection: zero(), feeNotPaid: zero(), other: zero() },
    total: t3.total,
  };
  for (const [path, counts] of Object.entries(t3.cells ?? {})) {
    const [group, key] = path.split('.') as [string, string | undefined];
    if (key) (outcomes as unknown as Record<string, Record<string, ApplicantCounts>>)[group]![key] = counts;
    else (outcomes as unknown as Record<string, ApplicantCounts>)[group] = counts;
  }
  return {
    format: '2021',
    agency: { code: 'yueyang-hrss', name: '岳阳市人力资源和社会保障局', parentCode: 'yueyang' },
    year: 2025,
    scope: 'agency',
    generatedAt: '2026-01-15T09:00:00+08:00',
    narrative: { overview: '（总体情况）', problems: '（存在的主要问题及改进情况）', other: '（其他需要报告的事项）' },
    proactive: {
      regulations: { issued: 0, repealed: 0, inForce: 0 },
      normativeDocuments: { issued: 3, repealed: 1, inForce: 27 },
      licences: { decisions: 412 },
      penalties: { decisions: 9 },
      coercion: { decisions: 0 },
      administrativeFees: { amountTenThousandYuan: 0 },
    },
    applications: {
      newReceived: t3.newReceived,
      carriedOver: t3.carriedOver,
      outcomes,
      carriedForward: t3.carriedForward,
    },
    reviewAndLitigation: {
      reconsideration: review(1, 0, 0, 0, 1),
      litigationDirect: review(0, 0, 0, 1, 1),
      litigationAfterReconsideration: review(0, 0, 0, 0, 0),
    },
    processingFees: { collectedYuan: 0, applicationsCharged: 0 },
    ...extra,
  };
}

// The shared example (schemas/examples/report-2021.json), rebuilt from its non-zero cells. Columns:
// 自然人, 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他, 总计 — totals added by hand:
//   一 14+3+0+1+2+0 = 20;  二 2+0+0+0+1+0 = 3;  四 1+1+0+0+1+0 = 3
//   三(七) per column: 6+2+1+3+1+1+1 = 15 | 1+1 = 2 | 0 | 1 | 1+1 = 2 | 0 | 9+3+1+4+1+1+1 = 20
//   (a): 20 + 3 = 23 = 20 + 3; 自然人 14 + 2 = 16 = 15 + 1; 法律服务机构 2 + 1 = 3 = 2 + 1.
export const example = (): AnnualReport2021 =>
  report({
    newReceived: row(14, 3, 0, 1, 2, 0, 20),
    carriedOver: row(2, 0, 0, 0, 1, 0, 3),
    cells: {
      granted: row(6, 1, 0, 1, 1, 0, 9),
      partiallyGranted: row(2, 1, 0, 0, 0, 0, 3),
      'withheld.thirdPartyRights': row(1, 0, 0, 0, 0, 0, 1),
      'unableToProvide.notHeld': row(3, 0, 0, 0, 1, 0, 4),
      'unableToProvide.needsCreation': row(1, 0, 0, 0, 0, 0, 1),
      'notProcessed.petitionOrComplaint': row(1, 0, 0, 0, 0, 0, 1),
      'otherHandling.noCorrection': row(1, 0, 0, 0, 0, 0, 1),
    },
    total: row(15, 2, 0, 1, 2, 0, 20),
    carriedForward: row(1, 1, 0, 0, 1, 0, 3),
  });

// A tiny hand-made year: 3 natural persons and 1 business apply, 1 natural person carried over.
// 2 disclosed, 1 not held (the business), 1 fee unpaid, 1 still open at year end.
// 自然人: 3 + 1 = 4 = (2 + 1) + 1; 商业企业: 1 + 0 = 1 = 1 + 0; 总计: 4 + 1 = 5 = 4 + 1.
export const tiny = (): AnnualReport2021 =>
  report({
    newReceived: row(3, 1, 0, 0, 0, 0, 4),
    carriedOver: row(1, 0, 0, 0, 0, 0, 1),
    cells: {
      granted: row(2, 0, 0, 0, 0, 0, 2),
      'unableToProvide.notHeld': row(0, 1, 0, 0, 0, 0, 1),
      'otherHandling.feeNotPaid': row(1, 0, 0, 0, 0, 0, 1),
    },
    total: row(3, 1, 0, 0, 0, 0, 4),
    carriedForward: row(1, 0, 0, 0, 0, 0, 1),
  });

export const brief = (issues: readonly ReportIssue[]) => issues.map((i) => [i.code, i.severity, i.table, ...i.cells]);
const COLUMNS7 = [
  'naturalPerson',
  'business',
  'researchInstitution',
  'publicInterestOrg',
  'legalServiceOrg',
  'otherOrg',
  'total',
];
export const SIX = COLUMNS7.slice(0, 6);
