// Our own Chinese-aware tokenizer (docs/adr/0006-search-index.md). SQLite's trigram tokenizer cannot match a
// two-character word such as 社保, and no dictionary segmenter finds every substring, so the index
// holds character bigrams of every run of letters and digits — any substring of a run of two or
// more characters is covered by its bigrams. The last character of each run is also kept as a
// unigram, so a one-character run of a query (x) always matches the prefix query x*: in the
// document x either starts a bigram or ends a run. ASCII terms and Intl.Segmenter words are
// extra tokens for relevance only; correctness never depends on them. Between two runs a
// "junction" token (last character, U+E000, first character of the next run) records that they
// are neighbours across punctuation or space, so a query such as 岳人社发〔2013〕12号 is one FTS5
// phrase whose candidates are nearly exactly its matches, instead of an AND of its parts (the
// bigrams of digits are among the commonest tokens). Two kinds of "selective" tokens are appended
// after the runs (index format 2, see INDEX_FORMAT): every four consecutive ASCII digits as a digit
// quad (U+E001 and the digits), and a wide junction of two characters each side (13, U+E002, 12
// in 〔2013〕12) — digit bigrams and one-character junctions are in most documents, but 8123 of a
// telephone number 0730-8123456 or 13␣12 of a document number are in few, so the search can ask
// for those rare tokens alone and verify.
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
const digitRun = /[0-9]{4,}/g;

/**
 * The version of what indexTokens writes. A query may only ask for tokens the stored index holds,
 * so search reads the format the index was built with (search_index_state) and uses the selective
 * tokens only from format 2 on; `reindexAll` brings an older index up to this one.
 * 1: bigrams, unigrams, junctions, ASCII terms, Segmenter words. 2: digit quads, wide junctions.
 */
export const INDEX_FORMAT = 2;

/** U+E001 (private use, a token character for FTS5) marks a digit quad, so it equals no other token. */
export const QUAD_MARK = '\uE001';
/** U+E002 marks a wide junction (two characters of each neighbouring run). */
export const WIDE_JUNCTION_MARK = '\uE002';

function quadsOf(digits: string, out: string[]): void {
  for (let i = 0; i + 4 <= digits.length; i++) out.push(QUAD_MARK + digits.slice(i, i + 4));
}

/** The wide junction of two neighbouring runs, or null when either has fewer than two characters. */
function wideJunction(before: string, after: string): string | null {
  const b = Array.from(before);
  const a = Array.from(after);
  return b.length >= 2 && a.length >= 2
    ? b[b.length - 2]! + b[b.length - 1]! + WIDE_JUNCTION_MARK + a[0]! + a[1]!
    : null;
}

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
  const terms: string[] = [];
  const selective: string[] = [];
  let previous: string | undefined;
  for (const run of runs(normalised)) {
    if (previous !== undefined) {
      out.push(junction(previous, run));
      const wide = wideJunction(previous, run);
      if (wide) selective.push(wide);
    }
    bigramsOf(run, out);
    for (const term of run.match(asciiRun) ?? []) if (term.length > 2) terms.push(term);
    for (const digits of run.match(digitRun) ?? []) quadsOf(digits, selective);
    previous = run;
  }
  // After every run, so that the token stream of a run is the same wherever it stands.
  out.push(...terms, ...selective);
  if (options.words) out.push(...segmenterWords(normalised));
  return out;
}

/**
 * The token joining two neighbouring runs. U+E000 (private use) is a token character for FTS5's
 * unicode61 but not a letter or digit for us, so a junction (three characters) can never equal a
 * bigram, and never occurs inside a run.
 */
export const JUNCTION_MARK = '\uE000';
function junction(before: string, after: string): string {
  const b = Array.from(before);
  return b[b.length - 1]! + JUNCTION_MARK + String.fromCodePoint(after.codePointAt(0)!);
}

/**
 * The consecutive tokens every occurrence of the needle leaves in the index, as an FTS5 phrase
 * (null when the needle has no run of letters or digits). A run with punctuation after it in the
 * needle ends a run in the document too, so its last character is there as a unigram; a run
 * between two separators is a whole run of the document; the first run may be the end of a longer
 * one and the last run its beginning. A lone one-character run is a prefix query instead.
 * The separators themselves are not indexed: matches are still verified against the text unless
 * the plan is exact.
 */
export function phraseTokens(needle: string): { tokens: string[]; prefix: boolean } | null {
  const parts: { run: string; followed: boolean }[] = [];
  const re = new RegExp(wordRun.source, 'gu');
  for (let m = re.exec(needle); m; m = re.exec(needle))
    parts.push({ run: m[0], followed: m.index + m[0].length < needle.length });
  if (parts.length === 0) return null;
  if (parts.length === 1 && Array.from(parts[0]!.run).length === 1 && !parts[0]!.followed)
    return { tokens: [parts[0]!.run], prefix: true };
  const tokens: string[] = [];
  parts.forEach(({ run, followed }, i) => {
    if (i > 0) tokens.push(junction(parts[i - 1]!.run, run));
    const chars = Array.from(run);
    for (let k = 0; k + 1 < chars.length; k++) tokens.push(chars[k]! + chars[k + 1]!);
    if (followed) tokens.push(chars[chars.length - 1]!);
  });
  return { tokens, prefix: false };
}

// Characters without case: for a query made of these, the tokenizers' case folding (FTS5
// unicode61 folds more than our normalise does) cannot make the index disagree with a substring test.
const caseless = /^[\p{Script=Han}a-z0-9]+$/u;

export interface QueryPlan {
  /** The normalised query: results are the documents whose normalised text contains it. */
  readonly needle: string;
  /** Consecutive tokens every occurrence of the needle leaves in the index (see phraseTokens). */
  readonly all: string[];
  /** Set instead of `all` for a lone one-character run: candidates hold a token starting with it. */
  readonly prefixes: string[];
  /**
   * True when the query is one run of two or more caseless letters and digits: then its bigrams
   * at consecutive positions (an FTS5 phrase) occur exactly where the query occurs as a substring
   * — a run's bigrams are written at consecutive positions, and the unigrams, junctions and ASCII
   * terms around runs are never two-character tokens — so the substring check can be skipped
   * where the index keeps positions (SQLite).
   */
  readonly exact: boolean;
  /**
   * Selective tokens (index format 2) every document holding the needle holds, anywhere: the wide
   * junction between two runs of two or more characters each (the first run ends and the second
   * begins at the separator in the document as in the needle), and the first and last four digits
   * of each run of four or more digits (consecutive digits of the document wherever the needle
   * is). Asking for them never loses a match; the search uses those that are rare instead of a
   * phrase of common tokens, and verifies.
   */
  readonly selective: string[];
}

/** What the index must be asked for a phrase query (any query is treated as one phrase). */
export function queryPlan(q: string): QueryPlan {
  const needle = normalise(q.trim());
  const phrase = phraseTokens(needle);
  const found = runs(needle);
  const exact = found.length === 1 && found[0] === needle && Array.from(needle).length >= 2 && caseless.test(needle);
  const selective = new Set<string>();
  for (let i = 1; i < found.length; i++) {
    const wide = wideJunction(found[i - 1]!, found[i]!);
    if (wide) selective.add(wide);
  }
  for (const digits of needle.match(digitRun) ?? []) {
    selective.add(QUAD_MARK + digits.slice(0, 4));
    selective.add(QUAD_MARK + digits.slice(-4));
  }
  const base = { needle, exact, selective: [...selective] };
  if (!phrase) return { ...base, all: [], prefixes: [] };
  return phrase.prefix ? { ...base, all: [], prefixes: phrase.tokens } : { ...base, all: phrase.tokens, prefixes: [] };
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
  const key = runs(n)
    .join('')
    .replace(/[年第号]/g, '');
  return key.length >= 5 && key.length <= 60 ? key : null;
}

const escapes: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => escapes[c]!);
}

/**
 * A short extract of `text` around the first match of any of the normalised needles, HTML-escaped,
 * with every match wrapped in <mark> (where needles overlap, the longest at the first position).
 * `text` is the normalised text (same positions as the original).
 */
export function snippet(text: string, needle: string | readonly string[], width = 80): string {
  const needles = (typeof needle === 'string' ? [needle] : [...needle])
    .filter(Boolean)
    .sort((a, b) => b.length - a.length);
  const chars = Array.from(text);
  const hay = chars.join('');
  let first = -1;
  let firstNeedle = '';
  for (const n of needles) {
    const at = hay.indexOf(n);
    if (at >= 0 && (first < 0 || at < first)) [first, firstNeedle] = [at, n];
  }
  const firstIdx = first < 0 ? 0 : Array.from(hay.slice(0, first)).length;
  const start = Math.max(0, firstIdx - Math.floor((width - Array.from(firstNeedle || (needles[0] ?? '')).length) / 3));
  const end = Math.min(chars.length, start + width);
  const part = chars.slice(start, end).join('');
  let out = start > 0 ? '…' : '';
  if (needles.length === 0) return out + escapeHtml(part) + (end < chars.length ? '…' : '');
  let i = 0;
  for (;;) {
    let j = -1;
    let found = '';
    for (const n of needles) {
      const at = part.indexOf(n, i);
      if (at >= 0 && (j < 0 || at < j)) [j, found] = [at, n];
    }
    if (j < 0) break;
    out += escapeHtml(part.slice(i, j)) + '<mark>' + escapeHtml(found) + '</mark>';
    i = j + found.length;
  }
  out += escapeHtml(part.slice(i));
  return out + (end < chars.length ? '…' : '');
}
