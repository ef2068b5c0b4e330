// gongkai report annual, in-process against a SQLite database in a temporary data directory.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import JSZip from 'jszip';
import { connectSqlite } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { registerReportCommands } from './report.cli.ts';
import { runCommand } from '../../../test/support/cli.ts';
import { insertReportFixture } from './report-fixture.test-support.ts';
import { validateAgainstSchema } from './report-schema.test-support.ts';

let dir = '';
const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.DATABASE_URL };

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-report-cli-'));
  const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
  await migrateToLatest(handle.db);
  await insertReportFixture(handle.db);
  await handle.close();
  process.env.GONGKAI_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
});

after(() => {
  if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
  else process.env.GONGKAI_DATA_DIR = saved.dataDir;
  if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  rmSync(dir, { recursive: true, force: true });
});

function run(...args: string[]): Promise<{ out: string; err: string; code: number }> {
  return runCommand(registerReportCommands, ['report', 'annual', ...args]);
}

test('bad arguments: one clear line, exit 2', async () => {
  const cases: [string[], RegExp][] = [
    [['--year', '2025'], /--agency CODE is required/],
    [['--agency', 'rpt-a'], /--year must be a year/],
    [['--agency', 'rpt-a', '--year', '25'], /--year must be a year/],
    [['--agency', 'rpt-a', '--year', '2025', '--template', '2010'], /--template must be one of 2008, 2019, 2021/],
    [['--agency', 'rpt-a', '--year', '2025', '--format', 'pdf'], /--format must be one of json, docx, xlsx, html/],
    [['--agency', 'rpt-a', '--year', '2025', '--format', 'docx'], /--format docx needs --out FILE/],
    [['--agency', 'nobody', '--year', '2025'], /no agency with code "nobody"/],
  ];
  for (const [args, message] of cases) {
    const r = await run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.equal(
      r.err
        .trim()
        .split('\n')
        .filter((l) => !l.includes('warning')).length,
      1,
      r.err,
    );
    assert.equal(r.out, '');
  }
});

test('JSON to stdout: the hand-checked totals, schema-valid; the template defaults by year', async () => {
  const r = await run('--agency', 'rpt-a', '--year', '2025', '--rollup');
  assert.equal(r.code, 0, r.err);
  const report = JSON.parse(r.out);
  assert.equal(report.format, '2021');
  assert.equal(report.scope, 'rollup');
  assert.equal(report.applications.newReceived.total, 8);
  assert.equal(report.applications.carriedForward.total, 3);
  assert.deepEqual(validateAgainstSchema(report), []);
  const old = JSON.parse((await run('--agency', 'rpt-a', '--year', '2013')).out);
  assert.equal(old.format, '2008');
});

test('DOCX, XLSX and HTML files with --out', async () => {
  for (const format of ['docx', 'xlsx', 'html'] as const) {
    const out = join(dir, `report.${format}`);
    const r = await run('--agency', 'rpt-a', '--year', '2025', '--format', format, '--out', out);
    assert.equal(r.code, 0, r.err);
    const bytes = readFileSync(out);
    if (format === 'html') assert.match(bytes.toString('utf8'), /<table data-table="三">/);
    else assert.ok(await JSZip.loadAsync(bytes), format);
  }
});
