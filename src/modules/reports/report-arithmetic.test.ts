// The report arithmetic checker: the shared example and hand-made reports pass, (e) the carry-over against
// last year's report, (f) the values, the cell ids issues name, and the JSON Schema of the report contract.
// The in-report identities (a)–(d) are in report-arithmetic.identities.test.ts.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import ajvFormats from 'ajv-formats';
import { cellPath, checkReportArithmetic, reportPasses } from './report-arithmetic.ts';
import type { AnnualReport, AnnualReport2008, AnnualReport2021, ApplicantCounts } from './report-types.ts';
import {
  brief,
  EXAMPLE_FILE,
  example,
  report,
  row,
  SCHEMA_FILE,
  tiny,
  zero,
} from './report-arithmetic.test-support.ts';

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
