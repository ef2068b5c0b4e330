// gongkai mailbox import / webhook-secret: the real command in a child process, on the SQLite
// file it opens under GONGKAI_DATA_DIR. Bad rows: exit 1 and nothing stored; a check stores
// nothing; the import stores every order once; the secret is printed once and stored sealed.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { connectSqlite } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { configureAudit, systemContext } from '../../platform/audit/audit.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { organisationService } from '../organisation/organisation.service.ts';

const CLI = fileURLToPath(new URL('../../../bin/gongkai.mjs', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'gongkai-mailbox-cli-'));

function gongkai(...args: string[]): { out: string; err: string; code: number } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, GONGKAI_DATA_DIR: dir, LOG_LEVEL: 'silent' },
    encoding: 'utf8',
  });
  return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
}

async function cases(): Promise<{ external_no: string | null }[]> {
  const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
  try {
    return await handle.db.selectFrom('mailbox_cases').select('external_no').orderBy('external_no').execute();
  } finally {
    await handle.close();
  }
}

describe('gongkai mailbox', () => {
  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
    await migrateToLatest(handle.db);
    await calendarService.seedFromFile(handle.db);
    await organisationService.createAgency(handle.db, systemContext, {
      code: 'cli-hotline',
      name: '命令行热线局',
      level: 'city',
      kind: 'department',
    });
    await handle.close();
    const orders = [
      { 工单编号: 'C-1', 派单时间: '2025-05-06 09:00', 诉求类型: '咨询', 诉求内容: '咨询社保转移' },
      { 工单编号: 'C-2', 派单时间: '2025-05-06 09:30', 诉求类型: '投诉', 诉求内容: '投诉窗口态度' },
    ];
    writeFileSync(join(dir, 'good.json'), JSON.stringify({ orders }));
    writeFileSync(
      join(dir, 'bad.json'),
      JSON.stringify([...orders, { ...orders[0], 工单编号: 'C-3', 诉求类型: '表扬' }]),
    );
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('bad rows: exit 1, every problem in both languages, nothing stored', async () => {
    const run = gongkai('mailbox', 'import', join(dir, 'bad.json'), '--agency', 'cli-hotline');
    assert.equal(run.code, 1, run.err);
    assert.match(run.out, /1 problems in 3 rows .*: nothing stored/);
    assert.match(run.out, /row 3 \[诉求类型\]: 诉求类型“表扬”无效.* \/ The category "表扬" is not valid/);
    assert.deepEqual(await cases(), []);
  });

  test('a check stores nothing; the import stores each order once, exit 0', async () => {
    const check = gongkai('mailbox', 'import', join(dir, 'good.json'), '--agency', 'cli-hotline', '--check', '--json');
    assert.equal(check.code, 0, check.err);
    assert.deepEqual(JSON.parse(check.out).created, ['C-1', 'C-2']);
    assert.deepEqual(await cases(), []);
    const run = gongkai('mailbox', 'import', join(dir, 'good.json'), '--agency', 'cli-hotline');
    assert.equal(run.code, 0, run.err);
    assert.match(run.out, /imported 2 orders .*: 2 new, 0 already on record/);
    const again = gongkai('mailbox', 'import', join(dir, 'good.json'), '--agency', 'cli-hotline');
    assert.match(again.out, /0 new, 2 already on record/);
    assert.deepEqual(await cases(), [{ external_no: 'C-1' }, { external_no: 'C-2' }]);
  });

  test('an unknown agency or file kind is bad input, exit 2', () => {
    assert.equal(gongkai('mailbox', 'import', join(dir, 'good.json'), '--agency', 'nope').code, 2);
    writeFileSync(join(dir, 'x.pdf'), '%PDF-1.4');
    assert.equal(gongkai('mailbox', 'import', join(dir, 'x.pdf'), '--agency', 'cli-hotline').code, 2);
  });

  test('webhook-secret prints a new secret once and stores it sealed', async () => {
    const run = gongkai('mailbox', 'webhook-secret', '--agency', 'cli-hotline', '--json');
    assert.equal(run.code, 0, run.err);
    const { secret } = JSON.parse(run.out) as { secret: string };
    assert.match(secret, /^[A-Za-z0-9_-]{43}$/);
    const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
    try {
      const row = await handle.db.selectFrom('hotline_webhook_secrets').select('secret_enc').executeTakeFirstOrThrow();
      assert.ok(!row.secret_enc.includes(secret));
    } finally {
      await handle.close();
    }
    assert.equal(gongkai('mailbox', 'webhook-secret', '--agency', 'cli-hotline', '--secret', 'short').code, 2);
  });
});
