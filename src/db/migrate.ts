// Migrations live in /migrations as timestamped files exporting up/down on Kysely<any>.
// Kysely's Migrator takes a lock (an advisory lock on PostgreSQL, a lock row on SQLite), so two
// app processes starting together never run the same migration twice.
import { readdirSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { Migrator, type Kysely, type Migration, type MigrationProvider, type MigrationResultSet } from 'kysely';

export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

class FolderMigrationProvider implements MigrationProvider {
  async getMigrations(): Promise<Record<string, Migration>> {
    const migrations: Record<string, Migration> = {};
    const files = readdirSync(migrationsDir).filter((f) => /^\d{14}_[a-z0-9_]+\.ts$/.test(f)).sort();
    for (const file of files) {
      const module = (await import(pathToFileURL(join(migrationsDir, file)).href)) as Migration;
      migrations[file.replace(/\.ts$/, '')] = module;
    }
    return migrations;
  }
}

export function migrator(db: Kysely<any>): Migrator {
  return new Migrator({ db, provider: new FolderMigrationProvider() });
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
  return check(await migrator(db).migrateToLatest());
}

export async function migrateDownAll(db: Kysely<any>): Promise<string[]> {
  const m = migrator(db);
  const done: string[] = [];
  for (;;) {
    const result = await m.migrateDown();
    const names = check(result);
    if (names.length === 0) return done;
    done.push(...names);
  }
}
