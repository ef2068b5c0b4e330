// A disclosure application answered “不作为政府信息公开申请处理” as a petition or complaint (Art. 39 ¶1)
// may be passed to the mailbox as a letter (issue 16 item 6): the letter names the application it
// came from, at most one letter per application, so that both pages link to each other and a
// second press of the button finds the first letter. (The other way, a letter converted into an
// application, is mailbox_cases.application_id.)
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('mailbox_cases')
    .addColumn('from_application_id', 'integer', (c) => c.references('applications.id'))
    .execute();
  await db.schema
    .createIndex('mailbox_cases_from_application_unique')
    .on('mailbox_cases')
    .column('from_application_id')
    .unique()
    .execute();
  await db.schema.createIndex('mailbox_cases_application_idx').on('mailbox_cases').column('application_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('mailbox_cases_application_idx').execute();
  await db.schema.dropIndex('mailbox_cases_from_application_unique').execute();
  await db.schema.alterTable('mailbox_cases').dropColumn('from_application_id').execute();
}
