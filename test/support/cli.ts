// Runs one command line of a subcommand group in-process and captures what it printed and the exit
// code it set, so CLI tests read like a terminal session without spawning a process per case.
//
// Only the command's own writes are captured: the test runner in this very process writes to the
// same stdout (under `node --test` it streams its serialized reports to the parent there), and
// those writes may fall while a command awaits. The command runs in an AsyncLocalStorage scope and
// the hooked writers capture only what is written from inside that scope (its promises, timers and
// callbacks inherit it); everything else goes straight through.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Command } from 'commander';

export interface CommandRun {
  out: string;
  err: string;
  code: number;
}

interface Capture {
  out: string;
  err: string;
}

const scope = new AsyncLocalStorage<Capture>();
let active = 0;
let originals: { out: typeof process.stdout.write; err: typeof process.stderr.write } | undefined;

function hook(
  stream: NodeJS.WriteStream,
  key: keyof Capture,
  original: typeof process.stdout.write,
): typeof process.stdout.write {
  return function (this: unknown, chunk: unknown, ...rest: unknown[]): boolean {
    const capture = scope.getStore();
    if (!capture) return (original as (...a: unknown[]) => boolean).call(stream, chunk, ...rest);
    capture[key] += typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8');
    const done = rest.find((r): r is () => void => typeof r === 'function');
    if (done) process.nextTick(done);
    return true;
  } as typeof process.stdout.write;
}

function install(): void {
  if (active++ > 0) return;
  originals = { out: process.stdout.write, err: process.stderr.write };
  process.stdout.write = hook(process.stdout, 'out', originals.out);
  process.stderr.write = hook(process.stderr, 'err', originals.err);
}

function uninstall(): void {
  if (--active > 0 || !originals) return;
  process.stdout.write = originals.out;
  process.stderr.write = originals.err;
  originals = undefined;
}

export async function runCommand(register: (program: Command) => unknown, args: string[]): Promise<CommandRun> {
  const program = new Command('gongkai').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program);
  const capture: Capture = { out: '', err: '' };
  const saved = process.exitCode;
  process.exitCode = undefined;
  install();
  let code = 0;
  try {
    await scope.run(capture, () => program.parseAsync(args, { from: 'user' }));
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    // commander's own usage errors (missing option) arrive here because of exitOverride
    code = (error as { code?: string }).code?.startsWith('commander.') ? 2 : 1;
  } finally {
    uninstall();
    process.exitCode = saved;
  }
  return { out: capture.out, err: capture.err, code };
}
