// The tables of a received report file as grids: XLSX sheets (exceljs), the tables of an HTML page,
// and the Word tables of a DOCX (word/document.xml). Only what the extractor needs is read: cell
// text, spans and where each cell is, for messages. A file that is not what it claims to be throws
// UnreadableReport with a message in both languages.
import type ExcelJS from 'exceljs';
import { loadExcelJS } from '../../../platform/files/exceljs.ts';
import {
  columnLetters,
  decodeEntities,
  gridFromSpans,
  GridTooLarge,
  MAX_GRID_CELLS,
  MAX_SPAN,
  type Grid,
  type GridValue,
  type SpanCell,
} from './grid.ts';

export class UnreadableReport extends Error {
  override name = 'UnreadableReport';
  constructor(
    readonly zh: string,
    readonly en: string,
  ) {
    super(`${zh} / ${en}`);
  }
}

export interface ReadTables {
  readonly title: string | null;
  readonly grids: Grid[];
}

// ---- XLSX ------------------------------------------------------------------------------------------

const MAX_SHEET_ROWS = 500;
const MAX_SHEET_COLUMNS = 60;
const MAX_SHEETS = 30;

function excelValue(value: ExcelJS.CellValue): GridValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('result' in value && value.result !== undefined) return excelValue(value.result as ExcelJS.CellValue); // formula
    if ('richText' in value) return value.richText.map((t) => t.text).join('');
    if ('text' in value) return String(value.text); // hyperlink
    if ('error' in value) return String(value.error);
  }
  return String(value);
}

export async function readXlsx(bytes: Buffer): Promise<ReadTables> {
  const wb = new (await loadExcelJS()).Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (error) {
    throw new UnreadableReport(
      `无法读取Excel文件：${(error as Error).message}`,
      `cannot read the Excel file: ${(error as Error).message}`,
    );
  }
  const grids: Grid[] = [];
  let title: string | null = null;
  wb.eachSheet((ws) => {
    if (grids.length >= MAX_SHEETS) return;
    const cells: GridValue[][] = [];
    // A sheet's dimensions come from the file: a single cell at XFD1048576 would otherwise mean
    // billions of reads. The official forms fit in a few dozen rows and columns.
    const width = Math.min(ws.columnCount, MAX_SHEET_COLUMNS);
    for (let r = 1; r <= Math.min(ws.rowCount, MAX_SHEET_ROWS); r++) {
      const row: GridValue[] = [];
      for (let c = 1; c <= width; c++) {
        const cell = ws.getCell(r, c);
        // A merged cell reads as its master's value, as Excel shows it.
        row.push(excelValue(cell.isMerged ? cell.master.value : cell.value));
      }
      cells.push(row);
    }
    const first = cells[0]?.[0];
    if (title === null && typeof first === 'string') title = first.split(' — ')[0]!.trim();
    const name = ws.name;
    grids.push({ source: name, caption: name, cells, locate: (r, c) => `${name}!${columnLetters(c)}${r + 1}` });
  });
  return { title: title ?? (wb.title || null), grids };
}

// ---- HTML ------------------------------------------------------------------------------------------

const tooLarge = () =>
  new UnreadableReport(
    '文件中的表格过大，不是年度报告的表格',
    'a table in the file is far too large to be a table of an annual report',
  );

function bounded<T>(build: () => T): T {
  try {
    return build();
  } catch (error) {
    if (error instanceof GridTooLarge) throw tooLarge();
    throw error;
  }
}

const stripTags = (html: string): string =>
  decodeEntities(html.replace(/<[^>]*>/g, ''))
    .replace(/\s+/g, ' ')
    .trim();

function spanOf(attrs: string, name: 'colspan' | 'rowspan'): number {
  const m = new RegExp(`\\b${name}\\s*=\\s*["']?(\\d+)`, 'i').exec(attrs);
  return m ? Math.min(Math.max(Number(m[1]), 1), 1000) : 1;
}

/** The tables of an HTML page: a tolerant scan of table, tr, th and td (nested tables are read
 *  as their own tables). Scripts, styles and comments are dropped first. */
export function readHtml(html: string): ReadTables {
  const clean = html.replace(/<!--[\s\S]*?-->/g, '').replace(/<(script|style|template)\b[\s\S]*?<\/\1\s*>/gi, '');
  const titleMatch = /<h1\b[^>]*>([\s\S]*?)<\/h1>/i.exec(clean) ?? /<title\b[^>]*>([\s\S]*?)<\/title>/i.exec(clean);
  const grids: Grid[] = [];
  const tables: { caption: string; rows: SpanCell[][]; cell: { attrs: string; start: number } | null }[] = [];
  const tag = /<(\/?)(table|caption|tr|td|th)\b([^>]*)>/gi;
  let m: RegExpExecArray | null;
  let captionStart = -1;
  const finishCell = (t: (typeof tables)[number], end: number) => {
    if (!t.cell) return;
    const text = stripTags(clean.slice(t.cell.start, end));
    if (t.rows.length === 0) t.rows.push([]);
    t.rows[t.rows.length - 1]!.push({
      value: text,
      colSpan: spanOf(t.cell.attrs, 'colspan'),
      rowSpan: spanOf(t.cell.attrs, 'rowspan'),
    });
    t.cell = null;
  };
  while ((m = tag.exec(clean))) {
    const [whole, close, nameRaw, attrs] = m;
    const name = nameRaw!.toLowerCase();
    const t = tables[tables.length - 1];
    if (name === 'table' && !close) {
      tables.push({ caption: '', rows: [], cell: null });
    } else if (name === 'table' && close && t) {
      finishCell(t, m.index);
      tables.pop();
      const index = grids.length + 1;
      const rows = t.rows.filter((r) => r.length);
      grids.push({
        source: `HTML 表格 ${index}`,
        caption: t.caption,
        cells: bounded(() => gridFromSpans(rows)),
        locate: (r, c) => `HTML 表格 ${index} 第${r + 1}行第${c + 1}列`,
      });
    } else if (!t) {
      continue;
    } else if (name === 'caption') {
      if (!close) captionStart = m.index + whole.length;
      else if (captionStart >= 0) t.caption = stripTags(clean.slice(captionStart, m.index));
    } else if (name === 'tr') {
      finishCell(t, m.index);
      if (!close) t.rows.push([]);
    } else if (!close) {
      finishCell(t, m.index);
      t.cell = { attrs: attrs ?? '', start: m.index + whole.length };
    } else {
      finishCell(t, m.index);
    }
  }
  return { title: titleMatch ? stripTags(titleMatch[1]!) || null : null, grids };
}

// ---- DOCX ------------------------------------------------------------------------------------------

const wText = (xml: string): string =>
  decodeEntities([...xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((x) => x[1]).join('')).trim();

/** Word tables: w:gridSpan is a column span; w:vMerge="restart" … continuation cells are a row span,
 *  so a continuation cell takes the text of the cell above it in the same column. */
export async function readDocx(bytes: Buffer): Promise<ReadTables> {
  let xml: string;
  try {
    const { default: JSZip } = await import('jszip');
    const zip = await JSZip.loadAsync(bytes);
    const file = zip.file('word/document.xml');
    if (!file)
      throw new UnreadableReport(
        '不是Word文档：缺少word/document.xml',
        'not a Word document: word/document.xml is missing',
      );
    xml = await file.async('string');
  } catch (error) {
    if (error instanceof UnreadableReport) throw error;
    throw new UnreadableReport(
      `无法读取Word文件：${(error as Error).message}`,
      `cannot read the Word file: ${(error as Error).message}`,
    );
  }
  const grids: Grid[] = [];
  let title: string | null = null;
  const body = xml.replace(/<w:tbl>[\s\S]*?<\/w:tbl>/g, (t) => `\u0000${t.length}\u0000`);
  for (const p of body.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)) {
    const text = wText(p[0]);
    if (text) {
      title = text;
      break;
    }
  }
  let filled = 0;
  for (const t of xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)) {
    const cells: GridValue[][] = [];
    for (const tr of t[1]!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)) {
      const row: GridValue[] = [];
      for (const tc of tr[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)) {
        const inner = tc[1]!;
        const span = Math.min(Number(/<w:gridSpan w:val="(\d+)"/.exec(inner)?.[1] ?? 1), MAX_SPAN);
        const cont = /<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(inner);
        const col = row.length;
        for (let i = 0; i < Math.max(1, span); i++)
          row.push(cont ? (cells[cells.length - 1]?.[col + i] ?? null) : wText(inner));
      }
      cells.push(row);
      filled += row.length;
      if (filled > MAX_GRID_CELLS) throw tooLarge();
    }
    const width = Math.max(0, ...cells.map((r) => r.length));
    const index = grids.length + 1;
    grids.push({
      source: `Word 表格 ${index}`,
      caption: '',
      cells: cells.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null)),
      locate: (r, c) => `Word 表格 ${index} 第${r + 1}行第${c + 1}列`,
    });
  }
  return { title, grids };
}
