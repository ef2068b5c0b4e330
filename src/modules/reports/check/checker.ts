// The checker for reports received from other agencies (issue 6 item 6): any of the four formats
// in, tables 二/三/四 out, and every failed identity of docs/domain/annual-report.md#arithmetic with the cells involved
// and where each was read in the file. The format is told by content (zip magic, JSON, HTML), never by
// the file name; inside a zip, by the parts it holds (word/ or xl/).
import type JSZip from 'jszip';
import { checkReportArithmetic, cellPath, type ReportIssue } from '../report-arithmetic.ts';
import type { AnnualReport } from '../report-types.ts';
import { CHECKED_TABLES, extractTables, type CheckedTable, type ExtractNote, type TableFound } from './extract.ts';
import { readDocx, readHtml, readXlsx, UnreadableReport } from './readers.ts';

export { UnreadableReport } from './readers.ts';

export type ReceivedFormat = 'json' | 'xlsx' | 'html' | 'docx';

export interface CheckedCell {
  readonly cell: string;
  readonly path: string;
  readonly location: string | null;
}

export interface CheckFinding {
  readonly code: ReportIssue['code'] | 'table_missing';
  readonly severity: 'error' | 'warning';
  readonly table: string;
  readonly zh: string;
  readonly en: string;
  readonly cells: readonly CheckedCell[];
}

export interface CheckResult {
  readonly format: ReceivedFormat;
  /** 2021 (tables 二/三/四, possibly in the 2019 layout) or 2008 (a narrative report: no tables). */
  readonly reportFormat: '2021' | '2008';
  readonly title: string | null;
  readonly agencyName: string | null;
  readonly year: number | null;
  readonly tables: Partial<Record<CheckedTable, TableFound>>;
  /** The figures read, in the JSON shape of the schema (for display). */
  readonly report: Record<string, unknown>;
  readonly findings: readonly CheckFinding[];
  readonly notes: readonly ExtractNote[];
  readonly passes: boolean;
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** Tells the format from the bytes. Throws UnreadableReport for anything else. */
export async function detectFormat(bytes: Buffer): Promise<ReceivedFormat> {
  if (bytes.length === 0) throw new UnreadableReport('文件为空', 'the file is empty');
  if (bytes.subarray(0, 4).equals(ZIP_MAGIC)) {
    let zip: JSZip;
    try {
      // Loaded for a zip only: a JSON or HTML report is checked without them (start-up, ADR 0017).
      const [{ default: JSZip }, { checkZip }] = await Promise.all([
        import('jszip'),
        import('../../../platform/files/bounded-zip.ts'),
      ]);
      // JSZip and exceljs inflate what the headers claim: the package is counted within limits first.
      await checkZip(bytes);
      zip = await JSZip.loadAsync(bytes);
    } catch {
      throw new UnreadableReport('压缩文件已损坏，无法打开', 'the zip archive is damaged and cannot be opened');
    }
    if (zip.file('word/document.xml')) return 'docx';
    if (zip.file('xl/workbook.xml')) return 'xlsx';
    throw new UnreadableReport(
      '压缩文件既不是Word文档（.docx）也不是Excel工作簿（.xlsx）',
      'the zip archive is neither a Word document (.docx) nor an Excel workbook (.xlsx)',
    );
  }
  const head = bytes
    .subarray(0, 4096)
    .toString('utf8')
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('{')) return 'json';
  if (
    /^<(!doctype\s+html|html|head|body|meta|table|main|div|h1|section)\b/i.test(head) ||
    /<table\b/i.test(bytes.toString('utf8'))
  )
    return 'html';
  if (bytes.subarray(0, 8).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))) {
    throw new UnreadableReport(
      '旧版Office文件（.doc/.xls）无法读取，请另存为.docx或.xlsx',
      'old Office files (.doc/.xls) cannot be read; save as .docx or .xlsx',
    );
  }
  if (head.startsWith('%PDF'))
    throw new UnreadableReport(
      'PDF文件无法读取表格，请提供JSON、XLSX、DOCX或网页（HTML）',
      'tables cannot be read from a PDF; give JSON, XLSX, DOCX or the web page (HTML)',
    );
  throw new UnreadableReport(
    '无法识别的文件：应为JSON、XLSX、DOCX或HTML格式的年度报告',
    'unrecognised file: expected an annual report as JSON, XLSX, DOCX or HTML',
  );
}

/** Values under a table's key (numbers or not: a non-number is a finding, not an absence). */
function countLeaves(node: unknown): number {
  if (node === null || typeof node !== 'object') return node === undefined ? 0 : 1;
  return Object.values(node).reduce<number>((n, v) => n + countLeaves(v), 0);
}

const TITLE = /^(.*?)(\d{4})年度?政府信息公开(?:工作)?年度?报告/;

function titleParts(title: string | null): { agencyName: string | null; year: number | null } {
  const m = title ? TITLE.exec(title.replace(/\s+/g, '')) : null;
  return { agencyName: m?.[1] || null, year: m ? Number(m[2]) : null };
}

function findingOf(issue: ReportIssue, locate: (path: string) => string | null): CheckFinding {
  return {
    code: issue.code,
    severity: issue.severity,
    table: issue.table,
    zh: issue.message.zh,
    en: issue.message.en,
    cells: issue.cells.map((cell) => {
      const path = cellPath(cell);
      return { cell, path, location: locate(path) };
    }),
  };
}

function checkExtracted(
  report: Record<string, unknown>,
  tables: Partial<Record<CheckedTable, TableFound>>,
  locate: (path: string) => string | null,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  // A table that is not in the file is one finding, not one per cell.
  const absent = new Set<string>();
  for (const t of CHECKED_TABLES) {
    const found = tables[t];
    if (found && (found.values > 0 || found.layout === '2019')) continue;
    absent.add(t);
    findings.push({
      code: 'table_missing',
      severity: 'error',
      table: t,
      zh: found ? `表${t}（${found.source}）中未读到任何数字` : `文件中未找到表${t}`,
      en: found ? `no figures could be read from table ${t} (${found.source})` : `table ${t} is not in the file`,
      cells: [],
    });
  }
  const layout2019Table2 = tables['二']?.layout === '2019';
  for (const issue of checkReportArithmetic(report as unknown as AnnualReport)) {
    if (issue.code === 'missing_value' && (absent.has(issue.table) || (issue.table === '二' && layout2019Table2)))
      continue;
    findings.push(findingOf(issue, locate));
  }
  return findings;
}

/** Reads and checks a report file. Throws UnreadableReport when the file is not a report. */
export async function checkReceivedReport(bytes: Buffer): Promise<CheckResult> {
  const format = await detectFormat(bytes);
  if (format === 'json') {
    let data: unknown;
    try {
      data = JSON.parse(bytes.toString('utf8').replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new UnreadableReport(
        `JSON格式错误：${(error as Error).message}`,
        `invalid JSON: ${(error as Error).message}`,
      );
    }
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new UnreadableReport('JSON不是年度报告对象', 'the JSON is not an annual report object');
    const report = data as Record<string, unknown>;
    const agency = (report.agency ?? {}) as Record<string, unknown>;
    const base = {
      format,
      title: null,
      agencyName: typeof agency.name === 'string' ? agency.name : null,
      year: typeof report.year === 'number' ? report.year : null,
      notes: [],
    };
    if (report.format === '2008')
      return { ...base, reportFormat: '2008', tables: {}, report, findings: [], passes: true };
    if (report.format !== '2021')
      throw new UnreadableReport(
        `JSON的format应为"2021"或"2008"，实为${JSON.stringify(report.format)}`,
        `the JSON's format must be "2021" or "2008", got ${JSON.stringify(report.format)}`,
      );
    const tables: Partial<Record<CheckedTable, TableFound>> = {};
    const roots: Record<CheckedTable, string> = { 二: 'proactive', 三: 'applications', 四: 'reviewAndLitigation' };
    for (const t of CHECKED_TABLES)
      if (report[roots[t]] && typeof report[roots[t]] === 'object')
        tables[t] = { source: roots[t], layout: '2021', values: countLeaves(report[roots[t]]) };
    // In JSON a cell's location is its path.
    const findings = checkExtracted(report, tables, (path) => path);
    return {
      ...base,
      reportFormat: '2021',
      tables,
      report,
      findings,
      passes: findings.every((f) => f.severity !== 'error'),
    };
  }
  const read =
    format === 'xlsx'
      ? await readXlsx(bytes)
      : format === 'docx'
        ? await readDocx(bytes)
        : readHtml(bytes.toString('utf8'));
  const extraction = extractTables(read.grids);
  if (Object.keys(extraction.tables).length === 0) {
    throw new UnreadableReport(
      `文件（${format.toUpperCase()}）中没有找到表二、表三或表四`,
      `no table 二, 三 or 四 found in the ${format.toUpperCase()} file`,
    );
  }
  const { agencyName, year } = titleParts(read.title);
  const findings = checkExtracted(extraction.report, extraction.tables, (path) => extraction.locations[path] ?? null);
  return {
    format,
    reportFormat: '2021',
    title: read.title,
    agencyName,
    year,
    tables: extraction.tables,
    report: extraction.report,
    findings,
    notes: extraction.notes,
    passes: findings.every((f) => f.severity !== 'error'),
  };
}

/** Plain-text rendering for the CLI: Chinese then English, each failed identity with its cells. */
export function formatCheckResult(result: CheckResult): string {
  const lines: string[] = [];
  const who = [result.agencyName, result.year].filter(Boolean).join(' ');
  lines.push(`年度报告核对 / annual report check: ${who || result.title || '—'} (${result.format.toUpperCase()})`);
  if (result.reportFormat === '2008') {
    lines.push(
      '2008年格式为叙述式报告，没有表二、表三、表四，无勾稽关系可核对。 / A 2008-format report is narrative: no tables 二/三/四 and no identities to check.',
    );
    return lines.join('\n') + '\n';
  }
  const read = CHECKED_TABLES.filter((t) => result.tables[t]).map(
    (t) => `表${t}（${result.tables[t]!.source}${result.tables[t]!.layout === '2019' ? '，2019年格式' : ''}）`,
  );
  lines.push(`已读取 / tables read: ${read.join('、') || '—'}`);
  for (const n of result.notes) lines.push(`注意 / note: ${n.zh} / ${n.en} [${n.location}]`);
  const errors = result.findings.filter((f) => f.severity === 'error');
  const warnings = result.findings.filter((f) => f.severity === 'warning');
  if (errors.length === 0) lines.push('✓ 全部勾稽关系核对通过。 / All identities hold.');
  else lines.push(`✗ ${errors.length}项核对未通过： / ${errors.length} check${errors.length === 1 ? '' : 's'} failed:`);
  [...errors, ...warnings].forEach((f, i) => {
    lines.push(`${i + 1}. ${f.severity === 'warning' ? '（提示 / warning）' : ''}${f.zh}`);
    lines.push(`   ${f.en}`);
    const located = f.cells.filter((c) => c.location);
    if (located.length)
      lines.push(
        `   单元格 / cells: ${located.map((c) => (c.location === c.path ? c.path : `${c.location} (${c.path})`)).join('; ')}`,
      );
  });
  return lines.join('\n') + '\n';
}
