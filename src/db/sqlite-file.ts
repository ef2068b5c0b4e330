// Opening the SQLite file, with the better-sqlite3 driver loaded on first use: a process on
// PostgreSQL never reads it. Kysely is not needed here (the calendar look-up of the command line
// reads through the driver alone).
import { chmodSync, closeSync, existsSync, openSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import type SQLite from 'better-sqlite3';

const require = createRequire(import.meta.url);

/** The better-sqlite3 constructor. */
export function sqliteDriver(): typeof SQLite {
  return require('better-sqlite3') as typeof SQLite;
}

/** The database file, and the WAL and shared-memory files SQLite derives from its mode, are the
 *  owner's only (0600): applicants' records are not for every account on the machine. */
function restrictSqliteFiles(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', 0o600));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, 0o600);
  }
}

export function openSqliteFile(file: string): SQLite.Database {
  restrictSqliteFiles(file);
  const connection = new (sqliteDriver())(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // In WAL mode NORMAL keeps every committed transaction across a process crash (kill -9);
  // only an operating-system crash may lose the last ones.
  connection.pragma('synchronous = NORMAL');
  return connection;
}
