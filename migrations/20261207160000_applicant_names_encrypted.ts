// Applicants' names encrypted at rest (issue 14 finding 6), like the identity number, phone,
// address and e-mail: the sealed name, and a blind index (keyed HMAC of the normalised name) for
// look-ups by name. A migration cannot reach the personal-data key (it lives in the environment or
// the key directory, never in the database), so this one only moves each existing name into
// applicant_name_clear and drops the old column; the start-up step that runs after the migrations
// and before the server listens (prepare.ts → encryptClearApplicantNames) seals those names and
// empties the column.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('applicant_name_enc', 'text').execute();
  await db.schema.alterTable('applications').addColumn('applicant_name_index', 'text').execute();
  await db.schema.alterTable('applications').addColumn('applicant_name_clear', 'text').execute();
  await db
    .updateTable('applications')
    .set({ applicant_name_clear: sql.ref('applicant_name') })
    .execute();
  await db.schema.alterTable('applications').dropColumn('applicant_name').execute();
  await db.schema
    .createIndex('applications_name_index_idx')
    .on('applications')
    .column('applicant_name_index')
    .execute();
}

// Down cannot decrypt either: names still waiting for the start-up step come back, sealed ones
// come back empty.
export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_name_index_idx').execute();
  await db.schema
    .alterTable('applications')
    .addColumn('applicant_name', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.updateTable('applications').set({ applicant_name: sql`coalesce(applicant_name_clear, '')` }).execute();
  for (const column of ['applicant_name_clear', 'applicant_name_index', 'applicant_name_enc'])
    await db.schema.alterTable('applications').dropColumn(column).execute();
}
