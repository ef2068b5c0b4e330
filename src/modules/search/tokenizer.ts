// Our own Chinese-aware tokenizer (DESIGN.md "Search"). SQLite's trigram tokenizer cannot match a
// two-character word such as 社保, and no dictionary segmenter finds every substring, so the index
// holds character bigrams of every run of letters and digits — any substring of a run of two or
// more characters is covered by its bigrams. The last character of each run is also kept as a
// unigram, so a one-character run of a query (x) always matches the prefix query x*: in the
// document x either starts a bigram or ends a run. ASCII terms and Intl.Segmenter words are
// extra tokens for relevance only; correctness never depends on them.
//
// The index only proposes candidates: results are then verified by a substring test on the same
// normalised text, which is why a phrase search returns exactly what `LIKE '%q%'` would.

/**
 * Maps text to its searchable form one code point for one code point (so positions in the
 * normalised text are positions in the original): full-width ASCII to half-width, ASCII to lower
 * case, every whitespace character to a space, and every bracket used around the year of a
 * document number — 〔〕 [] () （） 【】 ［］ — to 〔〕, so 岳人社发[2013]12号 finds 岳人社发〔2013〕12号.
 */
export function normalise(text: string): string {
  let out = '';
  for (const ch of text) out += mapChar(ch);
  return out;
}

function mapChar(ch: string): string {
  const c = ch.codePointAt(0)!;
  if (c === 0x3000 || /\s/u.test(ch)) return ' ';
  let d = c >= 0xff01 && c <= 0xff5e ? c - 0xfee0 : c;
  if (d >= 0x41 && d <= 0x5a) d += 0x20;
  const mapped = String.fromCodePoint(d);
  if (mapped === '[' || mapped === '(' || mapped === '【') return '〔';
  if (mapped === ']' || mapped === ')' || mapped === '】') return '〕';
  return mapped;
}

const wordRun = /[\p{L}\p{N}]+/gu;
const asciiRun = /[a-z0-9]+/g;

/** Maximal runs of letters and digits in normalised text (what the FTS tokenizers keep). */
export function runs(normalised: string): string[] {
  return normalised.match(wordRun) ?? [];
}

function bigramsOf(run: string, out: string[]): void {
  const chars = Array.from(run);
  for (let i = 0; i + 1 < chars.length; i++) out.push(chars[i]! + chars[i + 1]!);
  out.push(chars[chars.length - 1]!);
}

let segmenter: Intl.Segmenter | undefined;

/** Words of three or more characters found by Intl.Segmenter (shorter ones are bigrams already). */
export function segmenterWords(normalised: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const out: string[] = [];
  for (const s of segmenter.segment(normalised)) {
    if (s.isWordLike && Array.from(s.segment).length >= 3 && /^[\p{L}\p{N}]+$/u.test(s.segment)) out.push(s.segment);
  }
  return out;
}

/**
 * Index tokens of normalised text, space-separated (FTS5 unicode61 and PostgreSQL
 * array_to_tsvector both take them verbatim). `words` adds Segmenter words: used for titles,
 * where they help ranking; for bodies the cost (≈3 MB/s) buys nothing that bigrams lack.
 */
export function indexTokens(normalised: string, options: { words?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const run of runs(normalised)) {
    bigramsOf(run, out);
    for (const term of run.match(asciiRun) ?? []) if (term.length > 2) out.push(term);
  }
  if (options.words) out.push(...segmenterWords(normalised));
  return out;
}

// Characters without case: for a query made of these, the tokenizers' case folding (FTS5
// unicode61 folds more than our normalise does) cannot make the index disagree with a substring test.
const caseless = /^[\p{Script=Han}a-z0-9]+$/u;

export interface QueryPlan {
  /** The normalised query: results are the documents whose normalised text contains it. */
  readonly needle: string;
  /** Tokens every candidate must contain. */
  readonly all: string[];
  /** One-character runs: every candidate must contain a token starting with each. */
  readonly prefixes: string[];
  /**
   * True when the query is one run of two or more caseless letters and digits: then its bigrams
   * at consecutive positions (an FTS5 phrase) occur exactly where the query occurs as a substring
   * — a run's bigrams are written at consecutive positions, and the unigram and ASCII terms that
   * separate runs are never two-character tokens — so the substring check can be skipped where
   * the index keeps positions (SQLite).
   */
  readonly exact: boolean;
}

/** What the index must be asked for a phrase query (any query is treated as one phrase). */
export function queryPlan(q: string): QueryPlan {
  const needle = normalise(q.trim());
  const all = new Set<string>();
  const prefixes = new Set<string>();
  const found = runs(needle);
  for (const run of found) {
    const chars = Array.from(run);
    if (chars.length === 1) prefixes.add(run);
    else for (let i = 0; i + 1 < chars.length; i++) all.add(chars[i]! + chars[i + 1]!);
  }
  const exact = found.length === 1 && found[0] === needle && Array.from(needle).length >= 2 && caseless.test(needle);
  return { needle, all: [...all], prefixes: [...prefixes], exact };
}

/** Removes the tags of sanitised HTML and decodes its entities; block ends become spaces. */
export function htmlToText(html: string): string {
  return html
    .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, ' ')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, e: string) => {
      if (e[0] === '#') {
        const n = e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1), 10);
        return Number.isFinite(n) && n > 0 && n < 0x110000 ? String.fromCodePoint(n) : ' ';
      }
      return entities[e.toLowerCase()] ?? m;
    })
    .replace(/\s+/g, ' ')
    .trim();
}

const entities: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ' };

/**
 * The loose key of a document number (文号): only its letters and digits, without 年, 第 and 号,
 * so 岳人社发〔2013〕12号, 岳人社发2013年12号 and 岳人社发[2013]12 share one key. Null when the
 * text carries no four-digit year (then it is not a document number).
 */
export function documentNumberKey(text: string): string | null {
  const n = normalise(text);
  if (!/(19|20)\d\d/.test(n)) return null;
  const key = (runs(n).join('')).replace(/[年第号]/g, '');
  return key.length >= 5 && key.length <= 60 ? key : null;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/**
 * A short extract of `text` around the first match of the normalised needle, HTML-escaped, with
 * every match wrapped in <mark>. `text` is the normalised text (same positions as the original).
 */
export function snippet(text: string, needle: string, width = 80): string {
  const chars = Array.from(text);
  const nChars = Array.from(needle);
  const hay = chars.join('');
  const first = needle ? hay.indexOf(needle) : -1;
  const firstIdx = first < 0 ? 0 : Array.from(hay.slice(0, first)).length;
  const start = Math.max(0, firstIdx - Math.floor((width - nChars.length) / 3));
  const end = Math.min(chars.length, start + width);
  const part = chars.slice(start, end).join('');
  let out = start > 0 ? '…' : '';
  if (!needle) return out + escapeHtml(part) + (end < chars.length ? '…' : '');
  let i = 0;
  for (;;) {
    const j = part.indexOf(needle, i);
    if (j < 0) break;
    out += escapeHtml(part.slice(i, j)) + '<mark>' + escapeHtml(needle) + '</mark>';
    i = j + needle.length;
  }
  out += escapeHtml(part.slice(i));
  return out + (end < chars.length ? '…' : '');
}
