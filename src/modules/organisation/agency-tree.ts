import type { Executor } from '../../db/database.ts';

/** The agency and every agency beneath it (a city government → its bureaus → county bureaus). */
export async function agencySubtree(db: Executor, rootId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', rootId)
        .unionAll((sub) => sub.selectFrom('agencies').innerJoin('tree', 'tree.id', 'agencies.parent_id').select('agencies.id')),
    )
    .selectFrom('tree')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}
