// gongkai publishing …: the scheduled-publishing job, for cron or a one-off run (the server runs
// it on its own every minute; several runs at once are safe).
import type { Command } from 'commander';
import { action, printResult, UsageError, withDatabase } from '../../cli/support.ts';
import { isRealDate } from '../../platform/form.ts';
import type { FlagFinding } from './pii-rescan.ts';

// The services are imported by the actions: `gongkai pii scan` shares this command group and
// must not pay for loading the catalog (src/cli.ts, lazy command groups).

export function registerPublishingCommands(program: Command): void {
  const publishing = program.command('publishing').description('the disclosure catalog');
  publishing
    .command('run-scheduled')
    .description('publish scheduled items whose publication date has come')
    .option('--today <date>', 'the day to publish for (YYYY-MM-DD; default: today in China)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { today?: string; json?: boolean }) => {
        if (options.today !== undefined && !isRealDate(options.today))
          throw new UsageError('--today must be a date like 2026-11-29');
        const { runScheduledPublishing } = await import('./scheduled.ts');
        await withDatabase(async ({ db }) => {
          const run = await runScheduledPublishing(db, options.today);
          printResult(
            Boolean(options.json),
            run,
            `published ${run.published.length}` +
              (run.skipped.length ? `, skipped ${run.skipped.length} (published elsewhere)` : '') +
              (run.blocked.length ? `, held back by the personal-data guard: ${run.blocked.join(', ')}` : ''),
          );
        });
      }),
    );

  // `gongkai pii rescan` joins the guard's command group (platform/pii/pii.cli.ts registers it first).
  const pii =
    program.commands.find((c) => c.name() === 'pii') ??
    program.command('pii').description('personal-data guard (个人信息检查)');
  pii
    .command('rescan')
    .description(
      'scan everything already public (titles, bodies, attachment texts) and flag findings for the confidentiality reviewers; exit 1 while flags are open',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        const { openFlags, runPiiRescan } = await import('./pii-rescan.ts');
        const { organisationStore } = await import('../organisation/index.ts');
        return withDatabase(async ({ db }) => {
          const run = await runPiiRescan(db);
          const agencies = (await organisationStore.agencies(db)).map((a) => a.id);
          const flags = (await openFlags(db, agencies, 10_000)).map((f) => ({
            item_id: f.item_id,
            index_number: f.index_number,
            version_id: f.version_id,
            findings: (JSON.parse(f.findings_json) as FlagFinding[]).map(({ field, kind, line, masked }) => ({
              field,
              kind,
              line,
              masked,
            })),
          }));
          const lines = [
            `scanned ${run.scanned} public items: ${run.flagged} with personal data (${run.newFlags} new), ${run.resolved} earlier flags resolved, ${run.open} open`,
            ...flags
              .slice(0, 100)
              .map(
                (f) =>
                  `  ${f.index_number} (item ${f.item_id}): ${f.findings.map((x) => `${x.kind} ${x.masked}`).join(', ')}`,
              ),
          ];
          printResult(Boolean(options.json), { ...run, flags }, lines.join('\n'));
          return run.open > 0 ? 1 : 0;
        });
      }),
    );
}
