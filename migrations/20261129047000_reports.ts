// The annual report: partial indexes so that table 二's normative documents and regulations are found
// without reading every information item (a province holds millions; 2 % are normative documents),
// and an index on decision dates so that table 三 reads only the applications of the year, not every
// application ever received.
// The report's queries write the same literal conditions (`is_normative = 1`, `genre = '规章'`) so that
// both SQLite and PostgreSQL can use them.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('information_items_normative_idx')
    .on('information_items')
    .columns(['agency_id', 'publication_date'])
    .where(sql.ref('is_normative'), '=', sql.lit(1))
    .execute();
  await db.schema
    .createIndex('item_versions_regulation_idx')
    .on('item_versions')
    .column('item_id')
    .where(sql.ref('genre'), '=', sql.lit('规章'))
    .execute();
  await db.schema
    .createIndex('applications_outcome_on_idx')
    .on('applications')
    .columns(['agency_id', 'outcome_on'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_outcome_on_idx').execute();
  await db.schema.dropIndex('item_versions_regulation_idx').execute();
  await db.schema.dropIndex('information_items_normative_idx').execute();
}
