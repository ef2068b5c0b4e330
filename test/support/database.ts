// Every database test runs on both engines. SQLite: a fresh file per suite. PostgreSQL: a
// fresh schema per suite in TEST_DATABASE_URL's database — skipped with a one-line notice when
// the variable is unset, and failing when GONGKAI_REQUIRE_PG=1 (as CI sets it).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { describe, before, after } from 'node:test';
import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import { connectSqlite, type DatabaseHandle } from '../../src/db/connect.ts';
import { postgresPool } from '../../src/db/postgres.ts';
import { migrateToLatest } from '../../src/db/migrate.ts';
import type { Database } from '../../src/db/database.ts';

export type TestDialect = 'sqlite' | 'postgres';

let pgNoticePrinted = false;

export function postgresUrl(): string | undefined {
  const url = process.env.TEST_DATABASE_URL;
  if (!url && process.env.GONGKAI_REQUIRE_PG === '1') {
    throw new Error('GONGKAI_REQUIRE_PG=1 but TEST_DATABASE_URL is not set');
  }
  if (!url && !pgNoticePrinted) {
    pgNoticePrinted = true;
    console.log('# PostgreSQL suites skipped: set TEST_DATABASE_URL=postgres://… to run them');
  }
  return url;
}

export interface TestDatabase {
  readonly dialect: TestDialect;
  handle: DatabaseHandle;
}

/** A fresh, empty database of the given dialect (not migrated). */
export async function freshDatabase(dialect: TestDialect): Promise<{ handle: DatabaseHandle; drop(): Promise<void> }> {
  if (dialect === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-test-'));
    const handle = connectSqlite(join(dir, 'test.sqlite'));
    return {
      handle,
      async drop() {
        await handle.close().catch(() => undefined);
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const url = postgresUrl()!;
  const schema = `gk_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  // postgresPool: the application's type parsers (int8 as a number), as every pool it opens has.
  const pool = postgresPool({ connectionString: url, max: 8, options: `-c search_path=${schema}` });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const handle: DatabaseHandle = {
    db,
    dialect: 'postgres',
    url: `${url}${url.includes('?') ? '&' : '?'}options=-c%20search_path%3D${schema}`,
    async close() {
      await db.destroy();
    },
  };
  return {
    handle,
    async drop() {
      await handle.close().catch(() => undefined);
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      await c.query(`drop schema if exists ${schema} cascade`);
      await c.end();
    },
  };
}

export function dialects(): TestDialect[] {
  return postgresUrl() ? ['sqlite', 'postgres'] : ['sqlite'];
}

/**
 * Declares `fn` once per dialect inside a describe block named "name [dialect]", with a
 * migrated database available as `t.handle` in tests (set up in before(), dropped in after()).
 */
export function forEachDialect(name: string, fn: (t: TestDatabase) => void, options: { migrate?: boolean } = {}): void {
  for (const dialect of dialects()) {
    describe(`${name} [${dialect}]`, () => {
      const state = { dialect, handle: undefined as unknown as DatabaseHandle };
      let drop: (() => Promise<void>) | undefined;
      before(async () => {
        const fresh = await freshDatabase(dialect);
        state.handle = fresh.handle;
        drop = fresh.drop;
        if (options.migrate !== false) await migrateToLatest(fresh.handle.db);
      });
      after(async () => {
        await drop?.();
      });
      fn(state);
    });
  }
}

/** How many rows a table holds: what a test compares before and after an operation that must write nothing. */
export async function countRows(db: Kysely<Database>, table: keyof Database): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
