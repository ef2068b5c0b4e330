// Arithmetic checks of an annual report in the 2021 format (国办公开办函〔2021〕30号), run on reports
// this platform computes and on reports received from other agencies (`gongkai report check`).
// Pure: report in, issues out; never throws on a malformed report — a missing or non-numeric cell
// is itself an issue, and identities that involve it are skipped rather than guessed.
//
// docs/domain/annual-report.md#arithmetic: only (a) is printed in the format (the top-left cell of table 三: “第一项加第二项之和，
// 等于第三项加第四项之和”); (b)–(d) and (f) follow from the table structure and are treated as hard
// errors; (e) is a cross-year consistency warning (UNVERIFIED as a rule).
import type { Text } from '../../platform/i18n/i18n.ts';
import { APPLICANT_KIND_COLUMNS, APPLICANT_KINDS, TABLE3_ROWS_2021, TOTAL_COLUMN } from '../applications/outcomes.ts';
import {
  APPLICANT_COLUMNS,
  APPLICANT_KEYS,
  REVIEW_GROUP_KEYS,
  REVIEW_RESULT_KEYS,
  type AnnualReport,
  type ApplicantColumn,
  type ReviewColumn,
  type ReviewGroupKey,
} from './report-types.ts';

export type ReportTable = '二' | '三' | '四' | '六';
export type ReportIssueCode =
  | 'table3_balance' // (a)
  | 'table3_outcome_total' // (b)
  | 'table3_row_total' // (c)
  | 'table4_group_total' // (d)
  | 'carry_over_mismatch' // (e)
  | 'previous_report_mismatch' // (e) cannot be checked: not the previous year's report of this agency
  | 'invalid_value' // (f)
  | 'missing_value'; // (f) the cell is absent

export interface ReportIssue {
  readonly code: ReportIssueCode;
  readonly severity: 'error' | 'warning';
  readonly table: ReportTable;
  /** `<table>/<row key>/<column key>` with the schema's keys, e.g. 三/outcomes.withheld.stateSecret/total. */
  readonly cells: readonly string[];
  /** For cross-year issues: the cells of the previous year's report. */
  readonly previousYearCells?: readonly string[];
  readonly message: Text;
}

const TABLE_ROOT: Readonly<Record<ReportTable, string>> = {
  二: 'proactive',
  三: 'applications',
  四: 'reviewAndLitigation',
  六: '',
};

/** The schema path of a cell id (the key used in `provenance`), e.g. applications.newReceived.total. */
export function cellPath(cell: string): string {
  const [table, row, column] = cell.split('/');
  const root = TABLE_ROOT[table as ReportTable];
  if (root === undefined || !row || !column) throw new RangeError(`not a cell id: ${JSON.stringify(cell)}`);
  return [root, row, column].filter(Boolean).join('.');
}

function readPath(root: unknown, path: string): unknown {
  let node = root;
  for (const key of path.split('.')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const usable = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const show = (v: unknown): string =>
  typeof v === 'number' && Number.isFinite(v) ? String(v) : (JSON.stringify(v) ?? 'undefined');

// ---- table 三 vocabulary --------------------------------------------------------------------

interface Row3 {
  readonly id: string;
  /** Key path under `applications`. */
  readonly key: string;
  /** Short reference as officers write it: 一, 三(一), 三(三)4, 三(七), 四. */
  readonly ref: string;
  readonly zhName: string;
  readonly enName: string;
}

const CN = ['', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

function shortRef(id: string): string {
  const [, top, group, item] = /^r(\d)(?:\.(\d))?(?:\.(\d))?$/.exec(id) ?? [];
  return `${CN[Number(top)]}${group ? `(${CN[Number(group)]})` : ''}${item ?? ''}`;
}

const ROWS3: readonly Row3[] = TABLE3_ROWS_2021.map((r) => ({
  id: r.id,
  key: r.reportPath!.replace(/^applications\./, ''),
  ref: shortRef(r.id),
  // Drop the printed numbering and the long note of r3.2: the reference already says which row.
  zhName: r.label.replace(/^(?:[一二三四]、|（[一二三四五六七]）|\d\.)/, '').replace(/（[^）]*）$/, ''),
  enName: r.en,
}));
const row3 = (id: string): Row3 => ROWS3.find((r) => r.id === id)!;
const OUTCOME_ROWS = ROWS3.filter((r) => r.id.startsWith('r3.') && r.id !== 'r3.7');

const COLUMN_NAMES: Readonly<Record<ApplicantColumn, Text>> = {
  ...(Object.fromEntries(
    APPLICANT_KINDS.map((k) => {
      const c = APPLICANT_KIND_COLUMNS[k];
      return [c.column, { zh: c.parent && c.label === '其他' ? `其他（${c.parent}）` : c.label, en: c.en }];
    }),
  ) as Record<(typeof APPLICANT_KEYS)[number], Text>),
  total: { zh: TOTAL_COLUMN.label, en: TOTAL_COLUMN.en },
};

const cell3 = (row: Row3, column: ApplicantColumn): string => `三/${row.key}/${column}`;

// ---- table 四 vocabulary --------------------------------------------------------------------

const GROUP_NAMES: Readonly<Record<ReviewGroupKey, Text>> = {
  reconsideration: { zh: '行政复议', en: 'administrative reconsideration' },
  litigationDirect: { zh: '行政诉讼·未经复议直接起诉', en: 'litigation without prior reconsideration' },
  litigationAfterReconsideration: { zh: '行政诉讼·复议后起诉', en: 'litigation after reconsideration' },
};
const RESULT_NAMES: Readonly<Record<ReviewColumn, Text>> = {
  upheld: { zh: '结果维持', en: 'upheld' },
  corrected: { zh: '结果纠正', en: 'corrected' },
  other: { zh: '其他结果', en: 'other result' },
  pending: { zh: '尚未审结', en: 'pending' },
  total: { zh: '总计', en: 'total' },
};

// ---- (f): every cell a non-negative integer, amounts non-negative decimals ------------------

interface CellSpec {
  readonly table: ReportTable;
  readonly cell: string;
  readonly where: Text;
  readonly decimal: boolean;
  readonly optional?: boolean;
}

/** Table 二's rows with their names and each row's columns: the cells the check names in its messages. */
const TABLE2_CELLS: readonly (readonly [string, Text, readonly (readonly [string, Text])[]])[] = [
  [
    'regulations',
    { zh: '规章', en: 'regulations' },
    [
      ['issued', { zh: '本年制发件数', en: 'issued' }],
      ['repealed', { zh: '本年废止件数', en: 'repealed' }],
      ['inForce', { zh: '现行有效件数', en: 'in force' }],
    ],
  ],
  [
    'normativeDocuments',
    { zh: '行政规范性文件', en: 'normative documents' },
    [
      ['issued', { zh: '本年制发件数', en: 'issued' }],
      ['repealed', { zh: '本年废止件数', en: 'repealed' }],
      ['inForce', { zh: '现行有效件数', en: 'in force' }],
    ],
  ],
  ['licences', { zh: '行政许可', en: 'licences' }, [['decisions', { zh: '本年处理决定数量', en: 'decisions' }]]],
  ['penalties', { zh: '行政处罚', en: 'penalties' }, [['decisions', { zh: '本年处理决定数量', en: 'decisions' }]]],
  ['coercion', { zh: '行政强制', en: 'coercion' }, [['decisions', { zh: '本年处理决定数量', en: 'decisions' }]]],
  [
    'administrativeFees',
    { zh: '行政事业性收费', en: 'administrative fees' },
    [['amountTenThousandYuan', { zh: '本年收费金额（万元）', en: 'amount (10,000 yuan)' }]],
  ],
];

function cellSpecs(): CellSpec[] {
  const specs: CellSpec[] = [];
  for (const [row, rowName, columns] of TABLE2_CELLS) {
    for (const [column, columnName] of columns) {
      specs.push({
        table: '二',
        cell: `二/${row}/${column}`,
        decimal: column === 'amountTenThousandYuan',
        where: { zh: `表二“${rowName.zh}”“${columnName.zh}”`, en: `Table 2, ${rowName.en}, ${columnName.en}` },
      });
    }
  }
  for (const row of ROWS3) {
    for (const column of APPLICANT_COLUMNS) {
      specs.push({
        table: '三',
        cell: cell3(row, column),
        decimal: false,
        where: {
          zh: `表三“${row.ref} ${row.zhName}”行“${COLUMN_NAMES[column].zh}”列`,
          en: `Table 3, row ${row.id} "${row.enName}", column "${COLUMN_NAMES[column].en}"`,
        },
      });
    }
  }
  for (const group of REVIEW_GROUP_KEYS) {
    for (const column of [...REVIEW_RESULT_KEYS, 'total'] as const) {
      specs.push({
        table: '四',
        cell: `四/${group}/${column}`,
        decimal: false,
        where: {
          zh: `表四“${GROUP_NAMES[group].zh}”“${RESULT_NAMES[column].zh}”`,
          en: `Table 4, ${GROUP_NAMES[group].en}, ${RESULT_NAMES[column].en}`,
        },
      });
    }
  }
  specs.push({
    table: '六',
    cell: '六/processingFees/collectedYuan',
    decimal: true,
    optional: true,
    where: { zh: '六“信息处理费”“收取金额（元）”', en: 'Section 6, processing fees collected (yuan)' },
  });
  specs.push({
    table: '六',
    cell: '六/processingFees/applicationsCharged',
    decimal: false,
    optional: true,
    where: { zh: '六“信息处理费”“收费申请件数”', en: 'Section 6, applications charged' },
  });
  return specs;
}

const CELL_SPECS = cellSpecs();

function checkValues(report: unknown): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const spec of CELL_SPECS) {
    const value = readPath(report, cellPath(spec.cell));
    if (value === undefined) {
      if (spec.optional) continue;
      issues.push({
        code: 'missing_value',
        severity: 'error',
        table: spec.table,
        cells: [spec.cell],
        message: { zh: `${spec.where.zh}：缺少数值`, en: `${spec.where.en}: value missing` },
      });
      continue;
    }
    const ok =
      typeof value === 'number' && Number.isFinite(value) && value >= 0 && (spec.decimal || Number.isInteger(value));
    if (!ok) {
      const want = spec.decimal
        ? { zh: '非负数', en: 'a non-negative number' }
        : { zh: '非负整数', en: 'a non-negative integer' };
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        table: spec.table,
        cells: [spec.cell],
        message: {
          zh: `${spec.where.zh}：${show(value)} 不是${want.zh}`,
          en: `${spec.where.en}: ${show(value)} is not ${want.en}`,
        },
      });
    }
  }
  return issues;
}

// ---- identities ------------------------------------------------------------------------------

function v3(report: unknown, row: Row3, column: ApplicantColumn): unknown {
  return readPath(report, `applications.${row.key}.${column}`);
}

/** (a) per column: 一 + 二 = 三(七) + 四 — the only identity printed in the format. */
function checkBalance(report: unknown): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const [r1, r2, r37, r4] = ['r1', 'r2', 'r3.7', 'r4'].map(row3) as [Row3, Row3, Row3, Row3];
  for (const column of APPLICANT_COLUMNS) {
    const [a, b, c, d] = [r1, r2, r37, r4].map((r) => v3(report, r, column));
    if (!usable(a) || !usable(b) || !usable(c) || !usable(d) || a + b === c + d) continue;
    const name = COLUMN_NAMES[column];
    issues.push({
      code: 'table3_balance',
      severity: 'error',
      table: '三',
      cells: [r1, r2, r37, r4].map((r) => cell3(r, column)),
      message: {
        zh: `表三“${name.zh}”列：一(${a}) + 二(${b}) ≠ 三(七)(${c}) + 四(${d})`,
        en: `Table 3, column "${name.en}": r1 (${a}) + r2 (${b}) ≠ r3.7 (${c}) + r4 (${d})`,
      },
    });
  }
  return issues;
}

/** (b) per column: 三(七) = the sum of the outcome rows 三(一) … 三(六)3. */
function checkOutcomeTotal(report: unknown): ReportIssue[] {
  const issues: ReportIssue[] = [];
  const total = row3('r3.7');
  for (const column of APPLICANT_COLUMNS) {
    const t = v3(report, total, column);
    const parts = OUTCOME_ROWS.map((r) => [r, v3(report, r, column)] as const);
    if (!usable(t) || !parts.every(([, v]) => usable(v))) continue;
    const sum = parts.reduce((s, [, v]) => s + (v as number), 0);
    if (sum === t) continue;
    const nonZero = parts.filter(([, v]) => v !== 0);
    const name = COLUMN_NAMES[column];
    const zhTerms = nonZero.length
      ? `${nonZero.map(([r, v]) => `${r.ref}(${v})`).join(' + ')}，其余各项为0`
      : '各项均为0';
    const enTerms = nonZero.length
      ? `${nonZero.map(([r, v]) => `${r.id} (${v})`).join(' + ')}; all other rows 0`
      : 'all rows 0';
    issues.push({
      code: 'table3_outcome_total',
      severity: 'error',
      table: '三',
      cells: [cell3(total, column), ...parts.map(([r]) => cell3(r, column))],
      message: {
        zh: `表三“${name.zh}”列：三(七)(${t}) ≠ 三(一)至三(六)各项之和(${sum})：${zhTerms}`,
        en: `Table 3, column "${name.en}": r3.7 (${t}) ≠ sum of rows r3.1–r3.6.3 (${sum}): ${enTerms}`,
      },
    });
  }
  return issues;
}

/** (c) per row: 总计 = 自然人 + the five 法人或其他组织 columns. */
function checkRowTotals(report: unknown): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const row of ROWS3) {
    const t = v3(report, row, 'total');
    const parts = APPLICANT_KEYS.map((c) => [c, v3(report, row, c)] as const);
    if (!usable(t) || !parts.every(([, v]) => usable(v))) continue;
    const sum = parts.reduce((s, [, v]) => s + (v as number), 0);
    if (sum === t) continue;
    issues.push({
      code: 'table3_row_total',
      severity: 'error',
      table: '三',
      cells: [cell3(row, 'total'), ...APPLICANT_KEYS.map((c) => cell3(row, c))],
      message: {
        zh: `表三“${row.ref} ${row.zhName}”行：总计(${t}) ≠ ${parts.map(([c, v]) => `${COLUMN_NAMES[c].zh}(${v})`).join(' + ')}`,
        en: `Table 3, row ${row.id} "${row.enName}": total (${t}) ≠ ${parts.map(([c, v]) => `${COLUMN_NAMES[c].en.toLowerCase()} (${v})`).join(' + ')}`,
      },
    });
  }
  return issues;
}

/** (d) table 四, per group: 总计 = 维持 + 纠正 + 其他 + 尚未审结. */
function checkReviewTotals(report: unknown): ReportIssue[] {
  const issues: ReportIssue[] = [];
  for (const group of REVIEW_GROUP_KEYS) {
    const t = readPath(report, `reviewAndLitigation.${group}.total`);
    const parts = REVIEW_RESULT_KEYS.map((k) => [k, readPath(report, `reviewAndLitigation.${group}.${k}`)] as const);
    if (!usable(t) || !parts.every(([, v]) => usable(v))) continue;
    const sum = parts.reduce((s, [, v]) => s + (v as number), 0);
    if (sum === t) continue;
    issues.push({
      code: 'table4_group_total',
      severity: 'error',
      table: '四',
      cells: [`四/${group}/total`, ...REVIEW_RESULT_KEYS.map((k) => `四/${group}/${k}`)],
      message: {
        zh: `表四“${GROUP_NAMES[group].zh}”：总计(${t}) ≠ ${parts.map(([k, v]) => `${RESULT_NAMES[k].zh}(${v})`).join(' + ')}`,
        en: `Table 4, ${GROUP_NAMES[group].en}: total (${t}) ≠ ${parts.map(([k, v]) => `${RESULT_NAMES[k].en} (${v})`).join(' + ')}`,
      },
    });
  }
  return issues;
}

/** (e) this year's 二 should equal last year's 四, column by column (a warning: UNVERIFIED as a rule). */
function checkCarryOver(report: AnnualReport, previous: AnnualReport): ReportIssue[] {
  // A 2008-format report has no carried-forward row, so there is nothing to compare.
  if (previous.format !== '2021') return [];
  const mismatches: string[] = [];
  if (previous.year !== report.year - 1) mismatches.push(`year ${show(previous.year)} ≠ ${report.year - 1}`);
  if (previous.agency?.code !== report.agency?.code)
    mismatches.push(`agency ${show(previous.agency?.code)} ≠ ${show(report.agency?.code)}`);
  if (previous.scope && report.scope && previous.scope !== report.scope)
    mismatches.push(`scope ${previous.scope} ≠ ${report.scope}`);
  if (mismatches.length) {
    return [
      {
        code: 'previous_report_mismatch',
        severity: 'warning',
        table: '三',
        cells: [],
        message: {
          zh: `上年结转核对未进行：所给报告不是本机关${report.year - 1}年度的报告（${mismatches.join('；')}）`,
          en: `carry-over not checked: the report given is not this agency's ${report.year - 1} report (${mismatches.join('; ')})`,
        },
      },
    ];
  }
  const issues: ReportIssue[] = [];
  const r2 = row3('r2');
  const r4 = row3('r4');
  for (const column of APPLICANT_COLUMNS) {
    const now = v3(report, r2, column);
    const before = v3(previous, r4, column);
    if (!usable(now) || !usable(before) || now === before) continue;
    const name = COLUMN_NAMES[column];
    issues.push({
      code: 'carry_over_mismatch',
      severity: 'warning',
      table: '三',
      cells: [cell3(r2, column)],
      previousYearCells: [cell3(r4, column)],
      message: {
        zh: `表三“${name.zh}”列：本年度二、上年结转(${now}) ≠ ${previous.year}年度报告四、结转下年度继续办理(${before})`,
        en: `Table 3, column "${name.en}": r2 carried over (${now}) ≠ r4 carried forward in the ${previous.year} report (${before})`,
      },
    });
  }
  return issues;
}

/**
 * Every failed identity of docs/domain/annual-report.md#arithmetic in a 2021-format report, in the order (f) invalid
 * cells, then (a)–(e). With `previous` (last year's report of the same agency), (e) is checked too.
 * The 2008 format has no national tables and so no identities: it yields no issues.
 */
export function checkReportArithmetic(report: AnnualReport, previous?: AnnualReport | null): ReportIssue[] {
  if (!isObject(report) || report.format !== '2021') return [];
  return [
    ...checkValues(report),
    ...checkBalance(report),
    ...checkOutcomeTotal(report),
    ...checkRowTotals(report),
    ...checkReviewTotals(report),
    ...(previous && isObject(previous) ? checkCarryOver(report, previous) : []),
  ];
}

/** True when no issue is an error (warnings alone do not fail a report). */
export function reportPasses(issues: readonly ReportIssue[]): boolean {
  return issues.every((i) => i.severity !== 'error');
}
