// The schema snapshot: the schema that the migrations produce, per dialect, is kept in
// test/fixtures/schema.<dialect>.json. A change to the schema that does not come with a new
// migration (or a migration edited after it landed) makes this test fail. After adding a
// migration, refresh with UPDATE_SNAPSHOTS=1 npm test and review the diff.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { sql, type Kysely } from 'kysely';
import { forEachDialect, freshDatabase } from '../../test/support/database.ts';
import { migrateDownAll, migrateToLatest } from './migrate.ts';

async function describeSchema(db: Kysely<any>, dialect: string) {
  const tables = await db.introspection.getTables();
  const out: Record<string, { columns: string[]; indexes: string[] }> = {};
  for (const table of tables.sort((a, b) => a.name.localeCompare(b.name))) {
    if (table.name.startsWith('kysely_')) continue;
    out[table.name] = {
      columns: table.columns.map((c) => `${c.name} ${c.dataType}${c.isNullable ? '' : ' not null'}${c.hasDefaultValue ? ' default' : ''}`),
      indexes: [],
    };
  }
  const indexes =
    dialect === 'sqlite'
      ? (await sql<{ tbl: string; name: string; sql: string | null }>`select tbl_name as tbl, name, sql from sqlite_master where type = 'index'`.execute(db)).rows.map((r) => ({ table: r.tbl, name: r.name, def: r.sql ?? '(auto)' }))
      : (await sql<{ tablename: string; indexname: string; indexdef: string }>`select tablename, indexname, indexdef from pg_indexes where schemaname = current_schema()`.execute(db)).rows.map((r) => ({
          table: r.tablename,
          name: r.indexname,
          def: r.indexdef.replace(/ ON [a-z0-9_]+\./, ' ON '),
        }));
  for (const index of indexes.sort((a, b) => a.name.localeCompare(b.name))) {
    out[index.table]?.indexes.push(dialect === 'sqlite' && index.def === '(auto)' ? index.name : index.def);
  }
  return out;
}

forEachDialect('schema', (t) => {
  test('the migrated schema matches the snapshot', async () => {
    const file = new URL(`../../test/fixtures/schema.${t.dialect}.json`, import.meta.url);
    const actual = await describeSchema(t.handle.db, t.dialect);
    if (process.env.UPDATE_SNAPSHOTS === '1' || !existsSync(file)) {
      if (process.env.CI) assert.fail(`schema snapshot ${file.pathname} is missing; run UPDATE_SNAPSHOTS=1 npm test and commit it`);
      writeFileSync(file, JSON.stringify(actual, null, 2) + '\n');
    }
    const expected = JSON.parse(readFileSync(file, 'utf8'));
    assert.deepEqual(actual, expected, 'the schema differs from test/fixtures/schema.*.json: add a migration, never edit a landed one');
  });
}, { migrate: true });

forEachDialect('migrations', (t) => {
  test('every migration goes down and up again', async () => {
    const fresh = await freshDatabase(t.dialect);
    try {
      const up = await migrateToLatest(fresh.handle.db);
      assert.ok(up.length > 0);
      const down = await migrateDownAll(fresh.handle.db);
      assert.deepEqual([...down].reverse(), up);
      const left = (await fresh.handle.db.introspection.getTables()).filter((x) => !x.name.startsWith('kysely_'));
      assert.deepEqual(left.map((x) => x.name), []);
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
}, { migrate: false });
