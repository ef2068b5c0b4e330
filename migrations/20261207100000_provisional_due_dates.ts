// Due dates counted through a year whose State Council holiday notice is not loaded yet are
// provisional (docs/domain/working-days.md#provisional): the years they wait for are stored next to
// the date, comma-separated ("2027"), null when the date is final. Loading a notice recomputes them.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('applications').addColumn('due_date_provisional_years', 'text').execute();
  await db.schema.alterTable('information_items').addColumn('disclosure_due_provisional_years', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('information_items').dropColumn('disclosure_due_provisional_years').execute();
  await db.schema.alterTable('applications').dropColumn('due_date_provisional_years').execute();
}
