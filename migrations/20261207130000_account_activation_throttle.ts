// Account security (issue 14, findings 2, 5 and 6; docs/adr/0015): one-time activation codes
// instead of passwords shown to administrators, the user's last passwords (no reuse), sign-in
// throttling per account name and source network, and who created each account (the creator may
// not grant it roles).
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('activation_codes'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    // SHA-256 of the code: a copy of the table hands out no usable code.
    .addColumn('code_hash', 'text', (c) => c.notNull().unique())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema.createIndex('activation_codes_user_idx').on('activation_codes').column('user_id').execute();

  await withId(db, db.schema.createTable('password_history'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('password_history_user_idx').on('password_history').column('user_id').execute();

  await db.schema
    .createTable('sign_in_throttle')
    // SHA-256 of the lower-cased name typed and the source network: known and unknown names alike.
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_failure_at', 'text', (c) => c.notNull())
    .addColumn('blocked_until', 'text')
    .execute();

  await db.schema.alterTable('users').addColumn('created_by', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('users').dropColumn('created_by').execute();
  await db.schema.dropTable('sign_in_throttle').execute();
  await db.schema.dropTable('password_history').execute();
  await db.schema.dropTable('activation_codes').execute();
}
