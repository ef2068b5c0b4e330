import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { mkdtempSync, rmSync, openSync, readSync, closeSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connect } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { backup, integrityCheck } from './backup.ts';
import { configureAudit, systemContext } from '../platform/audit/audit.ts';
import { mutate } from '../platform/mutation.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { resolveAuditKey } from '../platform/crypto/keys.ts';
import { forEachDialect } from '../../test/support/database.ts';

const run = promisify(execFile);
const cli = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;

test('a SQLite backup taken by the CLI while writes continue restores every committed row, intact', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
  // One key directory for this process, the CLI and the restored copy: a backup restores with
  // the keys it was written with (its audit chain is keyed).
  const auditKey = resolveAuditKey({ auditKey: undefined, keyDir: join(dir, 'keys') });
  configureAudit({ algorithm: 'sha256', key: auditKey });
  const env = {
    ...process.env,
    GONGKAI_DATA_DIR: join(dir, 'live'),
    GONGKAI_KEY_DIR: join(dir, 'keys'),
    LOG_LEVEL: 'silent',
  };
  const live = connect({ dataDir: join(dir, 'live') });
  try {
    await migrateToLatest(live.db);
    let written = 0;
    let stop = false;
    const writer = (async () => {
      while (!stop) {
        await mutate(live.db, systemContext, async (trx, audit) => {
          await trx
            .insertInto('settings')
            .values({
              key: `k${written}`,
              value_json: JSON.stringify({ n: written }),
              updated_at: new Date().toISOString(),
              updated_by: null,
            })
            .execute();
          await audit({ action: 'setting.write', subjectId: written });
        });
        written++;
        await new Promise((r) => setImmediate(r));
      }
    })();
    while (written < 200) await new Promise((r) => setTimeout(r, 5));
    const committedBefore = written;
    const file = join(dir, 'copy.sqlite');
    const { stdout } = await run(process.execPath, [cli, 'backup', file, '--json'], { env });
    assert.equal(JSON.parse(stdout).dialect, 'sqlite');
    const writtenDuring = written;
    stop = true;
    await writer;
    assert.ok(written > committedBefore, 'writes went on during the backup');
    assert.equal(integrityCheck(file), 'ok');

    // restore into a fresh data directory and check its content
    const restoredEnv = { ...env, GONGKAI_DATA_DIR: join(dir, 'restored') };
    await run(process.execPath, [cli, 'migrate'], { env: restoredEnv });
    await run(process.execPath, [cli, 'restore', file], { env: restoredEnv });
    const restored = connect({ dataDir: join(dir, 'restored') });
    try {
      const rows = await restored.db.selectFrom('settings').select('key').execute();
      assert.ok(
        rows.length >= committedBefore,
        `every row committed before the backup is there (${rows.length} ≥ ${committedBefore})`,
      );
      assert.ok(rows.length <= writtenDuring + 1);
      const keys = new Set(rows.map((r) => r.key));
      for (let i = 0; i < rows.length; i++) assert.ok(keys.has(`k${i}`), `a consistent prefix: k${i} present`);
      const chain = await verifyAuditChain(restored.db, auditKey);
      assert.equal(chain.ok, true, JSON.stringify(chain));
      const events = await restored.db
        .selectFrom('audit_events')
        .select('seq')
        .where('action', '=', 'setting.write')
        .execute();
      assert.equal(
        events.length,
        rows.length,
        'each row came with its audit event: the snapshot is transaction-consistent',
      );
      const { stdout: verify } = await run(process.execPath, [cli, 'audit', 'verify', '--json'], { env: restoredEnv });
      assert.equal(JSON.parse(verify).ok, true);
    } finally {
      await restored.close();
    }
  } finally {
    await live.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

test('restore refuses a file that is not a backup, and says so in one line', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
  try {
    const bogus = join(dir, 'bogus.sqlite');
    writeFileSync(bogus, 'not a database');
    const env = { ...process.env, GONGKAI_DATA_DIR: join(dir, 'live'), LOG_LEVEL: 'silent' };
    await assert.rejects(
      run(process.execPath, [cli, 'restore', bogus], { env }),
      (error: { code: number; stderr: string }) => {
        assert.equal(error.code, 1);
        assert.equal(error.stderr.trim().split('\n').length, 1);
        assert.match(error.stderr, /not a SQLite backup/);
        return true;
      },
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

forEachDialect('backup', (t) => {
  test('the backup file is written in the engine’s own format', async () => {
    if (t.dialect === 'postgres') {
      const { spawnSync } = await import('node:child_process');
      if (spawnSync('pg_dump', ['--version']).error) {
        console.log('# pg_dump not installed: PostgreSQL backup format not checked');
        return;
      }
    }
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-backup-'));
    try {
      const file = join(dir, 'b');
      const result = await backup(t.handle, file);
      assert.ok(result.bytes > 0);
      const fd = openSync(file, 'r');
      const head = Buffer.alloc(16);
      readSync(fd, head, 0, 16, 0);
      closeSync(fd);
      assert.equal(
        head.subarray(0, t.dialect === 'sqlite' ? 15 : 5).toString(),
        t.dialect === 'sqlite' ? 'SQLite format 3' : 'PGDMP',
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
