// gongkai report annual --agency CODE --year YYYY [--template 2008|2019|2021] [--rollup]
//   --format json|docx|xlsx|html [--out FILE]
// JSON (and HTML) go to stdout without --out; DOCX and XLSX need --out. Bad arguments: one line, exit 2.
// The report service and the renderers are loaded by the command that uses them, so that
// `gongkai report check` (no database) does not pay for them (ADR 0017).
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { action, UsageError, withDatabase } from '../../cli/support.ts';
import {
  REPORT_FORMATS,
  REPORT_TEMPLATES,
  defaultTemplate,
  type ReportFileFormat,
  type ReportTemplate,
} from './report-formats.ts';
import { registerReportCheckCommand } from './check/check.cli.ts';

export interface AnnualOptions {
  agency?: string;
  year?: string;
  template?: string;
  rollup?: boolean;
  format?: string;
  out?: string;
}

/** Checks the options; throws UsageError with one clear line. */
export function parseAnnualOptions(o: AnnualOptions): {
  agencyCode: string;
  year: number;
  template: ReportTemplate;
  rollup: boolean;
  format: ReportFileFormat;
  out: string | null;
} {
  if (!o.agency) throw new UsageError('--agency CODE is required');
  if (!o.year || !/^\d{4}$/.test(o.year) || Number(o.year) < 2008 || Number(o.year) > 2100)
    throw new UsageError(`--year must be a year from 2008 to 2100, got ${JSON.stringify(o.year ?? '')}`);
  const year = Number(o.year);
  if (o.template !== undefined && !(REPORT_TEMPLATES as readonly string[]).includes(o.template))
    throw new UsageError(`--template must be one of ${REPORT_TEMPLATES.join(', ')}, got ${JSON.stringify(o.template)}`);
  const format = o.format ?? 'json';
  if (!(REPORT_FORMATS as readonly string[]).includes(format))
    throw new UsageError(`--format must be one of ${REPORT_FORMATS.join(', ')}, got ${JSON.stringify(format)}`);
  if ((format === 'docx' || format === 'xlsx') && !o.out) throw new UsageError(`--format ${format} needs --out FILE`);
  return {
    agencyCode: o.agency,
    year,
    template: (o.template as ReportTemplate | undefined) ?? defaultTemplate(year),
    rollup: Boolean(o.rollup),
    format: format as ReportFileFormat,
    out: o.out ?? null,
  };
}

export function registerReportCommands(program: Command): void {
  const report = program.command('report').description('annual reports on government information disclosure');
  report
    .command('annual')
    .description('compute the annual report of an agency (or roll-up) from the records')
    .option('--agency <code>', 'agency code')
    .option('--year <yyyy>', 'report year')
    .option('--template <t>', `format: ${REPORT_TEMPLATES.join('|')} (default by year)`)
    .option('--rollup', 'sum over the agency and all agencies beneath it')
    .option('--format <f>', `${REPORT_FORMATS.join('|')}`, 'json')
    .option('--out <file>', 'write to a file instead of stdout')
    .action(
      action(async (options: AnnualOptions) => {
        const args = parseAnnualOptions(options);
        const [{ computeAnnualReport, ReportInputError }, { renderReport }] = await Promise.all([
          import('./report.service.ts'),
          import('./export/render.ts'),
        ]);
        await withDatabase(async ({ db }) => {
          let built;
          try {
            built = await computeAnnualReport(db, {
              agencyCode: args.agencyCode,
              year: args.year,
              template: args.template,
              rollup: args.rollup,
            });
          } catch (error) {
            if (error instanceof ReportInputError) throw new UsageError(error.message);
            throw error;
          }
          if (built.unavailable.length)
            process.stderr.write(
              `gongkai: warning: sources not available (counted as 0): ${built.unavailable.join(', ')}\n`,
            );
          const output = await renderReport(built, args.format);
          if (args.out) writeFileSync(args.out, output);
          else process.stdout.write(output);
        });
      }),
    );
  registerReportCheckCommand(report);
}
