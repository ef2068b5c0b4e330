// A 12345 export (CSV, XLSX or JSON) → the work orders it holds and a report of every bad row:
// its number as a spreadsheet shows it (the header is row 1) or its place in a JSON list, the
// column, and what is wrong, in Chinese and English. Reading decides nothing about storing: the
// caller stores the orders only when the report is empty, so a file is taken whole or not at all.
// CSV and XLSX stream through the catalog import's readers; 10,000 rows take well under a second.
import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { readRows, readUploadedRows } from '../catalog-import/index.ts';
import { AppError } from '../../platform/errors.ts';
import { sniffKind } from '../../platform/files/kinds.ts';
import { textOf, type Text } from '../../platform/i18n/i18n.ts';
import type { WorkOrderInput } from './mailbox.ts';
import {
  columnOf,
  parseWorkOrder,
  requiredWorkOrderColumns,
  workOrderColumnLabels,
  workOrderColumns,
  type RowOptions,
  type WorkOrderColumn,
} from './work-order-row.ts';

export type WorkOrderFormat = 'csv' | 'xlsx' | 'json';

export interface WorkOrderProblem {
  /** The spreadsheet row (header = 1), or the order's place in a JSON list (first = 1); 0 for the file. */
  readonly row: number;
  /** The column as the file names it (its header or JSON key), or its Chinese label when absent. */
  readonly column: string | null;
  readonly externalNo: string | null;
  readonly message: Text;
}

export interface WorkOrderFile {
  readonly format: WorkOrderFormat;
  /** Data rows read (empty lines left out). */
  readonly rows: number;
  /** The good orders, in file order; to be stored only when `problems` is empty. */
  readonly orders: WorkOrderInput[];
  readonly problems: WorkOrderProblem[];
}

/** An upload or a webhook call bigger than this is refused before it is parsed. */
export const MAX_WORK_ORDERS = 20_000;

export function workOrderFormatOf(filename: string): WorkOrderFormat | null {
  const ext = extname(filename).toLowerCase();
  if (ext === '.csv' || ext === '.txt') return 'csv';
  if (ext === '.xlsx') return 'xlsx';
  if (ext === '.json') return 'json';
  return null;
}

function formatError(): AppError {
  return new AppError(422, 'format', textOf('mailbox.import.error.format'));
}

/** Collects the orders and problems, and the order numbers seen, across the rows of one file. */
class Collector {
  readonly orders: WorkOrderInput[] = [];
  readonly problems: WorkOrderProblem[] = [];
  private readonly seen = new Map<string, number>();
  rows = 0;

  constructor(private readonly options: RowOptions) {}

  /** `earlier`: problems the caller found before the values (a JSON value of the wrong type). */
  add(
    row: number,
    values: Partial<Record<WorkOrderColumn, string>>,
    names: (c: WorkOrderColumn) => string,
    earlier: readonly { column: string; message: Text }[] = [],
  ): void {
    this.rows++;
    const result = parseWorkOrder(values, this.options);
    const no = (values.externalNo ?? '').trim() || null;
    for (const p of earlier) this.problems.push({ row, column: p.column, externalNo: no, message: p.message });
    for (const p of result.problems)
      this.problems.push({ row, column: names(p.column), externalNo: no, message: p.message });
    // A number given twice in one file is two different orders or a copy: neither can be stored
    // blindly, so the later row is refused and names the first.
    if (no) {
      const first = this.seen.get(no);
      if (first !== undefined)
        this.problems.push({
          row,
          column: names('externalNo'),
          externalNo: no,
          message: textOf('mailbox.import.error.duplicate', { number: no, row: first }),
        });
      else this.seen.set(no, row);
      if (first !== undefined) return;
    }
    if (result.order && earlier.length === 0) this.orders.push(result.order);
  }

  fileProblem(column: string | null, message: Text): void {
    this.problems.push({ row: 0, column, externalNo: null, message });
  }

  result(format: WorkOrderFormat): WorkOrderFile {
    return { format, rows: this.rows, orders: this.orders, problems: this.problems };
  }
}

/** Rows of cells whose first non-empty row is the header. */
export async function parseWorkOrderRows(
  rows: AsyncIterable<string[]> | Iterable<string[]>,
  format: 'csv' | 'xlsx',
  options: RowOptions,
): Promise<WorkOrderFile> {
  const collect = new Collector(options);
  let header: { index: number; column: WorkOrderColumn; rank: number }[] | null = null;
  const names = new Map<WorkOrderColumn, string>();
  const name = (c: WorkOrderColumn) => names.get(c) ?? workOrderColumnLabels[c];
  let rowNo = 0;
  for await (const cells of rows) {
    rowNo++;
    if (cells.every((c) => !c.trim())) continue;
    if (!header) {
      header = [];
      for (const [index, text] of cells.entries()) {
        const found = columnOf(text);
        if (!found) continue;
        header.push({ index, ...found });
        const known = header.find((h) => h.column === found.column && h.rank < found.rank);
        if (!known) names.set(found.column, text.trim());
      }
      const missing = requiredWorkOrderColumns.filter((c) => !header!.some((h) => h.column === c));
      if (missing.length) {
        const list = missing.map((c) => workOrderColumnLabels[c]).join('、');
        collect.fileProblem(null, textOf('mailbox.import.error.columns', { columns: list }));
        return collect.result(format);
      }
      continue;
    }
    if (collect.rows >= MAX_WORK_ORDERS) {
      collect.fileProblem(null, textOf('mailbox.import.error.too_many', { max: MAX_WORK_ORDERS }));
      break;
    }
    collect.add(rowNo, valuesOf(cells, header), name);
  }
  if (!header) collect.fileProblem(null, textOf('mailbox.import.error.empty'));
  return collect.result(format);
}

function valuesOf(
  cells: readonly string[],
  header: readonly { index: number; column: WorkOrderColumn; rank: number }[],
): Partial<Record<WorkOrderColumn, string>> {
  const values: Partial<Record<WorkOrderColumn, string>> = {};
  const ranks: Partial<Record<WorkOrderColumn, number>> = {};
  for (const h of header) {
    const text = (cells[h.index] ?? '').trim();
    if (!text) continue;
    if (ranks[h.column] !== undefined && ranks[h.column]! <= h.rank) continue;
    values[h.column] = text;
    ranks[h.column] = h.rank;
  }
  return values;
}

/** The orders of a parsed JSON document: a list of orders, or `{ "orders": [...] }`, or one order. */
export function parseWorkOrderJson(document: unknown, options: RowOptions): WorkOrderFile {
  const collect = new Collector(options);
  const list = Array.isArray(document)
    ? document
    : document && typeof document === 'object' && Array.isArray((document as { orders?: unknown }).orders)
      ? ((document as { orders: unknown[] }).orders as unknown[])
      : document && typeof document === 'object'
        ? [document]
        : null;
  if (!list) {
    collect.fileProblem(null, textOf('mailbox.import.error.json_shape'));
    return collect.result('json');
  }
  if (list.length > MAX_WORK_ORDERS) {
    collect.fileProblem(null, textOf('mailbox.import.error.too_many', { max: MAX_WORK_ORDERS }));
    return collect.result('json');
  }
  if (list.length === 0) collect.fileProblem(null, textOf('mailbox.import.error.empty'));
  for (const [i, item] of list.entries()) addJsonOrder(collect, i + 1, item);
  return collect.result('json');
}

function addJsonOrder(collect: Collector, row: number, item: unknown): void {
  if (!item || typeof item !== 'object' || Array.isArray(item)) {
    collect.rows++;
    collect.problems.push({
      row,
      column: null,
      externalNo: null,
      message: textOf('mailbox.import.error.json_order'),
    });
    return;
  }
  const values: Partial<Record<WorkOrderColumn, string>> = {};
  const ranks: Partial<Record<WorkOrderColumn, number>> = {};
  const names = new Map<WorkOrderColumn, string>();
  const notText: { column: string; message: Text }[] = [];
  for (const [k, v] of Object.entries(item)) {
    const found = columnOf(k);
    if (!found || v === null || v === undefined || v === '') continue;
    if (typeof v !== 'string' && typeof v !== 'number') {
      notText.push({ column: k, message: textOf('mailbox.import.error.not_text', { field: k }) });
      continue;
    }
    if (ranks[found.column] !== undefined && ranks[found.column]! <= found.rank) continue;
    values[found.column] = String(v);
    ranks[found.column] = found.rank;
    names.set(found.column, k);
  }
  collect.add(row, values, (c) => names.get(c) ?? c, notText);
}

function parseJsonText(text: string, options: RowOptions): WorkOrderFile {
  let document: unknown;
  try {
    document = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    const collect = new Collector(options);
    collect.fileProblem(null, textOf('mailbox.import.error.json', { reason: (error as Error).message.slice(0, 200) }));
    return collect.result('json');
  }
  return parseWorkOrderJson(document, options);
}

/** A file on disk (the command line); CSV and XLSX stream. */
export async function readWorkOrderFile(file: string, options: RowOptions): Promise<WorkOrderFile> {
  const format = workOrderFormatOf(file);
  if (format === 'json') return parseJsonText(await readFile(file, 'utf8'), options);
  if (!format) throw formatError();
  return parseWorkOrderRows(
    readRows(file, () => undefined, { dateTimes: true }),
    format,
    options,
  );
}

/** An uploaded file, already in memory; its content must match its name. */
export async function readUploadedWorkOrders(
  bytes: Buffer,
  filename: string,
  options: RowOptions,
): Promise<WorkOrderFile> {
  const format = workOrderFormatOf(filename);
  if (format === 'json') {
    if (sniffKind(bytes) !== 'txt') throw formatError();
    return parseJsonText(bytes.toString('utf8'), options);
  }
  if (!format) throw formatError();
  return parseWorkOrderRows(readUploadedRows(bytes, filename, { dateTimes: true }), format, options);
}

/** The columns, for the page and the docs that explain the file. */
export const workOrderFileColumns = workOrderColumns.map((c) => ({
  code: c,
  label: workOrderColumnLabels[c],
  required: requiredWorkOrderColumns.includes(c),
}));
