// gongkai publishing run-scheduled against a SQLite data directory: publishes what is due,
// prints JSON, is idempotent, and refuses a malformed date with exit 2.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSqlite, type DatabaseHandle } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { setClock } from '../../platform/clock.ts';
import { runCommand } from '../../../test/support/cli.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import { registerPublishingCommands } from './publishing.cli.ts';
import { asUser, demoBureau, demoCallers, itemInput, legacyItems, reviewWorkNews } from './publishing.test-support.ts';
import { registerPiiCommands } from '../../platform/pii/pii.cli.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';

/** Runs the command with the environment pointing at `dir`, restored right after: every test
 *  file shares one process, so the environment must not leak into other suites. */
async function inDataDir(dir: string, args: string[]) {
  const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.GONGKAI_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  try {
    return await runCommand((program) => {
      registerPiiCommands(program);
      registerPublishingCommands(program);
    }, args);
  } finally {
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  }
}

/** The JSON the command printed (its whole output). */
function printed(out: string): { published: number[] } {
  return JSON.parse(out) as { published: number[] };
}

describe('gongkai publishing run-scheduled', () => {
  let dir: string;
  let handle: DatabaseHandle;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-pub-cli-'));
    handle = connectSqlite(join(dir, 'gongkai.sqlite'));
    await migrateToLatest(handle.db);
    await seedSmallDemo(handle);
  });
  after(async () => {
    setClock(undefined);
    await handle.close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('publishes due items once', async () => {
    const db = handle.db;
    const who = await demoCallers(db);
    const { unit } = await demoBureau(db);
    setClock(() => new Date('2026-05-06T04:00:00.000Z'));
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { formation_date: '2026-05-06' }));
    await reviewWorkNews(db, who, id);
    await asUser.transition(db, who.officer, id, 'schedule', { date: '2026-05-08' });
    setClock(undefined);

    const early = await inDataDir(dir, ['publishing', 'run-scheduled', '--today', '2026-05-07', '--json']);
    assert.equal(early.code, 0, early.err);
    assert.deepEqual(printed(early.out).published, []);
    const due = await inDataDir(dir, ['publishing', 'run-scheduled', '--today', '2026-05-08', '--json']);
    assert.equal(due.code, 0, due.err);
    assert.deepEqual(printed(due.out).published, [id]);
    const again = await inDataDir(dir, ['publishing', 'run-scheduled', '--today', '2026-05-08']);
    assert.equal(again.code, 0);
    assert.match(again.out, /published 0/);
    const row = await db
      .selectFrom('information_items')
      .select(['status', 'publication_date'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.publication_date], ['published', '2026-05-08']);

    const bad = await inDataDir(dir, ['publishing', 'run-scheduled', '--today', '2026-02-30']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--today/);
  });

  test('pii rescan: exit 0 while everything public is clean, 1 with the flagged items (masked only)', async () => {
    const clean = await inDataDir(dir, ['pii', 'rescan', '--json']);
    assert.equal(clean.code, 0, clean.out + clean.err);
    assert.equal((JSON.parse(clean.out) as { open: number }).open, 0);
    const id = '43060219850315123' + residentIdCheckChar('43060219850315123');
    const [leak] = await legacyItems(handle.db, [
      { title: '2013年4月失业保险金领取人员名单', bodyHtml: `<p>王某某 ${id}</p>` },
    ]);
    const found = await inDataDir(dir, ['pii', 'rescan', '--json']);
    assert.equal(found.code, 1, found.err);
    const out = JSON.parse(found.out) as {
      open: number;
      newFlags: number;
      flags: { item_id: number; findings: { kind: string; masked: string }[] }[];
    };
    assert.equal(out.newFlags, 1);
    assert.deepEqual(
      out.flags.map((f) => [f.item_id, f.findings.map((x) => x.kind)]),
      [[leak, ['resident_id']]],
    );
    assert.ok(!found.out.includes(id));
    const human = await inDataDir(dir, ['pii', 'rescan']);
    assert.equal(human.code, 1);
    assert.match(human.out, /1 open/);
  });
});
