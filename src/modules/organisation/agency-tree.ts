// The agency tree: the agencies beneath an agency, which a grant of a supervising role reaches (the
// platform's sessions read it through the identity directory this module provides, identity-directory.ts),
// and the tree arranged for display.
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

export interface TreeNode<A extends { id: number; parent_id: number | null }> {
  readonly agency: A;
  readonly depth: number;
  readonly children: TreeNode<A>[];
}

/** Arranges agencies parent → children. An agency whose parent is not in the list (outside the
 *  viewer's reach, or a top-level agency) is a root. Order within a level is kept as given. */
export function buildAgencyTree<A extends { id: number; parent_id: number | null }>(
  agencies: readonly A[],
): TreeNode<A>[] {
  const ids = new Set(agencies.map((a) => a.id));
  const childrenOf = new Map<number, A[]>();
  const roots: A[] = [];
  for (const a of agencies) {
    if (a.parent_id !== null && ids.has(a.parent_id) && a.parent_id !== a.id) {
      const list = childrenOf.get(a.parent_id) ?? [];
      list.push(a);
      childrenOf.set(a.parent_id, list);
    } else roots.push(a);
  }
  const seen = new Set<number>();
  const node = (agency: A, depth: number): TreeNode<A> => {
    seen.add(agency.id);
    const children = (childrenOf.get(agency.id) ?? []).filter((c) => !seen.has(c.id)).map((c) => node(c, depth + 1));
    return { agency, depth, children };
  };
  return roots.map((r) => node(r, 0));
}

/** The tree in reading order, each agency with its depth (for indented select options). */
export function flattenAgencyTree<A extends { id: number; parent_id: number | null }>(
  nodes: readonly TreeNode<A>[],
): { agency: A; depth: number }[] {
  const out: { agency: A; depth: number }[] = [];
  const walk = (list: readonly TreeNode<A>[]) => {
    for (const n of list) {
      out.push({ agency: n.agency, depth: n.depth });
      walk(n.children);
    }
  };
  walk(nodes);
  return out;
}
