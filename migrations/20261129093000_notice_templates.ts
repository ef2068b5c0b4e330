// The disclosure office's notice templates (告知书模板): every saved text is a version row that is
// never changed or deleted (triggers refuse it), numbered per agency and template; the latest
// version is the current one. Notices record the version they were made with in the detail of
// the case event that issued them.
import { sql, type Kysely } from 'kysely';
import { isPostgres, withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('notice_template_versions'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('template_key', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notice_template_versions_key_version_uq', ['agency_id', 'template_key', 'version'])
    .execute();
  if (isPostgres(db)) {
    await sql`create function notice_template_versions_immutable() returns trigger language plpgsql as $$
      begin raise exception 'notice template versions are immutable'; end $$`.execute(db);
    await sql`create trigger notice_template_versions_no_change before update or delete on notice_template_versions
      for each row execute function notice_template_versions_immutable()`.execute(db);
  } else {
    await sql`create trigger notice_template_versions_no_update before update on notice_template_versions
      begin select raise(abort, 'notice template versions are immutable'); end`.execute(db);
    await sql`create trigger notice_template_versions_no_delete before delete on notice_template_versions
      begin select raise(abort, 'notice template versions are immutable'); end`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists notice_template_versions_no_change on notice_template_versions`.execute(db);
    await sql`drop function if exists notice_template_versions_immutable()`.execute(db);
  }
  await db.schema.dropTable('notice_template_versions').execute();
}
