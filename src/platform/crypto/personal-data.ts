// Personal data at rest (applicants' names, identity numbers, phones, addresses): encrypted field by
// field. AES-256-GCM by default; SM4 (GB/T 32907) in CBC mode with an HMAC-SM3 tag where a
// national-algorithm assessment asks for it. Keys come from the environment, newest first: the
// newest encrypts, every listed key decrypts, so a key is rotated by putting a new one in front
// and re-encrypting at leisure (`needsRotation`).
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { join } from 'node:path';
import smCrypto from 'sm-crypto';
import type { PersonalDataCipher } from '../../config.ts';
import { defaultKeyDir, readOrCreateKey } from './keys.ts';

export class PersonalDataKeyError extends Error {
  override name = 'PersonalDataKeyError';
}

interface Key {
  readonly id: string;
  readonly bytes: Buffer;
}

export interface PersonalDataVault {
  encrypt(plaintext: string): string;
  decrypt(sealed: string): string;
  /** Encrypts null as null, for optional fields. */
  seal(plaintext: string | null | undefined): string | null;
  open(sealed: string | null | undefined): string | null;
  /** A keyed hash for finding equal values (e.g. repeat applicants) without decrypting, under the
   *  newest key: what is stored. */
  blindIndex(value: string): string;
  /** The value's blind index under every configured key, newest first: a match still finds rows
   *  indexed before the newest key was put in front. */
  blindIndexes(value: string): string[];
  /** The blind index of a person's or organisation's name (normaliseName), under its own sub-key. */
  nameIndex(name: string): string;
  /** The name's index under every configured key, newest first: a look-up still finds rows indexed
   *  before the newest key was put in front. */
  nameIndexes(name: string): string[];
  needsRotation(sealed: string): boolean;
}

/** A name as typed, reduced so that spellings differing only in character width or spacing are
 *  one: NFKC (full-width letters, digits and the ideographic space become their plain forms),
 *  then every white space removed, so 张 三 and 张三 are one name (a Chinese name is written
 *  without spaces; a space typed into it says nothing about who the person is). Case is kept.
 *  The blind index of names and the duplicate detector both read names through it. */
export function normaliseName(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '');
}

function keyOf(hex: string): Key {
  const bytes = Buffer.from(hex, 'hex');
  if (bytes.length !== 32) throw new PersonalDataKeyError('a personal-data key must be 64 hex digits (256 bits)');
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
}

export function createVault(cipher: PersonalDataCipher, hexKeys: readonly string[]): PersonalDataVault {
  if (hexKeys.length === 0) throw new PersonalDataKeyError('no personal-data key configured (GONGKAI_DATA_KEYS)');
  const keys = hexKeys.map(keyOf);
  const current = keys[0]!;
  const byId = new Map(keys.map((k) => [k.id, k]));
  // Sub-keys per purpose, so the blind index never reuses the encryption key directly.
  const indexKeys = keys.map((k) => createHmac('sha256', k.bytes).update('gongkai/blind-index').digest());
  const blindIndexes = (value: string) => {
    const normal = value.normalize('NFKC').trim().toUpperCase();
    return indexKeys.map((k) => createHmac('sha256', k).update(normal).digest('hex'));
  };
  // Names get a sub-key of their own: an index of names says nothing about the other indexes.
  const nameKeys = keys.map((k) => createHmac('sha256', k.bytes).update('gongkai/name-index').digest());
  const nameIndexes = (name: string) =>
    nameKeys.map((k) => createHmac('sha256', k).update(normaliseName(name)).digest('hex'));

  function encrypt(plaintext: string): string {
    if (cipher === 'sm4') {
      const iv = randomBytes(16);
      const encKey = current.bytes.subarray(0, 16);
      const macKey = current.bytes.subarray(16, 32);
      const body = smCrypto.sm4.encrypt(plaintext, encKey.toString('hex'), {
        mode: 'cbc',
        iv: iv.toString('hex'),
      }) as string;
      const tag = smCrypto.sm3(`${iv.toString('hex')}${body}`, { key: macKey.toString('hex') });
      return `v1.sm4.${current.id}.${iv.toString('base64url')}.${Buffer.from(tag, 'hex').toString('base64url')}.${Buffer.from(body, 'hex').toString('base64url')}`;
    }
    const iv = randomBytes(12);
    const c = createCipheriv('aes-256-gcm', current.bytes, iv);
    const body = Buffer.concat([c.update(plaintext, 'utf8'), c.final()]);
    return `v1.gcm.${current.id}.${iv.toString('base64url')}.${c.getAuthTag().toString('base64url')}.${body.toString('base64url')}`;
  }

  function decrypt(sealed: string): string {
    const parts = sealed.split('.');
    if (parts.length !== 6 || parts[0] !== 'v1') throw new PersonalDataKeyError('not an encrypted value');
    const [, alg, id, ivB64, tagB64, bodyB64] = parts as [string, string, string, string, string, string];
    const key = byId.get(id);
    if (!key) throw new PersonalDataKeyError(`the key ${id} that encrypted this value is not configured`);
    const iv = Buffer.from(ivB64, 'base64url');
    const tag = Buffer.from(tagB64, 'base64url');
    const body = Buffer.from(bodyB64, 'base64url');
    if (alg === 'sm4') {
      const expected = Buffer.from(
        smCrypto.sm3(`${iv.toString('hex')}${body.toString('hex')}`, {
          key: key.bytes.subarray(16, 32).toString('hex'),
        }),
        'hex',
      );
      if (expected.length !== tag.length || !timingSafeEqual(expected, tag))
        throw new PersonalDataKeyError('the value was altered');
      return smCrypto.sm4.decrypt(body.toString('hex'), key.bytes.subarray(0, 16).toString('hex'), {
        mode: 'cbc',
        iv: iv.toString('hex'),
      }) as string;
    }
    const d = createDecipheriv('aes-256-gcm', key.bytes, iv);
    d.setAuthTag(tag);
    try {
      return Buffer.concat([d.update(body), d.final()]).toString('utf8');
    } catch {
      throw new PersonalDataKeyError('the value was altered');
    }
  }

  return {
    encrypt,
    decrypt,
    seal: (p) => (p === null || p === undefined || p === '' ? null : encrypt(p)),
    open: (s) => (s === null || s === undefined ? null : decrypt(s)),
    blindIndex: (value) => blindIndexes(value)[0]!,
    blindIndexes,
    nameIndex: (name) => nameIndexes(name)[0]!,
    nameIndexes,
    needsRotation: (sealed) => sealed.split('.')[2] !== current.id,
  };
}

/** Keys from the environment; without any, a key generated once into the key directory (0600,
 *  never the data directory) so that `npm start` works out of the box. A key an older version
 *  left in the data directory is moved to the key directory. Production sets GONGKAI_DATA_KEYS
 *  or keeps GONGKAI_KEY_DIR away from the database backups. */
export function resolveDataKeys(
  configured: readonly string[],
  dataDir: string,
  keyDir: string = defaultKeyDir(dataDir),
): string[] {
  if (configured.length > 0) return [...configured];
  return [readOrCreateKey(keyDir, 'personal-data-key', join(dataDir, 'personal-data-key'))];
}
