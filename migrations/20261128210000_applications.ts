// Disclosure on application (依申请公开): the applications, their append-only event history (the
// statutory clock is recomputed from it), encrypted attachments, and the spent proof-of-work
// challenges of the public form. Dates are YYYY-MM-DD text, instants ISO text, flags integers
// (docs/adr/0002). Personal data (ID number, phone, address, e-mail) is stored encrypted; the ID
// number also as a keyed blind index, to find repeat applicants without decrypting.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('applications'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('tracking_code', 'text', (c) => c.notNull().unique())
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('applicant_kind', 'text', (c) => c.notNull())
    .addColumn('applicant_name', 'text', (c) => c.notNull())
    .addColumn('id_number_enc', 'text')
    .addColumn('id_number_index', 'text')
    .addColumn('phone_enc', 'text')
    .addColumn('address_enc', 'text')
    .addColumn('email_enc', 'text')
    .addColumn('organisation_credit_code', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('document_number_hint', 'text')
    .addColumn('form_wanted', 'text', (c) => c.notNull())
    .addColumn('delivery_way', 'text', (c) => c.notNull())
    .addColumn('received_on', 'text', (c) => c.notNull())
    .addColumn('rules', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('waiting_until', 'text')
    .addColumn('outcome', 'text')
    .addColumn('outcome_on', 'text')
    .addColumn('reply_summary', 'text')
    .addColumn('assigned_unit_id', 'integer', (c) => c.references('units.id').onDelete('set null'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('applications_agency_status_idx')
    .on('applications')
    .columns(['agency_id', 'status', 'due_date'])
    .execute();
  await db.schema.createIndex('applications_id_number_idx').on('applications').column('id_number_index').execute();
  await db.schema
    .createIndex('applications_received_idx')
    .on('applications')
    .columns(['agency_id', 'received_on'])
    .execute();

  await withId(db, db.schema.createTable('application_events'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('restrict'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('occurred_on', 'text', (c) => c.notNull())
    .addColumn('detail_json', 'text', (c) => c.notNull())
    .addColumn('public', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_events_app_idx')
    .on('application_events')
    .columns(['application_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('application_attachments'))
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('restrict'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('application_attachments_app_idx')
    .on('application_attachments')
    .column('application_id')
    .execute();

  await db.schema
    .createTable('pow_spent')
    .addColumn('challenge_hash', 'text', (c) => c.primaryKey())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('pow_spent_expires_idx').on('pow_spent').column('expires_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pow_spent').execute();
  await db.schema.dropTable('application_attachments').execute();
  await db.schema.dropTable('application_events').execute();
  await db.schema.dropTable('applications').execute();
}
