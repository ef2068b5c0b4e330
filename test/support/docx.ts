// Reading a generated DOCX back in tests: the text of word/document.xml (paragraphs joined by
// newlines) and the raw XML of any part, through jszip — as a reader's word processor would.
import JSZip from 'jszip';

export interface DocxParts {
  readonly text: string;
  readonly documentXml: string;
  part(name: string): Promise<string | null>;
}

function unescape(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

export async function readDocx(bytes: Buffer | Uint8Array): Promise<DocxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const file = zip.file('word/document.xml');
  if (!file) throw new Error('not a DOCX: no word/document.xml');
  const documentXml = await file.async('string');
  const paragraphs = documentXml
    .split('</w:p>')
    .map((p) => unescape([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')));
  return {
    text: paragraphs.filter((p) => p !== '').join('\n'),
    documentXml,
    async part(name: string) {
      const f = zip.file(name);
      return f ? f.async('string') : null;
    },
  };
}
