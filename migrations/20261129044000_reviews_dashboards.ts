// Reconsideration and litigation cases (table 四), the mail outbox and in-app notifications.
// Dates are YYYY-MM-DD text, instants ISO text (docs/adr/0002). Reminders are deduplicated by a
// unique key so that the daily job can run any number of times without sending twice.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('review_cases'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('application_id', 'integer', (c) => c.references('applications.id').onDelete('set null'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('prior_case_id', 'integer', (c) => c.references('review_cases.id').onDelete('set null'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('case_number', 'text')
    .addColumn('applicant_name', 'text')
    .addColumn('filed_on', 'text', (c) => c.notNull())
    .addColumn('decided_on', 'text')
    .addColumn('result', 'text')
    .addColumn('summary', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('review_cases_agency_filed_idx')
    .on('review_cases')
    .columns(['agency_id', 'filed_on'])
    .execute();
  await db.schema.createIndex('review_cases_application_idx').on('review_cases').column('application_id').execute();

  await withId(db, db.schema.createTable('mail_outbox'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('mail_outbox_due_idx').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.references('applications.id').onDelete('cascade'))
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('created_on', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('notifications_user_idx').on('notifications').columns(['user_id', 'read_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notifications').execute();
  await db.schema.dropTable('mail_outbox').execute();
  await db.schema.dropTable('review_cases').execute();
}
