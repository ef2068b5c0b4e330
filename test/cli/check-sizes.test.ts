// The size check (scripts/check-sizes.mjs, docs/conventions.md#module-layout): it counts a function's own
// lines without the functions nested in it, finds what is over a limit, holds every exception to a reason,
// fails on an exception that no longer applies, and the tree as it stands passes.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs script without type declarations
import { findings, functionsIn, lineCount, oversized, readAllowList } from '../../scripts/check-sizes.mjs';

type Fn = { name: string; line: number; own: number; total: number };

const body = (n: number) => Array.from({ length: n }, (_, i) => `  const v${i} = ${i};`).join('\n');

test('lines are the formatted lines of a file, with or without its last newline', () => {
  assert.equal(lineCount(''), 0);
  assert.equal(lineCount('a\nb\n'), 2);
  assert.equal(lineCount('a\nb'), 2);
});

test("a function's own lines leave out the functions nested in it, whatever their kind", () => {
  const source = [
    'export function outer() {', // 1
    body(3), // 2–4
    '  const inner = () => {', // 5
    body(10), // 6–15
    '  };', // 16
    "  app.get('/x', async function () {", // 17
    body(2), // 18–19
    '  });', // 20
    '}', // 21
    'class C {', // 22
    '  m() {', // 23
    body(1), // 24
    '  }', // 25
    '}', // 26
  ].join('\n');
  const fns: Fn[] = functionsIn('x.ts', source);
  assert.deepEqual(
    fns.map((f) => [f.name, f.line, f.own, f.total]),
    [
      ['outer', 1, 21 - 12 - 4, 21],
      ['inner', 5, 12, 12],
      ['app.get(/x) callback', 17, 4, 4],
      ['m', 23, 3, 3],
    ],
  );
});

test('what is over a limit is a finding unless allowed, and an allowance nothing matches is one too', () => {
  const found = {
    files: [{ path: 'src/a.ts', lines: 600 }],
    functions: [
      { path: 'src/b.ts', name: 'long', line: 3, own: 90, total: 95 },
      { path: 'src/c.tsx', name: 'Page', line: 9, own: 120, total: 120 },
    ],
  };
  const allow = {
    files: [{ path: 'src/a.ts', reason: 'why' }],
    functions: [
      { path: 'src/c.tsx', name: 'Page', reason: 'why' },
      { path: 'src/d.ts', name: 'gone', reason: 'split since' },
    ],
  };
  assert.deepEqual(findings(found, allow), [
    'src/b.ts:3 long: 90 lines of its own (over 80): split it by its steps',
    'check-sizes.allow.json: src/d.ts gone is no longer over (or was renamed): remove its entry',
  ]);
});

test('every allowance says why, and the tree has no file or function over the limits but those', () => {
  const allow = readAllowList();
  for (const entry of [...allow.files, ...allow.functions]) assert.ok(entry.reason.trim().length > 10, entry.path);
  assert.deepEqual(findings(oversized(), allow), []);
});
