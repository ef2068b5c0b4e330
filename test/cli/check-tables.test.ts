// The table-ownership check (scripts/check-tables.mjs, ADR 0022): it finds a query naming another
// module's table in every form a query takes, and the tree as it stands has none.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs script without type declarations
import { findings, ownerOf, tableOwners, tablesNamed } from '../../scripts/check-tables.mjs';

test('tables are mapped to the module or platform folder that declares their rows', () => {
  const owners: Map<string, string> = tableOwners();
  assert.equal(owners.get('agencies'), 'modules/organisation');
  assert.equal(owners.get('information_items'), 'modules/publishing');
  assert.equal(owners.get('audit_events'), 'platform/audit');
  assert.equal(ownerOf('src/modules/portal/views/x.tsx'), 'modules/portal');
  assert.equal(ownerOf('src/platform/pow.ts'), 'platform');
  assert.equal(ownerOf('src/demo/demo.ts'), null);
});

test('builder calls, aliases, joins and raw SQL are all read', () => {
  const tables = new Set(['agencies', 'units', 'information_items']);
  const source = [
    "db.selectFrom('agencies').selectAll()",
    "q.innerJoin('units as u', 'u.id', 'x.unit_id')",
    "trx.updateTable('information_items').set({})",
    'sql`(select max(updated_at) from agencies)`',
    "db.selectFrom('review_cases')",
    "db.selectFrom(agencyDirectory(db).as('a'))",
  ].join('\n');
  assert.deepEqual(
    tablesNamed(source, tables).map((f: { table: string; line: number }) => `${f.table}:${f.line}`),
    ['agencies:1', 'units:2', 'information_items:3', 'agencies:4'],
  );
});

test('no module queries a table another module owns', () => {
  assert.deepEqual(findings(), []);
});
