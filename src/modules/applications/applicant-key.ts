// The applicant's correction key (补正密钥): a second secret, given once with the receipt, that
// unlocks the correction form on the tracking page.
//
// Why not the tracking code alone, or the code plus the last 4 digits of the phone: the tracking
// code is unguessable (60 random bits) but it is meant to be shared — read over the phone, kept
// in a URL, in browser history and in server logs — and the correction form shows the officer's
// note (which may name the applicant's details) and changes the application. Four phone digits
// are 10,000 guesses and known to anyone who has the applicant's number. The key is 10 random
// Crockford base32 characters (50 bits), never put in a URL (it travels in POST bodies only),
// stored only as a keyed hash (the vault's blind index, so a copy of the database does not give
// it away), compared in constant time, and the form is rate-limited per address. An officer
// can issue a new key (the old one stops working), e.g. for a counter application.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';

const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const LENGTH = 10;

export function newApplicantKey(): string {
  let out = '';
  for (const b of randomBytes(LENGTH)) out += ALPHABET[b & 31];
  return out;
}

/** The canonical form of what a person typed (case, spaces, dashes, O/I/L look-alikes), or null. */
export function normaliseApplicantKey(input: string): string | null {
  const s = input
    .toUpperCase()
    .replace(/[\s\-_\u2010-\u2015\uff0d]+/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
  return s.length === LENGTH && [...s].every((c) => ALPHABET.includes(c)) ? s : null;
}

export function formatApplicantKey(key: string): string {
  return `${key.slice(0, 5)}-${key.slice(5)}`;
}

/** Bound to the tracking code, so a key cannot be moved to another case. Stored under the newest
 *  personal-data key; matched under every configured one (applicantKeyMatches). */
export function applicantKeyHash(vault: PersonalDataVault, trackingCode: string, key: string): string {
  return vault.blindIndex(`applicant-key|${trackingCode}|${key}`);
}

export function applicantKeyMatches(
  vault: PersonalDataVault,
  trackingCode: string,
  typed: string,
  storedHash: string | null,
): boolean {
  const key = normaliseApplicantKey(typed);
  if (!key || !storedHash) return false;
  const b = Buffer.from(storedHash);
  // Under every configured key: a key issued before a key rotation still opens the form.
  let matches = false;
  for (const hash of vault.blindIndexes(`applicant-key|${trackingCode}|${key}`)) {
    const a = Buffer.from(hash);
    if (a.length === b.length && timingSafeEqual(a, b)) matches = true;
  }
  return matches;
}
