// Keys live in a key directory of their own (GONGKAI_KEY_DIR, by default `data-keys` next to
// `data`), never beside the database: a copy of the data directory or a database backup must
// not carry the keys that protect it (personal data) or that make its audit trail unforgeable.
// Files are created 0600 in a 0700 directory at first start, so `npm start` works out of the box.
import {
  chmodSync,
  existsSync,
  linkSync,
  mkdirSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join, resolve } from 'node:path';

/** The default key directory for a data directory: its sibling `<data>-keys`. */
export function defaultKeyDir(dataDir: string): string {
  const abs = resolve(dataDir);
  return join(dirname(abs), `${basename(abs)}-keys`);
}

/** Creates the key directory (0700) if needed and tightens it if it is looser. */
export function ensureKeyDir(keyDir: string): string {
  mkdirSync(keyDir, { recursive: true, mode: 0o700 });
  if ((statSync(keyDir).mode & 0o077) !== 0) chmodSync(keyDir, 0o700);
  return keyDir;
}

/** Makes a file readable by its owner only (keys, anchors, the SQLite database). */
export function restrictFile(file: string): void {
  if (existsSync(file) && (statSync(file).mode & 0o077) !== 0) chmodSync(file, 0o600);
}

/**
 * A 256-bit key (64 hex digits) in `<keyDir>/<name>`, generated at first use. `legacyFile` is
 * where an older version kept it (inside the data directory): it is moved, not copied, so the
 * key stops travelling with the data.
 */
export function readOrCreateKey(keyDir: string, name: string, legacyFile?: string): string {
  ensureKeyDir(keyDir);
  const file = join(keyDir, name);
  if (!existsSync(file)) {
    if (legacyFile && existsSync(legacyFile)) renameSync(legacyFile, file);
    else {
      // Written aside and linked into place: two processes starting at once (the server and the
      // CLI) never see a half-written key, and the second one keeps the first one's key.
      const tmp = `${file}.${process.pid}.${randomBytes(4).toString('hex')}`;
      writeFileSync(tmp, randomBytes(32).toString('hex') + '\n', { mode: 0o600 });
      try {
        linkSync(tmp, file);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      } finally {
        unlinkSync(tmp);
      }
    }
  }
  restrictFile(file);
  const key = readFileSync(file, 'utf8').trim();
  if (!/^[0-9a-f]{64}$/i.test(key)) throw new Error(`the key file ${file} does not hold a 64-hex-digit key`);
  return key;
}

/** The audit chain's key: GONGKAI_AUDIT_KEY when set, else the generated `audit-key`. */
export function resolveAuditKey(config: { readonly auditKey: string | undefined; readonly keyDir: string }): string {
  return config.auditKey ?? readOrCreateKey(config.keyDir, 'audit-key');
}

/**
 * A stable name for one database, so that several databases (tests, a staging copy) sharing a
 * key directory keep separate anchors: the SQLite file's path, or the PostgreSQL server, database
 * and options without credentials.
 */
export function databaseIdentity(handle: { readonly file?: string; readonly url?: string }): string {
  let name = handle.file ? `sqlite:${resolve(handle.file)}` : 'unknown';
  if (!handle.file && handle.url) {
    try {
      const u = new URL(handle.url);
      name = `postgres:${u.hostname}:${u.port}${u.pathname}?${u.searchParams.get('options') ?? ''}`;
    } catch {
      name = `postgres:${handle.url.replace(/\/\/[^@/]*@/, '//')}`;
    }
  }
  return createHash('sha256').update(name).digest('hex').slice(0, 16);
}
