// The outcome codes of a disclosure application and what each means (category, row of table 三,
// legal basis, reply notice): the data behind outcome.ts, which re-exports it with the rows.
// Outcomes (办理结果) of a disclosure application in the exact categories of table 三 of the annual
// report, so that a case decided today is counted in the right row without re-classification.
// Pure data plus look-ups. Row ids and labels follow docs/domain/annual-report.md#table-3-rows (2021 format, 国办公开办函〔2021〕30号)
// and §3.6 (2019 trial format, 国办公开办函〔2019〕60号: same rows, but （六） has no sub-rows).
//
// INTERPRETATION: the legal basis of each row follows docs/domain/annual-report.md#outcome-mapping, which is marked unverified —
// it is inferred from the wording of the rows and of the 2019 Regulation, not from an official
// mapping. Where §3.7 gives no article the basis list is empty rather than guessed.

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

// The measure's article on unpaid fees was not read (docs/domain/fees.md#payment-period: unverified), so it is cited whole.
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
