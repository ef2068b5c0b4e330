// One schema on two engines: the embedded SQLite file for a bureau or a small city, PostgreSQL
// for a province. Everything above this file sees only Kysely<Database>.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import pg from 'pg';
import { CompiledQuery, Kysely, PostgresDialect, SqliteDialect, SqliteDriver, sql, type DatabaseConnection, type Driver, type SqliteDialectConfig } from 'kysely';
import type { Database } from './database.ts';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseHandle {
  readonly db: Kysely<Database>;
  readonly dialect: Dialect;
  /** The SQLite file path (sqlite only); used by backup. */
  readonly file?: string;
  /** The raw better-sqlite3 connection (sqlite only); used by the online backup API. */
  readonly sqlite?: SQLite.Database;
  readonly url?: string;
  close(): Promise<void>;
}

// int8 (COUNT(*), SUM of integers) arrives from pg as a string; our counts fit in a JS number.
pg.types.setTypeParser(20, (value) => Number(value));
// numeric stays a string on purpose (money), converted where it is read.

export function openSqliteFile(file: string): SQLite.Database {
  const connection = new SQLite(file);
  connection.pragma('journal_mode = WAL');
  connection.pragma('foreign_keys = ON');
  connection.pragma('busy_timeout = 5000');
  // In WAL mode NORMAL keeps every committed transaction across a process crash (kill -9);
  // only an operating-system crash may lose the last ones.
  connection.pragma('synchronous = NORMAL');
  return connection;
}

// SQLite's default BEGIN is deferred: a transaction that reads, then writes, fails at once with
// "database is locked" when another process (the CLI next to the server) committed in between.
// BEGIN IMMEDIATE takes the write lock up front, so the busy timeout applies instead.
class ImmediateSqliteDriver extends SqliteDriver {
  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }
}

class ImmediateSqliteDialect extends SqliteDialect {
  constructor(private readonly settings: SqliteDialectConfig) {
    super(settings);
  }
  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.settings);
  }
}

export function connectSqlite(file: string): DatabaseHandle {
  const sqlite = openSqliteFile(file);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: sqlite }) });
  return {
    db,
    dialect: 'sqlite',
    file,
    sqlite,
    async close() {
      await db.destroy();
    },
  };
}

export function connectPostgres(url: string, poolSize = 10): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    dialect: 'postgres',
    url,
    async close() {
      await db.destroy();
    },
  };
}

export function connect(options: { databaseUrl?: string; dataDir: string }): DatabaseHandle {
  if (options.databaseUrl) return connectPostgres(options.databaseUrl);
  mkdirSync(options.dataDir, { recursive: true, mode: 0o700 });
  return connectSqlite(join(options.dataDir, 'gongkai.sqlite'));
}

export async function ping(handle: DatabaseHandle): Promise<void> {
  await sql`select 1`.execute(handle.db);
}
