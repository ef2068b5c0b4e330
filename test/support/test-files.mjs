// Which files are tests, and how to split them across processes. Shared by the entry that runs
// tests in one process (test/all.test.ts) and the runner that starts several (test/run.mjs), so
// both always agree on the set. Plain JavaScript: the runner runs before tsx is loaded.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const root = fileURLToPath(new URL('../..', import.meta.url));
export const timingsPath = join(root, 'test', 'timings.json');

function collect(dir, out) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = join(dir, entry.name);
    if (entry.isDirectory()) collect(full, out);
    else if (/\.test\.tsx?$/.test(entry.name) && entry.name !== 'all.test.ts') out.push(full);
  }
}

/** Every *.test.ts(x) under src/ and test/, as paths relative to the root with '/' separators,
 *  sorted; `only` keeps those whose path contains it, or any of its comma-separated parts (TEST_ONLY). */
export function testFiles(only) {
  const files = [];
  collect(join(root, 'src'), files);
  collect(join(root, 'test'), files);
  const parts = only ? only.split(',').filter(Boolean) : [];
  return files
    .map((f) => relative(root, f).split(sep).join('/'))
    .filter((f) => parts.length === 0 || parts.some((part) => f.includes(part)))
    .sort();
}

/** Seconds each file took in the last recorded run (`npm test -- --record`). */
export function readTimings() {
  if (!existsSync(timingsPath)) return {};
  return JSON.parse(readFileSync(timingsPath, 'utf8'));
}

/**
 * Longest-first greedy split of files into `count` groups of about equal recorded time. A file
 * never recorded weighs the median of the known ones, so a new test does not unbalance the split
 * much before the next recording. Deterministic: same files and timings, same groups.
 */
export function partition(files, count, timings) {
  const known = files
    .map((f) => timings[f])
    .filter((s) => typeof s === 'number')
    .sort((a, b) => a - b);
  const fallback = known.length > 0 ? known[Math.floor(known.length / 2)] : 1;
  const weighed = files.map((f) => ({ file: f, seconds: typeof timings[f] === 'number' ? timings[f] : fallback }));
  weighed.sort((a, b) => b.seconds - a.seconds || a.file.localeCompare(b.file));
  const groups = Array.from({ length: count }, () => ({ files: [], seconds: 0 }));
  for (const w of weighed) {
    let lightest = groups[0];
    for (const g of groups) if (g.seconds < lightest.seconds) lightest = g;
    lightest.files.push(w.file);
    lightest.seconds += w.seconds;
  }
  for (const g of groups) g.files.sort();
  return groups;
}

/**
 * Files changed on this branch and in the working tree: against the merge base with main when
 * there is one (a branch's own commits), plus uncommitted and untracked files.
 */
export function changedFiles() {
  const git = (args) => {
    try {
      return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
    } catch {
      return '';
    }
  };
  const base = git(['merge-base', 'HEAD', 'main']);
  const lists = [
    base && base !== git(['rev-parse', 'HEAD']) ? git(['diff', '--name-only', base, 'HEAD']) : '',
    git(['diff', '--name-only', 'HEAD']),
    git(['ls-files', '--others', '--exclude-standard']),
  ];
  return [
    ...new Set(
      lists
        .join('\n')
        .split('\n')
        .filter((f) => f.length > 0),
    ),
  ].sort();
}

/**
 * The test files a change can reach. A test file reaches itself; a file in a module reaches the
 * tests of that module and every test file that names the module's folder in an import; a change
 * anywhere else in the code (platform, db, app, migrations, test support, dependencies) may reach
 * anything, so it selects every test; documentation reaches none.
 */
export function affectedTestFiles(changed, candidates) {
  const chosen = new Set();
  const modules = new Set();
  for (const file of changed) {
    if (candidates.includes(file)) chosen.add(file);
    const m = /^src\/modules\/([^/]+)\//.exec(file);
    if (m) modules.add(m[1]);
    else if (/^(src|test|migrations|bin|scripts)\/|^package(-lock)?\.json$|^tsconfig\.json$/.test(file)) {
      if (!/\.test\.tsx?$/.test(file)) return [...candidates];
    }
  }
  for (const file of candidates) {
    for (const name of modules) {
      if (file.startsWith(`src/modules/${name}/`)) chosen.add(file);
      else if (new RegExp(`modules/${name}/|\\.\\./${name}/`).test(readFileSync(join(root, file), 'utf8')))
        chosen.add(file);
    }
  }
  return [...chosen].sort();
}
