// Every name encrypted at rest (issue 14 finding 6, completed): the contact person of an
// organisation's application and the applicant or plaintiff a reconsideration or lawsuit names,
// like the applicant's own name since 20261207160000. A migration cannot reach the personal-data
// key, so, as there, each clear value is moved into a *_clear column for the start-up step
// (prepare.ts) to seal and empty. No blind index for them: nothing looks a case up by them.
//
// The names' blind index is emptied to be computed again: the name is now normalised without any
// white space (张 三 is 张三, as the duplicate detector always counted it), and only the start-up
// step, which holds the key, can recompute it from the sealed name.
//
// Partial indexes on the rows still waiting, so that the start-up step's check, once everything is
// sealed, reads an empty index instead of the whole table at every start (names without a blind
// index are found through applications_name_index_idx, which holds the empty ones too).
import { sql, type Kysely } from 'kysely';

const WAITING = [
  ['applications_name_clear_idx', 'applications', 'applicant_name_clear'],
  ['applications_contact_clear_idx', 'applications', 'contact_person_clear'],
  ['review_cases_name_clear_idx', 'review_cases', 'applicant_name_clear'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('contact_person_enc', 'text').execute();
  await db.schema.alterTable('applications').addColumn('contact_person_clear', 'text').execute();
  await db
    .updateTable('applications')
    .set({ contact_person_clear: sql.ref('contact_person'), applicant_name_index: null })
    .execute();
  await db.schema.alterTable('applications').dropColumn('contact_person').execute();

  await db.schema.alterTable('review_cases').addColumn('applicant_name_enc', 'text').execute();
  await db.schema.alterTable('review_cases').addColumn('applicant_name_clear', 'text').execute();
  await db
    .updateTable('review_cases')
    .set({ applicant_name_clear: sql.ref('applicant_name') })
    .execute();
  await db.schema.alterTable('review_cases').dropColumn('applicant_name').execute();

  for (const [name, table, column] of WAITING)
    await db.schema.createIndex(name).on(table).column('id').where(sql.ref(column), 'is not', null).execute();
}

// Down cannot decrypt: values still waiting come back, sealed ones come back empty; the names'
// index stays empty (the older start-up step does not recompute it), so a look-up by name finds
// nothing until this migration runs again.
export async function down(db: Kysely<any>): Promise<void> {
  for (const [name] of WAITING) await db.schema.dropIndex(name).execute();
  await db.schema.alterTable('review_cases').addColumn('applicant_name', 'text').execute();
  await db
    .updateTable('review_cases')
    .set({ applicant_name: sql.ref('applicant_name_clear') })
    .execute();
  for (const column of ['applicant_name_clear', 'applicant_name_enc'])
    await db.schema.alterTable('review_cases').dropColumn(column).execute();
  await db.schema.alterTable('applications').addColumn('contact_person', 'text').execute();
  await db
    .updateTable('applications')
    .set({ contact_person: sql.ref('contact_person_clear') })
    .execute();
  for (const column of ['contact_person_clear', 'contact_person_enc'])
    await db.schema.alterTable('applications').dropColumn(column).execute();
}
