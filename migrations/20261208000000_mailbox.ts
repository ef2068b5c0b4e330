// The mayor's mailbox and 12345 work orders (issue 16): one table of cases with two sources, the
// versions of their replies and their status rows (the versioned-document workflow), the limits
// and routing rules each agency configures, and the reminders, escalations and bulletin entries
// the daily job writes once per case and kind. The writer's or caller's name, phone and e-mail are
// stored sealed by the personal-data vault, as an applicant's are.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('mailbox_cases'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('external_no', 'text')
    .addColumn('tracking_code', 'text', (c) => c.unique())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('request_text', 'text', (c) => c.notNull())
    .addColumn('writer_name_enc', 'text')
    .addColumn('writer_phone_enc', 'text')
    .addColumn('writer_email_enc', 'text')
    .addColumn('consent_to_publish', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('publish_name', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text', (c) => c.notNull())
    .addColumn('original_due_date', 'text', (c) => c.notNull())
    .addColumn('required_reply_date', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('assigned_unit_id', 'integer', (c) => c.references('units.id'))
    .addColumn('rating', 'text')
    .addColumn('rating_comment', 'text')
    .addColumn('rated_on', 'text')
    .addColumn('replied_on', 'text')
    .addColumn('application_id', 'integer', (c) => c.references('applications.id'))
    .addColumn('current_version_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_cases_external_unique', ['agency_id', 'source', 'external_no'])
    .execute();
  await db.schema
    .createIndex('mailbox_cases_list_idx')
    .on('mailbox_cases')
    .columns(['agency_id', 'status', 'due_date'])
    .execute();

  await withId(db, db.schema.createTable('mailbox_reply_versions'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('mailbox_cases.id'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_reply_versions_no_unique', ['case_id', 'version_no'])
    .execute();

  await withId(db, db.schema.createTable('mailbox_status_history'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('mailbox_cases.id'))
    .addColumn('version_id', 'integer')
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mailbox_status_history_case_idx')
    .on('mailbox_status_history')
    .column('case_id')
    .execute();

  // An extension as asked for and granted: append-only, the clock's explanation reads it.
  await withId(db, db.schema.createTable('mailbox_extensions'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('mailbox_cases.id'))
    .addColumn('asked_on', 'text', (c) => c.notNull())
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('mailbox_limits'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('working_days', 'integer', (c) => c.notNull())
    .addColumn('same_day', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_limits_unique', ['agency_id', 'source', 'category'])
    .execute();

  await withId(db, db.schema.createTable('mailbox_routing_rules'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_routing_rules_unique', ['agency_id', 'category'])
    .execute();

  await withId(db, db.schema.createTable('mailbox_escalations'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('mailbox_cases.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('mailbox_escalations_unique', ['case_id', 'kind'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'mailbox_escalations',
    'mailbox_routing_rules',
    'mailbox_limits',
    'mailbox_extensions',
    'mailbox_status_history',
    'mailbox_reply_versions',
    'mailbox_cases',
  ])
    await db.schema.dropTable(table).execute();
}
