// Who may approve a drafted answer to an application becomes a setting of each agency (issue 15
// item 10): the head of the disclosure office, the leader in charge, the principal leader, or any
// of them. No row: the default, the office head or above (reply-approvers.ts).
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agency_reply_approvers')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id').onDelete('restrict'))
    .addColumn('approvers', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('agency_reply_approvers').execute();
}
