// A self-hosted, privacy-friendly proof-of-work check for public forms: no third-party captcha
// service sees the applicant, no cookie or fingerprint is needed. The server hands out an
// HMAC-signed challenge (expiry, difficulty, a random salt, and a keyed commitment to the answer
// of a small arithmetic question — never the question's numbers or its answer, which a script
// would read straight out of the token; the question itself is shown on the page); the
// browser finds a nonce such that SHA-256(challenge + nonce) starts with `difficulty` zero bits
// (assets/pow.js). Without JavaScript the person answers the arithmetic question instead, which
// is accepted only after a few seconds so it is no faster for a script than the work. A solved
// challenge is recorded in pow_spent and cannot be used again (a replayed form is rejected).
import { createHash, createHmac, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import type { Executor } from '../db/database.ts';
import { now } from './clock.ts';

export interface PowOptions {
  /** HMAC key; keep it server-side (derived from a configured key, see powSecret). */
  readonly secret: Buffer;
  /** Leading zero bits of SHA-256 required; 16 takes a phone about a second. */
  readonly difficulty: number;
  readonly ttlSeconds: number;
  /** The arithmetic fallback is accepted only this long after the challenge was issued. */
  readonly minSecondsForQuestion: number;
}

export interface PowChallenge {
  readonly challenge: string;
  readonly difficulty: number;
  /** The fallback question, e.g. 二十三加十五等于多少？ */
  readonly question: { readonly zh: string; readonly en: string };
  readonly expiresAt: string;
}

export type PowFailure = 'missing' | 'invalid' | 'expired' | 'unsolved' | 'wrong_answer' | 'too_fast' | 'spent';

export type PowVerdict =
  | { readonly ok: true; readonly hash: string; readonly expiresAt: string; readonly by: 'work' | 'question' }
  | { readonly ok: false; readonly reason: PowFailure };

/** A purpose-bound key derived from a 256-bit hex key (the personal-data key), so no new secret
 *  has to be configured. */
export function powSecret(hexKey: string): Buffer {
  return createHmac('sha256', Buffer.from(hexKey, 'hex')).update('gongkai/pow-challenge').digest();
}

const DIGITS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–99 in Chinese numerals (十五, 二十三). */
export function chineseNumeral(n: number): string {
  if (n < 10) return DIGITS[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGITS[tens]}十${ones ? DIGITS[ones] : ''}`;
}

function sign(secret: Buffer, payload: string): string {
  return createHmac('sha256', secret).update(payload).digest('base64url');
}

/** The keyed commitment to an answer: without the secret it cannot be tested offline, and the
 *  salt makes each challenge's commitment different for the same answer. */
function answerTag(secret: Buffer, salt: string, answer: string): string {
  return createHmac('sha256', secret).update(`pow2-answer.${salt}.${answer}`).digest('base64url').slice(0, 22);
}

export function issueChallenge(options: PowOptions): PowChallenge {
  const issued = now().getTime();
  const expires = issued + options.ttlSeconds * 1000;
  const a = randomInt(11, 50);
  const b = randomInt(11, 50);
  const salt = randomBytes(12).toString('base64url');
  const tag = answerTag(options.secret, salt, String(a + b));
  const payload = `pow2.${issued}.${expires}.${options.difficulty}.${salt}.${tag}`;
  return {
    challenge: `${payload}.${sign(options.secret, payload)}`,
    difficulty: options.difficulty,
    question: { zh: `${chineseNumeral(a)}加${chineseNumeral(b)}等于多少？`, en: `What is ${a} plus ${b}?` },
    expiresAt: new Date(expires).toISOString(),
  };
}

/** Number of leading zero bits of a digest. */
export function leadingZeroBits(digest: Uint8Array): number {
  let bits = 0;
  for (const byte of digest) {
    if (byte === 0) {
      bits += 8;
      continue;
    }
    return bits + Math.clz32(byte) - 24;
  }
  return bits;
}

export function workHash(challenge: string, nonce: string): Buffer {
  return createHash('sha256')
    .update(challenge + nonce)
    .digest();
}

/** What the browser does (pow.js); used by tests and scripts. */
export function solveChallenge(challenge: string, difficulty: number): string {
  for (let n = 0; ; n++) {
    const nonce = n.toString(36);
    if (leadingZeroBits(workHash(challenge, nonce)) >= difficulty) return nonce;
  }
}

function sameText(expected: string, given: string): boolean {
  const a = Buffer.from(expected);
  const b = Buffer.from(given);
  return a.length === b.length && timingSafeEqual(a, b);
}

function normaliseAnswer(raw: string): string {
  return raw.replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).trim();
}

/** Checks signature, expiry and either the work or the answer. Does not mark it spent. */
export function verifyChallenge(
  options: PowOptions,
  input: { challenge?: string | null; nonce?: string | null; answer?: string | null },
): PowVerdict {
  const challenge = (input.challenge ?? '').trim();
  if (!challenge) return { ok: false, reason: 'missing' };
  const parts = challenge.split('.');
  if (parts.length !== 7 || parts[0] !== 'pow2') return { ok: false, reason: 'invalid' };
  const payload = parts.slice(0, 6).join('.');
  if (!sameText(sign(options.secret, payload), parts[6]!)) return { ok: false, reason: 'invalid' };
  const [, issuedRaw, expiresRaw, difficultyRaw, salt, tag] = parts;
  const issued = Number(issuedRaw);
  const expires = Number(expiresRaw);
  const difficulty = Number(difficultyRaw);
  const at = now().getTime();
  if (at > expires) return { ok: false, reason: 'expired' };
  const hash = createHash('sha256').update(challenge).digest('hex');
  const expiresAt = new Date(expires).toISOString();
  const nonce = (input.nonce ?? '').trim();
  if (nonce && nonce.length <= 32 && leadingZeroBits(workHash(challenge, nonce)) >= difficulty)
    return { ok: true, hash, expiresAt, by: 'work' };
  const answer = normaliseAnswer(input.answer ?? '');
  if (!answer) return { ok: false, reason: 'unsolved' };
  if (!/^\d{1,3}$/.test(answer) || !sameText(answerTag(options.secret, salt!, answer), tag!))
    return { ok: false, reason: 'wrong_answer' };
  if (at - issued < options.minSecondsForQuestion * 1000) return { ok: false, reason: 'too_fast' };
  return { ok: true, hash, expiresAt, by: 'question' };
}

/** Marks a verified challenge as used, inside the caller's transaction. False when it was used
 *  before (the form was replayed). Expired entries are swept on the way. */
export async function spendChallenge(db: Executor, verdict: { hash: string; expiresAt: string }): Promise<boolean> {
  await db.deleteFrom('pow_spent').where('expires_at', '<', now().toISOString()).execute();
  const result = await db
    .insertInto('pow_spent')
    .values({ challenge_hash: verdict.hash, expires_at: verdict.expiresAt })
    .onConflict((oc) => oc.column('challenge_hash').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}
