// Backups that can be taken while the server keeps writing.
// SQLite: the online backup API copies a consistent snapshot page by page without stopping
// writers. PostgreSQL: pg_dump's custom format (a consistent snapshot by MVCC), when the
// client tools are installed.
import { existsSync, rmSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import type { DatabaseHandle } from './connect.ts';
import { sqliteDriver } from './sqlite-file.ts';

export interface BackupResult {
  readonly file: string;
  readonly bytes: number;
  readonly dialect: 'sqlite' | 'postgres';
}

export class BackupError extends Error {
  override name = 'BackupError';
}

export function integrityCheck(file: string): string {
  const db = new (sqliteDriver())(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    return rows.map((r) => r.integrity_check).join('; ');
  } finally {
    db.close();
  }
}

export async function backup(handle: DatabaseHandle, file: string): Promise<BackupResult> {
  if (handle.dialect === 'sqlite') {
    if (existsSync(file)) rmSync(file);
    await handle.sqlite!.backup(file);
    const check = integrityCheck(file);
    if (check !== 'ok') throw new BackupError(`backup written but failed the integrity check: ${check}`);
    return { file, bytes: statSync(file).size, dialect: 'sqlite' };
  }
  const dump = spawnSync('pg_dump', ['--format=custom', `--file=${file}`, '--no-owner', handle.url!], {
    encoding: 'utf8',
  });
  if (dump.error)
    throw new BackupError('pg_dump is not installed: install the PostgreSQL client tools (postgresql-client)');
  if (dump.status !== 0) throw new BackupError(`pg_dump failed: ${dump.stderr.trim().split('\n')[0]}`);
  return { file, bytes: statSync(file).size, dialect: 'postgres' };
}

/** Restores into the configured database. Stop the server first: a restore replaces every row. */
export async function restore(handle: DatabaseHandle, file: string): Promise<void> {
  if (!existsSync(file)) throw new BackupError(`no such file: ${file}`);
  if (handle.dialect === 'sqlite') {
    let check: string;
    try {
      check = integrityCheck(file);
    } catch {
      throw new BackupError(`${file} is not a SQLite backup`);
    }
    if (check !== 'ok') throw new BackupError(`${file} fails the integrity check: ${check}`);
    const source = new (sqliteDriver())(file, { readonly: true });
    try {
      // Copying with the backup API into the open database replaces its content atomically
      // from the point of view of other connections.
      await source.backup(handle.file!);
    } finally {
      source.close();
    }
    return;
  }
  const run = spawnSync('pg_restore', ['--clean', '--if-exists', '--no-owner', `--dbname=${handle.url!}`, file], {
    encoding: 'utf8',
  });
  if (run.error)
    throw new BackupError('pg_restore is not installed: install the PostgreSQL client tools (postgresql-client)');
  if (run.status !== 0) throw new BackupError(`pg_restore failed: ${run.stderr.trim().split('\n')[0]}`);
}
