// Rows of a CSV or XLSX file as arrays of cell texts, for the imports (catalog, yearly figures).
// CSV is UTF-8 (a BOM is dropped); XLSX is read from its first worksheet, dates as YYYY-MM-DD,
// formulas as their cached results. Files stream (a 100,000-row catalog never sits in memory);
// an upload, already in memory, is read from its bytes, and its content must match its name.
import { createReadStream } from 'node:fs';
import { extname } from 'node:path';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse';
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../platform/files/exceljs.ts';
import { AppError } from '../../platform/errors.ts';
import { sniffKind } from '../../platform/files/kinds.ts';
import { checkZip } from '../../platform/files/bounded-zip.ts';
import { textOf } from '../../platform/i18n/i18n.ts';

export type SheetFormat = 'csv' | 'xlsx';

export function formatOf(filename: string): SheetFormat | null {
  const ext = extname(filename).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  return null;
}

/** What a reader keeps of a date cell: its day (a catalog's dates), or its day and time of day
 *  (a 12345 order's dispatch time). exceljs gives the wall clock of the cell in the UTC fields. */
export interface SheetOptions {
  readonly dateTimes?: boolean;
}

export function cellText(value: unknown, options: SheetOptions = {}): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) {
    const iso = value.toISOString();
    const time = iso.slice(11, 19);
    return options.dateTimes && time !== '00:00:00' ? `${iso.slice(0, 10)} ${time}` : iso.slice(0, 10);
  }
  if (typeof value === 'object') {
    const v = value as { text?: unknown; result?: unknown; richText?: { text: string }[] };
    if (v.richText) return v.richText.map((r) => r.text).join('');
    if (v.text !== undefined) return String(v.text);
    if (v.result !== undefined) return cellText(v.result, options);
  }
  return String(value);
}

async function* csvRows(stream: Readable): AsyncGenerator<string[]> {
  const parser = stream.pipe(parse({ bom: true, relax_column_count: true, skip_empty_lines: true }));
  for await (const record of parser) yield record as string[];
}

async function* xlsxRows(
  input: string | Readable,
  onRow: () => void,
  options: SheetOptions = {},
): AsyncGenerator<string[]> {
  const reader = new (await loadExcelJS()).stream.xlsx.WorkbookReader(input as string, {
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    styles: 'cache',
    worksheets: 'emit',
  });
  for await (const sheet of reader) {
    for await (const row of sheet) {
      const values = (row as ExcelJS.Row).values as unknown[];
      const cells: string[] = [];
      for (let i = 1; i < values.length; i++) cells.push(cellText(values[i], options));
      onRow();
      yield cells;
    }
    break; // the first worksheet only
  }
}

/** Rows of a file on disk, with a progress measure (bytes for CSV, rows for XLSX). */
export async function* readRows(
  file: string,
  onProgress: (done: number) => void,
  options: SheetOptions = {},
): AsyncGenerator<string[]> {
  const format = formatOf(file);
  if (format === 'csv') {
    const stream = createReadStream(file);
    let bytes = 0;
    stream.on('data', (chunk) => {
      bytes += chunk.length;
      onProgress(bytes);
    });
    yield* csvRows(stream);
    return;
  }
  if (format === 'xlsx') {
    let n = 0;
    yield* xlsxRows(file, () => onProgress(++n), options);
    return;
  }
  throw new AppError(422, 'format', textOf('import.error.format'));
}

/** Rows of an uploaded file; its content decides (an .xlsx must be a workbook, a .csv text). */
export async function* readUploadedRows(
  bytes: Buffer,
  filename: string,
  options: SheetOptions = {},
): AsyncGenerator<string[]> {
  const format = formatOf(filename);
  const kind = sniffKind(bytes);
  if (!((format === 'csv' && kind === 'txt') || (format === 'xlsx' && kind === 'xlsx')))
    throw new AppError(422, 'format', textOf('import.error.format'));
  try {
    if (format === 'csv') yield* csvRows(Readable.from([bytes]));
    else {
      // exceljs inflates what the headers claim: the package is counted within limits first.
      await checkZip(bytes);
      yield* xlsxRows(Readable.from([bytes]), () => undefined, options);
    }
  } catch (error) {
    // A damaged workbook or a CSV with broken quoting: the file, not the platform, is at fault.
    if (error instanceof AppError) throw error;
    throw new AppError(
      422,
      'unreadable',
      textOf('import.error.unreadable', { reason: (error as Error).message.slice(0, 200) }),
    );
  }
}
