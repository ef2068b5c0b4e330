import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { cellPath, checkReportArithmetic, reportPasses, type ReportIssue } from './report-arithmetic.ts';
import type {
  AnnualReport,
  AnnualReport2008,
  AnnualReport2021,
  ApplicantCounts,
  ReviewCounts,
} from './report-types.ts';

// The report contract (schemas/) is in the repository; without it, the tests that need the file skip
// with a notice.
const root = fileURLToPath(new URL('../../../', import.meta.url));
function sharedFile(relative: string): string | undefined {
  return [`${root}${relative}`, `${root}docs/${relative}`].find((p) => existsSync(p));
}
const SCHEMA_FILE = sharedFile('schemas/annual-report.schema.json');
const EXAMPLE_FILE = sharedFile('schemas/examples/report-2021.json');

/** One table 三 row: the six applicant columns, then the hand-computed 总计. */
function row(
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
const zero = () => row(0, 0, 0, 0, 0, 0, 0);
const review = (upheld: number, corrected: number, other: number, pending: number, total: number): ReviewCounts => ({
  upheld,
  corrected,
  other,
  pending,
  total,
});

interface Table3Input {
  newReceived: ApplicantCounts;
  carriedOver: ApplicantCounts;
  total: ApplicantCounts;
  carriedForward: ApplicantCounts;
  cells?: Record<string, ApplicantCounts>; // 'granted' or 'withheld.stateSecret' etc.; the rest are zero
}

/** A 2021-format report with every table 三 cell zero unless given. */
function report(t3: Table3Input, extra: Partial<AnnualReport2021> = {}): AnnualReport2021 {
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
const example = (): AnnualReport2021 =>
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
const tiny = (): AnnualReport2021 =>
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

const brief = (issues: readonly ReportIssue[]) => issues.map((i) => [i.code, i.severity, i.table, ...i.cells]);
const COLUMNS7 = [
  'naturalPerson',
  'business',
  'researchInstitution',
  'publicInterestOrg',
  'legalServiceOrg',
  'otherOrg',
  'total',
];
const SIX = COLUMNS7.slice(0, 6);

describe('the shared example and hand-made reports pass', () => {
  it('the rebuilt example equals schemas/examples/report-2021.json', {
    skip: EXAMPLE_FILE ? false : 'report-2021.json not found',
  }, () => {
    assert.deepEqual(JSON.parse(readFileSync(EXAMPLE_FILE!, 'utf8')), example());
  });

  it('the shared example file has no issues', { skip: EXAMPLE_FILE ? false : 'report-2021.json not found' }, () => {
    const issues = checkReportArithmetic(JSON.parse(readFileSync(EXAMPLE_FILE!, 'utf8')) as AnnualReport);
    assert.deepEqual(issues, []);
  });

  it('the example and the tiny report have no issues', () => {
    assert.deepEqual(checkReportArithmetic(example()), []);
    assert.deepEqual(checkReportArithmetic(tiny()), []);
    assert.ok(reportPasses([]));
  });

  it('decimal amounts and an absent processingFees are fine', () => {
    const r = example();
    r.proactive.administrativeFees.amountTenThousandYuan = 12.35;
    r.processingFees = { collectedYuan: 400.5, applicationsCharged: 2 };
    assert.deepEqual(checkReportArithmetic(r), []);
    delete r.processingFees;
    assert.deepEqual(checkReportArithmetic(r), []);
  });

  it('the 2008 format has no table identities', () => {
    const old: AnnualReport2008 = {
      format: '2008',
      agency: { code: 'yueyang-hrss', name: '岳阳市人力资源和社会保障局' },
      year: 2013,
      narrative: {},
      proactive: { totalPublished: 10, websitePublished: 5, byChannel: {} },
      applications: { received: 2 },
      fees: { collectedYuan: 0, waivedYuan: 0 },
      reviewAndLitigation: { reconsiderations: 0, lawsuits: 0 },
    };
    assert.deepEqual(checkReportArithmetic(old), []);
  });
});

describe('(a) 一 + 二 = 三(七) + 四 per column', () => {
  it('reports the brief example wording exactly', () => {
    const r = tiny();
    r.applications.newReceived.total = 5; // 5 + 1 ≠ 4 + 1; the row sum (3 + 1 = 4) breaks too
    const issues = checkReportArithmetic(r);
    assert.deepEqual(brief(issues), [
      [
        'table3_balance',
        'error',
        '三',
        '三/newReceived/total',
        '三/carriedOver/total',
        '三/outcomes.total/total',
        '三/carriedForward/total',
      ],
      ['table3_row_total', 'error', '三', '三/newReceived/total', ...SIX.map((c) => `三/newReceived/${c}`)],
    ]);
    assert.equal(issues[0]!.message.zh, '表三“总计”列：一(5) + 二(1) ≠ 三(七)(4) + 四(1)');
    assert.equal(issues[0]!.message.en, 'Table 3, column "Total": r1 (5) + r2 (1) ≠ r3.7 (4) + r4 (1)');
    assert.equal(
      issues[1]!.message.zh,
      '表三“一 本年新收政府信息公开申请数量”行：总计(5) ≠ 自然人(3) + 商业企业(1) + 科研机构(0) + 社会公益组织(0) + 法律服务机构(0) + 其他（法人或其他组织）(0)',
    );
    assert.equal(reportPasses(issues), false);
  });

  it('an application lost in one column: carried forward too small', () => {
    const r = example();
    r.applications.carriedForward = row(0, 1, 0, 0, 1, 0, 2); // 自然人 and 总计 lose one
    const issues = checkReportArithmetic(r);
    assert.deepEqual(brief(issues), [
      [
        'table3_balance',
        'error',
        '三',
        '三/newReceived/naturalPerson',
        '三/carriedOver/naturalPerson',
        '三/outcomes.total/naturalPerson',
        '三/carriedForward/naturalPerson',
      ],
      [
        'table3_balance',
        'error',
        '三',
        '三/newReceived/total',
        '三/carriedOver/total',
        '三/outcomes.total/total',
        '三/carriedForward/total',
      ],
    ]);
    assert.equal(issues[0]!.message.zh, '表三“自然人”列：一(14) + 二(2) ≠ 三(七)(15) + 四(0)');
    assert.equal(issues[1]!.message.zh, '表三“总计”列：一(20) + 二(3) ≠ 三(七)(20) + 四(2)');
  });
});

describe('(b) 三(七) = sum of the outcome rows', () => {
  it('an outcome counted but not added to the total', () => {
    const r = example();
    r.applications.outcomes.granted = row(7, 1, 0, 1, 1, 0, 10); // one more natural person, row consistent
    const issues = checkReportArithmetic(r);
    assert.deepEqual(
      issues.map((i) => [i.code, i.cells[0], i.cells.length]),
      [
        ['table3_outcome_total', '三/outcomes.total/naturalPerson', 22],
        ['table3_outcome_total', '三/outcomes.total/total', 22],
      ],
    );
    assert.ok(issues[0]!.cells.includes('三/outcomes.granted/naturalPerson'));
    assert.ok(issues[0]!.cells.includes('三/outcomes.otherHandling.other/naturalPerson'));
    assert.equal(
      issues[0]!.message.zh,
      '表三“自然人”列：三(七)(15) ≠ 三(一)至三(六)各项之和(16)：三(一)(7) + 三(二)(2) + 三(三)4(1) + 三(四)1(3) + 三(四)2(1) + 三(五)1(1) + 三(六)1(1)，其余各项为0',
    );
    assert.equal(
      issues[0]!.message.en,
      'Table 3, column "Natural person": r3.7 (15) ≠ sum of rows r3.1–r3.6.3 (16): r3.1 (7) + r3.2 (2) + r3.3.4 (1) + r3.4.1 (3) + r3.4.2 (1) + r3.5.1 (1) + r3.6.1 (1); all other rows 0',
    );
  });

  it('a total with no outcomes behind it', () => {
    const r = tiny();
    r.applications.outcomes.otherHandling.feeNotPaid = zero(); // (a) involves only 三(七), so it still holds
    const issues = checkReportArithmetic(r);
    assert.deepEqual(
      issues.map((i) => i.code),
      ['table3_outcome_total', 'table3_outcome_total'],
    );
    assert.match(
      issues[0]!.message.zh,
      /^表三“自然人”列：三\(七\)\(3\) ≠ 三\(一\)至三\(六\)各项之和\(2\)：三\(一\)\(2\)，其余各项为0$/,
    );
  });
});

describe('(c) 总计 = the six applicant columns, per row', () => {
  it('a row total mistyped', () => {
    const r = example();
    r.applications.outcomes.withheld.thirdPartyRights.total = 0; // the sum of 三(三)4 is 1
    r.applications.outcomes.withheld.stateSecret.total = 1; // keeps (b) true for 总计
    const issues = checkReportArithmetic(r);
    assert.deepEqual(brief(issues), [
      [
        'table3_row_total',
        'error',
        '三',
        '三/outcomes.withheld.stateSecret/total',
        ...SIX.map((c) => `三/outcomes.withheld.stateSecret/${c}`),
      ],
      [
        'table3_row_total',
        'error',
        '三',
        '三/outcomes.withheld.thirdPartyRights/total',
        ...SIX.map((c) => `三/outcomes.withheld.thirdPartyRights/${c}`),
      ],
    ]);
    assert.equal(
      issues[0]!.message.zh,
      '表三“三(三)1 属于国家秘密”行：总计(1) ≠ 自然人(0) + 商业企业(0) + 科研机构(0) + 社会公益组织(0) + 法律服务机构(0) + 其他（法人或其他组织）(0)',
    );
    assert.equal(
      issues[1]!.message.en,
      'Table 3, row r3.3.4 "Withheld: protecting third parties\' lawful rights": total (0) ≠ natural person (1) + business (0) + research institution (0) + public-interest organisation (0) + legal-service organisation (0) + other organisation (0)',
    );
  });

  it('names r3.2 without its long note', () => {
    const r = example();
    r.applications.outcomes.partiallyGranted.total = 4;
    r.applications.outcomes.granted.total = 8; // 总计 column of (b) still 20
    const issues = checkReportArithmetic(r);
    assert.deepEqual(
      issues.map((i) => i.cells[0]),
      ['三/outcomes.granted/total', '三/outcomes.partiallyGranted/total'],
    );
    assert.match(issues[1]!.message.zh, /^表三“三\(二\) 部分公开”行：总计\(4\) ≠ /);
  });
});

describe('(d) table 四 group totals', () => {
  it('a reconsideration total that does not add up', () => {
    const r = example();
    r.reviewAndLitigation.reconsideration.total = 2;
    r.reviewAndLitigation.litigationAfterReconsideration = review(0, 1, 0, 0, 0);
    const issues = checkReportArithmetic(r);
    assert.deepEqual(brief(issues), [
      [
        'table4_group_total',
        'error',
        '四',
        '四/reconsideration/total',
        '四/reconsideration/upheld',
        '四/reconsideration/corrected',
        '四/reconsideration/other',
        '四/reconsideration/pending',
      ],
      [
        'table4_group_total',
        'error',
        '四',
        '四/litigationAfterReconsideration/total',
        '四/litigationAfterReconsideration/upheld',
        '四/litigationAfterReconsideration/corrected',
        '四/litigationAfterReconsideration/other',
        '四/litigationAfterReconsideration/pending',
      ],
    ]);
    assert.equal(
      issues[0]!.message.zh,
      '表四“行政复议”：总计(2) ≠ 结果维持(1) + 结果纠正(0) + 其他结果(0) + 尚未审结(0)',
    );
    assert.equal(
      issues[1]!.message.en,
      'Table 4, litigation after reconsideration: total (0) ≠ upheld (0) + corrected (1) + other result (0) + pending (0)',
    );
  });
});

describe('(e) carry-over against last year', () => {
  const previous = (carriedForward: ApplicantCounts, extra: Partial<AnnualReport2021> = {}): AnnualReport2021 => {
    // 2024: 4 natural persons and 2 legal-service organisations; everything granted but the carry-over.
    const newReceived = row(4, 0, 0, 0, 2, 0, 6);
    const granted = row(
      4 - carriedForward.naturalPerson,
      0,
      0,
      0,
      2 - carriedForward.legalServiceOrg,
      0,
      6 - carriedForward.total,
    );
    return report(
      { newReceived, carriedOver: zero(), cells: { granted }, total: granted, carriedForward },
      { year: 2024, ...extra },
    );
  };

  it('matching figures give nothing', () => {
    const last = previous(row(2, 0, 0, 0, 1, 0, 3));
    assert.deepEqual(checkReportArithmetic(last), []);
    assert.deepEqual(checkReportArithmetic(example(), last), []);
  });

  it('a mismatch is a warning per column, naming both years’ cells', () => {
    const issues = checkReportArithmetic(example(), previous(row(3, 0, 0, 0, 1, 0, 4)));
    assert.deepEqual(
      issues.map((i) => [i.code, i.severity, i.cells, i.previousYearCells]),
      [
        ['carry_over_mismatch', 'warning', ['三/carriedOver/naturalPerson'], ['三/carriedForward/naturalPerson']],
        ['carry_over_mismatch', 'warning', ['三/carriedOver/total'], ['三/carriedForward/total']],
      ],
    );
    assert.equal(
      issues[0]!.message.zh,
      '表三“自然人”列：本年度二、上年结转(2) ≠ 2024年度报告四、结转下年度继续办理(3)',
    );
    assert.equal(reportPasses(issues), true, 'warnings alone pass');
  });

  it('a report of another year or agency is not compared', () => {
    const wrongYear = checkReportArithmetic(example(), previous(row(9, 0, 0, 0, 1, 0, 10), { year: 2023 }));
    assert.deepEqual(brief(wrongYear), [['previous_report_mismatch', 'warning', '三']]);
    assert.match(wrongYear[0]!.message.en, /year 2023 ≠ 2024/);
    const other = checkReportArithmetic(
      example(),
      previous(row(2, 0, 0, 0, 1, 0, 3), { agency: { code: 'yueyang-edu', name: '岳阳市教育局' } }),
    );
    assert.deepEqual(brief(other), [['previous_report_mismatch', 'warning', '三']]);
  });
});

describe('(f) values', () => {
  it('a negative count, and the identities it breaks', () => {
    const r = example();
    r.applications.outcomes.granted.business = -1;
    const issues = checkReportArithmetic(r);
    assert.deepEqual(
      issues.map((i) => [i.code, i.cells[0]]),
      [
        ['invalid_value', '三/outcomes.granted/business'],
        ['table3_outcome_total', '三/outcomes.total/business'],
        ['table3_row_total', '三/outcomes.granted/total'],
      ],
    );
    assert.equal(issues[0]!.message.zh, '表三“三(一) 予以公开”行“商业企业”列：-1 不是非负整数');
  });

  it('a fraction in table 四', () => {
    const r = example();
    r.reviewAndLitigation.litigationDirect.pending = 1.5;
    assert.deepEqual(
      checkReportArithmetic(r).map((i) => [i.code, i.cells[0]]),
      [
        ['invalid_value', '四/litigationDirect/pending'],
        ['table4_group_total', '四/litigationDirect/total'],
      ],
    );
  });

  it('a missing or non-numeric cell is reported once and its identities are skipped', () => {
    const r = example();
    delete (r.applications.outcomes.withheld.stateSecret as Partial<ApplicantCounts>).total;
    (r.applications.outcomes.granted as unknown as Record<string, unknown>).naturalPerson = '6';
    const issues = checkReportArithmetic(r);
    assert.deepEqual(brief(issues), [
      ['invalid_value', 'error', '三', '三/outcomes.granted/naturalPerson'],
      ['missing_value', 'error', '三', '三/outcomes.withheld.stateSecret/total'],
    ]);
    assert.equal(issues[0]!.message.zh, '表三“三(一) 予以公开”行“自然人”列："6" 不是非负整数');
    assert.equal(issues[1]!.message.en, 'Table 3, row r3.3.1 "Withheld: state secret", column "Total": value missing');
  });

  it('amounts may be decimals but not negative; table 二 counts are integers', () => {
    const r = example();
    r.proactive.administrativeFees.amountTenThousandYuan = -0.5;
    r.proactive.normativeDocuments.inForce = 2.5;
    r.processingFees = { collectedYuan: -1 };
    const issues = checkReportArithmetic(r);
    assert.deepEqual(brief(issues), [
      ['invalid_value', 'error', '二', '二/normativeDocuments/inForce'],
      ['invalid_value', 'error', '二', '二/administrativeFees/amountTenThousandYuan'],
      ['invalid_value', 'error', '六', '六/processingFees/collectedYuan'],
    ]);
    assert.equal(issues[1]!.message.zh, '表二“行政事业性收费”“本年收费金额（万元）”：-0.5 不是非负数');
  });

  it('does not throw on a report with whole tables missing', () => {
    const r = example() as unknown as Record<string, unknown>;
    delete r.reviewAndLitigation;
    const issues = checkReportArithmetic(r as unknown as AnnualReport);
    assert.equal(issues.length, 15);
    assert.ok(issues.every((i) => i.code === 'missing_value' && i.table === '四'));
  });
});

describe('cell ids', () => {
  it('map to the schema paths used by provenance', () => {
    assert.equal(
      cellPath('三/outcomes.withheld.stateSecret/total'),
      'applications.outcomes.withheld.stateSecret.total',
    );
    assert.equal(cellPath('三/newReceived/naturalPerson'), 'applications.newReceived.naturalPerson');
    assert.equal(cellPath('四/reconsideration/upheld'), 'reviewAndLitigation.reconsideration.upheld');
    assert.equal(cellPath('二/licences/decisions'), 'proactive.licences.decisions');
    assert.equal(cellPath('六/processingFees/collectedYuan'), 'processingFees.collectedYuan');
    assert.throws(() => cellPath('五/x/y'), RangeError);
  });

  it('every cell named by an issue exists in the report', () => {
    const r = example();
    for (const c of ['naturalPerson', 'total'] as const) r.applications.carriedOver[c] += 7;
    r.reviewAndLitigation.reconsideration.total = 9;
    const issues = checkReportArithmetic(r);
    assert.equal(issues.length, 3); // (a) for 自然人 and 总计, (d) for 行政复议
    for (const cell of issues.flatMap((i) => i.cells)) {
      const value = cellPath(cell)
        .split('.')
        .reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], r);
      assert.equal(typeof value, 'number', cell);
    }
  });
});

describe('JSON Schema', { skip: SCHEMA_FILE ? false : 'annual-report.schema.json not found' }, () => {
  const load = () => {
    const schema = JSON.parse(readFileSync(SCHEMA_FILE!, 'utf8')) as { $schema: string };
    assert.equal(schema.$schema, 'https://json-schema.org/draft/2020-12/schema');
    // Strict mode stays on; the schema's ["string", "integer"] unions are intended.
    const ajv = new Ajv2020({ allErrors: true, allowUnionTypes: true });
    ajvFormats.default(ajv);
    return ajv.compile(schema);
  };

  it('accepts the example and the hand-made reports', () => {
    const validate = load();
    const candidates: unknown[] = [example(), tiny()];
    if (EXAMPLE_FILE) candidates.push(JSON.parse(readFileSync(EXAMPLE_FILE, 'utf8')));
    for (const candidate of candidates) assert.ok(validate(candidate), JSON.stringify(validate.errors));
  });

  it('rejects what (f) rejects, and a misspelt key', () => {
    const validate = load();
    const negative = example();
    negative.applications.outcomes.granted.business = -1;
    assert.equal(validate(negative), false);
    const misspelt = example() as unknown as { applications: { outcomes: Record<string, unknown> } };
    misspelt.applications.outcomes.grant = misspelt.applications.outcomes.granted;
    delete misspelt.applications.outcomes.granted;
    assert.equal(validate(misspelt), false);
  });
});
