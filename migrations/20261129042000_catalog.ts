// The power catalog (职权目录) and service guides (办事指南 / 业务工作流程), each carried through
// the review workflow by a linked information item; the yearly decision counts and fee income of
// table 二 (第二十条第（五）（六）（八）项); publication records per channel (发布渠道), from which
// the report counts publications "在各类公开载体"; and task assignment to units (任务分解).
// Dates are YYYY-MM-DD text, instants ISO text (docs/adr/0002). Money in fen (分), exact.
import type { Kysely } from 'kysely';
import { withId } from '../src/db/dialect.ts';

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('power_items'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    // The information item that carries the entry through the approvals and onto the web.
    .addColumn('item_id', 'integer', (c) =>
      c.notNull().unique().references('information_items.id').onDelete('restrict'),
    )
    .addColumn('code', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('power_type', 'text', (c) => c.notNull())
    .addColumn('legal_basis', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('power_items_agency_code_unique', ['agency_id', 'code'])
    .execute();

  await withId(db, db.schema.createTable('service_guides'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('item_id', 'integer', (c) =>
      c.notNull().unique().references('information_items.id').onDelete('restrict'),
    )
    .addColumn('power_item_id', 'integer', (c) => c.references('power_items.id').onDelete('set null'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('conditions', 'text', (c) => c.notNull())
    .addColumn('materials', 'text', (c) => c.notNull())
    // 办事流程: the workflow of the service, one step per line.
    .addColumn('steps', 'text', (c) => c.notNull())
    .addColumn('time_limit', 'text', (c) => c.notNull())
    .addColumn('fees', 'text', (c) => c.notNull())
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('hours', 'text', (c) => c.notNull())
    .addColumn('phone', 'text', (c) => c.notNull())
    .addColumn('responsible_unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('service_guides_agency_idx').on('service_guides').column('agency_id').execute();

  await withId(db, db.schema.createTable('yearly_figures'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('year', 'integer', (c) => c.notNull())
    // licence | penalty | coercion (decisions) or fee (amount)
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('decisions', 'integer')
    .addColumn('amount_fen', 'bigint')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('updated_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('yearly_figures_agency_year_kind_unique', ['agency_id', 'year', 'kind'])
    .execute();

  await withId(db, db.schema.createTable('channel_publications'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('channel', 'text', (c) => c.notNull())
    .addColumn('published_on', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('item_id', 'integer', (c) => c.references('information_items.id').onDelete('restrict'))
    .addColumn('note', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('channel_publications_agency_date_idx')
    .on('channel_publications')
    .columns(['agency_id', 'published_on'])
    .execute();
  await db.schema.createIndex('channel_publications_item_idx').on('channel_publications').column('item_id').execute();

  await withId(db, db.schema.createTable('disclosure_tasks'))
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id').onDelete('restrict'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('due_on', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('done_on', 'text')
    .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('disclosure_tasks_unit_idx')
    .on('disclosure_tasks')
    .columns(['unit_id', 'status'])
    .execute();
  // Publishing's counts by year read publication_date.
  await db.schema
    .createIndex('information_items_agency_published_idx')
    .on('information_items')
    .columns(['agency_id', 'publication_date'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('information_items_agency_published_idx').execute();
  for (const table of ['disclosure_tasks', 'channel_publications', 'yearly_figures', 'service_guides', 'power_items']) {
    await db.schema.dropTable(table).execute();
  }
}
