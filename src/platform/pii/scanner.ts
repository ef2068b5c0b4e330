// The personal-data guard: finds identity numbers, mobiles, bank cards, passports, personal credit
// codes and listed e-mail addresses in text that is about to be published, so that the review can
// block or mask them. Two constraints shape it. It must flag almost nothing else: a guard that
// cries wolf on document numbers, dates and landlines gets switched off. And it must be fast enough
// to run over every attachment on every save, so it is a handful of precompiled regexes over the
// original string, and offsets always point into that string (the UI highlights and masks in place).
import {
  bankCardCompact,
  creditCodeCompact,
  isEmail,
  looksLikeResidentId,
  mobileCompact,
  passportCompact,
  residentId15Compact,
  residentIdCompact,
} from './identifiers.ts';
import { after, before, isAsciiAlnum, isAsciiLetter, labelledOther, Lines } from './context.ts';
import { maskPlain, maskSpan } from './mask.ts';

export { maskSpan, maskText } from './mask.ts';

import type { Finding, PiiKind } from './finding.ts';
export { PII_KINDS, type Finding, type PiiKind } from './finding.ts';

/** Credit codes of companies are meant to be published (penalty decisions name them); those of
 *  individual businesses and those in rows about people are personal data. */
export type CreditCodePolicy = 'personal-context' | 'always' | 'never';

export interface ScanOptions {
  readonly creditCodes?: CreditCodePolicy;
}

// Lower is stronger: when two readings of the same characters compete, the better-validated wins.
const PRIORITY: Record<PiiKind, number> = {
  resident_id: 0,
  credit_code: 1,
  passport: 1,
  bank_card: 2,
  resident_id_15: 3,
  mobile: 4,
  email: 5,
};

/** A finding under construction: line and masked are filled in once the survivors are known. */
interface Candidate {
  kind: PiiKind;
  start: number;
  end: number;
  line: number;
  value: string;
  masked: string;
}

function candidate(kind: PiiKind, start: number, end: number, value: string): Candidate {
  return { kind, start, end, line: 0, value, masked: '' };
}

const DIGIT = '0-9\\uff10-\\uff19';
// One character between digit groups: ASCII and typographic dashes, ordinary, no-break and
// ideographic spaces. A tab or two spaces separate table cells, not groups of one number.
const SEP = ' \\-\\u00a0\\u2010-\\u2013\\u3000\\uff0d';
// At least 11 characters (nothing we look for is shorter than a mobile), so that the many short
// numbers of a notice (dates, amounts, serials) are rejected inside the regex engine without a
// match object being allocated for each.
const CHAIN = new RegExp(`[${DIGIT}](?:[${DIGIT}]|[${SEP}](?=[${DIGIT}])){10,}[Xx\\uff38\\uff58]?`, 'g');
const PASSPORT = /(?<![0-9A-Za-z])(?:E[A-HJ-NP-Z]\d{7}|[EG]\d{8}|[DSP]E?\d{7})(?![0-9A-Za-z])/g;
// Credit codes with at least one letter; the all-digit ones are 18-digit runs, which the chain
// pass reads anyway, so the IDs of a list are not matched twice. The length is checked after the
// match. \b rather than lookbehind: faster, and '_' next to a code makes it part of a word anyway.
const CREDIT = /\b(?:[1-9ANY][0-9A-HJ-NP-RTUW-Y]\d{6}\d{0,9}[A-HJ-NP-RTUW-Y][0-9A-HJ-NP-RTUW-Y]{0,9}|[ANY]\d{17})\b/g;

// Card words. The strong ones are column headers and form labels that prose rarely uses, so one
// anywhere in the text covers a whole list; the weak ones (a bank's name) only count close by.
const CARD_STRONG = /卡号|账号|帐号|银行卡|存折|社保卡|一卡通/;
const CARD_NEAR = /银行|开户|卡号|账号|帐号|存折|社保卡|一卡通|工资卡|信用卡|储蓄卡/;
const ID_WORDS = /身份证|身份号码|公民身份|证件号/;
// A label naming the number as something else: registration, order, exam, document numbers.
const OTHER_NUMBER_NAMES = '注册号|订单|单号|流水号|编号|准考证|考号|索引号|文号|批号|合同号|发票|许可证';
const OTHER_NUMBER = new RegExp(`${OTHER_NUMBER_NAMES}|代码`);
// 代码 is part of 统一社会信用代码 itself, so credit codes are checked without it.
const NOT_A_CREDIT_CODE = new RegExp(OTHER_NUMBER_NAMES);
const PASSPORT_WORDS = /护照/;
const PERSON_WORDS = /个体工商户|个体户|经营者|业主|身份证|身份号码|公民身份|姓名/;
const ENTITY_WORDS = /公司|企业|集团|合作社|协会|学会|学校|医院|银行|事务所|研究院|研究所|委员会|政府|局|中心|厂/;

const NEAR = 40;

interface ChainContext {
  readonly text: string;
  /** All-digit 18-character runs that pass the GB 32100 check, for the credit-code policy. */
  readonly digitCreditCodes: Candidate[];
  cardStrong: boolean | undefined;
  idWords: boolean | undefined;
}

// Scratch arrays for the runs of one chain: most chains are short, and allocating per chain would
// dominate the cost on number-heavy lists.
const runStart: number[] = [];
const runEnd: number[] = [];
const runDigits: string[] = [];
const runSep: number[] = [];

function groupsFit(kind: PiiKind, i: number, j: number, total: number): boolean {
  if (i === j) return true;
  const first = runDigits[i]!.length;
  let minRest = 99;
  for (let k = i + 1; k <= j; k++) minRest = Math.min(minRest, runDigits[k]!.length);
  switch (kind) {
    case 'resident_id': // 6-8-4, 6-4-4-4, 3-3-4-4-4, 4-4-4-4-2 …
      return (first === 6 || first === 3 || first === 4) && minRest >= 2;
    case 'resident_id_15':
      return (first === 6 || first === 3) && minRest >= 3;
    case 'bank_card': // 4-4-4-4-3, 6-13
      return (first === 4 || first === 6) && minRest >= 3;
    case 'mobile': {
      // 138 1234 5678, 138-12345678, 1381234 5678, and the same after 86.
      let sizes = '';
      for (let k = i; k <= j; k++) sizes += `${runDigits[k]!.length},`;
      if (total === 13) sizes = sizes.startsWith('2,') ? sizes.slice(2) : sizes.startsWith('13,') ? '' : '-';
      return sizes === '' || sizes === '11,' || sizes === '3,4,4,' || sizes === '3,8,' || sizes === '7,4,';
    }
    default:
      return false;
  }
}

function cardContext(ctx: ChainContext, start: number, end: number, length: number): boolean {
  const { text } = ctx;
  if (labelledOther(text, start, OTHER_NUMBER)) return false;
  if (length >= 16) {
    ctx.cardStrong ??= CARD_STRONG.test(text);
    if (ctx.cardStrong) return true;
  }
  return CARD_NEAR.test(before(text, start, NEAR)) || CARD_NEAR.test(after(text, end, 12));
}

/** Every valid reading of runs i..j of the current chain; the caller picks among overlaps. */
function readWindow(
  ctx: ChainContext,
  base: number,
  i: number,
  j: number,
  digits: string,
  hasX: boolean,
  out: Candidate[],
): void {
  const start = base + runStart[i]!;
  const end = base + runEnd[j]!;
  const n = digits.length;
  if (hasX) {
    if (n === 18 && residentIdCompact(digits) && groupsFit('resident_id', i, j, n)) {
      out.push(candidate('resident_id', start, end, digits));
    }
    return;
  }
  if (n === 18 && residentIdCompact(digits) && groupsFit('resident_id', i, j, n)) {
    out.push(candidate('resident_id', start, end, digits));
    return;
  }
  // An all-digit code with a region and a birth date where an ID has them is far more likely a
  // mistyped identity number that passed the 1-in-31 check by chance than a credit code.
  if (n === 18 && i === j && creditCodeCompact(digits) && !looksLikeResidentId(digits)) {
    ctx.digitCreditCodes.push(candidate('credit_code', start, end, digits));
  }
  if (n === 11 || n === 13) {
    const national = n === 13 ? (digits.startsWith('86') ? digits.slice(2) : '') : digits;
    if (national !== '' && mobileCompact(national) && groupsFit('mobile', i, j, n)) {
      const plus = n === 13 && ctx.text.charCodeAt(start - 1) === 43 ? 1 : 0;
      out.push(candidate('mobile', start - plus, end, national));
    }
  }
  if (n === 15 && residentId15Compact(digits) && groupsFit('resident_id_15', i, j, n)) {
    ctx.idWords ??= ID_WORDS.test(ctx.text);
    if (ctx.idWords && !labelledOther(ctx.text, start, OTHER_NUMBER)) {
      out.push(candidate('resident_id_15', start, end, digits));
    }
  }
  if (n >= 13 && bankCardCompact(digits) && groupsFit('bank_card', i, j, n)) {
    // A mistyped identity number is not a card that happens to pass Luhn.
    if (n === 18 && looksLikeResidentId(digits)) return;
    const unionPay = (n === 16 || n === 19) && digits.startsWith('62') && !labelledOther(ctx.text, start, OTHER_NUMBER);
    if (unionPay || cardContext(ctx, start, end, n)) out.push(candidate('bank_card', start, end, digits));
  }
}

function better(a: Candidate, b: Candidate): boolean {
  const pa = PRIORITY[a.kind];
  const pb = PRIORITY[b.kind];
  return pa !== pb ? pa < pb : a.end - a.start > b.end - b.start;
}

function byStrength(a: Candidate, b: Candidate): number {
  return better(a, b) ? -1 : better(b, a) ? 1 : a.start - b.start;
}

function byStart(a: Candidate, b: Candidate): number {
  return a.start - b.start;
}

// Module-level comparators and loops instead of closures: under tsx (esbuild keepNames) every
// closure created in a hot function costs an Object.defineProperty call, which showed up as a
// fivefold slowdown in profiles.
const kept: Candidate[] = [];

/** Keeps the best non-overlapping subset of a few candidates, appending them in start order. */
function pickBest(cands: Candidate[], out: Candidate[]): void {
  if (cands.length === 1) {
    out.push(cands[0]!);
    return;
  }
  cands.sort(byStrength);
  kept.length = 0;
  for (const c of cands) {
    let free = true;
    for (const k of kept) if (c.start < k.end && c.end > k.start) free = false;
    if (free) kept.push(c);
  }
  kept.sort(byStart);
  for (const k of kept) out.push(k);
}

function narrow(s: string, from: number, to: number): string {
  let out = '';
  for (let k = from; k < to; k++) {
    const c = s.charCodeAt(k);
    out += String.fromCharCode(c >= 0xff10 ? c - 0xff10 + 48 : c);
  }
  return out;
}

function scanChains(text: string, out: Candidate[], digitCreditCodes: Candidate[]): void {
  const ctx: ChainContext = { text, digitCreditCodes, cardStrong: undefined, idWords: undefined };
  const local: Candidate[] = [];
  CHAIN.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CHAIN.exec(text)) !== null) {
    const chain = m[0];
    const len = chain.length;
    const base = m.index;
    const end = base + len;

    // Glued to letters, '@', '_' or a decimal point, the digits belong to a code, a URL, an e-mail
    // address or an amount.
    const p = text.charCodeAt(base - 1);
    const p2 = text.charCodeAt(base - 2);
    const badBefore =
      isAsciiLetter(p) || p === 95 || p === 64 || p === 0xff20 || ((p === 46 || p === 45) && isAsciiAlnum(p2));
    const q = text.charCodeAt(end);
    const q2 = text.charCodeAt(end + 1);
    const badAfter =
      isAsciiAlnum(q) || q === 95 || q === 64 || q === 0xff20 || ((q === 46 || q === 45) && isAsciiAlnum(q2));

    // Split into runs of digits. Slices of ASCII runs cost nothing; only full-width runs and a
    // final X are rebuilt.
    const last = chain.charCodeAt(len - 1);
    const hasX = last === 88 || last === 120 || last === 0xff38 || last === 0xff58;
    const digitsEnd = hasX ? len - 1 : len;
    let runs = 0;
    let rs = 0;
    let wide = false;
    for (let k = 0; k <= digitsEnd; k++) {
      const c = k < digitsEnd ? chain.charCodeAt(k) : -1;
      if (c >= 48 && c <= 57) continue;
      if (c >= 0xff10 && c <= 0xff19) {
        wide = true;
        continue;
      }
      runStart[runs] = rs;
      runEnd[runs] = k;
      runDigits[runs] = wide ? narrow(chain, rs, k) : rs === 0 && k === len ? chain : chain.slice(rs, k);
      runSep[runs] = c;
      runs++;
      rs = k + 1;
      wide = false;
    }
    if (hasX) {
      runEnd[runs - 1] = len;
      runDigits[runs - 1] += 'X';
    }

    for (let i = badBefore ? 1 : 0; i < runs; i++) {
      let joined = '';
      for (let j = i; j < runs; j++) {
        if (j > i && runSep[j - 1] !== runSep[i]) break; // one number is written one way
        joined += runDigits[j];
        if (joined.length > 19) break;
        if (j === runs - 1 && badAfter) break;
        if (joined.length >= 11) readWindow(ctx, base, i, j, joined, hasX && j === runs - 1, local);
      }
    }
    if (local.length === 1) out.push(local.pop()!);
    else if (local.length > 1) {
      pickBest(local, out);
      local.length = 0;
    }
  }
}

function scanPassports(text: string, out: Candidate[]): void {
  PASSPORT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = PASSPORT.exec(text)) !== null) {
    const value = m[0];
    const first = value.charCodeAt(0);
    // D/S/P + 7 digits is a common shape for equipment and file numbers; only trust it as a
    // passport when the text says so.
    if ((first === 68 || first === 83 || first === 80) && !PASSPORT_WORDS.test(before(text, m.index, 24))) continue;
    if (passportCompact(value)) out.push(candidate('passport', m.index, m.index + value.length, value));
  }
}

/** Merges two start-ordered, internally non-overlapping lists, resolving overlaps between them. */
function merge(a: Candidate[], b: Candidate[]): Candidate[] {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const out: Candidate[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    const c = j >= b.length || (i < a.length && a[i]!.start <= b[j]!.start) ? a[i++]! : b[j++]!;
    const last = out[out.length - 1];
    if (last && c.start < last.end) {
      if (better(c, last)) out[out.length - 1] = c;
      continue;
    }
    out.push(c);
  }
  return out;
}

const ID_LIKE: ReadonlySet<PiiKind> = new Set(['resident_id', 'resident_id_15', 'passport', 'bank_card']);

function scanCreditCodes(
  text: string,
  policy: CreditCodePolicy,
  digitCodes: Candidate[],
  idLines: Set<number>,
  lines: Lines,
): Candidate[] {
  const found: Candidate[] = [];
  CREDIT.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = CREDIT.exec(text)) !== null) {
    // 17 digits and an X: the same mistyped-ID reasoning as for the all-digit codes.
    const code = m[0];
    if (code.length === 18 && creditCodeCompact(code) && !looksLikeResidentId(code))
      found.push(candidate('credit_code', m.index, m.index + 18, code));
  }
  const out: Candidate[] = [];
  for (const c of merge(found, digitCodes)) {
    const { start, value } = c;
    if (policy === 'personal-context') {
      if (labelledOther(text, start, NOT_A_CREDIT_CODE)) continue;
      const lead = before(text, start, 32);
      // 92: registered by market regulation (9) as an individual business (2), i.e. a person.
      const personal =
        (value[0] === '9' && value[1] === '2') ||
        PERSON_WORDS.test(lead) ||
        (idLines.has(lines.of(start)) && !ENTITY_WORDS.test(lead));
      if (!personal) continue;
    }
    out.push(c);
  }
  return out;
}

function isLocalChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 || c === 95 || c === 37 || c === 43 || c === 45;
}

function isDomainChar(c: number): boolean {
  return isAsciiAlnum(c) || c === 46 || c === 45;
}

function scanEmails(text: string, idLines: Set<number>, lines: Lines): Candidate[] {
  const found: Candidate[] = [];
  const n = text.length;
  // Both searches resume where they left off: searching afresh for a character that the text
  // does not contain would scan to the end once per address.
  let nextAscii = text.indexOf('@');
  let nextWide = text.indexOf('＠');
  const nextAt = (from: number): number => {
    if (nextAscii >= 0 && nextAscii < from) nextAscii = text.indexOf('@', from);
    if (nextWide >= 0 && nextWide < from) nextWide = text.indexOf('＠', from);
    return nextAscii < 0 ? nextWide : nextWide < 0 ? nextAscii : Math.min(nextAscii, nextWide);
  };
  let at = nextAt(0);
  while (at >= 0) {
    let s = at;
    while (s > 0 && isLocalChar(text.charCodeAt(s - 1))) s--;
    while (s < at && text.charCodeAt(s) === 46) s++;
    let e = at + 1;
    while (e < n && isDomainChar(text.charCodeAt(e))) e++;
    while (e > at + 1 && (text.charCodeAt(e - 1) === 46 || text.charCodeAt(e - 1) === 45)) e--;
    if (s < at && e > at + 1) {
      const value = text.slice(s, at) + '@' + text.slice(at + 1, e);
      if (isEmail(value)) found.push(candidate('email', s, e, value));
    }
    at = nextAt(Math.max(e, at + 1));
  }
  if (found.length === 0) return found;
  // One address is usually the office's contact; several make a list of people.
  const distinct = new Set(found.map((f) => f.value.toLowerCase()));
  if (distinct.size >= 2) return found;
  return found.filter((f) => {
    const local = f.value.slice(0, f.value.indexOf('@')).toUpperCase();
    if (mobileCompact(local) || residentIdCompact(local)) return true; // the address spells out a number
    const line = lines.of(f.start);
    return idLines.has(line) || before(text, f.start, 200).includes('姓名');
  });
}

/** Finds the personal data in `text`, in order of position, one finding per occurrence. */
export function scanText(text: string, options: ScanOptions = {}): Finding[] {
  const policy = options.creditCodes ?? 'personal-context';
  const chains: Candidate[] = [];
  const digitCreditCodes: Candidate[] = [];
  scanChains(text, chains, digitCreditCodes);
  const passports: Candidate[] = [];
  scanPassports(text, passports);
  const core = merge(chains, passports);

  const lines = new Lines(text);
  lines.assign(core);
  const idLines = new Set<number>();
  for (const c of core) if (ID_LIKE.has(c.kind)) idLines.add(c.line);

  const credit = policy === 'never' ? [] : scanCreditCodes(text, policy, digitCreditCodes, idLines, lines);
  const emails = text.includes('@') || text.includes('＠') ? scanEmails(text, idLines, lines) : [];
  // The short lists first, so that the long one is copied once.
  const all = merge(core, merge(credit, emails));
  if (all !== core) lines.assign(all);
  for (const c of all) {
    // A span as long as its canonical value has no separators: mask it with three slices.
    c.masked =
      c.kind !== 'email' && c.value.length === c.end - c.start
        ? maskPlain(c.kind, text, c.start, c.end)
        : maskSpan(c.kind, text.slice(c.start, c.end));
  }
  return all;
}
