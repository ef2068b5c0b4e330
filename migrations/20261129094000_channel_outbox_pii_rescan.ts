// Proactive disclosure, third part.
// - channel_endpoints: where an agency's Weibo / WeChat publications are delivered (an adapter
//   and its settings: the URL, and the signing secret sealed by the personal-data vault).
// - channel_outbox: one row per (item, version, channel) to publish there; a sender delivers what
//   is due with retry and backoff and, on success, writes the channel_publications record that
//   the report counts (publication_id).
// - pii_rescan_flags: what the nightly re-scan of everything already public found, per item
//   version, until a confidentiality reviewer resolves it (mask, override, or withdrawal).
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('channel_endpoints'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('adapter', 'text', (c) => c.notNull())
    .addColumn('url', 'text', (c) => c.notNull())
    // Sealed by the vault (platform/crypto/personal-data.ts); never shown again once saved.
    .addColumn('secret_enc', 'text', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    // 1: every publication of the agency is queued for this channel automatically.
    .addColumn('auto_queue', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('channel_endpoints_agency_channel_uq', ['agency_id', 'channel'])
    .execute();

  await withId(db, db.schema.createTable('channel_outbox'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('item_versions.id').onDelete('restrict'))
    .addColumn('channel', 'text', (c) => c.notNull())
    // pending | sent | failed (gave up after the last attempt; a person may retry it)
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('last_error', 'text')
    // What is sent, fixed when queued: the public sees this version, whatever happens later.
    .addColumn('payload_json', 'text', (c) => c.notNull())
    .addColumn('publication_id', 'integer', (c) => c.references('channel_publications.id').onDelete('restrict'))
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .addUniqueConstraint('channel_outbox_item_version_channel_uq', ['item_id', 'version_id', 'channel'])
    .execute();
  await db.schema
    .createIndex('channel_outbox_due_idx')
    .on('channel_outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
  await db.schema.createIndex('channel_outbox_agency_idx').on('channel_outbox').columns(['agency_id', 'id']).execute();

  await withId(db, db.schema.createTable('pii_rescan_flags'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('item_id', 'integer', (c) => c.notNull().references('information_items.id').onDelete('restrict'))
    .addColumn('version_id', 'integer', (c) => c.notNull().references('item_versions.id').onDelete('restrict'))
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('finding_count', 'integer', (c) => c.notNull())
    // [{field, kind, line, masked}] — masked values only: the flag must not be a second leak.
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('first_found_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    // changed (a new version, e.g. masked) | overridden | withdrawn
    .addColumn('resolution', 'text')
    .addUniqueConstraint('pii_rescan_flags_version_uq', ['item_id', 'version_id'])
    .execute();
  await db.schema
    .createIndex('pii_rescan_flags_open_idx')
    .on('pii_rescan_flags')
    .columns(['agency_id', 'resolved_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('pii_rescan_flags').execute();
  await db.schema.dropTable('channel_outbox').execute();
  await db.schema.dropTable('channel_endpoints').execute();
}
