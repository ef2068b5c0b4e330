import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Command } from 'commander';
import { creditCodeCheckChar } from './identifiers.ts';
import { registerPiiCommands, type PiiIo } from './pii.cli.ts';

interface Run {
  readonly stdout: string;
  readonly stderr: string;
  readonly code: number | undefined;
}

async function run(args: string[], stdin = ''): Promise<Run> {
  let stdout = '';
  let stderr = '';
  let code: number | undefined;
  const io: PiiIo = {
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => stdin,
    setExitCode: (c) => void (code = c),
  };
  const program = new Command().exitOverride();
  registerPiiCommands(program, io);
  await program.parseAsync(args, { from: 'user' });
  return { stdout, stderr, code };
}

// 11010519491231002X is the sample number of GB 11643-1999.
const LEAKY = '公示名单\n1\t张三\t11010519491231002X\t13812345678\n';
const CLEAN = '岳人社发〔2013〕12号\n联系电话：0730-8888888，邮编：414000\n';

describe('gongkai pii scan', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'gongkai-pii-'));
    writeFileSync(join(dir, 'leaky.txt'), LEAKY);
    writeFileSync(join(dir, 'clean.txt'), CLEAN);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('prints findings as JSON with masked values only, and exits 1', async () => {
    const r = await run(['pii', 'scan', '--json', join(dir, 'leaky.txt')]);
    assert.equal(r.code, 1);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), {
      findings: [
        { kind: 'resident_id', start: 10, end: 28, line: 2, masked: '110105********002X' },
        { kind: 'mobile', start: 29, end: 40, line: 2, masked: '138****5678' },
      ],
    });
    assert.ok(!r.stdout.includes('11010519491231002X'), 'the raw number must not be printed');
  });

  it('prints a human list without --json', async () => {
    const r = await run(['pii', 'scan', join(dir, 'leaky.txt')]);
    assert.equal(r.code, 1);
    assert.equal(r.stdout, 'line 2: resident_id 110105********002X\nline 2: mobile 138****5678\n');
  });

  it('exits 0 on a clean file', async () => {
    const json = await run(['pii', 'scan', '--json', join(dir, 'clean.txt')]);
    assert.equal(json.code, 0);
    assert.deepEqual(JSON.parse(json.stdout), { findings: [] });
    const human = await run(['pii', 'scan', join(dir, 'clean.txt')]);
    assert.equal(human.code, 0);
  });

  it('reads standard input given -', async () => {
    const r = await run(['pii', 'scan', '--json', '-'], '手机：139 1234 5678');
    assert.equal(r.code, 1);
    assert.deepEqual(JSON.parse(r.stdout).findings, [
      { kind: 'mobile', start: 3, end: 16, line: 1, masked: '139 **** 5678' },
    ]);
  });

  it('exits 2 with one line when the file cannot be read', async () => {
    const missing = join(dir, 'missing.txt');
    const r = await run(['pii', 'scan', missing]);
    assert.equal(r.code, 2);
    assert.equal(r.stdout, '');
    assert.equal(r.stderr, `pii scan: cannot read ${missing}: no such file\n`);
    const directory = await run(['pii', 'scan', dir]);
    assert.equal(directory.code, 2);
    assert.equal(directory.stderr.trim().split('\n').length, 1);
  });

  it('passes the credit-code policy through', async () => {
    const file = join(dir, 'penalty.txt');
    const code = '91430600MA4L1234X' + creditCodeCheckChar('91430600MA4L1234X');
    writeFileSync(file, `当事人：岳阳市某某有限公司，统一社会信用代码：${code}\n`);
    // A company's code is published by default and reported on request.
    const byDefault = await run(['pii', 'scan', '--json', file]);
    assert.equal(byDefault.code, 0);
    const always = await run(['pii', 'scan', '--json', '--credit-codes', 'always', file]);
    assert.equal(always.code, 1);
    assert.equal(JSON.parse(always.stdout).findings[0].kind, 'credit_code');
    await assert.rejects(run(['pii', 'scan', '--credit-codes', 'sometimes', file]));
  });

  it('sets process.exitCode by default instead of exiting', async () => {
    const program = new Command().exitOverride();
    registerPiiCommands(program);
    const saved = process.exitCode;
    const write = process.stdout.write;
    let printed = '';
    // The test runner talks to its parent over stdout too: keep ours, pass everything else on.
    process.stdout.write = ((chunk: string | Uint8Array, ...rest: unknown[]) => {
      if (typeof chunk === 'string' && chunk.startsWith('{"findings"')) {
        printed += chunk;
        return true;
      }
      return (write as (...args: unknown[]) => boolean).call(process.stdout, chunk, ...rest);
    }) as typeof process.stdout.write;
    try {
      await program.parseAsync(['pii', 'scan', '--json', join(dir, 'leaky.txt')], { from: 'user' });
      assert.equal(process.exitCode, 1);
    } finally {
      process.stdout.write = write;
      process.exitCode = saved;
    }
    assert.equal(JSON.parse(printed).findings.length, 2);
  });
});
