// Import of table 二's yearly figures (licence / penalty / coercion decisions, fee income in 万元)
// from a CSV or XLSX file, one row per agency and year — for agencies that keep these counts in
// a spreadsheet, or to load past years. Every row is checked and every problem reported with its
// row number (the header is row 1, as a spreadsheet shows it) in both languages. The figures of
// a year belong together in the report, so the file is all or nothing: when any row is refused,
// nothing is written; otherwise every row is written in one transaction with its audit events.
//
// Columns (English key or Chinese label; see docs/import.md):
//   agency 机关代码 (optional: the default agency) · year 年度 · licence 行政许可 ·
//   penalty 行政处罚 · coercion 行政强制 · fee 行政事业性收费（万元）
// An empty cell leaves that figure as it is; a row must give at least one.
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { todayInChina } from '../../platform/clock.ts';
import { AppError, issue, type ValidationIssue } from '../../platform/errors.ts';
import { textOf } from '../../platform/i18n/i18n.ts';
import { mutate } from '../../platform/mutation.ts';
import type { RowFailure } from '../catalog-import/index.ts';
import { organisationStore } from '../organisation/index.ts';
import { figureKinds, tenThousandYuanToFen, type FigureKind } from './power-catalog.ts';
import { figureIssues, writeFigures } from './power-catalog.service.ts';

export const figureColumns = {
  agency: ['机关代码'],
  year: ['年度', '年份'],
  licence: ['行政许可', '行政许可处理决定数'],
  penalty: ['行政处罚', '行政处罚处理决定数'],
  coercion: ['行政强制', '行政强制处理决定数'],
  fee: ['行政事业性收费（万元）', '行政事业性收费(万元)', '行政事业性收费', '收费金额（万元）'],
} as const;
export type FigureColumn = keyof typeof figureColumns;

export function mapFigureHeader(header: readonly string[]): {
  columns: (FigureColumn | null)[];
  missing: FigureColumn[];
} {
  const byName = new Map<string, FigureColumn>();
  for (const [key, labels] of Object.entries(figureColumns) as [FigureColumn, readonly string[]][]) {
    byName.set(key, key);
    for (const l of labels) byName.set(l, key);
  }
  const columns = header.map((h) => {
    const name = h.replace(/^\uFEFF/, '').trim();
    return byName.get(name) ?? byName.get(name.toLowerCase()) ?? null;
  });
  const missing: FigureColumn[] = columns.includes('year') ? [] : ['year'];
  if (!columns.some((c) => c !== null && c !== 'agency' && c !== 'year'))
    missing.push(...figureKinds.filter((k) => !columns.includes(k)));
  return { columns, missing };
}

export interface FigureRow {
  readonly row: number;
  readonly agencyId: number;
  readonly agencyCode: string;
  readonly year: number;
  readonly values: Partial<Record<FigureKind, number>>;
}

export interface FiguresImportOptions {
  /** Agency code for rows without an agency column. */
  readonly agencyCode?: string | null;
  readonly dryRun?: boolean;
  /** Agencies the importer may write (the console: the actor's); undefined: any (the operator's CLI). */
  readonly allowedAgencyIds?: ReadonlySet<number>;
  readonly userId?: number | null;
  readonly source?: string;
}

export interface FiguresImportResult {
  readonly rows: number;
  readonly imported: number;
  readonly dryRun: boolean;
  readonly failures: readonly RowFailure[];
  readonly figures: readonly FigureRow[];
}

/** A count cell: digits, thousands separators allowed (1,234 / 1，234). */
function countOf(text: string): number | null {
  const t = text.replace(/[,，\s]/g, '');
  return /^\d{1,9}$/.test(t) ? Number(t) : null;
}

export async function importYearlyFigures(
  db: Db,
  ctx: AuditContext,
  rows: AsyncIterable<string[]>,
  options: FiguresImportOptions = {},
): Promise<FiguresImportResult> {
  const agencies = new Map((await organisationStore.agencies(db)).map((a) => [a.code, a.id]));
  if (options.agencyCode && !agencies.has(options.agencyCode))
    throw new AppError(422, 'agency', textOf('import.error.agency', { agency: options.agencyCode }));
  const maxYear = Number(todayInChina().slice(0, 4));
  let columns: (FigureColumn | null)[] | null = null;
  let rowNo = 0;
  const failures: RowFailure[] = [];
  const figures: FigureRow[] = [];
  const seen = new Map<string, number>();
  for await (const cells of rows) {
    rowNo++;
    if (!columns) {
      const mapped = mapFigureHeader(cells);
      if (mapped.missing.length)
        throw new AppError(422, 'columns', textOf('import.error.columns', { columns: mapped.missing.join(', ') }));
      columns = mapped.columns;
      continue;
    }
    if (cells.every((c) => !String(c).trim())) continue;
    const cell = (key: FigureColumn) => {
      const i = columns!.indexOf(key);
      return i < 0 ? '' : String(cells[i] ?? '').trim();
    };
    const issues: ValidationIssue[] = [];
    const code = cell('agency') || options.agencyCode || '';
    const agencyId = agencies.get(code);
    if (!code) issues.push(issue('agency', 'import.error.no_agency'));
    else if (agencyId === undefined) issues.push(issue('agency', 'import.error.agency', { agency: code }));
    else if (options.allowedAgencyIds && !options.allowedAgencyIds.has(agencyId))
      issues.push(issue('agency', 'figures.import.agency_denied', { agency: code }));
    const year = /^\d{4}$/.test(cell('year')) ? Number(cell('year')) : NaN;
    if (!(year >= 2008 && year <= maxYear))
      issues.push(issue('year', 'figures.import.year', { value: cell('year'), max: maxYear }));
    const values: Partial<Record<FigureKind, number>> = {};
    for (const kind of figureKinds) {
      const text = cell(kind);
      if (!text) continue;
      const v = kind === 'fee' ? tenThousandYuanToFen(text.replace(/[,，\s]/g, '')) : countOf(text);
      if (v === null)
        issues.push(
          issue(kind, kind === 'fee' ? 'figures.import.amount' : 'figures.import.count', {
            field: textOf(`figures.kind.${kind}`).zh,
            value: text,
          }),
        );
      else values[kind] = v;
    }
    if (Object.keys(values).length === 0 && !issues.some((i) => figureKinds.includes(i.field as FigureKind)))
      issues.push(issue('licence', 'figures.error.none'));
    if (!issues.length) issues.push(...figureIssues(year, values));
    const key = `${agencyId}/${year}`;
    if (!issues.length && seen.has(key))
      issues.push(issue('year', 'figures.import.duplicate', { row: seen.get(key)! }));
    if (issues.length) {
      failures.push({ row: rowNo, issues });
      continue;
    }
    seen.set(key, rowNo);
    figures.push({ row: rowNo, agencyId: agencyId!, agencyCode: code, year, values });
  }
  if (!columns) throw new AppError(422, 'columns', textOf('import.error.columns', { columns: 'year' }));
  const dryRun = Boolean(options.dryRun);
  if (failures.length || dryRun || figures.length === 0)
    return { rows: figures.length + failures.length, imported: 0, dryRun, failures, figures };
  await mutate(db, ctx, async (trx, audit) => {
    for (const f of figures)
      await writeFigures(
        trx,
        audit,
        options.userId ?? null,
        f.agencyId,
        f.year,
        f.values,
        'imported',
        options.source ?? null,
      );
    await audit({
      action: 'figures.import',
      subjectType: 'file',
      subjectId: options.source ?? undefined,
      after: { rows: figures.length, years: [...new Set(figures.map((f) => f.year))] },
    });
  });
  return { rows: figures.length, imported: figures.length, dryRun, failures, figures };
}
