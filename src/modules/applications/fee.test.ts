import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  applyWaiver,
  countBand,
  FEE_PAYMENT_WORKING_DAYS,
  FeeInputError,
  feeRegimeOn,
  feesApplyOn,
  incrementalChargeForApplication,
  quoteByCount,
  quoteByPages,
  quoteFor,
  type FeeBreakdownLine,
} from './fee.ts';
import { registerFeeCommands } from './fee.cli.ts';
import { runCommand } from '../../../test/support/cli.ts';

const l = (from: number, to: number, rateYuan: number): FeeBreakdownLine => ({
  from,
  to,
  units: to - from + 1,
  rateYuan,
  amountYuan: (to - from + 1) * rateYuan,
});

// Hand-computed from Art. 4 of 国办函〔2020〕109号 (docs/domain/fees.md#by-count): 1–10 free, 11–30 at 100,
// then bands of 10 at 200, 300, … per application, marginal.
const BY_COUNT: [n: number, total: number, breakdown: FeeBreakdownLine[]][] = [
  [0, 0, []],
  [1, 0, [l(1, 1, 0)]],
  [10, 0, [l(1, 10, 0)]],
  [11, 100, [l(1, 10, 0), l(11, 11, 100)]],
  [30, 2000, [l(1, 10, 0), l(11, 30, 100)]],
  [31, 2200, [l(1, 10, 0), l(11, 30, 100), l(31, 31, 200)]],
  // docs/domain/fees.md#worked-example: 20 × 100 + 5 × 200 = 3000.
  [35, 3000, [l(1, 10, 0), l(11, 30, 100), l(31, 35, 200)]],
  [40, 4000, [l(1, 10, 0), l(11, 30, 100), l(31, 40, 200)]],
  [41, 4300, [l(1, 10, 0), l(11, 30, 100), l(31, 40, 200), l(41, 41, 300)]],
  // 2000 + 2000 + 3000 + 4000 + 5000 + 6000 + 7000 + 8000 = 37000
  [
    100,
    37000,
    [
      l(1, 10, 0),
      l(11, 30, 100),
      l(31, 40, 200),
      l(41, 50, 300),
      l(51, 60, 400),
      l(61, 70, 500),
      l(71, 80, 600),
      l(81, 90, 700),
      l(91, 100, 800),
    ],
  ],
];

// Hand-computed from Art. 5: 1–30 free, 31–100 at 10, 101–200 at 20, 201+ at 40, marginal.
const BY_PAGES: [pages: number, total: number, breakdown: FeeBreakdownLine[]][] = [
  [0, 0, []],
  [30, 0, [l(1, 30, 0)]],
  [31, 10, [l(1, 30, 0), l(31, 31, 10)]],
  [100, 700, [l(1, 30, 0), l(31, 100, 10)]],
  [101, 720, [l(1, 30, 0), l(31, 100, 10), l(101, 101, 20)]],
  [200, 2700, [l(1, 30, 0), l(31, 100, 10), l(101, 200, 20)]],
  [201, 2740, [l(1, 30, 0), l(31, 100, 10), l(101, 200, 20), l(201, 201, 40)]],
  [500, 14700, [l(1, 30, 0), l(31, 100, 10), l(101, 200, 20), l(201, 500, 40)]],
];

describe('quoteByCount (按件计收)', () => {
  for (const [n, total, breakdown] of BY_COUNT) {
    it(`${n} applications this month → ${total} 元`, () => {
      assert.deepEqual(quoteByCount(n), { method: 'by_count', totalYuan: total, breakdown });
    });
  }

  it('bands of ten climb by 100 元/件 beyond 30', () => {
    assert.deepEqual(countBand(30), { from: 11, to: 30, rateYuan: 100 });
    assert.deepEqual(countBand(31), { from: 31, to: 40, rateYuan: 200 });
    assert.deepEqual(countBand(50), { from: 41, to: 50, rateYuan: 300 });
    assert.deepEqual(countBand(51), { from: 51, to: 60, rateYuan: 400 });
  });
});

describe('quoteByPages (按量计收)', () => {
  for (const [pages, total, breakdown] of BY_PAGES) {
    it(`${pages} pages → ${total} 元`, () => {
      assert.deepEqual(quoteByPages(pages), { method: 'by_pages', totalYuan: total, breakdown });
    });
  }
});

describe('incrementalChargeForApplication', () => {
  const cases: [previous: number, items: number, total: number, breakdown: FeeBreakdownLine[]][] = [
    [0, 0, 0, []],
    [0, 1, 0, [l(1, 1, 0)]],
    [5, 10, 500, [l(6, 10, 0), l(11, 15, 100)]],
    [10, 1, 100, [l(11, 11, 100)]],
    [28, 5, 800, [l(29, 30, 100), l(31, 33, 200)]],
    [30, 1, 200, [l(31, 31, 200)]],
    [39, 3, 800, [l(40, 40, 200), l(41, 42, 300)]],
  ];
  for (const [previous, items, total, breakdown] of cases) {
    it(`${previous} already this month + ${items} 件 → ${total} 元`, () => {
      assert.deepEqual(incrementalChargeForApplication(previous, items), {
        method: 'by_count',
        totalYuan: total,
        breakdown,
      });
    });
  }

  it('equals the difference of the month totals', () => {
    for (let previous = 0; previous <= 60; previous += 7) {
      for (let items = 0; items <= 25; items += 4) {
        assert.equal(
          incrementalChargeForApplication(previous, items).totalYuan,
          quoteByCount(previous + items).totalYuan - quoteByCount(previous).totalYuan,
          `${previous} + ${items}`,
        );
      }
    }
  });
});

describe('input validation', () => {
  const bad: unknown[] = [-1, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '3', null, undefined];
  for (const value of bad) {
    it(`rejects ${String(value)} with a FeeInputError`, () => {
      assert.throws(() => quoteByCount(value as number), FeeInputError);
      assert.throws(() => quoteByPages(value as number), FeeInputError);
      assert.throws(() => incrementalChargeForApplication(value as number, 1), FeeInputError);
      assert.throws(() => incrementalChargeForApplication(1, value as number), FeeInputError);
    });
  }

  it('carries the field and a message in both languages', () => {
    try {
      quoteByPages(-3);
      assert.fail('expected a FeeInputError');
    } catch (error) {
      assert.ok(error instanceof FeeInputError);
      assert.equal(error.code, 'invalid_fee_input');
      assert.equal(error.field, 'pages');
      assert.equal(error.value, -3);
      assert.match(error.text.zh, /非负整数/);
      assert.match(error.text.en, /non-negative integer/);
    }
  });

  it('refuses absurd sizes instead of building a huge breakdown', () => {
    assert.throws(() => quoteByCount(10_001), FeeInputError);
    assert.throws(() => incrementalChargeForApplication(9_999, 2), FeeInputError);
    assert.throws(() => quoteByPages(10_000_001), FeeInputError);
  });

  it('quoteFor quotes exactly the method the agency chose', () => {
    assert.equal(quoteFor('by_count', 35).totalYuan, 3000);
    assert.equal(quoteFor('by_pages', 35).totalYuan, 50);
  });
});

describe('dates, payment period and waivers', () => {
  it('fees apply from 2021-01-01', () => {
    assert.equal(feesApplyOn('2020-12-31'), false);
    assert.equal(feesApplyOn('2021-01-01'), true);
    assert.equal(feesApplyOn('2026-02-14'), true);
  });

  it('names the regime of earlier dates', () => {
    assert.equal(feeRegimeOn('2008-04-30'), 'none');
    assert.equal(feeRegimeOn('2008-05-01'), 'cost_fees_2008');
    assert.equal(feeRegimeOn('2019-05-14'), 'cost_fees_2008');
    assert.equal(feeRegimeOn('2019-05-15'), 'no_fee_2019');
    assert.equal(feeRegimeOn('2020-12-31'), 'no_fee_2019');
    assert.equal(feeRegimeOn('2021-01-01'), 'processing_fee_2021');
  });

  it('rejects malformed dates', () => {
    for (const d of ['2021-1-1', '20210101', '', '2021-13-01']) assert.throws(() => feesApplyOn(d), FeeInputError, d);
  });

  it('gives the applicant 20 working days to pay', () => {
    assert.equal(FEE_PAYMENT_WORKING_DAYS, 20);
  });

  it('waivers need a reason and cannot exceed the fee', () => {
    const quote = quoteByCount(35);
    const waiver = {
      ruleId: null,
      waivedYuan: 1000,
      reason: '申请人为低保对象',
      decidedBy: 'u1',
      decidedOn: '2026-03-02',
    };
    assert.deepEqual(applyWaiver(quote, waiver), { chargedYuan: 2000, waivedYuan: 1000 });
    assert.deepEqual(applyWaiver(quote, { ...waiver, waivedYuan: 3000 }), { chargedYuan: 0, waivedYuan: 3000 });
    assert.throws(() => applyWaiver(quote, { ...waiver, reason: '  ' }), FeeInputError);
    assert.throws(() => applyWaiver(quote, { ...waiver, waivedYuan: 3001 }), FeeInputError);
    assert.throws(() => applyWaiver(quote, { ...waiver, waivedYuan: -1 }), FeeInputError);
  });
});

const run = (...args: string[]) => runCommand(registerFeeCommands, args);

describe('gongkai fee quote', () => {
  it('prints the total and one line per tier', async () => {
    const r = await run('fee', 'quote', '--applications-this-month', '35');
    assert.equal(r.code, 0);
    assert.equal(r.err, '');
    const lines = r.out.trimEnd().split('\n');
    assert.match(lines[0]!, /^合计 total: 3000 元 \(按件计收/);
    assert.deepEqual(lines.slice(1, 4), [
      '  1–10: 10 × 0 元 = 0 元 (免费 free)',
      '  11–30: 20 × 100 元 = 2000 元',
      '  31–35: 5 × 200 元 = 1000 元',
    ]);
    assert.match(lines[4]!, /第四条/);
  });

  it('--json gives method, totalYuan and the breakdown', async () => {
    const r = await run('fee', 'quote', '--pages', '201', '--json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), {
      method: 'by_pages',
      totalYuan: 2740,
      breakdown: [l(1, 30, 0), l(31, 100, 10), l(101, 200, 20), l(201, 201, 40)],
    });
  });

  it('zero is a valid quote with no tiers', async () => {
    const r = await run('fee', 'quote', '--applications-this-month', '0', '--json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out), { method: 'by_count', totalYuan: 0, breakdown: [] });
  });

  const badInput: [string, string[], RegExp][] = [
    ['both options', ['--applications-this-month', '12', '--pages', '40'], /只能选其一.* \/ give only one/],
    ['neither option', [], /请给出.* \/ give one of/],
    ['a negative count', ['--applications-this-month', '-1'], /非负整数.* \/ .*non-negative integer, got "-1"/],
    ['negative pages, = form', ['--pages=-5'], /non-negative integer, got "-5"/],
    ['a fraction', ['--pages', '3.5'], /non-negative integer, got "3.5"/],
    ['a word', ['--pages', 'ten', '--json'], /non-negative integer, got "ten"/],
    ['an empty value', ['--pages', ''], /non-negative integer, got ""/],
    ['a huge count', ['--applications-this-month', '99999999'], /at most 10000/],
  ];
  for (const [what, args, message] of badInput) {
    it(`${what}: exit 2, one line on stderr in Chinese and English, nothing on stdout`, async () => {
      const r = await run('fee', 'quote', ...args);
      assert.equal(r.code, 2);
      assert.equal(r.out, '');
      assert.equal(r.err.trim().split('\n').length, 1, r.err);
      assert.match(r.err, message);
      assert.match(r.err, /[\u4e00-\u9fff]/, 'has Chinese');
      assert.doesNotMatch(r.err, /at .*\.ts:\d+/, 'no stack trace');
    });
  }
});
