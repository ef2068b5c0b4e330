// Runs one command line of a subcommand group in-process and captures what it printed and the exit
// code it set, so CLI tests read like a terminal session without spawning a process per case.
import { Command } from 'commander';

export interface CommandRun {
  out: string;
  err: string;
  code: number;
}

export async function runCommand(register: (program: Command) => unknown, args: string[]): Promise<CommandRun> {
  const program = new Command('gongkai').exitOverride().configureOutput({ writeErr: () => {}, writeOut: () => {} });
  register(program);
  let out = '';
  let err = '';
  const write = { out: process.stdout.write, err: process.stderr.write };
  const saved = process.exitCode;
  process.exitCode = undefined;
  process.stdout.write = ((s: string) => ((out += s), true)) as typeof process.stdout.write;
  process.stderr.write = ((s: string) => ((err += s), true)) as typeof process.stderr.write;
  let code = 0;
  try {
    await program.parseAsync(args, { from: 'user' });
    code = Number(process.exitCode ?? 0);
  } catch (error) {
    // commander's own usage errors (missing option) arrive here because of exitOverride
    code = (error as { code?: string }).code?.startsWith('commander.') ? 2 : 1;
  } finally {
    process.stdout.write = write.out;
    process.stderr.write = write.err;
    process.exitCode = saved;
  }
  return { out, err, code };
}
