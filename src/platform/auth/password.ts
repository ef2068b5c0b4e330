// Passwords are hashed with scrypt (node:crypto) and a per-user random salt. The parameters
// are stored with the hash so they can be raised later without breaking existing accounts.
import { randomBytes, randomInt, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from 'node:crypto';
import { defineMessages } from '../i18n/i18n.ts';
import { issue, type ValidationIssue } from '../errors.ts';
import { isCommonPassword } from './common-passwords.ts';

function scrypt(password: string, salt: Buffer, keylen: number, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scryptCb(password, salt, keylen, options, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

export interface ScryptCost {
  readonly N: number;
  readonly r: number;
  readonly p: number;
}

/** The cost of every new hash: 32 MiB and about a tenth of a second per hash. */
export const PRODUCTION_SCRYPT_COST: ScryptCost = Object.freeze({ N: 1 << 15, r: 8, p: 1 });
const KEYLEN = 32;

let cost: ScryptCost = PRODUCTION_SCRYPT_COST;

/**
 * Tests only: a cheaper cost for the hashes this process makes from now on (the test suite signs in
 * thousands of times, and a hash is verified at the cost it was made with). Called by the suite's
 * entry, test/all.test.ts; refused outside node's test runner, so neither the server nor a command
 * can lower the cost, and no setting or environment variable of ours reaches it. `undefined`
 * restores the production cost.
 */
export function useScryptCostForTests(next: ScryptCost | undefined): void {
  if (next !== undefined && process.env.NODE_TEST_CONTEXT === undefined)
    throw new Error('useScryptCostForTests: a lower scrypt cost is for the test runner only');
  cost = next ?? PRODUCTION_SCRYPT_COST;
}

export async function hashPassword(password: string): Promise<string> {
  const { N, r, p } = cost;
  const salt = randomBytes(16);
  const key = await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: 128 * N * r * 2 });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, r, p, saltB64, keyB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(keyB64, 'base64');
  const key = await scrypt(password.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 128 * Number(n) * Number(r) * 2,
  });
  return timingSafeEqual(key, expected);
}

/** A hash of a random password, verified against when the username is unknown so that the
 *  response time does not reveal which usernames exist. */
let dummyHash: Promise<string> | undefined;
export function dummyPasswordHash(): Promise<string> {
  dummyHash ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash;
}

export const passwordMessages = defineMessages({
  'password.too_short': { zh: '密码至少需要 {min} 个字符', en: 'Password must be at least {min} characters' },
  'password.too_long': { zh: '密码不能超过 {max} 个字符', en: 'Password must be {max} characters or fewer' },
  'password.classes': {
    zh: '密码须包含大写字母、小写字母、数字、符号中的至少三类',
    en: 'Password must mix at least three of: capital letters, small letters, digits, symbols',
  },
  'password.contains_username': { zh: '密码不能包含用户名', en: 'Password must not contain the username' },
  'password.same_as_old': { zh: '新密码不能与当前密码相同', en: 'The new password must differ from the current one' },
  'password.common': {
    zh: '该密码属于常见或已泄露的密码，容易被猜中，请换一个',
    en: 'This password is on a list of common or breached passwords and is easy to guess: choose another',
  },
  'password.reused': {
    zh: '新密码不能与最近 {n} 次使用过的密码相同',
    en: 'The new password must differ from your last {n} passwords',
  },
});

export const PASSWORD_MIN_LENGTH = 10;
const PASSWORD_MAX_LENGTH = 128;

/** The password rules (等保 level 3 practice): length ≥ 10, three of four character classes, and
 *  not on the list of common and breached passwords. */
export function passwordIssues(password: string, username?: string, field = 'password'): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (password.length < PASSWORD_MIN_LENGTH)
    issues.push(issue(field, 'password.too_short', { min: PASSWORD_MIN_LENGTH }));
  if (password.length > PASSWORD_MAX_LENGTH)
    issues.push(issue(field, 'password.too_long', { max: PASSWORD_MAX_LENGTH }));
  const classes = [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
  if (classes < 3) issues.push(issue(field, 'password.classes'));
  if (username && username.length >= 3 && password.toLowerCase().includes(username.toLowerCase())) {
    issues.push(issue(field, 'password.contains_username'));
  }
  if (isCommonPassword(password)) issues.push(issue(field, 'password.common'));
  return issues;
}

const ALPHABETS = ['abcdefghijkmnopqrstuvwxyz', 'ABCDEFGHJKLMNPQRSTUVWXYZ', '23456789', '-_.!@#%+='];

/** A generated password meets the rules by construction; its holder must change it on first use. */
export function generatePassword(length = 16): string {
  const chars = ALPHABETS.map((a) => a[randomInt(a.length)]!);
  const all = ALPHABETS.join('');
  while (chars.length < length) chars.push(all[randomInt(all.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}
