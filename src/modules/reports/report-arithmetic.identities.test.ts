// The checker's in-report identities on hand-made reports: (a) 一 + 二 = 三(七) + 四 per column,
// (b) 三(七) = the sum of the outcome rows, (c) 总计 = the six applicant columns, (d) table 四's group totals.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { checkReportArithmetic, reportPasses } from './report-arithmetic.ts';
import { brief, example, review, row, SIX, tiny, zero } from './report-arithmetic.test-support.ts';

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
