// After personal data stored in clear has been sealed in place, the old values can still sit in
// the database's free pages (SQLite) or dead row versions (PostgreSQL) until they are reused.
// Rewriting the table (or the file) leaves no copy in the database; backups made before keep
// theirs and are the operator's to rotate (docs/security.md#personal-data).
import { sql, type Kysely } from 'kysely';
import { isPostgres } from './dialect.ts';

/** Rewrites `table` (PostgreSQL: VACUUM FULL) or the whole file (SQLite: VACUUM, then the
 *  write-ahead log checkpointed and truncated). Outside any transaction. */
export async function scrubFreedSpace(db: Kysely<any>, table: string): Promise<void> {
  if (isPostgres(db)) {
    await sql`vacuum full ${sql.table(table)}`.execute(db);
    return;
  }
  await sql`vacuum`.execute(db);
  await sql`pragma wal_checkpoint(truncate)`.execute(db);
}
