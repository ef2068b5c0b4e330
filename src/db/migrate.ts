// Migrations live in /migrations as timestamped files exporting up/down on Kysely<any>.
// Kysely's Migrator takes a lock (an advisory lock on PostgreSQL, a lock row on SQLite), so two
// app processes starting together never run the same migration twice.
import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Migrator, sql, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';
import { isPostgres } from './dialect.ts';
import { migrationFiles, migrationsDir } from './migration-files.ts';

export { migrationsDir };

class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    // Each migration is imported only when Kysely runs it: a process starting on an up-to-date
    // database reads the folder's names and loads none of the files.
    for (const { name, file } of migrationFiles()) {
      const url = pathToFileURL(join(migrationsDir, file)).href;
      const loaded = () => import(url) as Promise<Migration>;
      migrations[name] = {
        up: async (db) => (await loaded()).up(db),
        down: async (db) => {
          const { down } = await loaded();
          if (down) await down(db);
        },
      };
    }
    return migrations;
  }
}

/**
 * The PostgreSQL schema of Kysely's own tables (kysely_migration, kysely_migration_lock).
 *
 * Without a schema Kysely decides whether its tables exist by looking for their names in *any*
 * schema of the database, then uses them unqualified (through the search path). In a database
 * holding several schemas — parallel test runs, one schema per suite, or a tenant per schema — it
 * finds another schema's tables, skips creating its own and fails with "relation does not exist".
 * So it is pinned to a schema, chosen as the one the search path already resolves
 * kysely_migration to: a database migrated before this (tables in public, say) keeps its
 * tables and never re-runs a migration; a database without them gets them in current_schema(),
 * where our own unqualified CREATE TABLEs land too. SQLite has one schema: nothing to choose.
 */
async function migrationTableSchema(db: Kysely<any>): Promise<string | undefined> {
  if (!isPostgres(db)) return undefined;
  const { rows } = await sql<{ schema: string | null }>`
    select coalesce(
      (select n.nspname from pg_class c join pg_namespace n on n.oid = c.relnamespace where c.oid = to_regclass('kysely_migration')),
      current_schema()
    ) as schema`.execute(db);
  // No schema of the search path exists: leave Kysely's default (the CREATE fails with a clear error).
  return rows[0]?.schema ?? undefined;
}

export async function migrator(db: Kysely<any>): Promise<Migrator> {
  return new Migrator({
    db,
    provider: new FolderMigrationProvider(),
    migrationTableSchema: await migrationTableSchema(db),
  });
}

function check(result: MigrationResultSet): string[] {
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error');
    const reason = result.error instanceof Error ? result.error.message : String(result.error);
    throw new Error(`migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`);
  }
  return (result.results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  return check(await (await migrator(db)).migrateToLatest());
}

export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const m = await migrator(db);
  const done: string[] = [];
  for (;;) {
    const result = await m.migrateDown();
    const names = check(result);
    if (names.length === 0) return done;
    done.push(...names);
  }
}
