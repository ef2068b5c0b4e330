// Disclosure on application, second step: the applicant's correction key (a secret given at
// submission, kept only as a keyed hash, that unlocks the correction form on the tracking page)
// and the attachment's kind and content hash (so the same file is recognised and an ID copy
// is told apart from an authorisation). All columns nullable: existing rows stay valid.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('applicant_key_hash', 'text').execute();
  await db.schema.alterTable('application_attachments').addColumn('kind', 'text').execute();
  await db.schema.alterTable('application_attachments').addColumn('sha256', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('application_attachments').dropColumn('sha256').execute();
  await db.schema.alterTable('application_attachments').dropColumn('kind').execute();
  await db.schema.alterTable('applications').dropColumn('applicant_key_hash').execute();
}
