// Emergency publishing (issue 14 finding 4): an item published in an emergency owes a
// confidentiality review within one working day. The day is stored when the item is published
// (like every other due date, ADR 0005); "overdue" is a query on it. Items already waiting for
// approval get the working day after their publication date, counted by weekdays here since the
// migration has no calendar — at worst a day early.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('information_items').addColumn('emergency_review_due_on', 'text').execute();
  const pending = await db
    .selectFrom('information_items')
    .select(['id', 'publication_date', 'updated_at'])
    .where('status', '=', 'published_pending_approval')
    .execute();
  for (const item of pending) {
    const from = new Date(`${String(item.publication_date ?? item.updated_at).slice(0, 10)}T00:00:00Z`);
    do from.setUTCDate(from.getUTCDate() + 1);
    while (from.getUTCDay() === 0 || from.getUTCDay() === 6);
    await db
      .updateTable('information_items')
      .set({ emergency_review_due_on: from.toISOString().slice(0, 10) })
      .where('id', '=', item.id)
      .execute();
  }
  await db.schema
    .createIndex('information_items_emergency_review_idx')
    .on('information_items')
    .columns(['status', 'emergency_review_due_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('information_items_emergency_review_idx').execute();
  await db.schema.alterTable('information_items').dropColumn('emergency_review_due_on').execute();
}
