// The module map of docs/architecture.md is what scripts/module-map.ts writes from the code, so it
// cannot drift: after a change of imports, `npm run docs:module-map` and commit the page.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  ARCHITECTURE_PAGE,
  cycles,
  END_MARKER,
  expectedArchitecturePage,
  importsOf,
  isTestFile,
  partOf,
  renderModuleMap,
  START_MARKER,
  withModuleMap,
} from '../../scripts/module-map.ts';

const root = fileURLToPath(new URL('../../', import.meta.url));

describe('module map', () => {
  it('reads every kind of import and tells type-only ones apart', () => {
    const text = [
      "import { a } from './a.ts';",
      "import type { B } from './b.ts';",
      "import { type C, type D } from './c.ts';",
      "import { type E, f } from './e.ts';",
      "import './side-effect.ts';",
      "export { g } from './g.ts';",
      "export type { H } from './h.ts';",
      "const lazy = () => import('./lazy.ts');",
      'const notAnImport = "./string.ts";',
    ].join('\n');
    assert.deepEqual(importsOf('x.ts', text), [
      { specifier: './a.ts', typeOnly: false },
      { specifier: './b.ts', typeOnly: true },
      { specifier: './c.ts', typeOnly: true },
      { specifier: './e.ts', typeOnly: false },
      { specifier: './side-effect.ts', typeOnly: false },
      { specifier: './g.ts', typeOnly: false },
      { specifier: './h.ts', typeOnly: true },
      { specifier: './lazy.ts', typeOnly: false },
    ]);
    assert.deepEqual(importsOf('x.tsx', 'import { h } from "./h.ts";\nconst v = <div>{h}</div>;'), [
      { specifier: './h.ts', typeOnly: false },
    ]);
  });

  it('places files in modules and layers, and leaves test code out', () => {
    assert.equal(partOf('src/modules/catalog-import/historical.service.ts'), 'catalog-import');
    assert.equal(partOf('src/modules/reports/queries/figure.ts/'), 'reports');
    assert.equal(partOf('src/platform/http/server.tsx'), 'platform');
    assert.equal(partOf('src/db/database.ts'), 'db');
    assert.equal(partOf('src/app.ts'), null);
    for (const f of ['a/b.test.ts', 'a/b.test.tsx', 'a/b.test-support.ts', 'src/modules/reports/testing/x.ts']) {
      assert.ok(isTestFile(f), f);
    }
    assert.ok(!isTestFile('src/modules/reports/report-arithmetic.ts'));
  });

  it('finds cycles through runtime imports only', () => {
    const map = {
      modules: ['a', 'b', 'c', 'd'],
      edges: [
        { from: 'a', to: 'b', typeOnly: false },
        { from: 'b', to: 'c', typeOnly: false },
        { from: 'c', to: 'a', typeOnly: false },
        { from: 'c', to: 'd', typeOnly: false },
        { from: 'd', to: 'c', typeOnly: true },
      ],
    };
    assert.deepEqual(cycles(map), [['a', 'b', 'c']]);
    const page = renderModuleMap(map);
    assert.match(page, /\| c \| a, d \| b, \*d\* \|/);
    assert.match(page, /\{a, b, c\}/);
    assert.match(page, / {2}d -\.-> c\n/);
  });

  it('replaces only the part between the markers, and refuses a page without them', () => {
    const page = `# Title\n\nbefore\n${START_MARKER}\nold\n${END_MARKER}\nafter\n`;
    assert.equal(withModuleMap(page, `${START_MARKER}\nnew\n${END_MARKER}`), page.replace('old', 'new'));
    assert.throws(() => withModuleMap('# Title\n', 'x'), /no module-map markers/);
  });

  it('docs/architecture.md shows the map of the code as it is (npm run docs:module-map)', () => {
    const page = readFileSync(`${root}${ARCHITECTURE_PAGE}`, 'utf8');
    assert.equal(page, expectedArchitecturePage(root));
  });
});
