// Validators for the personal identifiers that Chinese public notices leak. They are shared by the
// personal-data guard (scanner.ts) and by the intake forms, so the exported `is*` functions are
// forgiving about how a person types a number (full-width digits, spaces, dashes), while the
// `*Compact` functions assume an already normalised ASCII string and exist for the scanner's hot
// path, where every avoided allocation counts. Digits are read with inline charCodeAt arithmetic
// rather than through a helper because tsx compiles with esbuild's keepNames, and helper calls and
// closures in these loops measurably slowed the scanner down.

/** Full-width digits ０-９ and Ｘ/ｘ become ASCII. Every mapped character is one UTF-16 unit on both
 *  sides, so offsets into the result are offsets into the input: the scanner relies on this. */
export function normalizeDigits(text: string): string {
  let out = '';
  let last = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    let mapped = -1;
    if (c >= 0xff10 && c <= 0xff19) mapped = c - 0xff10 + 48;
    else if (c === 0xff38)
      mapped = 88; // Ｘ
    else if (c === 0xff58) mapped = 120; // ｘ
    if (mapped < 0) continue;
    out += text.slice(last, i) + String.fromCharCode(mapped);
    last = i + 1;
  }
  return last === 0 ? text : out + text.slice(last);
}

/** What a form field holds once typing noise is gone: ASCII digits, no spaces or dashes, upper case. */
export function compactIdentifier(text: string): string {
  return normalizeDigits(text.trim())
    .replace(/[\s\-\u2010-\u2015\uff0d]+/g, '')
    .toUpperCase();
}

// GB/T 2260 province-level codes. 71 (Taiwan), 81 (Hong Kong) and 82 (Macao) appear on residence
// permits; 83 is the code that Taiwan residents' residence permits (台湾居民居住证, 2018) carry,
// added beyond the 11–82 set because those numbers identify people just as well.
const PROVINCES = new Set([
  11, 12, 13, 14, 15, 21, 22, 23, 31, 32, 33, 34, 35, 36, 37, 41, 42, 43, 44, 45, 46, 50, 51, 52, 53, 54, 61, 62, 63,
  64, 65, 71, 81, 82, 83,
]);

function allDigits(s: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
  }
  return true;
}

export function isProvinceCode(code: number): boolean {
  return PROVINCES.has(code);
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const now = new Date();
// Birth dates in the future are typos or other numbers; read once, a process does not live for years.
const TODAY = now.getFullYear() * 10000 + (now.getMonth() + 1) * 100 + now.getDate();

export function isValidBirthDate(year: number, month: number, day: number): boolean {
  if (year < 1900 || month < 1 || month > 12 || day < 1) return false;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const max = month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
  return day <= max && year * 10000 + month * 100 + day <= TODAY;
}

// GB 11643-1999: weight of position i is 2^(17-i) mod 11; the check value (12 - sum mod 11) mod 11
// is written as a digit, or X for 10.
const ID_WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const ID_CHECK = '10X98765432';

/** The check character for the first 17 digits of a resident identity number. */
export function residentIdCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * (ID_WEIGHTS[i] ?? 0);
  return ID_CHECK[sum % 11] ?? '';
}

/** Exactly 18 ASCII characters, 17 digits and a digit or X/x. One loop, no helpers: this runs for
 *  every 18-digit number in every scanned text. */
export function residentIdCompact(s: string): boolean {
  if (s.length !== 18) return false;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    sum += d * ID_WEIGHTS[i]!;
  }
  const last = s.charCodeAt(17);
  const expected = ID_CHECK.charCodeAt(sum % 11);
  if (last !== expected && !(last === 120 && expected === 88)) return false;
  return looksLikeResidentId(s);
}

/** 居民身份证号码 (GB 11643-1999, 18 characters). */
export function isResidentId(value: string): boolean {
  return residentIdCompact(compactIdentifier(value));
}

/** 15 ASCII digits. The legacy format has no check digit, so only region and date are testable. */
export function residentId15Compact(s: string): boolean {
  if (s.length !== 15 || !allDigits(s, 0, 15)) return false;
  if (!PROVINCES.has((s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48))) return false;
  const year = 1900 + (s.charCodeAt(6) - 48) * 10 + (s.charCodeAt(7) - 48);
  return isValidBirthDate(
    year,
    (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48),
    (s.charCodeAt(10) - 48) * 10 + (s.charCodeAt(11) - 48),
  );
}

/** The 15-digit identity numbers issued before 1999. */
export function isResidentId15(value: string): boolean {
  return residentId15Compact(compactIdentifier(value));
}

/** True when an 18-digit string has the region and birth date of an identity number, whatever its
 *  check digit: such a number is a mistyped ID, not a bank card that happens to pass Luhn. */
export function looksLikeResidentId(s: string): boolean {
  if (s.length !== 18 || !allDigits(s, 0, 14)) return false;
  if (!PROVINCES.has((s.charCodeAt(0) - 48) * 10 + (s.charCodeAt(1) - 48))) return false;
  const year =
    (s.charCodeAt(6) - 48) * 1000 + (s.charCodeAt(7) - 48) * 100 + (s.charCodeAt(8) - 48) * 10 + (s.charCodeAt(9) - 48);
  return isValidBirthDate(
    year,
    (s.charCodeAt(10) - 48) * 10 + (s.charCodeAt(11) - 48),
    (s.charCodeAt(12) - 48) * 10 + (s.charCodeAt(13) - 48),
  );
}

// GB 32100-2015: 31 characters (I O Z S V left out to avoid confusion), weights 3^i mod 31.
export const CREDIT_CODE_CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const CREDIT_WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const CREDIT_VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < CREDIT_CODE_CHARSET.length; i++) CREDIT_VALUE[CREDIT_CODE_CHARSET.charCodeAt(i)] = i;
// First character: the registering authority (1 机构编制 … 9 工商, A 军队, N 农业, Y 其他).
const CREDIT_AUTHORITIES = '123456789ANY';

/** The check character for the first 17 characters of a unified social credit code, or '' when one
 *  of them is outside the charset. */
export function creditCodeCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const c = first17.charCodeAt(i);
    const v = c < 128 ? (CREDIT_VALUE[c] ?? -1) : -1;
    if (v < 0) return '';
    sum += v * (CREDIT_WEIGHTS[i] ?? 0);
  }
  return CREDIT_CODE_CHARSET[(31 - (sum % 31)) % 31] ?? '';
}

/** 18 upper-case characters; positions 3–8 are the registering authority's region, hence digits. */
export function creditCodeCompact(s: string): boolean {
  if (s.length !== 18 || !CREDIT_AUTHORITIES.includes(s[0] ?? '') || !allDigits(s, 2, 8)) return false;
  const check = creditCodeCheckChar(s);
  return check !== '' && check === s[17];
}

/** 统一社会信用代码 (GB 32100-2015). */
export function isCreditCode(value: string): boolean {
  return creditCodeCompact(compactIdentifier(value));
}

/** Luhn (ISO/IEC 7812-1) over ASCII digits. */
export function luhnValid(s: string): boolean {
  let sum = 0;
  let double = false;
  for (let i = s.length - 1; i >= 0; i--) {
    let d = s.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return false;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return s.length > 0 && sum % 10 === 0;
}

// Issuer prefixes of cards issued or used in China: UnionPay 62 (and the older 60/65/68 ranges),
// Visa 4, Mastercard 51–55 and 22–27, JCB/Amex/Diners 3, and the pre-UnionPay domestic 94/95
// ranges (e.g. ICBC 9558, ABC 9559). Other leading digits are not cards, whatever Luhn says.
const IIN = /^(?:6[0258]|4|5[1-5]|2[2-7]|3|9[45])/;

export function bankCardCompact(s: string): boolean {
  return s.length >= 13 && s.length <= 19 && allDigits(s, 0, s.length) && IIN.test(s) && luhnValid(s);
}

/** A payment card number: 13–19 digits, Luhn-valid, with a plausible issuer prefix. */
export function isBankCard(value: string): boolean {
  return bankCardCompact(compactIdentifier(value));
}

/** 11 ASCII digits 1[3-9]xxxxxxxxx, no prefix. */
export function mobileCompact(s: string): boolean {
  if (s.length !== 11 || s.charCodeAt(0) !== 49) return false;
  const second = s.charCodeAt(1) - 48;
  return second >= 3 && second <= 9 && allDigits(s, 2, 11);
}

/** A mainland mobile number, optionally written with +86 or 86 in front. */
export function isMobile(value: string): boolean {
  let s = compactIdentifier(value);
  if (s.startsWith('+86')) s = s.slice(3);
  else if (s.length === 13 && s.startsWith('86')) s = s.slice(2);
  return mobileCompact(s);
}

// PRC passports: ordinary e-passports E + 8 digits, then E + a letter (not I/O) + 7 digits once the
// E numbers ran out; older ordinary passports G + 8 digits; diplomatic, service and official ones
// D/S/P + 7 digits, with an E after the letter for their e-passport versions.
const PASSPORT = /^(?:E[A-HJ-NP-Z]\d{7}|[EG]\d{8}|[DSP]E?\d{7})$/;

export function passportCompact(s: string): boolean {
  return PASSPORT.test(s);
}

export function isPassport(value: string): boolean {
  return passportCompact(compactIdentifier(value));
}

// Deliberately simpler than RFC 5322: public notices hold ordinary addresses, and a quoted local
// part would be more likely a parsing accident than someone's mailbox.
const EMAIL =
  /^[A-Za-z0-9_%+-]+(?:\.[A-Za-z0-9_%+-]+)*@(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,24}$/;

export function isEmail(value: string): boolean {
  const s = value.trim();
  if (s.length > 254) return false;
  const at = s.indexOf('@');
  return at > 0 && at <= 64 && EMAIL.test(s);
}
