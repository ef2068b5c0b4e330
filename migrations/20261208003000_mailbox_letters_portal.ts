// The citizen's side of the mayor's mailbox (issue 16 items 1, 4 and 5): the files attached to a
// letter, sealed like an application's because a photo can show a person; and the one rating link
// of each answered letter, kept as a hash of its token (a copy of the database cannot rate), with
// the writer's rating and comment once given. A link belongs to one reply: a letter sent back to be
// redone and answered again gets a new message and a new link for the new reply.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('mailbox_letter_attachments'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('mailbox_cases.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('mime', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('content_enc', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('mailbox_letter_attachments_case_idx')
    .on('mailbox_letter_attachments')
    .column('case_id')
    .execute();

  await withId(db, db.schema.createTable('mailbox_rating_links'))
    .addColumn('case_id', 'integer', (c) => c.notNull().references('mailbox_cases.id'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('mailbox_reply_versions.id'))
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('rating', 'text')
    .addColumn('comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('rated_on', 'text')
    .addUniqueConstraint('mailbox_rating_links_reply_unique', ['case_id', 'version_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('mailbox_rating_links').execute();
  await db.schema.dropTable('mailbox_letter_attachments').execute();
}
