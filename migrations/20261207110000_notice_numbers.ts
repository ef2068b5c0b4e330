// Official notices get a document number (发文字号) from a per-agency scheme instead of the
// internal case id: the agency's prefix for each notice kind, the year in 〔〕 and a sequence
// that is gap-free per agency, prefix and year (the counter row is taken in the transaction that
// issues the notice, so a rolled-back notice gives its number back). The agency's notice settings
// also name the reconsideration body and the court its reply notices point the applicant to
// (docs/adr/0014-official-texts.md).
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('agency_notice_settings')
    .addColumn('agency_id', 'integer', (c) => c.primaryKey().references('agencies.id').onDelete('restrict'))
    .addColumn('reconsideration_body', 'text')
    .addColumn('court', 'text')
    // One prefix per numbered notice kind (notices.ts NOTICE_KINDS); null: the default prefix.
    .addColumn('prefixes_json', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('notice_number_sequences')
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('last_seq', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('notice_number_sequences_pk', ['agency_id', 'prefix', 'year'])
    .execute();

  // Every number given out, with the case and notice it went to: the register of 发文.
  await withId(db, db.schema.createTable('notice_numbers'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('prefix', 'text', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('seq', 'integer', (c) => c.notNull())
    .addColumn('document_number', 'text', (c) => c.notNull())
    .addColumn('notice_kind', 'text', (c) => c.notNull())
    .addColumn('application_id', 'integer', (c) => c.notNull().references('applications.id').onDelete('restrict'))
    .addColumn('issued_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('notice_numbers_seq_uq', ['agency_id', 'prefix', 'year', 'seq'])
    .execute();
  await db.schema.createIndex('notice_numbers_application_idx').on('notice_numbers').column('application_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_numbers').execute();
  await db.schema.dropTable('notice_number_sequences').execute();
  await db.schema.dropTable('agency_notice_settings').execute();
}
