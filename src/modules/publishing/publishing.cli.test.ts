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
import { seedDemo } from '../../../test/support/app.ts';
import { publishingService as service } from './publishing.service.ts';
import { registerPublishingCommands } from './publishing.cli.ts';
import { demoBureau, demoCallers, itemInput, reviewWorkNews } from './publishing.test-support.ts';

/** Runs the command with the environment pointing at `dir`, restored right after: every test
 *  file shares one process, so the environment must not leak into other suites. */
async function inDataDir(dir: string, args: string[]) {
  const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.GONGKAI_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  try {
    return await runCommand(registerPublishingCommands, args);
  } finally {
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  }
}

/** The JSON the command printed. The test runner's own messages to its parent may land in the
 *  same captured stdout (it reports on stdout), so the printed object is picked out. */
function printed(out: string): { published: number[] } {
  const match = /\{\n[\s\S]*?\n\}\n/.exec(out);
  assert.ok(match, `no JSON in the output: ${JSON.stringify(out.slice(0, 200))}`);
  return JSON.parse(match[0]) as { published: number[] };
}

describe('gongkai publishing run-scheduled', () => {
  let dir: string;
  let handle: DatabaseHandle;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-pub-cli-'));
    handle = connectSqlite(join(dir, 'gongkai.sqlite'));
    await migrateToLatest(handle.db);
    await seedDemo(handle);
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
    const { id } = await service.createDraft(db, who.drafter, itemInput(unit, { formation_date: '2026-05-06' }));
    await reviewWorkNews(db, who, id);
    await service.transition(db, who.officer, id, 'schedule', { date: '2026-05-08' });
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
    const row = await db.selectFrom('information_items').select(['status', 'publication_date']).where('id', '=', id).executeTakeFirstOrThrow();
    assert.deepEqual([row.status, row.publication_date], ['published', '2026-05-08']);

    const bad = await inDataDir(dir, ['publishing', 'run-scheduled', '--today', '2026-02-30']);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--today/);
  });
});
