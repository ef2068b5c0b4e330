// Annual report documents (年度报告文稿): one record per agency, year, template and scope, with
// immutable versions (narrative text and a frozen snapshot of the figures), append-only status
// rows, and the overrides that let a report whose figures fail validation be published. The
// published page is stored as rendered at publication, so the public reads exactly what was approved.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('report_documents'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('report_year', 'integer', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('current_version_id', 'integer')
    .addColumn('published_version_id', 'integer')
    .addColumn('published_on', 'text')
    .addColumn('is_late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('published_html', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_documents_key_unique', ['agency_id', 'report_year', 'template', 'scope'])
    .execute();
  await db.schema
    .createIndex('report_documents_status_idx')
    .on('report_documents')
    .columns(['status', 'report_year'])
    .execute();

  await withId(db, db.schema.createTable('report_document_versions'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('report_documents.id').onDelete('restrict'))
    .addColumn('version_no', 'integer', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('figures_json', 'text', (c) => c.notNull())
    .addColumn('change_note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('report_document_versions_no_unique', ['document_id', 'version_no'])
    .execute();

  await withId(db, db.schema.createTable('report_document_status_history'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('report_documents.id').onDelete('restrict'))
    .addColumn('version_id', 'integer', (c) => c.references('report_document_versions.id').onDelete('restrict'))
    .addColumn('from_status', 'text')
    .addColumn('to_status', 'text', (c) => c.notNull())
    .addColumn('event', 'text', (c) => c.notNull())
    .addColumn('actor_user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_document_status_history_doc_idx')
    .on('report_document_status_history')
    .columns(['document_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('report_document_overrides'))
    .addColumn('document_id', 'integer', (c) => c.notNull().references('report_documents.id').onDelete('restrict'))
    .addColumn('version_id', 'integer', (c) =>
      c.notNull().references('report_document_versions.id').onDelete('restrict'),
    )
    .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('findings_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_document_overrides_doc_idx')
    .on('report_document_overrides')
    .columns(['document_id', 'version_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('report_document_overrides').execute();
  await db.schema.dropTable('report_document_status_history').execute();
  await db.schema.dropTable('report_document_versions').execute();
  await db.schema.dropTable('report_documents').execute();
}
