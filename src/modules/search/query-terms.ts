// What a query asks for (docs/adr/0023-search-words.md). A query of one phrase keeps the meaning it
// always had (the items whose normalised text contains it); a query of several words, or a word the
// synonym dictionary widens, asks for the items that contain every word, each in any of its forms.
// Pure: the dictionary comes in as groups of equivalent terms.
import { normalise } from './tokenizer.ts';

export interface QueryTerm {
  /** The normalised word or phrase as typed (without its quotes). */
  readonly text: string;
  /** Typed in quotes: an exact phrase, never widened or split. */
  readonly quoted: boolean;
  /** The forms any of which satisfies the term; the first is `text` unless a shorter form covers it. */
  readonly variants: readonly string[];
}

/** At most this many forms per term (each form is one more index lookup). */
export const MAX_VARIANTS = 8;
/** At most this many terms per query; words beyond are ignored. */
export const MAX_TERMS = 8;

const OPENING = new Set(['"', '“']);
const CLOSING = new Set(['"', '”']);

/**
 * The words and quoted phrases of a query: split on white space (any, U+3000 included) outside
 * quotes; "…" and “…” keep what they enclose as one phrase, spaces included (an unclosed quote runs
 * to the end). Empty terms and repeated ones are dropped.
 */
export function parseTerms(q: string): { text: string; quoted: boolean }[] {
  const chars = Array.from(normalise(q));
  const out: { text: string; quoted: boolean }[] = [];
  const push = (text: string, quoted: boolean) => {
    const t = quoted ? text.trim() : text;
    if (t && !out.some((o) => o.text === t && o.quoted === quoted)) out.push({ text: t, quoted });
  };
  let word = '';
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (OPENING.has(ch)) {
      push(word, false);
      word = '';
      let phrase = '';
      for (i++; i < chars.length && !CLOSING.has(chars[i]!); i++) phrase += chars[i];
      push(phrase, true);
    } else if (ch === ' ') {
      push(word, false);
      word = '';
    } else word += ch;
  }
  push(word, false);
  return out.slice(0, MAX_TERMS);
}

/** The longest member of the group found in `text`, so 住房公积金 is read as itself, not as 公积金. */
function longestIn(text: string, group: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const m of group) if (text.includes(m) && (!best || m.length > best.length)) best = m;
  return best;
}

/**
 * The forms of a word: each group of the dictionary whose member occurs in it adds the word with
 * that member replaced by each other member (社保卡 → 社会保障卡, 社会保险卡). A form that contains
 * another form is dropped, since the shorter one finds every item it would (住房公积金 → 公积金).
 */
export function variantsOf(text: string, groups: readonly (readonly string[])[], max = MAX_VARIANTS): string[] {
  let forms = [text];
  for (const group of groups) {
    const next: string[] = [];
    for (const form of forms) {
      next.push(form);
      const hit = longestIn(form, group);
      if (hit) for (const m of group) if (m !== hit) next.push(form.split(hit).join(m));
    }
    forms = [...new Set(next)].slice(0, max);
  }
  return forms.filter((f) => !forms.some((o) => o !== f && f.includes(o)));
}

/** Terms with their forms: quoted phrases keep one form; groups are compared normalised. */
export function widen(
  terms: readonly { text: string; quoted: boolean }[],
  groups: readonly (readonly string[])[],
): QueryTerm[] {
  const normalised = groups.map((g) => g.map((t) => normalise(t)));
  return terms.map((t) => ({ ...t, variants: t.quoted ? [t.text] : variantsOf(t.text, normalised) }));
}

/** True when the query is one phrase with one form: the search runs exactly as a phrase search. */
export function isSinglePhrase(terms: readonly QueryTerm[]): boolean {
  return terms.length === 1 && terms[0]!.variants.length === 1 && terms[0]!.variants[0] === terms[0]!.text;
}

/** The forms the dictionary added, for the answer's 已包含 line. */
export function widenedWith(terms: readonly QueryTerm[]): string[] {
  return [...new Set(terms.flatMap((t) => t.variants.filter((v) => v !== t.text)))];
}

// One-character words that carry no subject: dropped when a phrase is split into its words.
const FUNCTION_WORDS = new Set(Array.from('的和与及或之在对于了为等把被从向将并以其'));
const hanOnly = /^\p{Script=Han}+$/u;
let segmenter: Intl.Segmenter | undefined;

/**
 * The words of one phrase (Intl.Segmenter), for a query that found nothing as typed: function words
 * are dropped and split one-character pieces joined again (养老|保险|缴|费 → 养老, 保险, 缴费), so
 * no word is a single character unless the phrase had nothing else.
 */
export function wordsOf(text: string): string[] {
  segmenter ??= new Intl.Segmenter('zh', { granularity: 'word' });
  const stretches: string[][] = [[]];
  for (const s of segmenter.segment(text)) {
    if (!s.isWordLike || FUNCTION_WORDS.has(s.segment)) {
      if (stretches[stretches.length - 1]!.length) stretches.push([]);
      continue;
    }
    const current = stretches[stretches.length - 1]!;
    const last = current[current.length - 1];
    // Consecutive single characters are one word the segmenter did not know.
    if (last !== undefined && Array.from(last).length === 1 && Array.from(s.segment).length === 1)
      current[current.length - 1] = last + s.segment;
    else current.push(s.segment);
  }
  const words: string[] = [];
  for (const stretch of stretches) {
    for (let i = 0; i < stretch.length; i++) {
      const w = stretch[i]!;
      if (Array.from(w).length > 1 || stretch.length === 1) words.push(w);
      // A lone character joins its neighbour in the phrase: 残疾|人 → 残疾人.
      else if (i > 0) words[words.length - 1] += w;
      else stretch[i + 1] = w + stretch[i + 1];
    }
  }
  return [...new Set(words.filter((w) => Array.from(w).length > 1))];
}

/**
 * The terms with each unquoted phrase of three or more Chinese characters (and nothing else: a
 * document number or a date is never taken apart) split into its words, or null when none splits.
 */
export function splitTerms(
  terms: readonly { text: string; quoted: boolean }[],
): { text: string; quoted: boolean }[] | null {
  let split = false;
  const out: { text: string; quoted: boolean }[] = [];
  for (const t of terms) {
    const words = !t.quoted && Array.from(t.text).length >= 3 && hanOnly.test(t.text) ? wordsOf(t.text) : [];
    if (words.length >= 2) {
      split = true;
      for (const w of words) if (!out.some((o) => o.text === w && !o.quoted)) out.push({ text: w, quoted: false });
    } else if (!out.some((o) => o.text === t.text && o.quoted === t.quoted)) out.push(t);
  }
  return split ? out.slice(0, MAX_TERMS) : null;
}
