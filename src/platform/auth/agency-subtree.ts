// The agencies beneath an agency, which a grant reaches (session.ts expands grants with it).
// The organisation module owns the agencies table and re-exports this from agency-tree.ts; it is
// here because the platform may not import a module.
import type { Executor } from '../../db/database.ts';

/** The agency and every agency beneath it (a city government → its bureaus → county bureaus). */
export async function agencySubtree(db: Executor, rootId: number): Promise<number[]> {
  const rows = await db
    .withRecursive('tree(id)', (qb) =>
      qb
        .selectFrom('agencies')
        .select('id')
        .where('id', '=', rootId)
        .unionAll((sub) =>
          sub.selectFrom('agencies').innerJoin('tree', 'tree.id', 'agencies.parent_id').select('agencies.id'),
        ),
    )
    .selectFrom('tree')
    .select('id')
    .execute();
  return rows.map((r) => r.id);
}
