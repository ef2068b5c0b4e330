// Tables 二, 三 and 四 of a received report, found on grids (grid.ts) by their labels as printed in
// the 2021 format (国办公开办函〔2021〕30号; docs/domain/annual-report.md#format-2021), into the JSON shape of
// schemas/annual-report.schema.json so that the arithmetic checks (report-arithmetic.ts) run on it
// unchanged. Rows and columns are located by their labels, never by fixed coordinates: an added
// note row, a blank line or a title moved down still reads. A value that is not a number is kept as
// the text found, so the checks name it rather than read it as 0.
import {
  APPLICANT_KIND_COLUMNS,
  APPLICANT_KINDS,
  TABLE3_ROWS_2021,
  TOTAL_COLUMN,
} from '../../applications/outcomes.ts';
import { REVIEW_GROUP_KEYS, type ReviewColumn, type ReviewGroupKey } from '../report-types.ts';
import { normalizeLabel, type Grid, type GridValue } from './grid.ts';

export type CheckedTable = '二' | '三' | '四';
export const CHECKED_TABLES: readonly CheckedTable[] = ['二', '三', '四'];

export interface TableFound {
  readonly source: string;
  /**
   * The 2019 trial layout (docs/domain/annual-report.md#format-2019): table 二 has other columns; table 三 one
   * （六） row.
   */
  readonly layout: '2021' | '2019';
  readonly values: number;
}

export interface ExtractNote {
  readonly table: CheckedTable;
  readonly location: string;
  readonly zh: string;
  readonly en: string;
}

export interface Extraction {
  /** 2021-shaped report with the cells found (missing cells are absent). */
  readonly report: Record<string, unknown>;
  readonly tables: Partial<Record<CheckedTable, TableFound>>;
  /** Cell path (applications.newReceived.total) → where it was read in the file. */
  readonly locations: Record<string, string>;
  readonly notes: ExtractNote[];
}

/** A cell's value: numbers as numbers, blanks as absent, anything else as the text found. */
export function cellValue(value: GridValue): number | string | undefined {
  if (value === null) return undefined;
  if (typeof value === 'number') return value;
  const text = value.replace(/[\s\u3000,，]+/g, '');
  if (text === '') return undefined;
  if (/^[+-]?\d+(\.\d+)?$/.test(text)) return Number(text);
  return value.trim();
}

const isValueCell = (v: GridValue): boolean => typeof cellValue(v) === 'number';

class Builder {
  readonly report: Record<string, unknown> = { format: '2021', narrative: {} };
  readonly locations: Record<string, string> = {};
  readonly tables: Partial<Record<CheckedTable, TableFound>> = {};
  readonly notes: ExtractNote[] = [];

  set(path: string, value: GridValue, location: string): boolean {
    const v = cellValue(value);
    if (v === undefined) return false;
    const keys = path.split('.');
    let node = this.report;
    for (const k of keys.slice(0, -1)) node = (node[k] ??= {}) as Record<string, unknown>;
    const last = keys[keys.length - 1]!;
    if (last in node) return false; // first occurrence wins (a duplicated row is reported separately)
    node[last] = v;
    this.locations[path] = location;
    return true;
  }
}

const hasCell = (grid: Grid, test: (label: string) => boolean): boolean =>
  grid.cells.some((row) => row.some((c) => test(normalizeLabel(c))));

/** Which table a grid is, by its distinctive labels; null for other tables in the file. */
export function classify(grid: Grid): CheckedTable | null {
  const caption = normalizeLabel(grid.caption);
  if (hasCell(grid, (l) => l.includes('本年新收政府信息公开申请数量'))) return '三';
  if (hasCell(grid, (l) => l.includes('复议后起诉')) && hasCell(grid, (l) => l === '结果维持')) return '四';
  if (
    hasCell(grid, (l) => l.startsWith('第二十条第')) ||
    (/表二/.test(caption) && hasCell(grid, (l) => l === '信息内容'))
  )
    return '二';
  return null;
}

// ---- table 二 ----------------------------------------------------------------------------------

const T2_ROWS: Readonly<Record<string, string>> = {
  规章: 'regulations',
  行政规范性文件: 'normativeDocuments',
  行政许可: 'licences',
  行政处罚: 'penalties',
  行政强制: 'coercion',
  行政事业性收费: 'administrativeFees',
};

function t2Column(label: string): string | null {
  if (label === '本年制发件数') return 'issued';
  if (label === '本年废止件数') return 'repealed';
  if (label === '现行有效件数') return 'inForce';
  if (label === '本年处理决定数量') return 'decisions';
  if (label.startsWith('本年收费金额')) return 'amountTenThousandYuan';
  return null;
}

function extractTable2(grid: Grid, b: Builder): TableFound {
  if (hasCell(grid, (l) => l === '本年新制作数量')) {
    // The 2019 layout counts other things (new, published, total; project numbers): no 2021 cell
    // can be filled from it, and it has no identity to check.
    b.notes.push({
      table: '二',
      location: grid.source,
      zh: '表二为2019年试行格式，其数字不参与勾稽核对',
      en: 'table 二 is in the 2019 trial layout; its figures enter no identity',
    });
    return { source: grid.source, layout: '2019', values: 0 };
  }
  let columns = new Map<number, string>();
  let values = 0;
  grid.cells.forEach((row, r) => {
    const first = row.map(normalizeLabel).find(Boolean) ?? '';
    if (first === '信息内容') {
      columns = new Map();
      const seen = new Set<string>();
      row.forEach((cell, c) => {
        const key = t2Column(normalizeLabel(cell));
        if (key && !seen.has(key)) {
          seen.add(key);
          columns.set(c, key);
        }
      });
      return;
    }
    const rowKey = T2_ROWS[first];
    if (!rowKey) return;
    for (const [c, key] of columns)
      if (b.set(`proactive.${rowKey}.${key}`, row[c] ?? null, grid.locate(r, c))) values++;
  });
  return { source: grid.source, layout: '2021', values };
}

// ---- table 三 ----------------------------------------------------------------------------------

interface RowPattern {
  readonly id: string;
  readonly path: string;
  readonly labels: readonly string[];
  readonly group: string | null;
}

/** The printed label, and the label without its trailing note (r3.2's “（区分处理的，…）”). */
function labelForms(label: string): string[] {
  const full = normalizeLabel(label);
  const short = full.replace(/（[^（）]*）$/, '');
  return short && short !== full ? [full, short] : [full];
}

const T3_PATTERNS: readonly RowPattern[] = TABLE3_ROWS_2021.map((row) => ({
  id: row.id,
  path: row.reportPath!,
  labels: labelForms(row.label),
  group: row.group ? normalizeLabel(row.group.label) : null,
}));
const GROUP_LABELS = new Set(T3_PATTERNS.flatMap((p) => (p.group ? [p.group] : [])));
const OTHER_HANDLING_GROUP = normalizeLabel('（六）其他处理');

const T3_COLUMNS: readonly { key: string; label: string; org: boolean }[] = [
  ...APPLICANT_KINDS.map((k) => ({
    key: APPLICANT_KIND_COLUMNS[k].column,
    label: APPLICANT_KIND_COLUMNS[k].label,
    org: Boolean(APPLICANT_KIND_COLUMNS[k].parent),
  })),
  { key: TOTAL_COLUMN.column, label: TOTAL_COLUMN.label, org: false },
];

function extractTable3(grid: Grid, b: Builder): TableFound {
  const rows = grid.cells;
  const personRow = rows.findIndex((row) => row.some((c) => normalizeLabel(c) === '自然人'));
  const orgRow = rows.findIndex((row, r) => r >= personRow && row.some((c) => normalizeLabel(c) === '商业企业'));
  const columns = new Map<string, number>();
  if (personRow >= 0 && orgRow >= 0) {
    for (const col of T3_COLUMNS) {
      const row = rows[col.org ? orgRow : personRow]!;
      const c = row.findIndex((v) => normalizeLabel(v) === col.label);
      if (c >= 0) columns.set(col.key, c);
    }
  }
  const missing = T3_COLUMNS.filter((c) => !columns.has(c.key));
  if (missing.length) {
    b.notes.push({
      table: '三',
      location: grid.source,
      zh: `表三未找到列：${missing.map((c) => c.label).join('、')}`,
      en: `table 三: columns not found: ${missing.map((c) => c.key).join(', ')}`,
    });
    return { source: grid.source, layout: '2021', values: 0 };
  }
  const firstValueCol = Math.min(...columns.values());
  const matched = new Set<string>();
  let layout: TableFound['layout'] = '2021';
  let values = 0;
  for (let r = Math.max(personRow, orgRow) + 1; r < rows.length; r++) {
    const row = rows[r]!;
    // The label cells of the row, each once (a merged label repeats over the columns it spans).
    const labels = [...new Set(row.slice(0, firstValueCol).map(normalizeLabel).filter(Boolean))];
    const group = labels.find((l) => GROUP_LABELS.has(l)) ?? null;
    let pattern = T3_PATTERNS.find((p) => p.group === group && labels.some((l) => p.labels.includes(l)));
    let path = pattern?.path;
    if (!pattern && group === OTHER_HANDLING_GROUP && labels[labels.length - 1] === OTHER_HANDLING_GROUP) {
      // 2019 layout: （六）其他处理 is one row. Its figures are the 2021 sub-row “3.其他”; the other two
      // sub-rows did not exist and count 0, so the identities hold exactly when they held in 2019.
      layout = '2019';
      pattern = T3_PATTERNS.find((p) => p.id === 'r3.6.3');
      path = pattern?.path;
      for (const p of T3_PATTERNS.filter((x) => x.id === 'r3.6.1' || x.id === 'r3.6.2'))
        for (const col of T3_COLUMNS)
          b.set(`${p.path}.${col.key}`, 0, `${grid.locate(r, columns.get(col.key)!)}（2019）`);
    }
    const hasValues = [...columns.values()].some((c) => isValueCell(row[c] ?? null));
    if (!pattern || !path) {
      if (hasValues) {
        b.notes.push({
          table: '三',
          location: grid.locate(r, 0),
          zh: `表三有一行无法识别（“${labels.join(' ')}”），未参与核对`,
          en: `table 三: a row was not recognised ("${labels.join(' ')}") and was not checked`,
        });
      }
      continue;
    }
    if (matched.has(pattern.id)) {
      b.notes.push({
        table: '三',
        location: grid.locate(r, 0),
        zh: `表三“${labels.join(' ')}”行重复出现，只核对第一次出现的行`,
        en: `table 三: row "${labels.join(' ')}" appears twice; only the first is checked`,
      });
      continue;
    }
    matched.add(pattern.id);
    for (const col of T3_COLUMNS) {
      const c = columns.get(col.key)!;
      if (b.set(`${path}.${col.key}`, row[c] ?? null, grid.locate(r, c))) values++;
    }
  }
  return { source: grid.source, layout, values };
}

// ---- table 四 ----------------------------------------------------------------------------------

const RESULT_KEYS: Readonly<Record<string, ReviewColumn>> = {
  结果维持: 'upheld',
  结果纠正: 'corrected',
  其他结果: 'other',
  尚未审结: 'pending',
  总计: 'total',
};

function reviewGroup(grid: Grid, headerRow: number, c: number): ReviewGroupKey | null {
  const above = grid.cells.slice(0, headerRow + 1).map((row) => normalizeLabel(row[c] ?? null));
  if (above.some((l) => l.includes('复议后起诉'))) return 'litigationAfterReconsideration';
  if (above.some((l) => l.includes('未经复议') || l.includes('直接起诉'))) return 'litigationDirect';
  if (above.some((l) => l === '行政复议')) return 'reconsideration';
  return null;
}

function extractTable4(grid: Grid, b: Builder): TableFound {
  const rows = grid.cells;
  let header = -1;
  rows.forEach((row, r) => {
    if (row.some((c) => normalizeLabel(c) === '结果维持')) header = r;
  });
  const columns: [number, string][] = [];
  const seen = new Set<string>();
  rows[header]?.forEach((cell, c) => {
    const result = RESULT_KEYS[normalizeLabel(cell)];
    const group = result ? reviewGroup(grid, header, c) : null;
    if (!result || !group || seen.has(`${group}.${result}`)) return;
    seen.add(`${group}.${result}`);
    columns.push([c, `reviewAndLitigation.${group}.${result}`]);
  });
  const dataRow = rows.findIndex(
    (row, r) => r > header && columns.some(([c]) => cellValue(row[c] ?? null) !== undefined),
  );
  let values = 0;
  if (header >= 0 && dataRow >= 0)
    for (const [c, path] of columns) if (b.set(path, rows[dataRow]![c] ?? null, grid.locate(dataRow, c))) values++;
  if (columns.length < REVIEW_GROUP_KEYS.length * 5) {
    b.notes.push({
      table: '四',
      location: grid.source,
      zh: `表四只识别出${columns.length}列（应为15列）`,
      en: `table 四: only ${columns.length} of 15 columns recognised`,
    });
  }
  return { source: grid.source, layout: '2021', values };
}

/** Reads tables 二/三/四 from the grids of one file; the first grid of each kind is used. */
export function extractTables(grids: readonly Grid[]): Extraction {
  const b = new Builder();
  for (const grid of grids) {
    const kind = classify(grid);
    if (!kind) continue;
    if (b.tables[kind]) {
      b.notes.push({
        table: kind,
        location: grid.source,
        zh: `表${kind}出现多次，只核对第一个`,
        en: `table ${kind} appears more than once; only the first is checked`,
      });
      continue;
    }
    b.tables[kind] =
      kind === '二' ? extractTable2(grid, b) : kind === '三' ? extractTable3(grid, b) : extractTable4(grid, b);
  }
  return { report: b.report, tables: b.tables, locations: b.locations, notes: b.notes };
}
