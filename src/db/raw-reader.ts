// Reading through the driver alone, without Kysely (a quarter of a second of CPU to load): for a
// one-shot command that reads a few rows, e.g. `gongkai calendar is-workday` (issue 20, ≤ 3× the
// CPU of `node -e 0`). Only the configured driver is loaded. Whoever reads through it checks first
// that the schema is current (schemaIsCurrent) and otherwise takes the Kysely path, which migrates.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { Dialect } from './connect.ts';
import { migrationFiles } from './migration-files.ts';
import { pgDriver } from './postgres.ts';
import { openSqliteFile } from './sqlite-file.ts';

export interface RawReader {
  readonly dialect: Dialect;
  /** Runs one statement without parameters and returns its rows (int8 as a number on PostgreSQL). */
  all<T>(text: string): Promise<T[]>;
  close(): Promise<void>;
}

/** A reader on the configured database; undefined when the SQLite file does not exist yet. */
export async function openRawReader(options: {
  databaseUrl?: string;
  dataDir: string;
}): Promise<RawReader | undefined> {
  if (options.databaseUrl) {
    const client = new (pgDriver().Client)({ connectionString: options.databaseUrl });
    await client.connect();
    return {
      dialect: 'postgres',
      all: async <T>(text: string) => (await client.query(text)).rows as T[],
      close: () => client.end(),
    };
  }
  const file = join(options.dataDir, 'gongkai.sqlite');
  if (!existsSync(file)) return undefined;
  // Opened as connect.ts opens it (modes, WAL, busy timeout), so a server writing beside it is
  // waited for rather than failing the read.
  const connection = openSqliteFile(file);
  return {
    dialect: 'sqlite',
    all: async <T>(text: string) => connection.prepare(text).all() as T[],
    close: async () => void connection.close(),
  };
}

function isMissingTable(error: unknown): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e?.code === '42P01' || (typeof e?.message === 'string' && /^no such table/.test(e.message));
}

/**
 * Whether the database has applied exactly the migrations this release ships (Kysely's table, as
 * the search path resolves it — the schema migrate.ts pins the migrator to). False for a database
 * never migrated, behind this release, or ahead of it: the caller then goes through the migrator,
 * which migrates or fails with its own message, never reading an outdated schema.
 */
export async function schemaIsCurrent(reader: RawReader): Promise<boolean> {
  let applied: { name: string }[];
  try {
    applied = await reader.all<{ name: string }>('select name from kysely_migration');
  } catch (error) {
    if (isMissingTable(error)) return false;
    throw error;
  }
  const shipped = migrationFiles().map((m) => m.name);
  const have = new Set(applied.map((r) => r.name));
  return applied.length === shipped.length && shipped.every((name) => have.has(name));
}
