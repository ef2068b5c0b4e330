// The 12345 centre's webhook (issue 16 item 1; src/modules/mailbox/work-order-webhook.ts):
// - hotline_webhook_secrets: per agency, the shared secret the centre signs its calls with, set by
//   the system administrator and sealed by the personal-data vault like a channel endpoint's.
// - hotline_webhook_deliveries: the delivery ids already taken, per agency, so that a captured
//   call cannot be played again; rows older than twice the timestamp window are swept, because a
//   call that old is refused as stale anyway.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('hotline_webhook_secrets'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().unique().references('agencies.id').onDelete('restrict'))
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('hotline_webhook_deliveries'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('delivery_id', 'text', (c) => c.notNull())
    .addColumn('received_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('hotline_webhook_deliveries_uq', ['agency_id', 'delivery_id'])
    .execute();
  await db.schema
    .createIndex('hotline_webhook_deliveries_received_idx')
    .on('hotline_webhook_deliveries')
    .column('received_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('hotline_webhook_deliveries').execute();
  await db.schema.dropTable('hotline_webhook_secrets').execute();
}
