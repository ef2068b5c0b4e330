// TypeScript shape of `schemas/annual-report.schema.json` (the machine-readable annual report).
// The key lists are data so that code walking a table (arithmetic checks, exports, roll-ups)
// iterates the same keys the types are built from; a key added here appears everywhere.
// format '2021' follows 国办公开办函〔2021〕30号 (docs/domain/annual-report.md#format-2021); format '2008' carries the
// statistics behind a narrative report under the 2007 Regulation (docs/domain/annual-report.md#format-2008).

// The applicant columns are the applications module's (its outcome mapping fills them).
export {
  APPLICANT_KEYS,
  APPLICANT_COLUMNS,
  type ApplicantKey,
  type ApplicantColumn,
} from '../applications/outcomes.ts';
import type { ApplicantColumn } from '../applications/outcomes.ts';

/** One row of table 三; total = sum of the six kinds (docs/domain/annual-report.md#check-c). */
export type ApplicantCounts = Record<ApplicantColumn, number>;

export const WITHHELD_KEYS = [
  'stateSecret',
  'prohibitedByLaw',
  'endangersSecurityOrStability',
  'thirdPartyRights',
  'internalAffairs',
  'processInformation',
  'enforcementFiles',
  'administrativeQuery',
] as const;
export type WithheldKey = (typeof WITHHELD_KEYS)[number];

export const UNABLE_KEYS = ['notHeld', 'needsCreation', 'unclearAfterCorrection'] as const;
export type UnableKey = (typeof UNABLE_KEYS)[number];

export const NOT_PROCESSED_KEYS = [
  'petitionOrComplaint',
  'duplicate',
  'publication',
  'massRepeated',
  'confirmation',
] as const;
export type NotProcessedKey = (typeof NOT_PROCESSED_KEYS)[number];

export const OTHER_HANDLING_KEYS = ['noCorrection', 'feeNotPaid', 'other'] as const;
export type OtherHandlingKey = (typeof OTHER_HANDLING_KEYS)[number];

/** The (三)–(六) groups of table 三 that have numbered sub-rows, with their sub-row keys. */
export const OUTCOME_GROUPS = {
  withheld: WITHHELD_KEYS,
  unableToProvide: UNABLE_KEYS,
  notProcessed: NOT_PROCESSED_KEYS,
  otherHandling: OTHER_HANDLING_KEYS,
} as const;
export type OutcomeGroupKey = keyof typeof OUTCOME_GROUPS;

export interface Outcomes2021 {
  /** （一）予以公开 */
  granted: ApplicantCounts;
  /** （二）部分公开 */
  partiallyGranted: ApplicantCounts;
  /** （三）不予公开 */
  withheld: Record<WithheldKey, ApplicantCounts>;
  /** （四）无法提供 */
  unableToProvide: Record<UnableKey, ApplicantCounts>;
  /** （五）不予处理 */
  notProcessed: Record<NotProcessedKey, ApplicantCounts>;
  /** （六）其他处理 */
  otherHandling: Record<OtherHandlingKey, ApplicantCounts>;
  /** （七）总计 */
  total: ApplicantCounts;
}

/** 表三 收到和处理政府信息公开申请情况 */
export interface Applications2021 {
  /** 一、本年新收政府信息公开申请数量 */
  newReceived: ApplicantCounts;
  /** 二、上年结转政府信息公开申请数量 */
  carriedOver: ApplicantCounts;
  /** 三、本年度办理结果 */
  outcomes: Outcomes2021;
  /** 四、结转下年度继续办理 */
  carriedForward: ApplicantCounts;
}

export const REVIEW_RESULT_KEYS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ReviewResultKey = (typeof REVIEW_RESULT_KEYS)[number];
export const REVIEW_COLUMNS = [...REVIEW_RESULT_KEYS, 'total'] as const;
export type ReviewColumn = (typeof REVIEW_COLUMNS)[number];
export type ReviewCounts = Record<ReviewColumn, number>;

export const REVIEW_GROUP_KEYS = ['reconsideration', 'litigationDirect', 'litigationAfterReconsideration'] as const;
export type ReviewGroupKey = (typeof REVIEW_GROUP_KEYS)[number];

/** 表四 政府信息公开行政复议、行政诉讼情况 */
export type ReviewAndLitigation2021 = Record<ReviewGroupKey, ReviewCounts>;

export interface IssuedRepealedInForce {
  /** 本年制发件数 */
  issued: number;
  /** 本年废止件数 */
  repealed: number;
  /** 现行有效件数 */
  inForce: number;
}

export interface Decisions {
  /** 本年处理决定数量 */
  decisions: number;
}

/** 表二 主动公开政府信息情况 */
export interface Proactive2021 {
  /** 第二十条第（一）项 规章 */
  regulations: IssuedRepealedInForce;
  /** 第二十条第（一）项 行政规范性文件 */
  normativeDocuments: IssuedRepealedInForce;
  /** 第二十条第（五）项 行政许可 */
  licences: Decisions;
  /** 第二十条第（六）项 行政处罚 */
  penalties: Decisions;
  /** 第二十条第（六）项 行政强制 */
  coercion: Decisions;
  /** 第二十条第（八）项 行政事业性收费 */
  administrativeFees: { /** 本年收费金额（单位：万元）, a decimal */ amountTenThousandYuan: number };
}

export interface ReportAgency {
  code: string;
  name: string;
  parentCode?: string | null;
  [extra: string]: unknown;
}

export type ReportScope = 'agency' | 'rollup';

/** Cell path (e.g. applications.outcomes.granted.total) → ids of the records counted. */
export type Provenance = Record<string, Array<string | number>>;

interface ReportBase {
  agency: ReportAgency;
  year: number;
  scope?: ReportScope;
  /** ISO 8601 date-time */
  generatedAt?: string;
  /** Narrative sections as plain text or sanitized HTML, keyed by section. */
  narrative: Record<string, string>;
  provenance?: Provenance;
}

export interface AnnualReport2021 extends ReportBase {
  format: '2021';
  proactive: Proactive2021;
  applications: Applications2021;
  reviewAndLitigation: ReviewAndLitigation2021;
  /** 六、其他需要报告的事项: 信息处理费 */
  processingFees?: { collectedYuan?: number; applicationsCharged?: number; [extra: string]: unknown };
  /** Year-over-year figures, free form. */
  comparison?: Record<string, unknown>;
}

export const PROACTIVE_2008_CHANNEL_KEYS = [
  'governmentPortal',
  'ownWebsite',
  'weibo',
  'wechat',
  'displayScreen',
  'newspaper',
  'tv',
  'hotline',
  'mailbox',
  'serviceWindow',
  'other',
] as const;
export type Proactive2008ChannelKey = (typeof PROACTIVE_2008_CHANNEL_KEYS)[number];

export interface AnnualReport2008 extends ReportBase {
  format: '2008';
  proactive: {
    /** publications on all channels in the year (在各类公开载体共发布信息) */
    totalPublished: number;
    /** items on the government portal and/or the agency's own website, each item once */
    websitePublished: number;
    previousYearWebsitePublished?: number | null;
    /** (websitePublished / previousYearWebsitePublished − 1) × 100, one decimal */
    websiteGrowthPercent?: number | null;
    byChannel: Partial<Record<Proactive2008ChannelKey, number>>;
    byCategory?: Record<string, number>;
    powerCatalogItems?: number;
    serviceWorkflows?: number;
    /** Letters to the mayor's mailbox and 12345 work orders of the year (回复市长信箱来信、办理12345工单). */
    interaction?: {
      lettersReceived: number;
      lettersAnswered: number;
      publicAnswers: number;
      ordersReceived: number;
      ordersAnswered: number;
    };
    [extra: string]: unknown;
  };
  applications: {
    received: number;
    byChannel?: Record<string, number>;
    answered?: number;
    byOutcome?: Record<string, number>;
    [extra: string]: unknown;
  };
  fees: { collectedYuan: number; waivedYuan: number; [extra: string]: unknown };
  reviewAndLitigation: { reconsiderations: number; lawsuits: number; [extra: string]: unknown };
}

export type AnnualReport = AnnualReport2021 | AnnualReport2008;
export type ReportFormat = AnnualReport['format'];
