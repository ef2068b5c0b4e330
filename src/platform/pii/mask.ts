// Masking in place: every hidden character becomes '*', separators and the visible characters
// stay as written, so the masked text is exactly as long as the original and every offset the UI
// holds stays valid.
import { isAsciiAlnum, isAsciiLetter } from './context.ts';
import type { Finding, PiiKind } from './finding.ts';

// How many significant characters stay visible at each end: enough for a reviewer to recognise
// which record it is (region and tail of an ID, carrier prefix of a mobile, issuer of a card).
const KEEP: Record<Exclude<PiiKind, 'email'>, readonly [number, number]> = {
  resident_id: [6, 4],
  resident_id_15: [6, 3],
  mobile: [3, 4],
  bank_card: [4, 4],
  credit_code: [8, 2],
  passport: [1, 3],
};

const STARS = '*'.repeat(32);

function isSignificant(c: number): boolean {
  return isAsciiAlnum(c) || (c >= 0xff10 && c <= 0xff19) || c === 0xff38 || c === 0xff58;
}

function keepOf(kind: Exclude<PiiKind, 'email'>, second: number): readonly [number, number] {
  return kind === 'passport' && isAsciiLetter(second) ? [2, 3] : KEEP[kind];
}

export function maskPlain(kind: Exclude<PiiKind, 'email'>, text: string, start: number, end: number): string {
  const [head, tail] = keepOf(kind, text.charCodeAt(start + 1));
  return (
    text.slice(start, start + head) +
    STARS.slice(0, Math.max(0, end - start - head - tail)) +
    text.slice(end - tail, end)
  );
}

/** Masks one span as it is written (separators and full-width digits stay where they are). */
export function maskSpan(kind: PiiKind, span: string): string {
  if (kind === 'email') {
    let at = span.indexOf('@');
    if (at < 0) at = span.indexOf('＠');
    if (at <= 0) return span;
    const keep = at >= 2 ? 1 : 0;
    return span.slice(0, keep) + '*'.repeat(at - keep) + span.slice(at);
  }
  let significant = 0;
  for (let i = 0; i < span.length; i++) if (isSignificant(span.charCodeAt(i))) significant++;
  let [head, tail] = keepOf(kind, span.charCodeAt(1));
  if (kind === 'mobile' && significant > 11) head += significant - 11; // keep the 86 prefix visible
  if (significant === span.length)
    return (
      span.slice(0, head) + STARS.slice(0, Math.max(0, span.length - head - tail)) + span.slice(span.length - tail)
    );
  let out = '';
  let seen = 0;
  for (let i = 0; i < span.length; i++) {
    const c = span.charCodeAt(i);
    if (!isSignificant(c)) {
      out += span[i];
      continue;
    }
    out += seen >= head && seen < significant - tail ? '*' : span[i];
    seen++;
  }
  return out;
}

/** The text with every finding masked in place: the UI's one-click mask. Lengths do not change. */
export function maskText(text: string, findings: readonly Pick<Finding, 'kind' | 'start' | 'end'>[]): string {
  const sorted = [...findings].sort((a, b) => a.start - b.start);
  let out = '';
  let pos = 0;
  for (const f of sorted) {
    if (f.start < pos || f.end > text.length || f.end <= f.start) continue;
    out += text.slice(pos, f.start) + maskSpan(f.kind, text.slice(f.start, f.end));
    pos = f.end;
  }
  return out + text.slice(pos);
}
