// Table 三 of the annual report: its rows and applicant columns, and the row an outcome is
// counted in. The outcome codes and their definitions are in outcome-definitions.ts,
// re-exported here so that importers keep one name for the subject.
import type { ApplicantColumn, ApplicantKey } from './applicant-columns.ts';
import {
  OUTCOME_CODES,
  OUTCOMES,
  TABLE3_ROW_IDS_2019,
  TABLE3_ROW_IDS_2021,
  type OutcomeCode,
  type OutcomeDefinition,
  type Table3RowId2021,
} from './outcome-definitions.ts';

export * from './outcome-definitions.ts';

export interface Table3Row {
  readonly id: string;
  /** Exact label as printed in the table (sub-rows keep their “1.” numbering). */
  readonly label: string;
  readonly en: string;
  /** The merged group cell above a numbered sub-row, e.g. （三）不予公开. */
  readonly group?: { readonly id: string; readonly label: string; readonly en: string };
  /** Path in AnnualReport2021 (2019 r3.6 has none: the 2021 schema splits it). */
  readonly reportPath?: string;
}

const GROUPS = {
  'r3.3': { id: 'r3.3', label: '（三）不予公开', en: 'Not disclosed' },
  'r3.4': { id: 'r3.4', label: '（四）无法提供', en: 'Unable to provide' },
  'r3.5': { id: 'r3.5', label: '（五）不予处理', en: 'Not processed' },
  'r3.6': { id: 'r3.6', label: '（六）其他处理', en: 'Other handling' },
} as const;

// docs/domain/annual-report.md#table-3-rows [read in the source], except the （六） sub-rows
// (docs/domain/open-questions.md#six-sub-rows).
const LABELS_2021: Readonly<Record<Table3RowId2021, string>> = {
  r1: '一、本年新收政府信息公开申请数量',
  r2: '二、上年结转政府信息公开申请数量',
  'r3.1': '（一）予以公开',
  'r3.2': '（二）部分公开（区分处理的，只计这一情形，不计其他情形）',
  'r3.3.1': '1.属于国家秘密',
  'r3.3.2': '2.其他法律行政法规禁止公开',
  'r3.3.3': '3.危及“三安全一稳定”',
  'r3.3.4': '4.保护第三方合法权益',
  'r3.3.5': '5.属于三类内部事务信息',
  'r3.3.6': '6.属于四类过程性信息',
  'r3.3.7': '7.属于行政执法案卷',
  'r3.3.8': '8.属于行政查询事项',
  'r3.4.1': '1.本机关不掌握相关政府信息',
  'r3.4.2': '2.没有现成信息需要另行制作',
  'r3.4.3': '3.补正后申请内容仍不明确',
  'r3.5.1': '1.信访举报投诉类申请',
  'r3.5.2': '2.重复申请',
  'r3.5.3': '3.要求提供公开出版物',
  'r3.5.4': '4.无正当理由大量反复申请',
  'r3.5.5': '5.要求行政机关确认或重新出具已获取信息',
  'r3.6.1': '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请',
  'r3.6.2': '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请',
  'r3.6.3': '3.其他',
  'r3.7': '（七）总计',
  r4: '四、结转下年度继续办理',
};

/** The group header cell spanning rows r3.1 … r3.7 (rowspan 22 in 2021, 20 in 2019). */
export const TABLE3_OUTCOMES_HEADER = { id: 'r3', label: '三、本年度办理结果', en: 'Outcomes this year' } as const;

const FIXED_ROWS: Readonly<Record<'r1' | 'r2' | 'r3.7' | 'r4', { en: string; reportPath: string }>> = {
  r1: { en: 'New applications received this year', reportPath: 'applications.newReceived' },
  r2: { en: 'Applications carried over from last year', reportPath: 'applications.carriedOver' },
  'r3.7': { en: 'Total', reportPath: 'applications.outcomes.total' },
  r4: { en: 'Carried forward to next year', reportPath: 'applications.carriedForward' },
};

function groupOf(id: string): Table3Row['group'] {
  const key = id.split('.').slice(0, 2).join('.');
  return id.split('.').length === 3 ? GROUPS[key as keyof typeof GROUPS] : undefined;
}

function buildRow2021(id: Table3RowId2021): Table3Row {
  const fixed = FIXED_ROWS[id as keyof typeof FIXED_ROWS];
  if (fixed) return { id, label: LABELS_2021[id], en: fixed.en, reportPath: fixed.reportPath };
  const outcome = OUTCOME_CODES.map((c) => OUTCOMES[c]).find((d) => d.row2021 === id)!;
  const group = groupOf(id);
  return { id, label: LABELS_2021[id], en: outcome.en, reportPath: outcome.reportPath, ...(group ? { group } : {}) };
}

/** Table 三 rows of the 2021 format in printed order. */
export const TABLE3_ROWS_2021: readonly Table3Row[] = TABLE3_ROW_IDS_2021.map(buildRow2021);

const R36_2019: Table3Row = { id: 'r3.6', label: GROUPS['r3.6'].label, en: GROUPS['r3.6'].en };

/** Table 三 rows of the 2019 trial format in printed order (docs/domain/annual-report.md#format-2019). */
export const TABLE3_ROWS_2019: readonly Table3Row[] = TABLE3_ROW_IDS_2019.map((id) =>
  id === 'r3.6' ? R36_2019 : buildRow2021(id as Table3RowId2021),
);

export function isOutcomeCode(value: unknown): value is OutcomeCode {
  return typeof value === 'string' && (OUTCOME_CODES as readonly string[]).includes(value);
}

function definition(code: OutcomeCode): OutcomeDefinition {
  if (!isOutcomeCode(code)) throw new RangeError(`unknown outcome code ${JSON.stringify(code)}`);
  return OUTCOMES[code];
}

/** The table 三 row (2021 format) an outcome is counted in. */
export function outcomeRow2021(code: OutcomeCode): Table3Row {
  const id = definition(code).row2021;
  return TABLE3_ROWS_2021.find((r) => r.id === id)!;
}

/** The table 三 row (2019 trial format) an outcome is counted in: the （六） codes share r3.6. */
export function outcomeRow2019(code: OutcomeCode): Table3Row {
  const id = definition(code).row2019;
  return TABLE3_ROWS_2019.find((r) => r.id === id)!;
}

// Table 三 columns (docs/domain/annual-report.md#table-3): 自然人, then 法人或其他组织 split five ways, then 总计.
export const APPLICANT_KINDS = [
  'natural_person',
  'business',
  'research_institution',
  'public_interest_org',
  'legal_service_org',
  'other_org',
] as const;
export type ApplicantKind = (typeof APPLICANT_KINDS)[number];

export interface ApplicantColumnInfo {
  /** Column key in AnnualReport2021 (applicantCounts). */
  readonly column: ApplicantColumn;
  /** Header as printed. */
  readonly label: string;
  /** The merged header above it, for the five organisation kinds. */
  readonly parent: '法人或其他组织' | null;
  readonly en: string;
}

export const APPLICANT_KIND_COLUMNS: Readonly<
  Record<ApplicantKind, ApplicantColumnInfo & { readonly column: ApplicantKey }>
> = {
  natural_person: { column: 'naturalPerson', label: '自然人', parent: null, en: 'Natural person' },
  business: { column: 'business', label: '商业企业', parent: '法人或其他组织', en: 'Business' },
  research_institution: {
    column: 'researchInstitution',
    label: '科研机构',
    parent: '法人或其他组织',
    en: 'Research institution',
  },
  public_interest_org: {
    column: 'publicInterestOrg',
    label: '社会公益组织',
    parent: '法人或其他组织',
    en: 'Public-interest organisation',
  },
  legal_service_org: {
    column: 'legalServiceOrg',
    label: '法律服务机构',
    parent: '法人或其他组织',
    en: 'Legal-service organisation',
  },
  other_org: { column: 'otherOrg', label: '其他', parent: '法人或其他组织', en: 'Other organisation' },
};

export const TOTAL_COLUMN: ApplicantColumnInfo = { column: 'total', label: '总计', parent: null, en: 'Total' };

/** The table 三 column an applicant kind is counted in. */
export function applicantColumn(kind: ApplicantKind): ApplicantKey {
  return APPLICANT_KIND_COLUMNS[kind].column;
}
