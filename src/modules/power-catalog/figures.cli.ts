// gongkai import yearly-figures FILE [--agency CODE] [--dry-run] [--json]
// Exit codes: 0 every row imported, 1 some rows refused (then nothing is written), 2 bad input.
import type { Command } from 'commander';
import { action, cliContext, printResult, withDatabase } from '../../cli/support.ts';
import { readRows } from '../catalog-import/index.ts';
import { importYearlyFigures } from './figures-import.ts';

export function registerFiguresImportCommand(group: Command): void {
  group
    .command('yearly-figures <file>')
    .description(
      "import table 二's yearly figures (licence, penalty, coercion decisions; fee income in 万元) from CSV or XLSX, all rows or none",
    )
    .option('--agency <code>', 'agency code for rows without an agency column')
    .option('--dry-run', 'check every row, write nothing')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, options: { agency?: string; dryRun?: boolean; json?: boolean }) => {
        return withDatabase(async ({ db }) => {
          const result = await importYearlyFigures(
            db,
            cliContext(),
            readRows(file, () => undefined),
            {
              agencyCode: options.agency ?? null,
              dryRun: Boolean(options.dryRun),
              source: file.split('/').pop(),
            },
          );
          const verb = result.failures.length ? 'refused' : result.dryRun ? 'checked' : 'imported';
          const lines = [
            result.failures.length
              ? `${verb}: ${result.failures.length} of ${result.rows} rows have problems; nothing was written`
              : `${verb} ${result.dryRun ? result.figures.length : result.imported} rows from ${file}${result.dryRun ? ' (dry run: nothing written)' : ''}`,
            ...result.failures.map(
              (f) => `row ${f.row}: ${f.issues.map((i) => `${i.message.zh} / ${i.message.en}`).join('; ')}`,
            ),
          ];
          printResult(Boolean(options.json), result, lines.join('\n'));
          return result.failures.length ? 1 : 0;
        });
      }),
    );
}
