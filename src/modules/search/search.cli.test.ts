// gongkai search reindex / query against a SQLite data directory.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectSqlite } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { runCommand } from '../../../test/support/cli.ts';
import { registerSearchCommands } from './search.cli.ts';
import { loadCorpus } from './corpus-load.test-support.ts';

async function inDataDir(dir: string, args: string[]) {
  const saved = { dataDir: process.env.GONGKAI_DATA_DIR, url: process.env.DATABASE_URL };
  process.env.GONGKAI_DATA_DIR = dir;
  delete process.env.DATABASE_URL;
  try {
    return await runCommand(registerSearchCommands, args);
  } finally {
    if (saved.dataDir === undefined) delete process.env.GONGKAI_DATA_DIR;
    else process.env.GONGKAI_DATA_DIR = saved.dataDir;
    if (saved.url !== undefined) process.env.DATABASE_URL = saved.url;
  }
}

/** The printed JSON (the test runner's own messages can land in the captured stdout first). */
function json(out: string): any {
  return JSON.parse(out.slice(out.lastIndexOf('{\n  "')));
}

describe('gongkai search', () => {
  let dir: string;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-search-cli-'));
    const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
    await migrateToLatest(handle.db);
    await loadCorpus(handle.db, { items: 200, seed: 3 });
    await handle.close();
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('reindex indexes items written past the services; query finds them', async () => {
    const before = await inDataDir(dir, ['search', 'query', '通知', '--json']);
    assert.equal(json(before.out).total, 0, 'nothing indexed yet');
    const run = await inDataDir(dir, ['search', 'reindex', '--json']);
    assert.equal(run.code, 0, run.err);
    assert.deepEqual(json(run.out), { indexed: 200 });
    const after = await inDataDir(dir, ['search', 'query', '通知', '--json']);
    assert.ok(json(after.out).total > 0);
    assert.equal((await inDataDir(dir, ['search', 'query', ' '])).code, 2);
  });
});
