// Text messages to applicants (issue 15, item 2: the answer online) go through an outbox of their
// own beside mail_outbox, with the same claim, retry and give-up rules (platform/mail/outbox.ts),
// written in the transaction of the reply that wants them sent. The number is stored sealed by the
// personal-data vault (never in clear text at rest) and the gateway that took the message is kept.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('sms_outbox'))
    .addColumn('dedupe_key', 'text', (c) => c.unique())
    .addColumn('phone_enc', 'text', (c) => c.notNull())
    .addColumn('body_text', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    .addColumn('gateway', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema.createIndex('sms_outbox_due_idx').on('sms_outbox').columns(['status', 'next_attempt_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sms_outbox').execute();
}
