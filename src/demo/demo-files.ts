// The demo's attachments: a small one-page PDF of a normative document's text, generated here
// and stored through platform/files as an upload is (checked by its content, content-addressed).
// The PDF uses the standard Chinese font STSong-Light (Adobe-GB1, not embedded; every PDF
// reader has it), so the file stays a few kilobytes. Its text is known, so it is recorded as
// the extracted text without running the extractor at start-up.
import { checkUpload } from '../platform/files/check.ts';
import { PUBLICATION_KINDS } from '../platform/files/kinds.ts';
import { storeBlob, type BlobConfig } from '../platform/files/blob-store.ts';
import type { StoredAttachment } from '../modules/publishing/index.ts';

/** UTF-16BE hex of a string, as a PDF string for the UniGB-UCS2-H encoding. */
function ucs2Hex(text: string): string {
  let hex = '';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    // Characters outside the BMP do not occur in the demo's texts; shown as a full-width space.
    hex += (code > 0xffff ? 0x3000 : code).toString(16).padStart(4, '0');
  }
  return hex.toUpperCase();
}

/** Splits a line into pieces of at most `width` characters (Chinese text wraps anywhere). */
function wrap(line: string, width: number): string[] {
  const chars = [...line];
  const out: string[] = [];
  for (let i = 0; i < chars.length; i += width) out.push(chars.slice(i, i + width).join(''));
  return out.length ? out : [''];
}

/** A one-page A4 PDF: the title centred in 16 pt, the lines below in 12 pt. */
export function simplePdf(title: string, lines: readonly string[]): Buffer {
  const body = lines.flatMap((l) => wrap(l, 38));
  const ops: string[] = ['BT', '/F1 16 Tf', `${Math.max(72, 297 - [...title].length * 8)} 770 Td`];
  ops.push(`<${ucs2Hex(title)}> Tj`, '/F1 12 Tf', `${72 - Math.max(72, 297 - [...title].length * 8)} -40 Td`);
  for (const l of body.slice(0, 48)) ops.push(`<${ucs2Hex(l)}> Tj`, '0 -20 Td');
  ops.push('ET');
  const stream = ops.join('\n');
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /UniGB-UCS2-H /DescendantFonts [6 0 R] >>',
    `<< /Length ${Buffer.byteLength(stream, 'latin1')} >>\nstream\n${stream}\nendstream`,
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 2 >> /FontDescriptor 7 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>',
  ];
  let pdf = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(pdf, 'latin1'));
    pdf += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(pdf, 'latin1');
  pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) pdf += `${String(off).padStart(10, '0')} 00000 n \n`;
  pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(pdf, 'latin1');
}

/** Stores the PDF of a document through the file store and returns it as an item records it. */
export async function storeDemoPdf(
  config: BlobConfig,
  filename: string,
  title: string,
  lines: readonly string[],
): Promise<StoredAttachment> {
  const bytes = simplePdf(title, lines);
  const check = checkUpload({ field: 'file', filename, bytes }, PUBLICATION_KINDS);
  if (!check.ok) throw new Error(`demo attachment ${filename} refused`);
  const blob = await storeBlob(config, bytes);
  return {
    sha256: blob.sha256,
    filename,
    kind: check.kind,
    mime: check.mime,
    size: bytes.length,
    text: [title, ...lines].join('\n'),
  };
}
