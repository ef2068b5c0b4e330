#!/usr/bin/env node
// Compiles src/ and migrations/ to JavaScript in dist/ (run by `npm ci` through the `prepare`
// lifecycle script, and by `npm run build`). The server and the CLI run the output, so a start
// no longer pays for transpiling ~400 TypeScript files; tests and `npm run dev` keep using tsx.
// The layout of dist/ mirrors the repository's, so every `new URL('…', import.meta.url)` in the
// code finds its neighbour: assets are copied beside the compiled files, and dist/package.json
// carries the version the about page and /health report.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');
const started = Date.now();

rmSync(dist, { recursive: true, force: true });
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
// --noCheck: `npm run typecheck` is the type gate; the build only transpiles (half the time).
const result = spawnSync(process.execPath, [tsc, '-p', join(root, 'tsconfig.build.json'), '--noCheck'], {
  cwd: root,
  stdio: 'inherit',
});
if (result.status !== 0) {
  process.stderr.write('gongkai build: TypeScript compilation failed\n');
  process.exit(result.status ?? 1);
}

// Files the code reads at run time next to itself (CSS, browser scripts, the holiday table).
// The .mjs tsx shims are for running from source only.
let copied = 0;
(function copyAssets(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    if (entry.isDirectory()) copyAssets(full);
    else if (!/\.(ts|tsx|mjs)$/.test(entry.name)) {
      const target = join(dist, relative(root, full));
      mkdirSync(dirname(target), { recursive: true });
      cpSync(full, target);
      copied++;
    }
  }
})(join(root, 'src'));

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
writeFileSync(
  join(dist, 'package.json'),
  `${JSON.stringify({ name: pkg.name, version: pkg.version, private: true, type: 'module' }, null, 2)}\n`,
);
// Written last: its presence says the build completed (bin/runtime.mjs compares its time with
// the sources' to notice a stale build).
writeFileSync(join(dist, 'BUILD'), `${new Date().toISOString()}\n`);
process.stdout.write(`gongkai build: dist/ compiled, ${copied} assets copied, ${Date.now() - started} ms\n`);
