// The gongkai command as an operator runs it: a separate process, exit codes 0/1/2, one line
// on errors and never a stack trace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';

const cli = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;
let dir: string;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function gongkai(args: string[], env: Record<string, string> = {}, input?: string): Promise<Run> {
  return new Promise((resolve) => {
    const child = execFile(
      process.execPath,
      [cli, ...args],
      {
        env: {
          ...process.env,
          GONGKAI_DATA_DIR: dir,
          LOG_LEVEL: 'silent',
          GONGKAI_ADMIN_PASSWORD: 'Cli-Guanli-2026!',
          ...env,
        },
      },
      (error, stdout, stderr) =>
        resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
    if (input !== undefined) child.stdin!.end(input);
  });
}

function noStack(run: Run): void {
  assert.doesNotMatch(run.stderr, /\n\s+at /, 'no stack trace');
  assert.ok(run.stderr.trim().split('\n').length <= 2, `one clear line, got: ${run.stderr}`);
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('bad arguments and bad configuration exit 2 with one line', async () => {
  const unknown = await gongkai(['frobnicate']);
  assert.equal(unknown.code, 2);
  noStack(unknown);
  const missing = await gongkai(['user', 'create', '--username', 'x']);
  assert.equal(missing.code, 2);
  noStack(missing);
  const config = await gongkai(['migrate'], { PORT: 'abc' });
  assert.equal(config.code, 2);
  assert.match(config.stderr, /PORT must be a whole number/);
  noStack(config);
  const url = await gongkai(['migrate'], { DATABASE_URL: 'mysql://nope' });
  assert.equal(url.code, 2);
  assert.match(url.stderr, /DATABASE_URL must start with postgres/);
});

test('migrate, demo, users, audit verify: the happy path with --json', async () => {
  const migrate = await gongkai(['migrate', '--json']);
  assert.equal(migrate.code, 0, migrate.stderr);
  assert.ok(JSON.parse(migrate.stdout).applied.length > 0);
  const demo = await gongkai(['demo', '--json']);
  assert.equal(demo.code, 0, demo.stderr);
  const again = await gongkai(['demo']);
  assert.equal(again.code, 2);
  assert.match(again.stderr, /not empty/);

  const created = await gongkai([
    'user',
    'create',
    '--username',
    'newclerk',
    '--name',
    '新信息员',
    '--agency',
    'yueyang-hrss',
    '--unit',
    '劳动关系科',
    '--role',
    'drafter',
    '--json',
  ]);
  assert.equal(created.code, 0, created.stderr);
  const body = JSON.parse(created.stdout);
  assert.equal(body.username, 'newclerk');
  assert.ok(body.password.length >= 10, 'a generated password is printed once');

  const badRole = await gongkai([
    'user',
    'create',
    '--username',
    'x2',
    '--name',
    'x',
    '--agency',
    'yueyang-hrss',
    '--role',
    'emperor',
  ]);
  assert.equal(badRole.code, 2);
  assert.match(badRole.stderr, /unknown role/);
  const badAgency = await gongkai(['user', 'create', '--username', 'x3', '--name', 'x', '--agency', 'atlantis']);
  assert.equal(badAgency.code, 2);

  const weak = await gongkai(['user', 'set-password', 'newclerk', '--password-stdin'], {}, 'short\n');
  assert.equal(weak.code, 2);
  assert.match(weak.stderr, /密码至少需要 10 个字符/);
  const set = await gongkai(['user', 'set-password', 'newclerk', '--password-stdin'], {}, 'Xinde-Mima-2026\n');
  assert.equal(set.code, 0, set.stderr);
  assert.equal((await gongkai(['user', 'lock', 'newclerk'])).code, 0);
  assert.equal((await gongkai(['user', 'unlock', 'newclerk'])).code, 0);
  assert.equal((await gongkai(['user', 'lock', 'nobody'])).code, 2);

  const verify = await gongkai(['audit', 'verify', '--json']);
  assert.equal(verify.code, 0, verify.stderr);
  const result = JSON.parse(verify.stdout);
  assert.equal(result.ok, true);
  assert.ok(result.checked > 20);
});

test('audit verify exits 1 and names the first tampered event', async () => {
  const db = new SQLite(join(dir, 'gongkai.sqlite'));
  db.prepare("update audit_events set actor_name = 'someone-else' where seq = 7").run();
  db.close();
  const verify = await gongkai(['audit', 'verify']);
  assert.equal(verify.code, 1);
  assert.match(verify.stdout, /broken at event 7: edited/);
});
