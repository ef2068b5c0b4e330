// gongkai report check FILE [--json]: reads a received annual report (JSON, XLSX, DOCX or the HTML of
// the published page — told apart by content), prints every failed identity of
// docs/domain/annual-report.md#arithmetic with
// the cells involved. Exit 0 when clean, 1 on failed checks, 2 when the file cannot be read.
import { readFileSync, statSync } from 'node:fs';
import type { Command } from 'commander';
import { action, printResult, UsageError } from '../../../cli/support.ts';

/** Files larger than this are not reports (the demo's XLSX is ~20 kB): refuse before reading. */
export const MAX_CHECK_BYTES = 50 * 1024 * 1024;

export function registerReportCheckCommand(report: Command): void {
  report
    .command('check')
    .description('check a received annual report (JSON, XLSX, DOCX or HTML): tables 二/三/四 and their identities')
    .argument('<file>', 'the report file')
    .option('--json', 'print the result as JSON')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        let bytes: Buffer;
        try {
          if (statSync(file).size > MAX_CHECK_BYTES)
            throw new UsageError(`文件过大（超过50 MB）：${file} / file too large (over 50 MB): ${file}`);
          bytes = readFileSync(file);
        } catch (error) {
          if (error instanceof UsageError) throw error;
          throw new UsageError(
            `无法读取文件 ${file} / cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
          );
        }
        // Loaded here, not at the top: `gongkai report annual` registers this command too.
        const { checkReceivedReport, formatCheckResult, UnreadableReport } = await import('./checker.ts');
        let result;
        try {
          result = await checkReceivedReport(bytes);
        } catch (error) {
          if (error instanceof UnreadableReport) throw new UsageError(`${file}: ${error.zh} / ${error.en}`);
          throw error;
        }
        printResult(Boolean(options.json), result, formatCheckResult(result));
        return result.passes ? 0 : 1;
      }),
    );
}
