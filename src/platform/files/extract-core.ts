// The extraction itself, as it runs inside the extraction worker (extract-worker.ts); callers use
// extract.ts, which sends the work there. Bounded (a file can expand to far more text than its
// size: packages are read through bounded-zip.ts, text is cut at maxChars) and forgiving: a
// corrupt or unreadable file gives '' and a warning, never an exception.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isPackageXml, readZip } from './bounded-zip.ts';
import { loadExcelJS } from './exceljs.ts';
import { decodeText, type FileKind } from './kinds.ts';

export interface ExtractOptions {
  /** Stop after this many characters (default 5 Mi characters). */
  readonly maxChars?: number;
}

export interface ExtractResult {
  readonly text: string;
  /** Set when the text was cut at maxChars. */
  readonly truncated: boolean;
  /** Why nothing (or less) was extracted: corrupt file, unsupported kind. Never personal data. */
  readonly warnings: string[];
}

export const DEFAULT_MAX_CHARS = 5 * 1024 * 1024;

/** Collects text up to a limit; `full` tells the producers to stop early. */
class Sink {
  private parts: string[] = [];
  private length = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  get full(): boolean {
    return this.truncated;
  }
  add(text: string): void {
    if (this.truncated || text === '') return;
    const room = this.max - this.length;
    if (text.length > room) {
      this.parts.push(text.slice(0, room));
      this.length = this.max;
      this.truncated = true;
      return;
    }
    this.parts.push(text);
    this.length += text.length;
  }
  text(): string {
    return this.parts.join('');
  }
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-fA-F]+|#\d+|amp|lt|gt|quot|apos);/g, (_, e: string) => {
    if (e.startsWith('#x')) return String.fromCodePoint(parseInt(e.slice(2), 16));
    if (e.startsWith('#')) return String.fromCodePoint(parseInt(e.slice(1), 10));
    return ENTITIES[e]!;
  });
}

async function docxText(bytes: Uint8Array, sink: Sink): Promise<void> {
  const { parts } = await readZip(bytes, (name) => name === 'word/document.xml');
  const xml = parts.get('word/document.xml')?.toString('utf8');
  if (xml === undefined) throw new Error('no word/document.xml');
  // Each paragraph (w:p) is a line; runs' text (w:t), tabs and breaks inside it are joined.
  for (const paragraph of xml.match(/<w:p[\s>][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    if (sink.full) return;
    let line = '';
    for (const token of paragraph.match(/<w:t(?:\s[^>]*)?>[^<]*<\/w:t>|<w:tab\/>|<w:br\/>|<w:cr\/>/g) ?? []) {
      if (token === '<w:tab/>') line += '\t';
      else if (token === '<w:br/>' || token === '<w:cr/>') line += '\n';
      else line += unescapeXml(token.replace(/^<w:t[^>]*>/, '').replace(/<\/w:t>$/, ''));
    }
    sink.add(line + '\n');
  }
}

/** exceljs inflates every part of the package it is given, trusting the headers; so it gets a
 *  package rebuilt from the parts bounded-zip.ts inflated within its limits (stored, not
 *  compressed again), without pictures and embedded objects, which hold no cell text. */
async function boundedXlsx(bytes: Uint8Array): Promise<Buffer> {
  const { parts } = await readZip(
    bytes,
    (name) => /\.(xml|rels)$/i.test(name) && !/^xl\/(media|embeddings)\//.test(name),
  );
  // Loaded here, not at the top: the server imports this file at start and rarely reads a workbook.
  const { default: JSZip } = await import('jszip');
  const zip = new JSZip();
  for (const [name, data] of parts) zip.file(name, data);
  return zip.generateAsync({ type: 'nodebuffer', compression: 'STORE' });
}

async function xlsxText(bytes: Uint8Array, sink: Sink): Promise<void> {
  const workbook = new (await loadExcelJS()).Workbook();
  await workbook.xlsx.load((await boundedXlsx(bytes)) as unknown as ArrayBuffer);
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: false }, (row) => {
      if (sink.full) return;
      const cells: string[] = [];
      row.eachCell({ includeEmpty: true }, (cell, column) => {
        cells[column - 1] = cell.text ?? '';
      });
      sink.add(Array.from(cells, (c) => c ?? '').join('\t') + '\n');
    });
    if (sink.full) return;
  }
}

async function ofdText(bytes: Uint8Array, sink: Sink): Promise<void> {
  // GB/T 33190: the visible text of each page is in the TextCode elements of its Content.xml.
  const isPage = (name: string) => /Pages\/Page_\d+\/Content\.xml$/i.test(name);
  const { parts } = await readZip(bytes, isPage);
  const pages = [...parts.keys()].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
  for (const name of pages) {
    if (sink.full) return;
    const xml = parts.get(name)!.toString('utf8');
    for (const match of xml.matchAll(/<(?:ofd:)?TextCode[^>]*>([^<]*)<\/(?:ofd:)?TextCode>/g))
      sink.add(unescapeXml(match[1]!) + '\n');
  }
}

/** PDF writers (Chromium among them) map some ideographs to their look-alike Kangxi radicals
 *  (⼈ U+2F08 for 人); searching and the personal-data guard need the ideographs. */
function unifyRadicals(text: string): string {
  return text.replace(/[\u2e80-\u2eff\u2f00-\u2fdf]/g, (c) => c.normalize('NFKC'));
}

let pdfjs: Promise<typeof import('pdfjs-dist/legacy/build/pdf.mjs')> | undefined;
const pdfjsRoot = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));

async function pdfText(bytes: Uint8Array, sink: Sink): Promise<void> {
  // Loaded on first use: the library is large and most processes never read a PDF.
  pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const { getDocument } = await pdfjs;
  const task = getDocument({
    // pdf.js takes ownership of the buffer it is given, so it gets a copy.
    data: new Uint8Array(bytes),
    // Chinese PDFs often use the predefined CJK CMaps (UniGB-UCS2-H…) instead of a ToUnicode map.
    cMapUrl: pathToFileURL(join(pdfjsRoot, 'cmaps') + '/').href,
    cMapPacked: true,
    standardFontDataUrl: pathToFileURL(join(pdfjsRoot, 'standard_fonts') + '/').href,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    verbosity: 0,
  });
  try {
    const doc = await task.promise;
    for (let n = 1; n <= doc.numPages && !sink.full; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += unifyRadicals(item.str);
        if (item.hasEOL) {
          sink.add(line + '\n');
          line = '';
        }
      }
      sink.add(line === '' ? '\n' : line + '\n\n');
      page.cleanup();
    }
  } finally {
    await task.destroy();
  }
}

/** The file's text with what went wrong, if anything, extracted in this thread: only the
 *  extraction worker (and the benchmark) call it; everyone else uses extract.ts. */
export async function extractInThisThread(
  bytes: Uint8Array,
  kind: FileKind | null,
  options: ExtractOptions = {},
): Promise<ExtractResult> {
  const sink = new Sink(options.maxChars ?? DEFAULT_MAX_CHARS);
  const warnings: string[] = [];
  try {
    switch (kind) {
      case 'txt': {
        const text = decodeText(bytes);
        if (text === undefined) warnings.push('txt: not UTF-8 or GB18030 text');
        else sink.add(text);
        break;
      }
      case 'docx':
        await docxText(bytes, sink);
        break;
      case 'xlsx':
        await xlsxText(bytes, sink);
        break;
      case 'pdf':
        await pdfText(bytes, sink);
        break;
      case 'ofd':
        await ofdText(bytes, sink);
        break;
      default:
        // Images, legacy binary Office files and archives: no text we read (yet).
        warnings.push(`${kind ?? 'unknown'}: no text extraction for this kind`);
    }
  } catch (err) {
    warnings.push(`${kind}: unreadable file (${err instanceof Error ? err.message.slice(0, 200) : 'error'})`);
    return { text: '', truncated: false, warnings };
  }
  if (sink.truncated) warnings.push(`text cut at ${options.maxChars ?? DEFAULT_MAX_CHARS} characters`);
  return { text: sink.text().replace(/\n+$/, '\n').trimEnd(), truncated: sink.truncated, warnings };
}
