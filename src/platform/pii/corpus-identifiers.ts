// The identifiers of the personal-data corpus (corpus.ts): resident IDs, bank cards, mobiles,
// credit codes, e-mails and passports generated from their standards with their own check digits,
// and the ways people write them; apart from the documents they are placed in.

export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;
  constructor(seed: number) {
    this.a = 0x9e3779b9;
    this.b = 0x243f6a88;
    this.c = 0xb7e15162;
    this.d = seed >>> 0;
    for (let i = 0; i < 12; i++) this.next();
  }
  next(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return (t >>> 0) / 4294967296;
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String.fromCharCode(48 + Math.floor(this.next() * 10));
    return s;
  }
}

// ---- identifiers, generated from the standards ----

const REGIONS = [
  '430602',
  '430603',
  '430611',
  '430621',
  '430623',
  '430624',
  '430626',
  '430681',
  '430682',
  '110105',
  '310104',
  '440305',
  '320102',
  '510104',
  '620102',
  '420106',
  '360102',
  '450103',
  '530102',
  '650102',
  '810000',
];

export function pad(n: number, width: number): string {
  return String(n).padStart(width, '0');
}

function birthDate(rng: Rng, from: number, to: number): string {
  const year = rng.int(from, to);
  const month = rng.int(1, 12);
  const days = [
    31,
    year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28,
    31,
    30,
    31,
    30,
    31,
    31,
    30,
    31,
    30,
    31,
  ][month - 1]!;
  return `${year}${pad(month, 2)}${pad(rng.int(1, days), 2)}`;
}

export function idCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * (2 ** (17 - i) % 11);
  const v = (12 - (sum % 11)) % 11;
  return v === 10 ? 'X' : String(v);
}

export function makeResidentId(rng: Rng): string {
  const first17 = rng.pick(REGIONS) + birthDate(rng, 1935, 2012) + rng.digits(3);
  return first17 + idCheck(first17);
}

export function makeWrongCheckId(rng: Rng): string {
  const id = makeResidentId(rng);
  const wrong = '0123456789X'.replace(id[17]!, '');
  return id.slice(0, 17) + rng.pick([...wrong]);
}

export function makeResidentId15(rng: Rng): string {
  return rng.pick(REGIONS.slice(0, 12)) + birthDate(rng, 1930, 1985).slice(2) + rng.digits(3);
}

function luhnCheck(body: string): string {
  let sum = 0;
  for (let i = body.length - 1, dbl = true; i >= 0; i--, dbl = !dbl) {
    let d = Number(body[i]);
    if (dbl) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

const CARD_BINS: readonly [string, number][] = [
  ['621700', 19],
  ['622202', 19],
  ['622848', 19],
  ['621661', 19],
  ['623058', 19],
  ['621226', 19],
  ['622588', 16],
  ['622609', 16],
  ['625802', 16],
  ['436742', 16],
  ['518710', 16],
  ['955880', 19],
];

export function makeCard(rng: Rng): string {
  const [bin, length] = rng.pick(CARD_BINS);
  const body = bin + rng.digits(length - 1 - bin.length);
  return body + luhnCheck(body);
}

const MOBILE_PREFIXES = [
  '130',
  '131',
  '133',
  '135',
  '136',
  '137',
  '138',
  '139',
  '150',
  '151',
  '152',
  '155',
  '158',
  '159',
  '166',
  '173',
  '176',
  '177',
  '180',
  '182',
  '185',
  '186',
  '187',
  '188',
  '189',
  '191',
  '198',
  '199',
];

export function makeMobile(rng: Rng): string {
  return rng.pick(MOBILE_PREFIXES) + rng.digits(8);
}

const CREDIT_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function creditCheck(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += CREDIT_CHARS.indexOf(first17[i]!) * (3 ** i % 31);
  return CREDIT_CHARS[(31 - (sum % 31)) % 31]!;
}

/** '91' companies, '92' individual businesses, '11' government agencies. */
export function makeCreditCode(rng: Rng, prefix: '91' | '92' | '11'): string {
  let org =
    prefix === '11' ? rng.digits(8) : 'MA' + Array.from({ length: 6 }, () => rng.pick([...CREDIT_CHARS])).join('');
  org += rng.pick([...'0123456789X']);
  const first17 = prefix + rng.pick(REGIONS.slice(0, 9)) + org;
  return first17 + creditCheck(first17);
}

const SYLLABLES = [
  'zhang',
  'wang',
  'li',
  'liu',
  'chen',
  'yang',
  'huang',
  'zhao',
  'wu',
  'zhou',
  'xu',
  'sun',
  'hu',
  'zhu',
  'gao',
  'lin',
  'he',
  'guo',
  'ma',
  'luo',
  'mei',
  'hua',
  'jun',
  'wei',
  'fang',
  'ping',
  'hong',
  'ling',
  'jie',
  'tao',
];
const MAIL_DOMAINS = ['163.com', 'qq.com', '126.com', 'sina.com', 'foxmail.com', 'hnu.edu.cn', 'csu.edu.cn'];

export function makeEmail(rng: Rng): string {
  const local =
    rng.pick(SYLLABLES) +
    (rng.chance(0.5) ? '.' : '') +
    rng.pick(SYLLABLES) +
    (rng.chance(0.6) ? rng.digits(rng.int(2, 4)) : '');
  return `${local}@${rng.pick(MAIL_DOMAINS)}`;
}

export function makePassport(rng: Rng): string {
  switch (rng.int(0, 4)) {
    case 0:
      return 'G' + rng.digits(8);
    case 1:
      return 'E' + rng.pick([...'ABCDEFGHJK']) + rng.digits(7);
    case 2:
      return rng.pick(['P', 'PE', 'SE']) + rng.digits(7);
    default:
      return 'E' + rng.digits(8);
  }
}

// ---- how people write them ----

const FULL_WIDTH = (s: string): string =>
  s.replace(/[0-9X]/g, (c) => String.fromCharCode(c === 'X' ? 0xff38 : c.charCodeAt(0) - 48 + 0xff10));

export function writeId(rng: Rng, id: string): string {
  const r = rng.next();
  if (r < 0.7) return id;
  if (r < 0.78) return `${id.slice(0, 6)} ${id.slice(6, 14)} ${id.slice(14)}`;
  if (r < 0.85) return `${id.slice(0, 6)}-${id.slice(6, 10)}-${id.slice(10, 14)}-${id.slice(14)}`;
  if (r < 0.93) return FULL_WIDTH(id);
  if (r < 0.95) return `${id.slice(0, 6)} ${id.slice(6, 10)} ${id.slice(10, 14)} ${id.slice(14)}`;
  // An input method switched half-way through typing.
  if (r < 0.97) return FULL_WIDTH(id.slice(0, 6)) + id.slice(6, 14) + FULL_WIDTH(id.slice(14));
  return id.replace('X', 'x');
}

export function writeMobile(rng: Rng, m: string): string {
  const r = rng.next();
  if (r < 0.78) return m;
  if (r < 0.83) return `${m.slice(0, 3)} ${m.slice(3, 7)} ${m.slice(7)}`;
  if (r < 0.88) return `${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  if (r < 0.92) return `+86 ${m}`;
  if (r < 0.95) return `+86-${m.slice(0, 3)}-${m.slice(3, 7)}-${m.slice(7)}`;
  return FULL_WIDTH(m);
}

export function writeCard(rng: Rng, card: string): string {
  return rng.chance(0.8) ? card : card.replace(/(\d{4})(?=\d)/g, '$1 ');
}

export const hasInnerSpace = (s: string): boolean => s.includes(' ');
