// `gongkai fee quote`: the processing-fee tiers from the command line, so that an officer can
// check a fee notice by hand and scripts can reuse the official arithmetic. The agency chooses the
// method (Art. 3 of 国办函〔2020〕109号), so the command takes exactly one of the two measures and
// never both. Exit codes: 0 printed the quote; 2 bad input (one line on stderr, no stack trace).
import type { Command } from 'commander';
import { action, printResult, UsageError } from '../../cli/support.ts';
import {
  FEE_METHOD_LABELS,
  FeeInputError,
  MAX_APPLICATIONS_PER_MONTH,
  MAX_PAGES,
  quoteByCount,
  quoteByPages,
  type FeeQuote,
} from './fee.ts';

interface QuoteOptions {
  readonly applicationsThisMonth?: string;
  readonly pages?: string;
  readonly json?: boolean;
}

function wholeNumber(flag: string, raw: string, max: number): number {
  // Digits only: commander hands over '-5', '3.5', '1e3' and '' verbatim.
  if (!/^\d+$/.test(raw)) {
    throw new UsageError(
      `${flag} 必须是非负整数，收到 ${JSON.stringify(raw)} / ${flag} must be a non-negative integer, got ${JSON.stringify(raw)}`,
    );
  }
  const value = Number(raw);
  if (value > max)
    throw new UsageError(`${flag} 不能超过 ${max}，收到 ${raw} / ${flag} must be at most ${max}, got ${raw}`);
  return value;
}

function describe(quote: FeeQuote, units: number): string {
  const label = FEE_METHOD_LABELS[quote.method];
  const unit = quote.method === 'by_count' ? '件' : '页';
  const lines = [
    `合计 total: ${quote.totalYuan} 元 (${label.zh} ${label.en}: ${units} ${unit})`,
    ...quote.breakdown.map(
      (l) =>
        `  ${l.from}–${l.to}: ${l.units} × ${l.rateYuan} 元 = ${l.amountYuan} 元${l.rateYuan === 0 ? ' (免费 free)' : ''}`,
    ),
    `依据 basis: ${label.article}`,
  ];
  return lines.join('\n');
}

export function registerFeeCommands(program: Command): Command {
  const fee = program.command('fee').description('processing fees (信息处理费), 国办函〔2020〕109号');

  fee
    .command('quote')
    .description('quote the fee by tier; give exactly one of --applications-this-month or --pages')
    .option(
      '--applications-this-month <n>',
      '按件计收: applications by the same applicant this calendar month (Art. 4)',
    )
    .option('--pages <n>', '按量计收: pages of this application (Art. 5)')
    .option('--json', 'print JSON: {"method","totalYuan","breakdown":[{from,to,units,rateYuan,amountYuan}]}')
    .action(
      action(async (options: QuoteOptions) => {
        const byCount = options.applicationsThisMonth;
        const byPages = options.pages;
        if (byCount !== undefined && byPages !== undefined) {
          throw new UsageError(
            '--applications-this-month 与 --pages 只能选其一（第三条：不得同时按照两种标准重复计算） / give only one of --applications-this-month and --pages (Art. 3: never both methods)',
          );
        }
        if (byCount === undefined && byPages === undefined) {
          throw new UsageError(
            '请给出 --applications-this-month N 或 --pages N 之一 / give one of --applications-this-month N or --pages N',
          );
        }
        const units =
          byCount !== undefined
            ? wholeNumber('--applications-this-month', byCount, MAX_APPLICATIONS_PER_MONTH)
            : wholeNumber('--pages', byPages!, MAX_PAGES);
        let quote: FeeQuote;
        try {
          quote = byCount !== undefined ? quoteByCount(units) : quoteByPages(units);
        } catch (error) {
          if (error instanceof FeeInputError) throw new UsageError(`${error.text.zh} / ${error.text.en}`);
          throw error;
        }
        printResult(
          Boolean(options.json),
          { method: quote.method, totalYuan: quote.totalYuan, breakdown: quote.breakdown },
          describe(quote, units),
        );
      }),
    );

  return fee;
}
