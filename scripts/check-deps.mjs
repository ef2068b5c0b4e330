// `npm run check:deps`: reads dependency-cruiser's JSON (the rules of .dependency-cruiser.cjs,
// docs/adr/0018-module-boundaries.md) from stdin, prints every rule violation, then checks what
// dependency-cruiser cannot: that modules depend on each other in one direction. Two modules can
// form a cycle without any file cycle (a → b/index.ts → b/x.ts, b/y.ts → a/index.ts → a/z.ts),
// so the module graph is built from the file graph, test code left out, and searched for cycles.
// Exits 1 on any finding.
import { readFileSync } from 'node:fs';

const TEST = /\.test\.tsx?$|\.test-support\.tsx?$|(^|\/)testing\/|^test\//;
const moduleOf = (path) => /^src\/modules\/([^/]+)\//.exec(path)?.[1];

const result = JSON.parse(readFileSync(0, 'utf8'));
let failed = false;

for (const v of result.summary.violations) {
  failed = true;
  const via = v.cycle?.length ? ` (cycle: ${v.from} → ${v.cycle.map((c) => c.name ?? c).join(' → ')})` : '';
  console.log(`error ${v.rule.name}: ${v.from} → ${v.to}${via}`);
}

const edges = new Map();
for (const file of result.modules) {
  const from = moduleOf(file.source);
  if (!from || TEST.test(file.source)) continue;
  for (const d of file.dependencies) {
    const to = moduleOf(d.resolved);
    if (!to || to === from || TEST.test(d.resolved)) continue;
    if (!edges.has(from)) edges.set(from, new Map());
    if (!edges.get(from).has(to)) edges.get(from).set(to, `${file.source} → ${d.resolved}`);
  }
}

// Depth-first search; a grey node met again closes a cycle.
const state = new Map();
const stack = [];
function visit(m) {
  state.set(m, 'grey');
  stack.push(m);
  for (const [n, example] of edges.get(m) ?? []) {
    if (state.get(n) === 'grey') {
      failed = true;
      const cycle = [...stack.slice(stack.indexOf(n)), n];
      console.log(`error module-cycle: ${cycle.join(' → ')} (for instance ${example})`);
    } else if (!state.has(n)) visit(n);
  }
  stack.pop();
  state.set(m, 'black');
}
for (const m of [...edges.keys()].sort()) if (!state.has(m)) visit(m);

const modules = new Set([...edges.keys(), ...[...edges.values()].flatMap((e) => [...e.keys()])]);
console.log(
  failed
    ? 'check:deps failed'
    : `check:deps: no violations (${result.summary.totalCruised} files; the ${modules.size} modules that import one another do so in one direction)`,
);
process.exit(failed ? 1 : 0);
