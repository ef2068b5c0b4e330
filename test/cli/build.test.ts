// The compiled runtime (scripts/build.mjs, run by `npm ci`): the commands run dist/ when it is
// current. CI sets GONGKAI_REQUIRE_BUILD=1 so that a build which silently fell back to the
// sources (a missing asset, a stale stamp) fails instead of passing slowly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
// @ts-expect-error plain JavaScript launcher without type declarations
import { buildIsCurrent, entry } from '../../bin/runtime.mjs';

const root = fileURLToPath(new URL('../..', import.meta.url));
const required = process.env.GONGKAI_REQUIRE_BUILD === '1';

test('the commands run the compiled build, which answers like the sources', {
  skip: !required && !buildIsCurrent() && 'no current build (npm run build)',
}, async () => {
  assert.ok(buildIsCurrent(), 'dist/ is built and newer than every source file');
  assert.match(await entry('src/cli.ts'), /\/dist\/src\/cli\.js$/);
  const env = { ...process.env };
  delete env.NODE_OPTIONS;
  const version = spawnSync(process.execPath, ['bin/gongkai.mjs', '--version'], { cwd: root, env, encoding: 'utf8' });
  assert.equal(version.stdout.trim(), JSON.parse(readFileSync(`${root}/package.json`, 'utf8')).version);
  const day = spawnSync(process.execPath, ['bin/gongkai.mjs', 'fee', 'quote', '--pages', '120', '--json'], {
    cwd: root,
    env,
    encoding: 'utf8',
  });
  assert.equal(day.status, 0, day.stderr);
  assert.equal(day.stderr, '', 'no fallback notice: the build is used');
  assert.ok(JSON.parse(day.stdout).totalYuan >= 0);
});
