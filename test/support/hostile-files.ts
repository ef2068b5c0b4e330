// Hostile files for the security suites: ZIP bombs whose headers lie about their size, nested
// archives, XML entity expansion, polyglots, disguised types and traversal names. Everything is
// made in memory in milliseconds (a 1.3 GB bomb is a repeated 1 KB DEFLATE block), so the suites
// never keep large fixtures in the repository.
import { deflateRawSync, constants, createDeflateRaw } from 'node:zlib';
import { EXE, GIF, HTML, PNG, SVG, makeDocx } from './files.ts';

export interface RawEntry {
  readonly name: string;
  /** Stored bytes: raw DEFLATE when method is 8, the content itself when 0. */
  readonly data: Buffer;
  readonly method?: 0 | 8;
  /** What the headers claim once inflated (default: the real size, when it is known). */
  readonly declaredSize: number;
  readonly crc?: number;
}

/** A ZIP written byte by byte, so the headers can say anything (the sizes a bomb lies about). */
export function rawZip(entries: readonly RawEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const method = e.method ?? 8;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(method, 8);
    local.writeUInt32LE(e.crc ?? 0, 14);
    local.writeUInt32LE(e.data.length, 18);
    local.writeUInt32LE(e.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(method, 10);
    central.writeUInt32LE(e.crc ?? 0, 16);
    central.writeUInt32LE(e.data.length, 20);
    central.writeUInt32LE(e.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, e.data);
    centrals.push(central, name);
    offset += 30 + name.length + e.data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** An entry holding `content`, deflated, with honest headers (CRC included). */
export function deflated(name: string, content: string | Buffer): RawEntry {
  const bytes = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
  return { name, data: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

function crc32(bytes: Buffer): number {
  let crc = ~0;
  for (const b of bytes) {
    crc ^= b;
    for (let k = 0; k < 8; k++) crc = (crc >>> 1) ^ (0xedb88320 & -(crc & 1));
  }
  return ~crc >>> 0;
}

let blocks: Promise<{ first: Buffer; next: Buffer }> | undefined;

/** Raw DEFLATE data that inflates to `mib` MiB of the letter A: one 1 MiB block, flushed, then
 *  the same ~1 KB block over and over (the window is all A's, so each encodes identically). */
export async function deflateBomb(mib: number): Promise<Buffer> {
  blocks ??= (async () => {
    const unit = Buffer.alloc(1 << 20, 'A');
    const d = createDeflateRaw({ level: 9 });
    const segment = () =>
      new Promise<Buffer>((resolve) => {
        const out: Buffer[] = [];
        const on = (c: Buffer) => out.push(c);
        d.on('data', on);
        d.write(unit);
        d.flush(constants.Z_SYNC_FLUSH, () => {
          d.off('data', on);
          resolve(Buffer.concat(out));
        });
      });
    const first = await segment();
    await segment();
    const next = await segment();
    d.destroy();
    return { first, next };
  })();
  const { first, next } = await blocks;
  // 0x03 0x00: a final, empty block with fixed codes.
  return Buffer.concat([first, ...Array<Buffer>(Math.max(0, mib - 1)).fill(next), Buffer.from([0x03, 0x00])]);
}

const CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>';

/** A DOCX whose word/document.xml inflates to `mib` MiB while its headers declare 1 KB — the
 *  upload of the finding (1.3 MB that became 1.3 GB in memory). */
export async function docxBomb(mib = 1300, declaredSize = 1024): Promise<Buffer> {
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    { name: 'word/document.xml', data: await deflateBomb(mib), declaredSize },
  ]);
}

/** The same bomb with honest headers (it declares its real size): refused before inflating. */
export async function honestDocxBomb(mib = 1300): Promise<Buffer> {
  return docxBomb(mib, Math.min(mib * 1024 * 1024, 0xfffffffe));
}

/** Many small entries, each a little bomb: the total is what explodes. */
export async function manyEntriesBomb(entries = 2000, mibEach = 1, declaredSize = 100): Promise<Buffer> {
  const data = await deflateBomb(mibEach);
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('word/document.xml', '<w:document><w:body><w:p><w:r><w:t>x</w:t></w:r></w:p></w:body></w:document>'),
    ...Array.from({ length: entries }, (_, i) => ({
      name: `xl/worksheets/sheet${i + 1}.xml`,
      data,
      declaredSize,
    })),
  ]);
}

/** An XLSX whose shared strings part is a bomb (exceljs would read the whole of it). */
export async function xlsxBomb(mib = 512): Promise<Buffer> {
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated(
      'xl/workbook.xml',
      '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets/></workbook>',
    ),
    { name: 'xl/sharedStrings.xml', data: await deflateBomb(mib), declaredSize: 2048 },
  ]);
}

/** An OFD whose page content is a bomb. */
export async function ofdBomb(mib = 512): Promise<Buffer> {
  return rawZip([
    deflated('OFD.xml', '<ofd:OFD xmlns:ofd="http://www.ofdspec.org/2016"/>'),
    { name: 'Doc_0/Pages/Page_0/Content.xml', data: await deflateBomb(mib), declaredSize: 4096 },
  ]);
}

/** 42.zip in small: archives inside archives, each holding copies of the one below. */
export async function nestedBomb(levels = 4, copies = 8, mib = 64): Promise<Buffer> {
  let inner = rawZip([{ name: 'a.txt', data: await deflateBomb(mib), declaredSize: mib * 1024 * 1024 }]);
  for (let level = 0; level < levels; level++)
    inner = rawZip(Array.from({ length: copies }, (_, i) => deflated(`${level}-${i}.zip`, inner)));
  return inner;
}

/** A DOCX that embeds the nested bomb (word/embeddings/…): the text is fine, the package is not. */
export async function docxWithNestedBomb(): Promise<Buffer> {
  const nested = await nestedBomb(3, 8, 16);
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated(
      'word/document.xml',
      '<w:document><w:body><w:p><w:r><w:t>附件见内嵌对象</w:t></w:r></w:p></w:body></w:document>',
    ),
    deflated('word/embeddings/oleObject1.zip', nested),
  ]);
}

/** Billion laughs: ten levels of entities, each ten of the one below (10^9 copies of "lol"). */
export const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
${Array.from({ length: 9 }, (_, i) => ` <!ENTITY lol${i + 1} "${`&lol${i === 0 ? '' : i};`.repeat(10)}">`).join('\n')}
]>`;

export function docxEntityBomb(): Buffer {
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated(
      'word/document.xml',
      `${BILLION_LAUGHS}<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
    ),
  ]);
}

/** An XLSX (made by exceljs) whose shared strings carry a billion-laughs DTD. */
export async function xlsxEntityBomb(): Promise<Buffer> {
  const { makeXlsx } = await import('./files.ts');
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(await makeXlsx([['&lol9;']]));
  const shared = (await zip.file('xl/sharedStrings.xml')?.async('string')) ?? '';
  zip.file('xl/sharedStrings.xml', shared.replace(/^<\?xml[^>]*\?>/, BILLION_LAUGHS).replace('&amp;lol9;', '&lol9;'));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

/** External entity (XXE): a reader that resolves it would put /etc/passwd in the search index. */
export function docxExternalEntity(): Buffer {
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated(
      'word/document.xml',
      `<?xml version="1.0"?><!DOCTYPE d [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&xxe;</w:t></w:r></w:p></w:body></w:document>`,
    ),
  ]);
}

/** Entry names that climb out of a folder, absolute paths and NUL bytes. */
export function docxTraversalNames(): Buffer {
  return rawZip([
    deflated('[Content_Types].xml', CONTENT_TYPES),
    deflated('word/document.xml', '<w:p><w:r><w:t>正文</w:t></w:r></w:p>'),
    deflated('../../../../tmp/gongkai-pwned.txt', 'pwned'),
    deflated('/etc/cron.d/gongkai', '* * * * * root id'),
    deflated('word/..\\..\\evil.xml', 'x'),
  ]);
}

/** Files that are two things at once, or claim to be what they are not. Each is refused at
 *  upload or stored as what its bytes are, never as what its name or type says. */
export async function disguisedFiles(): Promise<{ label: string; filename: string; bytes: Buffer; type: string }[]> {
  const docx = await makeDocx(['正文']);
  return [
    { label: 'HTML named .pdf', filename: '通知.pdf', bytes: HTML, type: 'application/pdf' },
    { label: 'SVG with script named .png', filename: 'logo.png', bytes: SVG, type: 'image/png' },
    { label: 'Windows program named .docx', filename: '报告.docx', bytes: EXE, type: DOCX_MIME },
    { label: 'HTML named .txt', filename: 'readme.txt', bytes: HTML, type: 'text/plain' },
    {
      label: 'GIF + JavaScript polyglot',
      filename: 'pic.gif',
      bytes: Buffer.concat([GIF, Buffer.from('*/=1;alert(document.cookie)//')]),
      type: 'image/gif',
    },
    {
      label: 'HTML before a PDF header (junk-prefixed PDF)',
      filename: 'x.pdf',
      bytes: Buffer.concat([HTML, Buffer.from('%PDF-1.4\n%%EOF\n')]),
      type: 'application/pdf',
    },
    {
      label: 'PNG with a ZIP (DOCX) appended',
      filename: 'photo.png',
      bytes: Buffer.concat([PNG, docx]),
      type: 'image/png',
    },
    {
      label: 'PDF with a ZIP appended, named .docx',
      filename: 'x.docx',
      bytes: Buffer.concat([Buffer.from('%PDF-1.4\n%%EOF\n'), docx]),
      type: DOCX_MIME,
    },
    { label: 'DOCX named .pdf', filename: 'x.pdf', bytes: docx, type: 'application/pdf' },
    {
      label: 'traversal file name',
      filename: '../../../etc/passwd.txt',
      bytes: Buffer.from('正文'),
      type: 'text/plain',
    },
    {
      label: 'NUL and control characters in the name',
      filename: 'a\u0000b\u202eexe.txt',
      bytes: Buffer.from('正文'),
      type: 'text/plain',
    },
  ];
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
