// gongkai import catalog FILE [--agency CODE] [--dry-run] [--json]
// Exit codes: 0 every row imported, 1 some rows refused (the others imported), 2 bad input.
import type { Command } from 'commander';
import { action, cliContext, printResult, withDatabase } from '../../cli/support.ts';
import { importCatalog } from './catalog-import.service.ts';
import { progressBar } from './progress.ts';

/** Registers `import catalog` and returns the `import` group, to which src/cli.ts adds the
 *  power catalog's `import yearly-figures` (that module depends on this one, not the reverse). */
export function registerImportCommands(program: Command): Command {
  // Other capabilities add their own `import` subcommands to the same group.
  const group =
    program.commands.find((c) => c.name() === 'import') ??
    program.command('import').description('import existing records');
  group
    .command('catalog <file>')
    .description(
      'import an existing disclosure catalog (CSV or XLSX, see docs/import.md) as published historical items',
    )
    .option('--agency <code>', 'agency code for rows without an agency column')
    .option('--dry-run', 'validate every row, write nothing')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, options: { agency?: string; dryRun?: boolean; json?: boolean }) => {
        return withDatabase(async ({ db }) => {
          const result = await importCatalog(db, cliContext(), file, {
            agencyCode: options.agency ?? null,
            dryRun: Boolean(options.dryRun),
            progress: (total) => progressBar(total, 'import'),
          });
          const lines = [
            `${result.dryRun ? 'checked' : 'imported'} ${result.imported} of ${result.rows} rows from ${file}${result.dryRun ? ' (dry run: nothing written)' : ''}`,
            ...result.failures
              .slice(0, 200)
              .map((f) => `row ${f.row}: ${f.issues.map((i) => `${i.message.zh} / ${i.message.en}`).join('; ')}`),
          ];
          if (result.failures.length > 200)
            lines.push(`… ${result.failures.length - 200} more refused rows (use --json for all)`);
          printResult(Boolean(options.json), result, lines.join('\n'));
          return result.failures.length ? 1 : 0;
        });
      }),
    );
  return group;
}
