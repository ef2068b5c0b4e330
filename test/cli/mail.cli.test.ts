// `gongkai reminders run` and `gongkai mail send-pending` as an operator's cron runs them: separate
// processes on a SQLite data directory with the demo, an SMTP server on loopback.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { smtpServer } from '../support/smtp-server.ts';

const cli = new URL('../../bin/gongkai.mjs', import.meta.url).pathname;
let dir: string;

function gongkai(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const base: NodeJS.ProcessEnv = {
      ...process.env,
      GONGKAI_DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      GONGKAI_ADMIN_PASSWORD: 'Cli-Youjian-2026!',
      ...env,
    };
    delete base.DATABASE_URL;
    execFile(process.execPath, [cli, ...args], { env: base }, (error, stdout, stderr) =>
      resolve({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'gongkai-mail-cli-'));
});
after(() => rmSync(dir, { recursive: true, force: true }));

test('reminders are queued once a day and mailed by send-pending', { timeout: 120_000 }, async () => {
  assert.equal((await gongkai(['demo'])).code, 0);
  const sqlite = new SQLite(join(dir, 'gongkai.sqlite'));
  sqlite.prepare(`update users set email = 'officer@example.cn' where username = 'officer'`).run();
  sqlite.close();

  const noMail = await gongkai(['mail', 'send-pending']);
  assert.equal(noMail.code, 2);
  assert.match(noMail.stderr, /GONGKAI_SMTP_HOST is not set/);

  const server = smtpServer();
  const port = await server.listen();
  const smtp = {
    GONGKAI_SMTP_HOST: '127.0.0.1',
    GONGKAI_SMTP_PORT: String(port),
    GONGKAI_SMTP_FROM: 'gongkai@example.cn',
  };
  try {
    const first = await gongkai(['reminders', 'run', '--json'], smtp);
    assert.equal(first.code, 0, first.stderr);
    const run = JSON.parse(first.stdout) as { cases: number; notices: number; mails: number };
    assert.ok(run.cases >= 1 && run.mails >= 1, first.stdout);
    const again = JSON.parse((await gongkai(['reminders', 'run', '--json'], smtp)).stdout) as {
      mails: number;
      notices: number;
    };
    assert.deepEqual({ mails: again.mails, notices: again.notices }, { mails: 0, notices: 0 });

    const sent = await gongkai(['mail', 'send-pending', '--json'], smtp);
    assert.equal(sent.code, 0, sent.stderr);
    assert.equal((JSON.parse(sent.stdout) as { sent: number[] }).sent.length, run.mails);
    assert.equal(server.received.length, run.mails);
    assert.ok(server.received.every((m) => m.to.includes('officer@example.cn')));
  } finally {
    await server.close();
  }
});
