// The gongkai command as an operator runs it: a separate process, exit codes 0/1/2, one line
// on errors and never a stack trace.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
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
after(() => {
  rmSync(dir, { recursive: true, force: true });
  rmSync(`${dir}-keys`, { recursive: true, force: true });
});

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

test('audit anchor keeps the head outside the database; verify then finds newest events cut off', async () => {
  const anchor = await gongkai(['audit', 'anchor', '--json']);
  assert.equal(anchor.code, 0, anchor.stderr);
  const head = JSON.parse(anchor.stdout).anchored as { seq: number; hash: string };
  assert.ok(head.seq > 20);
  // Keys and anchors sit in the key directory (<data>-keys by default), never in the data directory.
  const keys = `${dir}-keys`;
  assert.equal(statSync(keys).mode & 0o777, 0o700);
  for (const f of readdirSync(keys)) assert.equal(statSync(join(keys, f)).mode & 0o777, 0o600, f);
  assert.ok(existsSync(join(keys, 'audit-key')));
  assert.ok(readdirSync(keys).some((f) => f.startsWith('audit-anchors-')));
  assert.ok(!existsSync(join(dir, 'personal-data-key')), 'no key next to the database');
  assert.equal(statSync(join(dir, 'gongkai.sqlite')).mode & 0o777, 0o600);

  const db = new SQLite(join(dir, 'gongkai.sqlite'));
  const saved = db.prepare('select * from audit_events where seq > ? order by seq').all(head.seq - 3);
  db.prepare('delete from audit_events where seq > ?').run(head.seq - 3);
  db.close();
  const verify = await gongkai(['audit', 'verify']);
  assert.equal(verify.code, 1);
  assert.match(verify.stdout, new RegExp(`broken at event ${head.seq - 2}: truncated`));
  // The anchoring job refuses to anchor a tampered chain.
  assert.equal((await gongkai(['audit', 'anchor'])).code, 1);

  const back = new SQLite(join(dir, 'gongkai.sqlite'));
  const insert = back.prepare(
    `insert into audit_events (${Object.keys(saved[0] as object).join(', ')}) values (${Object.keys(saved[0] as object)
      .map((k) => `@${k}`)
      .join(', ')})`,
  );
  for (const row of saved) insert.run(row);
  back.close();
  assert.equal((await gongkai(['audit', 'verify'])).code, 0);
});

test('audit verify exits 1 and names the first tampered event', async () => {
  const db = new SQLite(join(dir, 'gongkai.sqlite'));
  db.prepare("update audit_events set actor_name = 'someone-else' where seq = 7").run();
  db.close();
  const verify = await gongkai(['audit', 'verify']);
  assert.equal(verify.code, 1);
  assert.match(verify.stdout, /broken at event 7: edited/);
});
