// Queries over the synonym dictionary (search_synonym_groups).
import type { Executor } from '../../db/database.ts';
import type { SynonymGroup } from './synonyms.ts';

function parse(row: { id: number; terms: string; updated_at: string }): SynonymGroup {
  const terms = JSON.parse(row.terms) as unknown;
  return {
    id: Number(row.id),
    terms: Array.isArray(terms) ? terms.filter((t): t is string => typeof t === 'string') : [],
    updatedAt: row.updated_at,
  };
}

export const synonymStore = {
  async all(db: Executor): Promise<SynonymGroup[]> {
    const rows = await db.selectFrom('search_synonym_groups').selectAll().orderBy('id').execute();
    return rows.map(parse);
  },
  async byId(db: Executor, id: number): Promise<SynonymGroup | undefined> {
    const row = await db.selectFrom('search_synonym_groups').selectAll().where('id', '=', id).executeTakeFirst();
    return row && parse(row);
  },
  async insert(db: Executor, terms: readonly string[], at: string): Promise<number> {
    const row = await db
      .insertInto('search_synonym_groups')
      .values({ terms: JSON.stringify(terms), updated_at: at })
      .returning('id')
      .executeTakeFirstOrThrow();
    return Number(row.id);
  },
  async update(db: Executor, id: number, terms: readonly string[], at: string): Promise<void> {
    await db
      .updateTable('search_synonym_groups')
      .set({ terms: JSON.stringify(terms), updated_at: at })
      .where('id', '=', id)
      .execute();
  },
  async remove(db: Executor, id: number): Promise<void> {
    await db.deleteFrom('search_synonym_groups').where('id', '=', id).execute();
  },
};
