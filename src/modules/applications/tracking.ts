// Tracking codes given to applicants: 12 random Crockford base32 characters (60 bits, so codes
// cannot be guessed or enumerated) and one Luhn mod 32 check character, which catches every
// single mistyped character and most swapped neighbours before a look-up is made.
// Shown as XXXX-XXXX-XXXX-X; read back forgiving case, spaces, dashes and O/I/L look-alikes.
import { randomBytes } from 'node:crypto';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const N = ALPHABET.length;
const RANDOM_LENGTH = 12;

function valueOf(c: string): number {
  return ALPHABET.indexOf(c);
}

function checkChar(body: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = body.length - 1; i >= 0; i--) {
    let addend = factor * valueOf(body[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / N) + (addend % N);
    sum += addend;
  }
  return ALPHABET[(N - (sum % N)) % N]!;
}

export function newTrackingCode(): string {
  const bytes = randomBytes(RANDOM_LENGTH);
  let body = '';
  for (const b of bytes) body += ALPHABET[b & 31];
  return body + checkChar(body);
}

/** The canonical 13-character form of what a person typed, or null when it cannot be a code. */
export function normaliseTrackingCode(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_\u2010-\u2015\uff0d]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  if (s.length !== RANDOM_LENGTH + 1 || [...s].some((c) => valueOf(c) < 0)) return null;
  return checkChar(s.slice(0, RANDOM_LENGTH)) === s[RANDOM_LENGTH] ? s : null;
}

export function formatTrackingCode(code: string): string {
  return `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`;
}
