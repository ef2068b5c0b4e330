// gongkai import catalog: JSON result, exit codes (0 all imported, 1 rows refused, 2 bad input),
// and a dry run that writes nothing — the real command in a child process, on the SQLite file it
// opens under GONGKAI_DATA_DIR.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectSqlite } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { configureAudit, systemContext } from '../../platform/audit/audit.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { organisationService } from '../organisation/organisation.service.ts';

// The installed command (bin/gongkai.mjs): the compiled build when current, as operators run it.
const CLI = fileURLToPath(new URL('../../../bin/gongkai.mjs', import.meta.url));

const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-cli-'));

/** The real command in its own process (stdout is not shared with the test reporter). */
function gongkai(...args: string[]): { out: string; err: string; code: number } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
}

// In a describe, not at the top level: a top-level hook attaches to the root test and, when
// test/all.test.ts loads every file in one process, runs while earlier suites are still running —
// its configureAudit then changed the audit settings under the backup test's writer.
describe('gongkai import catalog', () => {
  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
    await migrateToLatest(handle.db);
    await calendarService.seedFromFile(handle.db);
    const agency = await organisationService.createAgency(handle.db, systemContext, {
      code: 'cli-agency',
      name: '命令行测试局',
      level: 'city',
      kind: 'department',
    });
    await organisationService.createUnit(handle.db, systemContext, agency, {
      name: '办公室',
      kind: 'department',
      sort_order: 0,
    });
    await handle.close();
    writeFileSync(
      join(dir, 'good.csv'),
      'title,unit,formation_date,publication_date,category\n通知一,办公室,2024-03-01,2024-03-02,notice\n通知二,办公室,2024-03-05,2024-03-06,notice\n',
    );
    writeFileSync(
      join(dir, 'mixed.csv'),
      'title,unit,formation_date,publication_date,category\n通知三,办公室,2024-04-01,2024-04-02,notice\n,办公室,2024-04-01,2024-04-02,notice\n通知四,财务科,2024-04-01,2024-04-02,notice\n',
    );
    writeFileSync(join(dir, 'nocolumns.csv'), 'title,unit\n通知,办公室\n');
  });

  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('a dry run reports and writes nothing; then the import writes, exit 0', async () => {
    const dry = gongkai('import', 'catalog', join(dir, 'good.csv'), '--agency', 'cli-agency', '--dry-run', '--json');
    assert.equal(dry.code, 0, dry.err);
    assert.deepEqual(
      { ...JSON.parse(dry.out), file: undefined },
      { file: undefined, rows: 2, imported: 2, dryRun: true, failures: [] },
    );
    const run = gongkai('import', 'catalog', join(dir, 'good.csv'), '--agency', 'cli-agency');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /imported 2 of 2 rows/);
    assert.equal(run.err, '', 'no progress bar when stderr is not a terminal');
  });

  test('refused rows: exit 1, their numbers and bilingual reasons', async () => {
    const run = gongkai('import', 'catalog', join(dir, 'mixed.csv'), '--agency', 'cli-agency', '--json');
    assert.equal(run.code, 1);
    const result = JSON.parse(run.out) as {
      imported: number;
      failures: { row: number; issues: { message: { zh: string; en: string } }[] }[];
    };
    assert.equal(result.imported, 1);
    assert.deepEqual(
      result.failures.map((f) => f.row),
      [3, 4],
    );
    assert.match(result.failures[1]!.issues[0]!.message.zh, /财务科/);
    const human = gongkai('import', 'catalog', join(dir, 'mixed.csv'), '--agency', 'cli-agency', '--dry-run');
    assert.match(human.out, /row 4: 责任科室“财务科”在本机关中不存在 \/ The responsible unit "财务科" does not exist/);
  });

  test('bad input: exit 2 with one line', async () => {
    const unknown = gongkai('import', 'catalog', join(dir, 'good.csv'), '--agency', 'nope');
    assert.equal(unknown.code, 2);
    assert.match(unknown.err, /nope/);
    const columns = gongkai('import', 'catalog', join(dir, 'nocolumns.csv'), '--agency', 'cli-agency');
    assert.equal(columns.code, 2);
    assert.match(columns.err, /formation_date/);
    writeFileSync(join(dir, 'x.pdf'), '%PDF-1.4');
    const format = gongkai('import', 'catalog', join(dir, 'x.pdf'), '--agency', 'cli-agency');
    assert.equal(format.code, 2);
  });
});
