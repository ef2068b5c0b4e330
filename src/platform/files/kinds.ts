// What a file IS, judged by its bytes: the name and the browser's Content-Type are claims an
// uploader controls, so they are only compared against what the content shows. Office formats
// are recognised by their container (ZIP or OLE compound file) and the parts inside it.

export type FileKind = 'pdf' | 'docx' | 'xlsx' | 'doc' | 'xls' | 'png' | 'jpeg' | 'gif' | 'ofd' | 'txt' | 'zip';

interface KindInfo {
  readonly mime: string;
  /** File-name extensions (lower case, no dot) that may carry this content. */
  readonly extensions: readonly string[];
  /** Shown in the browser (PDF and images); everything else is a download. */
  readonly inline: boolean;
  readonly label: string;
}

export const KINDS: Readonly<Record<FileKind, KindInfo>> = {
  pdf: { mime: 'application/pdf', extensions: ['pdf'], inline: true, label: 'PDF' },
  docx: {
    mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    extensions: ['docx'],
    inline: false,
    label: 'DOCX',
  },
  xlsx: {
    mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    extensions: ['xlsx'],
    inline: false,
    label: 'XLSX',
  },
  doc: { mime: 'application/msword', extensions: ['doc'], inline: false, label: 'DOC' },
  xls: { mime: 'application/vnd.ms-excel', extensions: ['xls'], inline: false, label: 'XLS' },
  png: { mime: 'image/png', extensions: ['png'], inline: true, label: 'PNG' },
  jpeg: { mime: 'image/jpeg', extensions: ['jpg', 'jpeg', 'jpe'], inline: true, label: 'JPEG' },
  gif: { mime: 'image/gif', extensions: ['gif'], inline: true, label: 'GIF' },
  ofd: { mime: 'application/ofd', extensions: ['ofd'], inline: false, label: 'OFD' },
  txt: { mime: 'text/plain; charset=utf-8', extensions: ['txt', 'text'], inline: false, label: 'TXT' },
  zip: { mime: 'application/zip', extensions: ['zip'], inline: false, label: 'ZIP' },
};

/** Documents a government agency publishes (公文, tables, scanned pages as PDF/OFD). */
export const DOCUMENT_KINDS: readonly FileKind[] = ['pdf', 'ofd', 'docx', 'doc', 'xlsx', 'xls', 'txt'];
export const IMAGE_KINDS: readonly FileKind[] = ['png', 'jpeg', 'gif'];
/** Attachments on a publication (publishing module). */
export const PUBLICATION_KINDS: readonly FileKind[] = [...DOCUMENT_KINDS, ...IMAGE_KINDS];
/** Attachments to an application (ID copies, supporting papers): few formats, all easy to view. */
export const APPLICATION_KINDS: readonly FileKind[] = ['pdf', 'png', 'jpeg', 'docx'];

const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  for (let i = 0; i < prefix.length; i++) if (bytes[at + i] !== prefix[i]) return false;
  return true;
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

export interface ZipEntry {
  readonly name: string;
  /** As the directory declares it: a claim, never trusted (bounded-zip.ts counts real bytes). */
  readonly size: number;
}

/** Names of the entries in a ZIP's central directory, or undefined when it is not a readable
 *  ZIP. Reading the directory needs no decompression, so sniffing stays cheap and synchronous. */
export function zipEntryNames(bytes: Uint8Array): string[] | undefined {
  return zipEntries(bytes)?.map((e) => e.name);
}

export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end-of-central-directory record sits in the last 22 + 65535 (comment) bytes.
  const stop = Math.max(0, bytes.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= stop; i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return undefined;
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const names: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  for (let n = 0; n < count; n++) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50)
      return names.length > 0 ? names : undefined;
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    if (offset + 46 + nameLength > bytes.length) break;
    names.push({
      name: decoder.decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      size: view.getUint32(offset + 24, true),
    });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return names;
}

function zipKind(bytes: Uint8Array): FileKind | null {
  const names = zipEntryNames(bytes);
  if (!names) return null;
  const has = (name: string) => names.includes(name);
  const under = (dir: string) => names.some((n) => n.startsWith(dir));
  if (has('[Content_Types].xml') && under('word/')) return 'docx';
  if (has('[Content_Types].xml') && under('xl/')) return 'xlsx';
  // GB/T 33190: the package's entry file is OFD.xml at the root.
  if (has('OFD.xml')) return 'ofd';
  return 'zip';
}

/** A compound file's directory entries are 128 bytes, each starting with its UTF-16LE name and
 *  giving the name's byte length (with the terminator) at 0x40; looking for the stream names
 *  at those positions tells a Word file from an Excel one without walking the FAT. The first
 *  one found wins: a document's own stream is written before the storages of objects embedded
 *  in it (a spreadsheet inside a Word file). */
function oleKind(bytes: Uint8Array): FileKind | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const wanted = new Map<string, FileKind>([
    ['WordDocument', 'doc'],
    ['Workbook', 'xls'],
    ['Book', 'xls'],
  ]);
  for (let entry = 512; entry + 128 <= bytes.length; entry += 128) {
    const nameBytes = view.getUint16(entry + 0x40, true);
    if (nameBytes < 2 || nameBytes > 64 || nameBytes % 2 !== 0) continue;
    const type = bytes[entry + 0x42];
    if (type !== 2) continue; // 2 = stream
    let name = '';
    for (let i = 0; i < nameBytes / 2 - 1; i++) name += String.fromCharCode(view.getUint16(entry + i * 2, true));
    const kind = wanted.get(name);
    if (kind) return kind;
  }
  return null;
}

const MARKUP = /^\s*(<!doctype\s+html|<html|<head|<body|<script|<svg|<\?xml|<iframe|<object|<meta|<!--)/i;

/** Plain text: valid UTF-8 (or GB18030, which Chinese Windows still writes) without NUL or other
 *  control characters, and not markup a browser would run. */
export function decodeText(bytes: Uint8Array): string | undefined {
  // Tab, line feed, form feed and carriage return are text; every other C0 control and DEL is
  // not. Checked on the bytes: in UTF-8 and GB18030 alike these bytes only ever stand for
  // themselves (multi-byte sequences use bytes from 0x30 up, never 0x7F).
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if ((b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0c && b !== 0x0d) || b === 0x7f) return undefined;
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      return undefined;
    }
  }
  return text.replace(/^\uFEFF/, '');
}

export function sniffKind(bytes: Uint8Array): FileKind | null {
  if (bytes.length === 0) return null;
  // Readers tolerate junk before the PDF header; we do not, so a polyglot cannot pass as a PDF.
  if (startsWith(bytes, ascii('%PDF-'))) return 'pdf';
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'gif';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) || startsWith(bytes, [0x50, 0x4b, 0x05, 0x06])) return zipKind(bytes);
  if (startsWith(bytes, OLE_MAGIC)) return oleKind(bytes);
  const text = decodeText(bytes);
  if (text !== undefined && !MARKUP.test(text)) return 'txt';
  return null;
}

export function extensionOf(filename: string): string {
  const dot = filename.lastIndexOf('.');
  return dot < 0 ? '' : filename.slice(dot + 1).toLowerCase();
}

export function mimeOf(kind: FileKind | null): string {
  return kind ? KINDS[kind].mime : 'application/octet-stream';
}
