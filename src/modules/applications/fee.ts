// Processing fees (信息处理费) for disclosure applications: the official tier schedules, quoted
// with a breakdown that an officer can copy into the fee notice and an applicant can check by hand.
// Pure: numbers in, quote out. Which method applies to an application is the agency's decision,
// so nothing here chooses between them.
//
// Sources (docs/domain/regulation.md#art-42, docs/domain/fees.md): Art. 42 of the 2019 Regulation allows the fee; the
// amounts come from 《政府信息公开信息处理费管理办法》(国办函〔2020〕109号) Arts. 3–5.
import type { Text } from '../../platform/i18n/i18n.ts';

export const FEE_MEASURE = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';

export type FeeMethod = 'by_count' | 'by_pages';

export const FEE_METHOD_LABELS: Readonly<Record<FeeMethod, Text & { readonly article: string }>> = {
  // Art. 4 of 国办函〔2020〕109号.
  by_count: { zh: '按件计收', en: 'by number of applications', article: '国办函〔2020〕109号 第四条' },
  // Art. 5 of 国办函〔2020〕109号.
  by_pages: { zh: '按量计收', en: 'by number of pages', article: '国办函〔2020〕109号 第五条' },
};

/** Thrown for a count or page number that is not a non-negative whole number (or absurdly large). */
export class FeeInputError extends Error {
  override name = 'FeeInputError';
  readonly code = 'invalid_fee_input';
  constructor(
    readonly field: string,
    readonly value: unknown,
    readonly text: Text,
  ) {
    super(text.en);
  }
}

export interface FeeBreakdownLine {
  /** First unit (the Nth application of the month, or the Nth page) charged at this rate. */
  readonly from: number;
  /** Last unit charged at this rate, inclusive. */
  readonly to: number;
  readonly units: number;
  readonly rateYuan: number;
  readonly amountYuan: number;
}

export interface FeeQuote {
  readonly method: FeeMethod;
  readonly totalYuan: number;
  /** One line per tier touched, free tiers included, in ascending order; empty for zero units. */
  readonly breakdown: readonly FeeBreakdownLine[];
}

// Art. 4 of 国办函〔2020〕109号: per applicant per calendar month, 10 applications (含10) are free.
export const FREE_APPLICATIONS_PER_MONTH = 10;
// Art. 4: 11–30 件 (含30) cost 100元/件.
export const COUNT_SECOND_TIER_LAST = 30;
export const COUNT_SECOND_TIER_RATE_YUAN = 100;
// Art. 4: from the 31st, “以10件为一档，每增加一档，收费标准提高100元/件”. docs/domain/fees.md#band-reading reads the bands
// as 31–40 at 200, 41–50 at 300, …; the band boundaries are that reading, not quoted text.
export const COUNT_BAND_SIZE = 10;
export const COUNT_BAND_STEP_YUAN = 100;

export interface PageTier {
  readonly from: number;
  /** Inclusive; null = no upper bound. */
  readonly to: number | null;
  readonly rateYuan: number;
}

// Art. 5 of 国办函〔2020〕109号 (tiers as listed by 新会区, docs/domain/fees.md#by-pages), per application, marginal.
// How pages are counted (paper size, electronic data) is UNVERIFIED; the caller supplies the count.
export const PAGE_TIERS: readonly PageTier[] = [
  { from: 1, to: 30, rateYuan: 0 },
  { from: 31, to: 100, rateYuan: 10 },
  { from: 101, to: 200, rateYuan: 20 },
  { from: 201, to: null, rateYuan: 40 },
];

// Not statutory: sanity limits so that a typing error cannot produce a ten-thousand-line quote
// or an amount beyond exact integer arithmetic.
export const MAX_APPLICATIONS_PER_MONTH = 10_000;
export const MAX_PAGES = 10_000_000;

// Fee notice as restated by the 四川 notice (docs/domain/fees.md#fee-notice [secondary source only]; the measure's own
// article number is UNVERIFIED): “申请人应当在收到收费通知次日起20个工作日内缴纳费用，逾期未缴纳的视为放弃申请”.
// The due date itself is computed by feePaymentDeadline in deadline.ts.
export const FEE_PAYMENT_WORKING_DAYS = 20;

// 黑龙江省财政厅 notice (docs/domain/fees.md#charging-start): “自2021年1月1日起…收取信息处理费”.
export const FEES_START_DATE = '2021-01-01';
// Art. 27 of the 2007 Regulation applied from its entry into force until the 2019 revision.
export const REGULATION_2008_IN_FORCE = '2008-05-01';
export const REGULATION_2019_IN_FORCE = '2019-05-15';

export type FeeRegime =
  /** Before the 2007 Regulation took effect: no disclosure-on-application regime at all. */
  | 'none'
  /** 2007 Regulation Art. 27: only “检索、复制、邮寄等成本费用”; Art. 28: hardship waiver. No tiers. */
  | 'cost_fees_2008'
  /** 2019 Regulation Art. 42: “不收取费用”; the processing fee awaited the measure. No tiers. */
  | 'no_fee_2019'
  /** 国办函〔2020〕109号 from 2021-01-01: the tiers in this file. */
  | 'processing_fee_2021';

const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

function assertIsoDate(date: unknown): string {
  if (typeof date !== 'string' || !ISO_DATE.test(date)) {
    throw new FeeInputError('date', date, {
      zh: `日期格式错误：${JSON.stringify(date)}（应为 YYYY-MM-DD）`,
      en: `invalid date ${JSON.stringify(date)} (expected YYYY-MM-DD)`,
    });
  }
  return date;
}

/** Which fee rules govern an application received (or a fee notice issued) on `date` (YYYY-MM-DD). */
export function feeRegimeOn(date: string): FeeRegime {
  const d = assertIsoDate(date);
  if (d < REGULATION_2008_IN_FORCE) return 'none';
  if (d < REGULATION_2019_IN_FORCE) return 'cost_fees_2008';
  if (d < FEES_START_DATE) return 'no_fee_2019';
  return 'processing_fee_2021';
}

/** Whether the tiered processing fee may be charged on `date` (YYYY-MM-DD): from 2021-01-01. */
export function feesApplyOn(date: string): boolean {
  return feeRegimeOn(date) === 'processing_fee_2021';
}

function assertCount(field: string, value: unknown, max: number): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
    throw new FeeInputError(field, value, {
      zh: `${field} 必须是非负整数，收到 ${JSON.stringify(value)}`,
      en: `${field} must be a non-negative integer, got ${JSON.stringify(value)}`,
    });
  }
  if (value > max) {
    throw new FeeInputError(field, value, {
      zh: `${field} 超出可计算范围（最大 ${max}），收到 ${value}`,
      en: `${field} is beyond the supported range (at most ${max}), got ${value}`,
    });
  }
  return value;
}

/** The rate for the nth application of the month (1-based) under Art. 4, with its band. */
export function countBand(n: number): { from: number; to: number; rateYuan: number } {
  if (n <= FREE_APPLICATIONS_PER_MONTH) return { from: 1, to: FREE_APPLICATIONS_PER_MONTH, rateYuan: 0 };
  if (n <= COUNT_SECOND_TIER_LAST)
    return { from: FREE_APPLICATIONS_PER_MONTH + 1, to: COUNT_SECOND_TIER_LAST, rateYuan: COUNT_SECOND_TIER_RATE_YUAN };
  const band = Math.floor((n - COUNT_SECOND_TIER_LAST - 1) / COUNT_BAND_SIZE); // 0 for 31–40
  const from = COUNT_SECOND_TIER_LAST + 1 + band * COUNT_BAND_SIZE;
  return {
    from,
    to: from + COUNT_BAND_SIZE - 1,
    rateYuan: COUNT_SECOND_TIER_RATE_YUAN + (band + 1) * COUNT_BAND_STEP_YUAN,
  };
}

function line(from: number, to: number, rateYuan: number): FeeBreakdownLine {
  const units = to - from + 1;
  return { from, to, units, rateYuan, amountYuan: units * rateYuan };
}

function quote(method: FeeMethod, breakdown: FeeBreakdownLine[]): FeeQuote {
  return { method, totalYuan: breakdown.reduce((sum, l) => sum + l.amountYuan, 0), breakdown };
}

/** Applications first..last of the month (1-based, inclusive) under Art. 4, marginal per Art. 3. */
function quoteCountRange(first: number, last: number): FeeQuote {
  const breakdown: FeeBreakdownLine[] = [];
  for (let n = first; n <= last; ) {
    const band = countBand(n);
    const to = Math.min(last, band.to);
    breakdown.push(line(n, to, band.rateYuan));
    n = to + 1;
  }
  return quote('by_count', breakdown);
}

/**
 * 按件计收 (Art. 4 of 国办函〔2020〕109号): the fee for the whole month of one applicant who has made
 * `applicationsThisMonth` applications (counted after splitting per “一事一申请”), “超额累进” (Art. 3).
 */
export function quoteByCount(applicationsThisMonth: number): FeeQuote {
  const n = assertCount('applicationsThisMonth', applicationsThisMonth, MAX_APPLICATIONS_PER_MONTH);
  return quoteCountRange(1, n);
}

/**
 * 按件计收 for one application that counts as `itemsInThisApplication` 件 (Art. 4: a multi-item
 * application is split “以合理的最小单位”), when the same applicant already has
 * `previousCountThisMonth` 件 this calendar month: the fee of items previous+1 … previous+items.
 * Equals quoteByCount(previous + items).totalYuan − quoteByCount(previous).totalYuan.
 */
export function incrementalChargeForApplication(
  previousCountThisMonth: number,
  itemsInThisApplication: number,
): FeeQuote {
  const previous = assertCount('previousCountThisMonth', previousCountThisMonth, MAX_APPLICATIONS_PER_MONTH);
  const items = assertCount('itemsInThisApplication', itemsInThisApplication, MAX_APPLICATIONS_PER_MONTH);
  assertCount('previousCountThisMonth + itemsInThisApplication', previous + items, MAX_APPLICATIONS_PER_MONTH);
  return quoteCountRange(previous + 1, previous + items);
}

/** 按量计收 (Art. 5 of 国办函〔2020〕109号): the fee for one application of `pages` pages, marginal (Art. 3). */
export function quoteByPages(pages: number): FeeQuote {
  const n = assertCount('pages', pages, MAX_PAGES);
  const breakdown: FeeBreakdownLine[] = [];
  for (const tier of PAGE_TIERS) {
    if (n < tier.from) break;
    breakdown.push(line(tier.from, tier.to === null ? n : Math.min(n, tier.to), tier.rateYuan));
  }
  return quote('by_pages', breakdown);
}

/**
 * Art. 3 of 国办函〔2020〕109号: one method per application, “不得同时按照两种标准重复计算”. The agency's
 * choice is recorded on the application; this only quotes the chosen one.
 */
export function quoteFor(method: FeeMethod, units: number): FeeQuote {
  return method === 'by_count' ? quoteByCount(units) : quoteByPages(units);
}

// Exemptions in the measure (articles after Art. 5) are UNVERIFIED (docs/domain/fees.md#waivers,
// docs/domain/open-questions.md#fee-measure-articles), so a
// waiver is agency configuration with the reason recorded for audit, never a built-in rule.
// The 2007 Regulation's Art. 28 hardship waiver (“确有经济困难的…可以减免”) is one precedent.
export interface FeeWaiverRule {
  readonly id: string;
  readonly agencyCode: string;
  readonly label: Text;
  /** Which method(s) the rule covers. */
  readonly appliesTo: FeeMethod | 'any';
  readonly kind: 'exempt' | 'reduce_percent' | 'reduce_yuan';
  /** Percent (0–100) for reduce_percent, yuan for reduce_yuan; ignored for exempt. */
  readonly value?: number;
  /** The local rule, notice or decision the agency relies on; null when it is discretionary. */
  readonly basis: string | null;
  readonly validFrom: string;
  readonly validTo: string | null;
}

/** A waiver granted on one application: who decided, why, and how much. */
export interface FeeWaiver {
  readonly ruleId: string | null;
  readonly waivedYuan: number;
  /** Mandatory: the audit trail must say why the fee was not charged. */
  readonly reason: string;
  readonly decidedBy: string;
  readonly decidedOn: string;
}

/** What remains payable after a waiver; rejects a waiver without a reason or larger than the fee. */
export function applyWaiver(quoteToWaive: FeeQuote, waiver: FeeWaiver): { chargedYuan: number; waivedYuan: number } {
  if (!waiver.reason.trim()) {
    throw new FeeInputError('reason', waiver.reason, {
      zh: '减免信息处理费必须记录理由',
      en: 'a fee waiver must record its reason',
    });
  }
  const waived = assertCount('waivedYuan', waiver.waivedYuan, Number.MAX_SAFE_INTEGER);
  if (waived > quoteToWaive.totalYuan) {
    throw new FeeInputError('waivedYuan', waived, {
      zh: `减免金额 ${waived} 元超过应收金额 ${quoteToWaive.totalYuan} 元`,
      en: `the waiver of ${waived} yuan exceeds the fee of ${quoteToWaive.totalYuan} yuan`,
    });
  }
  return { chargedYuan: quoteToWaive.totalYuan - waived, waivedYuan: waived };
}
