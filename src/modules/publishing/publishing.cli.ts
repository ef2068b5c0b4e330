// gongkai publishing …: the scheduled-publishing job, for cron or a one-off run (the server runs
// it on its own every minute; several runs at once are safe).
import type { Command } from 'commander';
import { action, printResult, UsageError, withDatabase } from '../../cli/support.ts';
import { isRealDate } from '../../platform/form.ts';
import { runScheduledPublishing } from './scheduled.ts';

export function registerPublishingCommands(program: Command): void {
  const publishing = program.command('publishing').description('the disclosure catalog');
  publishing
    .command('run-scheduled')
    .description('publish scheduled items whose publication date has come')
    .option('--today <date>', 'the day to publish for (YYYY-MM-DD; default: today in China)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { today?: string; json?: boolean }) => {
        if (options.today !== undefined && !isRealDate(options.today)) throw new UsageError('--today must be a date like 2026-11-29');
        await withDatabase(async ({ db }) => {
          const run = await runScheduledPublishing(db, options.today);
          printResult(
            Boolean(options.json),
            run,
            `published ${run.published.length}` + (run.skipped.length ? `, skipped ${run.skipped.length} (published elsewhere)` : '') + (run.blocked.length ? `, held back by the personal-data guard: ${run.blocked.join(', ')}` : ''),
          );
        });
      }),
    );
}
