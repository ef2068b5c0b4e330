// A table read from a received report, as a grid: every position a merged cell covers holds that
// cell's content, as a spreadsheet shows it. The extractor (extract.ts) finds rows and columns by
// their labels on this grid, so the same code reads XLSX, HTML and DOCX, and a file with an extra
// row or a moved table still reads.

export type GridValue = string | number | null;

export interface Grid {
  /** Where the table came from, for messages: a sheet name, “HTML 表格 2”, “Word 表格 3”. */
  readonly source: string;
  /** Caption or sheet title when the file has one (helps to tell the tables apart). */
  readonly caption: string;
  readonly cells: readonly (readonly GridValue[])[];
  /** Human location of a cell in the file, e.g. 表三!E7 or “Word 表格 2 第7行第5列”. */
  locate(row: number, col: number): string;
}

export interface SpanCell {
  readonly value: GridValue;
  readonly colSpan: number;
  readonly rowSpan: number;
}

/** The official tables are at most 28 rows by 15 columns; anything far larger is not a report table,
 *  and spans are bounded so that a crafted file cannot make a huge grid out of a few bytes. */
export const MAX_SPAN = 100;
export const MAX_GRID_CELLS = 200_000;

export class GridTooLarge extends Error {
  override name = 'GridTooLarge';
}

/** Lays out rows of cells with spans (HTML, Word) on a grid, filling the covered positions. */
export function gridFromSpans(rows: readonly (readonly SpanCell[])[]): GridValue[][] {
  const grid: GridValue[][] = rows.map(() => []);
  let filled = 0;
  rows.forEach((cells, r) => {
    let c = 0;
    for (const cell of cells) {
      while (grid[r]![c] !== undefined) c++;
      const colSpan = Math.min(Math.max(1, cell.colSpan), MAX_SPAN);
      for (let dr = 0; dr < Math.max(1, cell.rowSpan); dr++) {
        const target = grid[r + dr];
        if (!target) break; // a rowspan past the end of the table
        filled += colSpan;
        if (filled > MAX_GRID_CELLS) throw new GridTooLarge();
        for (let dc = 0; dc < colSpan; dc++) target[c + dc] = cell.value;
      }
      c += colSpan;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  return grid.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? null));
}

/** Label text for matching: no white space, full-width brackets and commas, no quotes. */
export function normalizeLabel(value: GridValue): string {
  if (value === null) return '';
  return String(value)
    .replace(/[\s\u3000]+/g, '')
    .replace(/\(/g, '（')
    .replace(/\)/g, '）')
    .replace(/,/g, '，')
    .replace(/[．。]/g, '.')
    .replace(/[“”"'‘’「」]/g, '');
}

/** XLSX column letters for a 0-based index: 0 → A, 26 → AA. */
export function columnLetters(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    out = String.fromCharCode(65 + rem) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

const ENTITIES: Readonly<Record<string, string>> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/** Decodes the entities that appear in HTML and in Word's XML. */
export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) && code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : whole;
    }
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}
