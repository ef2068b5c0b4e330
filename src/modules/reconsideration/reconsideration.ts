// Administrative reconsideration (行政复议) and administrative litigation (行政诉讼) brought over
// disclosure decisions: the vocabulary of table 四 (docs/domain/annual-report.md#table-4), the forms, and the rule
// that places a case in a cell of the table for a given year. Pure: no database, no HTTP.
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { readForm } from '../../platform/form.ts';

/** The three groups of table 四, in its column order. */
export const RECONSIDERATION_KINDS = [
  'reconsideration',
  'litigation_direct',
  'litigation_after_reconsideration',
] as const;
export type ReconsiderationKind = (typeof RECONSIDERATION_KINDS)[number];

/** 结果维持 · 结果纠正 · 其他结果 (a decided case); 尚未审结 is the absence of a result. */
export const RECONSIDERATION_RESULTS = ['upheld', 'corrected', 'other'] as const;
export type ReconsiderationResult = (typeof RECONSIDERATION_RESULTS)[number];

/** The cells of one group of table 四, as the schema names them. */
export const RECONSIDERATION_CELLS = ['upheld', 'corrected', 'other', 'pending'] as const;
export type ReconsiderationCell = (typeof RECONSIDERATION_CELLS)[number];

/** The key of each group in annual-report.schema.json (reviewAndLitigation). */
export const SCHEMA_GROUP: Record<
  ReconsiderationKind,
  'reconsideration' | 'litigationDirect' | 'litigationAfterReconsideration'
> = {
  reconsideration: 'reconsideration',
  litigation_direct: 'litigationDirect',
  litigation_after_reconsideration: 'litigationAfterReconsideration',
};

export function isReconsiderationKind(value: unknown): value is ReconsiderationKind {
  return typeof value === 'string' && (RECONSIDERATION_KINDS as readonly string[]).includes(value);
}

/**
 * Where a case stands in table 四 for `year` (Art. 50(三) of the 2019 Regulation asks for the
 * reconsiderations and lawsuits "because of disclosure work" in the year; the format leaves open
 * which year a case spanning two belongs to). The reading chosen (docs/domain/readings.md#table-4):
 * a decided case is counted with its result (结果维持 / 结果纠正 / 其他结果) in the year it was decided,
 * whatever year it was filed in; a case still undecided on 31 December (filed on or before it) is
 * 尚未审结 in that year, and is reported with its result in the year it is decided. So every result is
 * reported in exactly one year, and no case open at a year end is missing from that year's table.
 * Cases filed after the year, or decided before it, are not counted (null).
 */
export function cellFor(
  c: { filed_on: string; decided_on: string | null; result: string | null },
  year: number,
): ReconsiderationCell | null {
  const yearStart = `${year}-01-01`;
  const yearEnd = `${year}-12-31`;
  if (c.filed_on > yearEnd) return null;
  const decided =
    c.result !== null && c.decided_on !== null && (RECONSIDERATION_RESULTS as readonly string[]).includes(c.result);
  if (decided && c.decided_on! < yearStart) return null;
  if (decided && c.decided_on! <= yearEnd) return c.result as ReconsiderationResult;
  return 'pending';
}

export const caseSpec = {
  kind: { kind: 'choice', label: 'reconsideration.field.kind', required: true, choices: RECONSIDERATION_KINDS },
  body: { kind: 'text', label: 'reconsideration.field.body', required: true, max: 100 },
  case_number: { kind: 'text', label: 'reconsideration.field.case_number', max: 100 },
  applicant_name: { kind: 'text', label: 'reconsideration.field.applicant_name', max: 100 },
  filed_on: { kind: 'date', label: 'reconsideration.field.filed_on', required: true },
  application_code: { kind: 'text', label: 'reconsideration.field.application_code', max: 40 },
  prior_case_id: { kind: 'int', label: 'reconsideration.field.prior_case' },
  summary: { kind: 'text', label: 'reconsideration.field.summary', max: 2000 },
} as const;

export const resultSpec = {
  result: { kind: 'choice', label: 'reconsideration.field.result', required: true, choices: RECONSIDERATION_RESULTS },
  decided_on: { kind: 'date', label: 'reconsideration.field.decided_on', required: true },
  summary: { kind: 'text', label: 'reconsideration.field.summary', max: 2000 },
} as const;

export interface CaseInput {
  readonly kind: ReconsiderationKind;
  readonly body: string;
  readonly caseNumber: string | null;
  readonly applicantName: string | null;
  readonly filedOn: string;
  readonly applicationCode: string | null;
  readonly priorCaseId: number | null;
  readonly summary: string | null;
}

export function parseCase(body: unknown, today: string): { input: CaseInput | null; issues: ValidationIssue[] } {
  const { values: v, issues } = readForm(caseSpec, body);
  if (v.filed_on && !issues.some((i) => i.field === 'filed_on') && v.filed_on > today)
    issues.push(issue('filed_on', 'reconsideration.error.future_date'));
  if (v.prior_case_id !== null && v.kind !== 'litigation_after_reconsideration')
    issues.push(issue('prior_case_id', 'reconsideration.error.prior_only_after'));
  if (issues.length) return { input: null, issues };
  return {
    input: {
      kind: v.kind as ReconsiderationKind,
      body: v.body!,
      caseNumber: v.case_number,
      applicantName: v.applicant_name,
      filedOn: v.filed_on!,
      applicationCode: v.application_code,
      priorCaseId: v.prior_case_id,
      summary: v.summary,
    },
    issues: [],
  };
}

export function parseResult(
  body: unknown,
  filedOn: string,
  today: string,
): {
  input: { result: ReconsiderationResult; decidedOn: string; summary: string | null } | null;
  issues: ValidationIssue[];
} {
  const { values: v, issues } = readForm(resultSpec, body);
  if (v.decided_on && !issues.some((i) => i.field === 'decided_on')) {
    if (v.decided_on < filedOn)
      issues.push(issue('decided_on', 'reconsideration.error.decided_before_filed', { date: filedOn }));
    else if (v.decided_on > today) issues.push(issue('decided_on', 'reconsideration.error.future_date'));
  }
  if (issues.length) return { input: null, issues };
  return {
    input: { result: v.result as ReconsiderationResult, decidedOn: v.decided_on!, summary: v.summary },
    issues: [],
  };
}
