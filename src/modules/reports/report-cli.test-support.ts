// Runs `gongkai report …` in-process through the shared CLI test helper.
import { runCommand, type CommandRun } from '../../../test/support/cli.ts';
import { registerReportCommands } from './report.cli.ts';

export function runReportCommand(...args: string[]): Promise<CommandRun> {
  return runCommand(registerReportCommands, ['report', ...args]);
}
