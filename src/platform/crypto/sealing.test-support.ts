// For the tests of the start-up sealing steps: the query plan of every select a step runs, so a
// test can show that a start with nothing waiting reads the partial indexes, not the tables.
import assert from 'node:assert/strict';
import { CompiledQuery, sql, type KyselyPlugin, type RootOperationNode } from 'kysely';
import type { Db } from '../../db/database.ts';
import { isPostgres } from '../../db/dialect.ts';

/** Runs `run` with a database that records its selects, then the plan of each (one string per
 *  select: SQLite's EXPLAIN QUERY PLAN details, PostgreSQL's EXPLAIN lines, joined). PostgreSQL
 *  plans after `tables` are analysed (as autovacuum does) and with sequential scans discouraged:
 *  its planner reads a table of a few test rows whole whatever the indexes, so the test shows the
 *  index serves the query, as it will on a big table. */
export async function selectPlans(
  db: Db,
  tables: readonly string[],
  run: (db: Db) => Promise<unknown>,
): Promise<string[]> {
  const nodes: RootOperationNode[] = [];
  const recorder: KyselyPlugin = {
    transformQuery: ({ node }) => {
      if (node.kind === 'SelectQueryNode') nodes.push(node);
      return node;
    },
    transformResult: async ({ result }) => result,
  };
  await run(db.withPlugin(recorder));
  const plans: string[] = [];
  for (const node of nodes) {
    const compiled = db.getExecutor().compileQuery(node, { queryId: 'plan' });
    if (isPostgres(db)) {
      for (const table of tables) await sql`analyze ${sql.table(table)}`.execute(db);
      const rows = await db.connection().execute(async (c) => {
        await c.executeQuery(CompiledQuery.raw('set enable_seqscan = off'));
        const out = await c.executeQuery(CompiledQuery.raw(`explain ${compiled.sql}`, [...compiled.parameters]));
        await c.executeQuery(CompiledQuery.raw('reset enable_seqscan'));
        return out.rows as { 'QUERY PLAN': string }[];
      });
      plans.push(rows.map((r) => r['QUERY PLAN']).join('\n'));
    } else {
      const out = await db.executeQuery(
        CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
      );
      plans.push((out.rows as { detail: string }[]).map((r) => r.detail).join('\n'));
    }
  }
  return plans;
}

/** Every plan reads its table through one of `indexes` (and none scans a table whole). */
export function assertReadThrough(plans: readonly string[], indexes: readonly string[]): void {
  assert.ok(plans.length > 0, 'the step ran its check');
  for (const plan of plans) {
    assert.ok(
      indexes.some((i) => plan.includes(i)),
      `read through a partial index of waiting rows: ${plan}`,
    );
    assert.doesNotMatch(plan, /Seq Scan|SCAN \w+$|SCAN \w+\n/m, 'no table scanned whole');
  }
}
