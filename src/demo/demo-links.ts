// What the demo's normative documents carry besides their text: the order in which a batch is
// written so that each policy interpretation follows the document it explains (its link needs
// the document's id), and the document's PDF as an attachment.
import type { BlobConfig } from '../platform/files/blob-store.ts';
import type { StoredAttachment } from '../modules/publishing/index.ts';
import { storeDemoPdf } from './demo-files.ts';

interface Linkable {
  readonly documentNumber?: string;
  readonly interprets?: string;
}

/**
 * The items in their order, except that an interpretation listed before its document moves to
 * just after it (an interpretation is usually published with or after the document anyway).
 */
export function orderForLinks<T extends Linkable>(items: readonly T[]): T[] {
  const out: T[] = [];
  const waiting = new Map<string, T[]>();
  const written = new Set<string>();
  for (const item of items) {
    if (item.interprets && !written.has(item.interprets)) {
      waiting.set(item.interprets, [...(waiting.get(item.interprets) ?? []), item]);
      continue;
    }
    out.push(item);
    if (item.documentNumber) {
      written.add(item.documentNumber);
      out.push(...(waiting.get(item.documentNumber) ?? []));
      waiting.delete(item.documentNumber);
    }
  }
  // An interpretation of a document not in the list keeps its place at the end (and then fails loudly).
  for (const rest of waiting.values()) out.push(...rest);
  return out;
}

/** The document's text as a one-page PDF named after its number, stored through the file store. */
export function normativeAttachment(
  files: BlobConfig,
  d: { title: string; documentNumber?: string; body: string; formationDate: string },
): Promise<StoredAttachment> {
  const lines = d.body
    .split(/<\/p>/)
    .map((p) => p.replace(/<[^>]+>/g, '').trim())
    .filter(Boolean);
  const number = d.documentNumber ?? d.title;
  return storeDemoPdf(files, `${number.replace(/[〔〕]/g, (c) => (c === '〔' ? '（' : '）'))}.pdf`, d.title, [
    number,
    ...lines,
    `（${d.formationDate.slice(0, 4)}年${Number(d.formationDate.slice(5, 7))}月${Number(d.formationDate.slice(8, 10))}日印发）`,
  ]);
}
