// One schema on two engines: the embedded SQLite file for a bureau or a small city, PostgreSQL
// for a province. Everything above this file sees only Kysely<Database>.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  Kysely,
  PostgresDialect,
  SqliteDialect,
  SqliteDriver,
  sql,
  type DatabaseConnection,
  type Driver,
  type SqliteDatabase,
  type SqliteDialectConfig,
} from 'kysely';
import type { Database } from './database.ts';
import { postgresPool } from './postgres.ts';
import { openSqliteFile } from './sqlite-file.ts';

// Each driver is loaded when a connection of its kind is opened (postgres.ts, sqlite-file.ts).
export { openSqliteFile };

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

/** How many distinct statements a connection keeps prepared (least recently used go first). */
const STATEMENT_CACHE_SIZE = 1000;

/**
 * Kysely's SQLite driver prepares every query afresh, and preparing (parsing and planning) costs
 * about as much as running the small statements an application mostly issues. Kysely compiles the
 * same builder to the same SQL text, so statements are kept per text and reused. Reuse is safe:
 * the driver runs one query at a time on its single connection (a mutex), better-sqlite3 resets a
 * statement after each run, and SQLite re-prepares a statement by itself after a schema change.
 */
export function withStatementCache(connection: SQLite.Database, size = STATEMENT_CACHE_SIZE): SqliteDatabase {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => connection.close(),
    prepare(text: string) {
      let statement = statements.get(text);
      if (statement) {
        // Map order is insertion order: moving the hit to the end keeps the oldest entry first.
        statements.delete(text);
      } else {
        statement = connection.prepare(text);
        if (statements.size >= size) statements.delete(statements.keys().next().value!);
      }
      statements.set(text, statement);
      return statement;
    },
  };
}

export function connectSqlite(file: string): DatabaseHandle {
  const sqlite = openSqliteFile(file);
  const db = new Kysely<Database>({ dialect: new ImmediateSqliteDialect({ database: withStatementCache(sqlite) }) });
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
  const pool = postgresPool({ connectionString: url, max: poolSize });
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
