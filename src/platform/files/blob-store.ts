// Content-addressed storage of uploaded files under the data directory. A blob's address is the
// SHA-256 of its bytes (files/plain/aa/bb/<sha256>), so storing the same file twice keeps one
// copy and a row that names the hash can always check what it points at. Writes go to a
// temporary file in the same directory and are renamed into place: a reader never sees half a
// file, even after a crash.
//
// Personal data (applicants' ID copies) is stored sealed instead: AES-256-GCM — or, when
// GONGKAI_DATA_CIPHER=sm4, SM4-CTR with an HMAC-SM3 tag — under keys derived from the
// personal-data keys (GONGKAI_DATA_KEYS, see crypto/personal-data.ts), and addressed by an HMAC
// of the content (files/sealed/…), so neither the file nor its name reveals the content: a plain
// hash would let anyone holding a copy of an ID card confirm that it is there.
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { mkdir, open, readFile, rename, rm, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { Config } from '../../config.ts';
import { NotFoundError } from '../errors.ts';
import { resolveDataKeys } from '../crypto/personal-data.ts';
import { mimeOf, sniffKind, type FileKind } from './kinds.ts';

export type BlobConfig = Pick<Config, 'dataDir' | 'personalDataKeys'> &
  Partial<Pick<Config, 'personalDataCipher' | 'keyDir'>>;

export interface StoredBlob {
  /** The blob's address: SHA-256 of the content, or for an encrypted blob the keyed HMAC of it. */
  readonly sha256: string;
  /** Size of the content in bytes (not of the sealed file). */
  readonly size: number;
  /** The sniffed kind; null when the content is of no kind we know (served as a download). */
  readonly kind: FileKind | null;
  readonly mime: string;
  readonly encrypted: boolean;
}

export interface BlobRef {
  readonly sha256: string;
  readonly encrypted?: boolean;
}

export class BlobIntegrityError extends Error {
  override name = 'BlobIntegrityError';
}

const MAGIC = Buffer.from('GKF1');
const MAGIC_SM4 = Buffer.from('GKS1');
const ADDRESS = /^[0-9a-f]{64}$/;

interface FileKey {
  readonly id: string;
  readonly encryption: Buffer;
  readonly naming: Buffer;
  readonly sm4: Buffer;
  readonly sm4Mac: Buffer;
}

const keyCache = new Map<string, FileKey[]>();

function fileKeys(config: BlobConfig): FileKey[] {
  const cacheKey = `${config.dataDir}\u0000${config.personalDataKeys.join(',')}`;
  let keys = keyCache.get(cacheKey);
  if (!keys) {
    keys = resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir).map((hex) => {
      const bytes = Buffer.from(hex, 'hex');
      // Same key id as the vault's, so an operator sees one identity per configured key.
      const id = createHash('sha256').update(bytes).digest('hex').slice(0, 8);
      // Separate sub-keys per purpose: file encryption and file naming never share a key.
      return {
        id,
        encryption: createHmac('sha256', bytes).update('gongkai/file-encryption').digest(),
        naming: createHmac('sha256', bytes).update('gongkai/file-name').digest(),
        sm4: createHmac('sm3', bytes).update('gongkai/file-encryption-sm4').digest().subarray(0, 16),
        sm4Mac: createHmac('sm3', bytes).update('gongkai/file-mac-sm3').digest(),
      };
    });
    keyCache.set(cacheKey, keys);
  }
  return keys;
}

/** Where a blob lives on disk. Throws on anything but a 64-hex address (no path tricks). */
export function blobPath(config: Pick<Config, 'dataDir'>, ref: BlobRef): string {
  if (!ADDRESS.test(ref.sha256)) throw new NotFoundError();
  const h = ref.sha256;
  return join(config.dataDir, 'files', ref.encrypted ? 'sealed' : 'plain', h.slice(0, 2), h.slice(2, 4), h);
}

async function exists(path: string): Promise<boolean> {
  try {
    await stat(path);
    return true;
  } catch {
    return false;
  }
}

async function writeAtomically(path: string, data: Buffer): Promise<void> {
  const dir = join(path, '..');
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const temp = join(dir, `.tmp-${randomBytes(8).toString('hex')}`);
  const handle = await open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(data);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await rename(temp, path);
  } catch (err) {
    await rm(temp, { force: true });
    throw err;
  }
}

function seal(key: FileKey, plaintext: Buffer, cipherName: Config['personalDataCipher']): Buffer {
  if (cipherName === 'sm4') {
    const iv = randomBytes(16);
    const cipher = createCipheriv('sm4-ctr', key.sm4, iv);
    const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
    const head = Buffer.concat([MAGIC_SM4, Buffer.from(key.id, 'ascii'), iv]);
    const tag = createHmac('sm3', key.sm4Mac).update(head).update(body).digest();
    return Buffer.concat([head, tag, body]);
  }
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.encryption, iv);
  cipher.setAAD(MAGIC);
  const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
  return Buffer.concat([MAGIC, Buffer.from(key.id, 'ascii'), iv, cipher.getAuthTag(), body]);
}

function unseal(keys: FileKey[], sealed: Buffer): Buffer {
  const magic = sealed.subarray(0, 4);
  if (sealed.length < 40 || !(magic.equals(MAGIC) || magic.equals(MAGIC_SM4)))
    throw new BlobIntegrityError('not a sealed file');
  const id = sealed.subarray(4, 12).toString('ascii');
  const key = keys.find((k) => k.id === id);
  if (!key) throw new BlobIntegrityError(`the key ${id} that encrypted this file is not configured`);
  if (magic.equals(MAGIC_SM4)) {
    if (sealed.length < 60) throw new BlobIntegrityError('not a sealed file');
    const head = sealed.subarray(0, 28);
    const tag = sealed.subarray(28, 60);
    const body = sealed.subarray(60);
    const expected = createHmac('sm3', key.sm4Mac).update(head).update(body).digest();
    if (!timingSafeEqual(expected, tag)) throw new BlobIntegrityError('the sealed file was altered');
    const decipher = createDecipheriv('sm4-ctr', key.sm4, sealed.subarray(12, 28));
    return Buffer.concat([decipher.update(body), decipher.final()]);
  }
  const decipher = createDecipheriv('aes-256-gcm', key.encryption, sealed.subarray(12, 24));
  decipher.setAAD(MAGIC);
  decipher.setAuthTag(sealed.subarray(24, 40));
  try {
    return Buffer.concat([decipher.update(sealed.subarray(40)), decipher.final()]);
  } catch {
    throw new BlobIntegrityError('the sealed file was altered');
  }
}

/** Stores the bytes (once: an identical blob already stored is kept) and describes them. */
export async function storeBlob(
  config: BlobConfig,
  bytes: Uint8Array,
  options: { encrypt?: boolean } = {},
): Promise<StoredBlob> {
  const content = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const kind = sniffKind(content);
  const encrypted = options.encrypt === true;
  let sha256: string;
  let data: () => Buffer;
  if (encrypted) {
    const key = fileKeys(config)[0]!;
    sha256 = createHmac('sha256', key.naming).update(content).digest('hex');
    data = () => seal(key, content, config.personalDataCipher ?? 'aes-256-gcm');
  } else {
    sha256 = createHash('sha256').update(content).digest('hex');
    data = () => content;
  }
  const path = blobPath(config, { sha256, encrypted });
  if (!(await exists(path))) await writeAtomically(path, data());
  return { sha256, size: content.length, kind, mime: mimeOf(kind), encrypted };
}

/** The blob's content, decrypted when sealed and checked against its address when plain.
 *  Throws NotFoundError when there is no such blob, BlobIntegrityError when it was altered. */
export async function readBlob(config: BlobConfig, ref: BlobRef): Promise<Buffer> {
  let stored: Buffer;
  try {
    stored = await readFile(blobPath(config, ref));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new NotFoundError();
    throw err;
  }
  if (ref.encrypted) return unseal(fileKeys(config), stored);
  if (createHash('sha256').update(stored).digest('hex') !== ref.sha256)
    throw new BlobIntegrityError(`blob ${ref.sha256} does not match its hash`);
  return stored;
}

export async function hasBlob(config: Pick<Config, 'dataDir'>, ref: BlobRef): Promise<boolean> {
  return exists(blobPath(config, ref));
}
