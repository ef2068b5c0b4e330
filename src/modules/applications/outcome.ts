// Outcomes (办理结果) of a disclosure application in the exact categories of table 三 of the annual
// report, so that a case decided today is counted in the right row without re-classification.
// Pure data plus look-ups. Row ids and labels follow docs/domain/annual-report.md#table-3-rows (2021 format,
// 国办公开办函〔2021〕30号) and §3.6 (2019 trial format, 国办公开办函〔2019〕60号: same rows, but （六） has no sub-rows).
//
// INTERPRETATION: the legal basis of each row follows docs/domain/annual-report.md#outcome-mapping, which is marked
// unverified — it is inferred from the wording of the rows and of the 2019 Regulation, not from an official
// mapping. Where §3.7 gives no article the basis list is empty rather than guessed.
import type { ApplicantColumn, ApplicantKey } from './applicant-columns.ts';

export const OUTCOME_CODES = [
  'disclosed',
  'partially_disclosed',
  'withheld_state_secret',
  'withheld_prohibited_by_law',
  'withheld_security_stability',
  'withheld_third_party_rights',
  'withheld_internal_affairs',
  'withheld_process_information',
  'withheld_enforcement_file',
  'withheld_administrative_query',
  'unable_not_held',
  'unable_needs_creation',
  'unable_unclear_after_correction',
  'not_processed_petition',
  'not_processed_duplicate',
  'not_processed_publication',
  'not_processed_excessive',
  'not_processed_confirmation',
  'other_no_correction',
  'other_fee_unpaid',
  'other',
] as const;
export type OutcomeCode = (typeof OUTCOME_CODES)[number];

export type OutcomeCategory =
  | 'disclosed'
  | 'partially_disclosed'
  | 'withheld'
  | 'unable_to_provide'
  | 'not_processed'
  | 'other_handling';

export const TABLE3_ROW_IDS_2021 = [
  'r1',
  'r2',
  'r3.1',
  'r3.2',
  'r3.3.1',
  'r3.3.2',
  'r3.3.3',
  'r3.3.4',
  'r3.3.5',
  'r3.3.6',
  'r3.3.7',
  'r3.3.8',
  'r3.4.1',
  'r3.4.2',
  'r3.4.3',
  'r3.5.1',
  'r3.5.2',
  'r3.5.3',
  'r3.5.4',
  'r3.5.5',
  'r3.6.1',
  'r3.6.2',
  'r3.6.3',
  'r3.7',
  'r4',
] as const;
export type Table3RowId2021 = (typeof TABLE3_ROW_IDS_2021)[number];

// docs/domain/annual-report.md#format-2019: the 2019 trial format is identical except that （六）其他处理 is one row.
export const TABLE3_ROW_IDS_2019 = [
  ...TABLE3_ROW_IDS_2021.filter((id) => !id.startsWith('r3.6.') && id !== 'r3.7' && id !== 'r4'),
  'r3.6',
  'r3.7',
  'r4',
] as const satisfies readonly string[];
export type Table3RowId2019 = Exclude<Table3RowId2021, 'r3.6.1' | 'r3.6.2' | 'r3.6.3'> | 'r3.6';

/** The kind of reply notice (告知书) an outcome is answered with; the generator holds the texts. */
export const REPLY_TEMPLATE_KINDS = [
  'disclosure', // Art. 36(二): provide, or say how and when to obtain
  'already_disclosed', // Art. 36(一): already proactively disclosed; say where
  'partial_disclosure', // Art. 37: separable part provided, reasons for the rest
  'non_disclosure', // Art. 36(三): not disclosed, with reasons
  'other_procedure', // Art. 36(七): handle under the special laws and regulations
  'not_exist', // Art. 36(四): information does not exist
  'not_this_agency', // Art. 36(五): not this agency's; name the responsible one if known
  'no_creation', // Art. 38: processing or analysis would be needed
  'unclear_after_correction', // Art. 30: still unclear after the correction request
  'not_an_application', // Art. 39 ¶1: petition/complaint/report, not handled as an application
  'duplicate', // Art. 36(六): not handled again
  'publication', // Art. 39 ¶2: say where the publication can be obtained
  'excessive_requests', // Art. 35: unreasonable mass or repeated requests
  'not_processed', // generic 不予处理 notice where no specific article is mapped
  'termination', // the application is no longer processed (no correction, fee not paid)
  'general', // free-form reply
] as const;
export type ReplyTemplateKind = (typeof REPLY_TEMPLATE_KINDS)[number];

export interface LegalBasis {
  readonly instrument: 'regulation_2019' | 'fee_measure_2020';
  /** Short reference, e.g. '36(三)', '39¶1', '14'. */
  readonly article: string;
  /** Citation as written in a reply notice. */
  readonly cite: string;
}

const REGULATION = '《中华人民共和国政府信息公开条例》';
const FEE_MEASURE = '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）';
const DIGITS = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals as used in article numbers (十四, 三十六). */
export function chineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`article number out of range: ${n}`);
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  return `${tens === 1 ? '' : DIGITS[tens]}十${DIGITS[n % 10]}`;
}

function art(article: number, part?: { item?: number; paragraph?: number }): LegalBasis {
  const item = part?.item ? `第（${chineseNumber(part.item)}）项` : '';
  const paragraph = part?.paragraph ? `第${chineseNumber(part.paragraph)}款` : '';
  const short = `${article}${part?.paragraph ? `¶${part.paragraph}` : ''}${part?.item ? `(${chineseNumber(part.item)})` : ''}`;
  return {
    instrument: 'regulation_2019',
    article: short,
    cite: `${REGULATION}第${chineseNumber(article)}条${paragraph}${item}`,
  };
}

// The measure's article on unpaid fees was not read (docs/domain/fees.md#payment-period: unverified), so it is cited
// whole.
const FEE_MEASURE_BASIS: LegalBasis = { instrument: 'fee_measure_2020', article: '', cite: FEE_MEASURE };

export interface OutcomeDefinition {
  readonly code: OutcomeCode;
  readonly category: OutcomeCategory;
  readonly row2021: Table3RowId2021;
  readonly row2019: Table3RowId2019;
  /** Where the count goes in AnnualReport2021 (also the provenance key prefix). */
  readonly reportPath: string;
  readonly en: string;
  /** Interpretation per docs/domain/annual-report.md#outcome-mapping (unverified); empty where it names no article. */
  readonly basis: readonly LegalBasis[];
  /** Reply notices this outcome may use; the first is the default. */
  readonly templates: readonly [ReplyTemplateKind, ...ReplyTemplateKind[]];
}

function o(
  code: OutcomeCode,
  category: OutcomeCategory,
  row2021: Table3RowId2021,
  reportPath: string,
  en: string,
  basis: readonly LegalBasis[],
  templates: readonly [ReplyTemplateKind, ...ReplyTemplateKind[]],
): OutcomeDefinition {
  const row2019 = (row2021.startsWith('r3.6.') ? 'r3.6' : row2021) as Table3RowId2019;
  return { code, category, row2021, row2019, reportPath: `applications.outcomes.${reportPath}`, en, basis, templates };
}

export const OUTCOMES: Readonly<Record<OutcomeCode, OutcomeDefinition>> = {
  // §3.7: Art. 36(二) → r3.1; Art. 36(一) (already proactively disclosed) is usually counted here too.
  disclosed: o(
    'disclosed',
    'disclosed',
    'r3.1',
    'granted',
    'Disclosed',
    [art(36, { item: 2 }), art(36, { item: 1 })],
    ['disclosure', 'already_disclosed'],
  ),
  // Art. 37: separable parts; the row's own note says a split case counts only here.
  partially_disclosed: o(
    'partially_disclosed',
    'partially_disclosed',
    'r3.2',
    'partiallyGranted',
    'Partially disclosed',
    [art(37)],
    ['partial_disclosure'],
  ),
  // Art. 14 (must not disclose) with Art. 36(三) (notice with reasons) → r3.3.1–3.
  withheld_state_secret: o(
    'withheld_state_secret',
    'withheld',
    'r3.3.1',
    'withheld.stateSecret',
    'Withheld: state secret',
    [art(14), art(36, { item: 3 })],
    ['non_disclosure'],
  ),
  withheld_prohibited_by_law: o(
    'withheld_prohibited_by_law',
    'withheld',
    'r3.3.2',
    'withheld.prohibitedByLaw',
    'Withheld: prohibited by other laws or administrative regulations',
    [art(14), art(36, { item: 3 })],
    ['non_disclosure'],
  ),
  withheld_security_stability: o(
    'withheld_security_stability',
    'withheld',
    'r3.3.3',
    'withheld.endangersSecurityOrStability',
    'Withheld: would endanger national, public or economic security or social stability',
    [art(14), art(36, { item: 3 })],
    ['non_disclosure'],
  ),
  // Art. 15: trade secrets, privacy and other third-party rights (third-party consultation: Art. 32).
  withheld_third_party_rights: o(
    'withheld_third_party_rights',
    'withheld',
    'r3.3.4',
    'withheld.thirdPartyRights',
    "Withheld: protecting third parties' lawful rights",
    [art(15), art(36, { item: 3 })],
    ['non_disclosure'],
  ),
  // Art. 16: internal affairs, process information and enforcement files may be withheld.
  withheld_internal_affairs: o(
    'withheld_internal_affairs',
    'withheld',
    'r3.3.5',
    'withheld.internalAffairs',
    'Withheld: internal affairs information',
    [art(16), art(36, { item: 3 })],
    ['non_disclosure'],
  ),
  withheld_process_information: o(
    'withheld_process_information',
    'withheld',
    'r3.3.6',
    'withheld.processInformation',
    'Withheld: process information',
    [art(16), art(36, { item: 3 })],
    ['non_disclosure'],
  ),
  withheld_enforcement_file: o(
    'withheld_enforcement_file',
    'withheld',
    'r3.3.7',
    'withheld.enforcementFiles',
    'Withheld: administrative enforcement case files',
    [art(16), art(36, { item: 3 })],
    ['non_disclosure'],
  ),
  // §3.7: Art. 36(七) (registration data and other information with its own procedure) → r3.3.8.
  withheld_administrative_query: o(
    'withheld_administrative_query',
    'withheld',
    'r3.3.8',
    'withheld.administrativeQuery',
    'Withheld: administrative enquiry matter',
    [art(36, { item: 7 })],
    ['other_procedure'],
  ),
  // §3.7: Art. 36(四) (does not exist) and 36(五) (not this agency's) → r3.4.1.
  unable_not_held: o(
    'unable_not_held',
    'unable_to_provide',
    'r3.4.1',
    'unableToProvide.notHeld',
    'Unable to provide: this agency does not hold the information',
    [art(36, { item: 4 }), art(36, { item: 5 })],
    ['not_exist', 'not_this_agency'],
  ),
  // Art. 38: “需要行政机关对现有政府信息进行加工、分析的…可以不予提供”.
  unable_needs_creation: o(
    'unable_needs_creation',
    'unable_to_provide',
    'r3.4.2',
    'unableToProvide.needsCreation',
    'Unable to provide: no existing information, it would have to be created',
    [art(38)],
    ['no_creation'],
  ),
  // Art. 30: correction requested, the corrected application is still unclear.
  unable_unclear_after_correction: o(
    'unable_unclear_after_correction',
    'unable_to_provide',
    'r3.4.3',
    'unableToProvide.unclearAfterCorrection',
    'Unable to provide: still unclear after correction',
    [art(30)],
    ['unclear_after_correction'],
  ),
  // Art. 39 ¶1: petitions, complaints and reports “不作为政府信息公开申请处理”.
  not_processed_petition: o(
    'not_processed_petition',
    'not_processed',
    'r3.5.1',
    'notProcessed.petitionOrComplaint',
    'Not processed: petition, report or complaint',
    [art(39, { paragraph: 1 })],
    ['not_an_application'],
  ),
  // Art. 36(六): “告知申请人不予重复处理”.
  not_processed_duplicate: o(
    'not_processed_duplicate',
    'not_processed',
    'r3.5.2',
    'notProcessed.duplicate',
    'Not processed: repeat application',
    [art(36, { item: 6 })],
    ['duplicate'],
  ),
  // Art. 39 ¶2: publications — “可以告知获取的途径”.
  not_processed_publication: o(
    'not_processed_publication',
    'not_processed',
    'r3.5.3',
    'notProcessed.publication',
    'Not processed: request for a public publication',
    [art(39, { paragraph: 2 })],
    ['publication'],
  ),
  // Art. 35: unreasonable requests — “告知申请人不予处理”.
  not_processed_excessive: o(
    'not_processed_excessive',
    'not_processed',
    'r3.5.4',
    'notProcessed.massRepeated',
    'Not processed: large numbers of repeated applications without good reason',
    [art(35)],
    ['excessive_requests'],
  ),
  // docs/domain/annual-report.md#outcome-mapping names no article for this row; none is guessed.
  not_processed_confirmation: o(
    'not_processed_confirmation',
    'not_processed',
    'r3.5.5',
    'notProcessed.confirmation',
    'Not processed: request to confirm or re-issue information already obtained',
    [],
    ['not_processed'],
  ),
  // Art. 30: “申请人无正当理由逾期不补正的，视为放弃申请，行政机关不再处理”.
  other_no_correction: o(
    'other_no_correction',
    'other_handling',
    'r3.6.1',
    'otherHandling.noCorrection',
    'Other: no correction in time without good reason; no longer processed',
    [art(30)],
    ['termination'],
  ),
  // Fee measure (docs/domain/fees.md#payment-period, restated by 四川): unpaid within 20 WD “视为放弃申请”.
  other_fee_unpaid: o(
    'other_fee_unpaid',
    'other_handling',
    'r3.6.2',
    'otherHandling.feeNotPaid',
    'Other: fee not paid as notified; no longer processed',
    [art(42), FEE_MEASURE_BASIS],
    ['termination'],
  ),
  other: o('other', 'other_handling', 'r3.6.3', 'otherHandling.other', 'Other', [], ['general']),
};

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
