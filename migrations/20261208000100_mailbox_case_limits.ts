// The limit a case was received under (working days, or the same day), kept with it so that a
// change of the working-day calendar recounts its due date on the same limit, however the
// agency's settings have changed since. Null for an order whose reply date the 12345 centre set.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mailbox_cases').addColumn('limit_working_days', 'integer').execute();
  await db.schema.alterTable('mailbox_cases').addColumn('limit_same_day', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mailbox_cases').dropColumn('limit_same_day').execute();
  await db.schema.alterTable('mailbox_cases').dropColumn('limit_working_days').execute();
}
