// Row counts of the main tables: a rejected request must leave them as they were (no partial write).
import { sql } from 'kysely';
import type { Db } from '../../src/db/database.ts';

export const mainTables = [
  'agencies',
  'units',
  'users',
  'role_assignments',
  'leading_group_members',
  'information_items',
  'item_versions',
  'item_attachments',
  'item_status_history',
  'applications',
  'application_events',
  'application_attachments',
  'review_cases',
  'mailbox_cases',
  'mailbox_status_history',
  'mailbox_reply_versions',
  'report_documents',
  'report_document_versions',
  'power_items',
  'service_guides',
  'disclosure_tasks',
  'channel_outbox',
  'notifications',
  'notice_template_versions',
  'yearly_figures',
  'workflow_configs',
  'calendar_notices',
] as const;

export async function countRows(db: Db, tables: readonly string[]): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const table of tables) {
    const result = await sql<{ n: number | string }>`select count(*) as n from ${sql.table(table)}`.execute(db);
    out[table] = Number(result.rows[0]?.n ?? 0);
  }
  return out;
}
