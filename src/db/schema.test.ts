// The schema snapshot: the schema that the migrations produce, per dialect, is kept in
// test/fixtures/schema.<dialect>.json. A change to the schema that does not come with a new
// migration (or a migration edited after it landed) makes this test fail. After adding a
// migration, refresh with UPDATE_SNAPSHOTS=1 npm test and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { Kysely, PostgresDialect, sql } from 'kysely';
import { forEachDialect, freshDatabase, postgresUrl } from '../../test/support/database.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';
import { postgresPool } from './postgres.ts';

/** The tables of this database's own schema: on PostgreSQL, introspection lists every schema's,
 *  and other suites (or other test runs) keep theirs in the same database at the same time. */
async function ownTables(db: Kysely<any>, dialect: string) {
  const tables = await db.introspection.getTables({ withInternalKyselyTables: true });
  if (dialect === 'sqlite') return tables;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return tables.filter((x) => x.schema === rows[0]!.schema);
}

async function describeSchema(db: Kysely<any>, dialect: string) {
  const tables = await ownTables(db, dialect);
  const out: Record<string, { columns: string[]; indexes: string[] }> = {};
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (table.name.startsWith('kysely_')) continue;
    out[table.name] = {
      columns: table.columns.map(
        (c) => `${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}${c.hasDefaultValue ? ' default' : ''}`,
      ),
      indexes: [],
    };
  }
  const indexes =
    dialect === 'sqlite'
      ? (
          await sql<{
            tbl: string;
            name: string;
            sql: string | null;
          }>`select tbl_name as tbl, name, sql from sqlite_master where type = 'index'`.execute(db)
        ).rows.map((r) => ({ table: r.tbl, name: r.name, def: r.sql ?? '(auto)' }))
      : (
          await sql<{
            tablename: string;
            indexname: string;
            indexdef: string;
          }>`select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema()`.execute(db)
        ).rows.map((r) => ({
          table: r.tablename,
          name: r.indexname,
          def: r.indexdef.replace(/ ON [a-z0-9_]+\./, ' ON '),
        }));
  for (const index of indexes.sort((a, b) => a.name.localeCompare(b.name))) {
    out[index.table]?.indexes.push(dialect === 'sqlite' && index.def === '(auto)' ? index.name : index.def);
  }
  return out;
}

forEachDialect(
  'schema',
  (t) => {
    test('the migrated schema matches the snapshot', async () => {
      const file = new URL(`../../test/fixtures/schema.${t.dialect}.json`, import.meta.url);
      const actual = await describeSchema(t.handle.db, t.dialect);
      if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
        if (process.env.CI)
          assert.fail(`schema snapshot ${file.pathname} is missing; run UPDATE_SNAPSHOTS=1 npm test and commit it`);
        writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
      }
      const expected = JSON.parse(readFileSync(file, 'utf8'));
      assert.deepEqual(
        actual,
        expected,
        'the schema differs from test/fixtures/schema.*.json: add a migration, never edit a landed one',
      );
    });
  },
  { migrate: true },
);

forEachDialect(
  'migrations',
  (t) => {
    test('every migration goes down and up again', async () => {
      const fresh = await freshDatabase(t.dialect);
      try {
        const up = await migrateToLatest(fresh.handle.db);
        assert.ok(up.length > 0);
        const down = await migrateDownAll(fresh.handle.db);
        assert.deepEqual([...down].reverse(), up);
        const left = (await ownTables(fresh.handle.db, t.dialect)).filter((x) => !x.name.startsWith('kysely_'));
        assert.deepEqual(
          left.map((x) => x.name),
          [],
        );
        assert.deepEqual(await migrateToLatest(fresh.handle.db), up);
        assert.deepEqual(await migrateToLatest(fresh.handle.db), [], 'a second run applies nothing');
      } finally {
        await fresh.drop();
      }
    });

    test('two processes starting together migrate once', async () => {
      const fresh = await freshDatabase(t.dialect);
      try {
        const results = await Promise.allSettled([migrateToLatest(fresh.handle.db), migrateToLatest(fresh.handle.db)]);
        const applied = results.flatMap((r) => (r.status === 'fulfilled' ? r.value : []));
        assert.equal(new Set(applied).size, applied.length, 'no migration ran twice');
      } finally {
        await fresh.drop();
      }
    });

    test('a schema beside another migrated schema gets its own migration tables', {
      skip: t.dialect !== 'postgres',
    }, async () => {
      // The other schema is migrated first, so Kysely's name lookup (across all schemas) would find
      // its kysely_migration tables if the migrator were not pinned to the current schema.
      const other = await freshDatabase(t.dialect);
      const fresh = await freshDatabase(t.dialect);
      try {
        const up = await migrateToLatest(other.handle.db);
        assert.deepEqual(await migrateToLatest(fresh.handle.db), up);
        const own = await ownTables(fresh.handle.db, t.dialect);
        assert.ok(
          own.some((x) => x.name === 'kysely_migration') && own.some((x) => x.name === 'kysely_migration_lock'),
        );
      } finally {
        await fresh.drop();
        await other.drop();
      }
    });

    test('a database migrated earlier keeps its migration tables when the search path gains a schema', {
      skip: t.dialect !== 'postgres',
    }, async () => {
      // PostgreSQL's default search path is "$user", public: a deployment migrated into public
      // gets a new current_schema() once a schema named after its user is created. Its migration
      // tables (and tables) are still the ones the search path resolves to: nothing may run again.
      const fresh = await freshDatabase(t.dialect);
      const url = postgresUrl()!;
      const front = `gk_front_${Date.now().toString(36)}`;
      let db: Kysely<any> | undefined;
      try {
        const up = await migrateToLatest(fresh.handle.db);
        assert.ok(up.length > 0);
        const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(fresh.handle.db);
        await sql`create schema ${sql.id(front)}`.execute(fresh.handle.db);
        db = new Kysely<any>({
          dialect: new PostgresDialect({
            pool: postgresPool({
              connectionString: url,
              max: 2,
              options: `-c search_path=${front},${rows[0]!.schema}`,
            }),
          }),
        });
        assert.deepEqual(await migrateToLatest(db), [], 'nothing runs again');
        assert.deepEqual(await ownTables(db, t.dialect), [], 'nothing is created in the new front schema');
      } finally {
        await db?.destroy();
        await sql`drop schema if exists ${sql.id(front)} cascade`.execute(fresh.handle.db);
        await fresh.drop();
      }
    });
  },
  { migrate: false },
);
