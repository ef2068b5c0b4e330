// The migration files and their names, without Kysely: the migrator runs them (migrate.ts), and a
// read-only command compares the names with those the database has applied (schema-state.ts).
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const migrationsDir = fileURLToPath(new URL('../../migrations/', import.meta.url));

/** Every migration, oldest first: its name (the file name without .ts/.js) and its file name. */
export function migrationFiles(): { name: string; file: string }[] {
  return (
    readdirSync(migrationsDir)
      .filter((f) => /^\d{14}_[a-z0-9_]+\.(ts|js)$/.test(f))
      .sort()
      // Compiled (dist/migrations/*.js) or source (*.ts): the same name either way.
      .map((file) => ({ name: file.replace(/\.(ts|js)$/, ''), file }))
  );
}
