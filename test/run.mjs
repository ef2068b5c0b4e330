#!/usr/bin/env node
// `npm test`: runs the test files in several node:test processes at once, each on its own share
// of the files (test/all.test.ts with TEST_FILES), split by the times recorded in
// test/timings.json so the processes finish together. One process per core by default: the
// suites are CPU-bound (tsx, SQLite, Chromium), so more processes than cores only add switching.
//
//   npm test                         every file, GONGKAI_TEST_PROCESSES processes (default: cores, at most 4)
//   TEST_ONLY=calendar npm test      files whose path contains "calendar", in one process
//   TEST_ONLY=a.test.ts,b/ npm test  files whose path contains any of the comma-separated parts
//   npm test -- --record             also write each file's time to test/timings.json
//   npm run test:changed             only the files that the uncommitted and branch changes reach
//
// Each process's full TAP output is printed when it ends (so a log reads one process at a time);
// while they run, one line per finished file shows progress. The exit code is non-zero when any
// test fails or any process dies.
import { spawn } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { writeFileSync } from 'node:fs';
import {
  affectedTestFiles,
  changedFiles,
  partition,
  readTimings,
  root,
  testFiles,
  timingsPath,
} from './support/test-files.mjs';

const record = process.argv.includes('--record');
const changedOnly = process.argv.includes('--changed');
const only = process.env.TEST_ONLY;
let files = testFiles(only);
if (changedOnly) {
  const changed = changedFiles();
  files = affectedTestFiles(changed, files);
  console.log(`# ${changed.length} changed files reach ${files.length} test files`);
  if (files.length === 0) process.exit(0);
}
if (files.length === 0) {
  console.error(`no test file matches TEST_ONLY=${only}`);
  process.exit(1);
}

function processCount() {
  const raw = process.env.GONGKAI_TEST_PROCESSES;
  if (raw !== undefined) {
    const n = Number(raw);
    if (!Number.isInteger(n) || n < 1 || n > 16) {
      console.error(`GONGKAI_TEST_PROCESSES must be a whole number from 1 to 16, not "${raw}"`);
      process.exit(2);
    }
    return n;
  }
  // A filtered run is usually one module being worked on: one process keeps its output in order.
  if (only || changedOnly) return 1;
  return Math.max(1, Math.min(availableParallelism(), 4));
}

const count = Math.min(processCount(), files.length);

/**
 * One PostgreSQL database per process. Suites already take a schema of their own, but Kysely's
 * migrator reads the catalog of every schema in the database, and a schema that another process
 * drops while that read runs fails it ("schema … does not exist"). Each process gets
 * `<database>_p<n>`, created when missing; one process keeps the database it was given.
 */
async function databaseUrls() {
  const url = process.env.TEST_DATABASE_URL;
  if (!url || count === 1) return Array.from({ length: count }, () => url);
  const { default: pg } = await import('pg');
  const base = new URL(url);
  const name = decodeURIComponent(base.pathname.slice(1)) || 'postgres';
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const urls = [];
  try {
    for (let i = 1; i <= count; i++) {
      const own = `${name}_p${i}`;
      const found = await admin.query('select 1 from pg_database where datname = $1', [own]);
      if (found.rowCount === 0) await admin.query(`create database "${own.replaceAll('"', '""')}"`);
      const next = new URL(url);
      next.pathname = `/${encodeURIComponent(own)}`;
      urls.push(next.toString());
    }
  } finally {
    await admin.end();
  }
  return urls;
}
const databases = await databaseUrls();
const timings = readTimings();
const groups = partition(files, count, timings);
const started = Date.now();
const children = new Set();

for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, () => {
    for (const child of children) child.kill(signal);
    process.exit(130);
  });
}

/** Top-level results of a TAP stream: the suites named by file path, with their time. */
function fileResults(tap) {
  const results = [];
  const lines = tap.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const m = /^(ok|not ok) \d+ - (.+?)(?: # .*)?$/.exec(lines[i]);
    if (!m) continue;
    let seconds = null;
    for (let j = i + 1; j < Math.min(i + 6, lines.length); j++) {
      const d = /^ {2}duration_ms: ([\d.]+)/.exec(lines[j]);
      if (d) {
        seconds = Number(d[1]) / 1000;
        break;
      }
    }
    results.push({ ok: m[1] === 'ok', file: m[2], seconds });
  }
  return results;
}

/** The counts in a TAP stream's closing comments (# tests 12, # pass 11, …). */
function totals(tap) {
  const out = {};
  for (const m of tap.matchAll(/^# (tests|suites|pass|fail|cancelled|skipped|todo) (\d+)$/gm)) out[m[1]] = Number(m[2]);
  return out;
}

function run(group, index) {
  return new Promise((resolvePromise) => {
    const label = count > 1 ? `[${index + 1}/${count}] ` : '';
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', 'test/all.test.ts'],
      {
        cwd: root,
        env: {
          ...process.env,
          TEST_FILES: group.files.join('\n'),
          ...(databases[index] ? { TEST_DATABASE_URL: databases[index] } : {}),
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    children.add(child);
    let out = '';
    let pending = '';
    let finished = null; // the last top-level result line, printed once its time arrives
    const progress = (chunk) => {
      const text = chunk.toString();
      out += text;
      if (count === 1) {
        process.stdout.write(text);
        return;
      }
      pending += text;
      const lines = pending.split('\n');
      pending = lines.pop();
      for (const line of lines) {
        const m = /^(ok|not ok) \d+ - (.+)$/.exec(line);
        if (m) finished = `${m[1]} ${m[2]}`;
        const d = /^ {2}duration_ms: ([\d.]+)/.exec(line);
        if (d && finished) {
          console.log(`# ${label}${finished} (${(Number(d[1]) / 1000).toFixed(1)} s)`);
          finished = null;
        }
      }
    };
    child.stdout.on('data', progress);
    child.stderr.on('data', progress);
    child.on('close', (code, signal) => {
      children.delete(child);
      if (count > 1) {
        console.log(`\n# ===== ${label}output (${group.files.length} files) =====`);
        process.stdout.write(out);
      }
      resolvePromise({ code: code ?? 1, signal, out });
    });
  });
}

console.log(
  `# ${files.length} test files in ${count} process${count > 1 ? 'es' : ''}` +
    (count > 1 ? ` (recorded seconds per process: ${groups.map((g) => Math.round(g.seconds)).join(', ')})` : ''),
);
const results = await Promise.all(groups.map(run));

const sum = {};
const fileTimes = [];
for (const r of results) {
  for (const [k, v] of Object.entries(totals(r.out))) sum[k] = (sum[k] ?? 0) + v;
  fileTimes.push(...fileResults(r.out));
}
const failedFiles = fileTimes.filter((f) => !f.ok).map((f) => f.file);
const died = results.filter((r) => r.signal !== null || (r.code !== 0 && totals(r.out).fail === 0));
const wall = Math.round((Date.now() - started) / 1000);

if (count > 1) {
  console.log(`\n# ===== all processes =====`);
  for (const k of ['tests', 'suites', 'pass', 'fail', 'cancelled', 'skipped', 'todo'])
    console.log(`# ${k} ${sum[k] ?? 0}`);
  console.log(`# wall ${wall} s`);
  for (const f of failedFiles) console.log(`# failed: ${f}`);
  for (const r of died)
    console.log(`# a test process ended with ${r.signal ?? `exit code ${r.code}`} without reporting a failure`);
}

if (record) {
  const next = { ...timings };
  for (const f of fileTimes)
    if (f.seconds !== null && files.includes(f.file)) next[f.file] = Math.round(f.seconds * 10) / 10;
  const existing = new Set(testFiles());
  for (const f of Object.keys(next)) if (!existing.has(f)) delete next[f];
  const sorted = Object.fromEntries(Object.entries(next).sort(([a], [b]) => a.localeCompare(b)));
  writeFileSync(timingsPath, `${JSON.stringify(sorted, null, 2)}\n`);
  console.log(`# recorded ${fileTimes.length} file times in ${timingsPath}`);
}

process.exit(results.some((r) => r.code !== 0) ? 1 : 0);
