// `npm run check:tables`: tables have owners (docs/adr/0022-table-ownership.md). A table belongs to the
// module (or platform folder) whose *.table.ts declares its row type, as src/db/database.ts maps them. Any
// other module reads or writes it through the owner's index.ts, never by naming it in a query. Test code, the
// demo, benchmarks, migrations and the db layer are exempt. `--list` prints every finding grouped by table;
// `--json` prints them as JSON for tooling. Exits 1 on any finding.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const ROOT = new URL('..', import.meta.url).pathname;
const TEST = /\.test\.tsx?$|\.test-support\.tsx?$|(^|\/)testing\//;

/** Owner of a source file: `modules/<name>` or `platform/<folder>` (a file directly in platform is `platform`). */
export function ownerOf(path) {
  const m = /^src\/modules\/([^/]+)\//.exec(path);
  if (m) return `modules/${m[1]}`;
  const p = /^src\/platform\/(?:([^/]+)\/)?/.exec(path);
  if (p) return p[1] ? `platform/${p[1]}` : 'platform';
  return null;
}

/** Table name → owner, read from src/db/database.ts (its imports say which file declares each row type). */
export function tableOwners(root = ROOT) {
  const source = readFileSync(join(root, 'src/db/database.ts'), 'utf8');
  const typeFile = new Map();
  for (const m of source.matchAll(/import type \{([^}]+)\} from '([^']+)'/g)) {
    const file = relative(root, join(root, 'src/db', m[2]));
    for (const name of m[1]
      .split(',')
      .map((s) => s.trim())
      .filter(Boolean))
      typeFile.set(name, file);
  }
  const body = /export interface Database \{([^}]+)\}/.exec(source)[1];
  const owners = new Map();
  for (const m of body.matchAll(/^\s*(\w+): (\w+);/gm)) {
    const file = typeFile.get(m[2]);
    if (!file) throw new Error(`database.ts: no import declares ${m[2]} (table ${m[1]})`);
    owners.set(m[1], ownerOf(file));
  }
  return owners;
}

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.tsx?$/.test(name)) yield path;
  }
}

// A query names a table as the first argument of these builder calls ('name' or 'name as alias'), or after
// FROM / JOIN / INTO / UPDATE inside raw SQL.
const BUILDER =
  /\.(?:selectFrom|insertInto|updateTable|deleteFrom|innerJoin|leftJoin|rightJoin|fullJoin|mergeInto|using)\(\s*'(\w+)(?: as \w+)?'/g;
const RAW = /\b(?:from|join|into|update)\s+"?(\w+)"?/gi;

/** Every query in `source` that names a table: [{ table, line }]. */
export function tablesNamed(source, tables) {
  const found = [];
  const lineOf = (index) => source.slice(0, index).split('\n').length;
  for (const m of source.matchAll(BUILDER)) found.push({ table: m[1], line: lineOf(m.index) });
  for (const t of source.matchAll(/sql(?:<[^`]*?>)?`([^`]*)`/g)) {
    for (const m of t[1].matchAll(RAW)) {
      if (tables.has(m[1])) found.push({ table: m[1], line: lineOf(t.index + 4 + m.index) });
    }
  }
  return found.filter((f) => tables.has(f.table));
}

export function findings(root = ROOT) {
  const owners = tableOwners(root);
  const out = [];
  for (const path of sourceFiles(join(root, 'src'))) {
    const file = relative(root, path);
    if (TEST.test(file)) continue;
    const owner = ownerOf(file);
    if (!owner) continue;
    for (const { table, line } of tablesNamed(readFileSync(path, 'utf8'), owners)) {
      const tableOwner = owners.get(table);
      // A platform folder's tables are shared by the platform (e.g. audit reads settings); modules are not.
      if (tableOwner === owner || (owner.startsWith('platform') && tableOwner.startsWith('platform'))) continue;
      out.push({ file, line, table, owner: tableOwner, by: owner });
    }
  }
  return out;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const found = findings();
  if (process.argv.includes('--json')) {
    console.log(JSON.stringify(found, null, 2));
  } else {
    const byTable = new Map();
    for (const f of found) byTable.set(f.table, [...(byTable.get(f.table) ?? []), f]);
    for (const [table, list] of [...byTable].sort((a, b) => b[1].length - a[1].length)) {
      console.log(`${table} (owned by ${list[0].owner}): ${list.length}`);
      if (process.argv.includes('--list')) for (const f of list) console.log(`  ${f.file}:${f.line} (${f.by})`);
    }
  }
  console.log(
    found.length
      ? `check:tables failed: ${found.length} queries name another module's table`
      : 'check:tables: every table is queried by its owner only',
  );
  process.exit(found.length ? 1 : 0);
}
