// `gongkai calendar …`: working-day arithmetic from the command line, for officers checking a
// due date by hand and for scripts. Exit codes follow the gongkai convention:
//   calendar workdays    0 = printed the date; 2 = bad input
//   calendar is-workday  0 = a working day; 1 = not a working day (weekend or day off);
//                        2 = bad input — so `gongkai calendar is-workday D && …` reads naturally.
// Bad input is one line on stderr, never a stack trace.
import type { Command } from 'commander';
import { action, printResult, UsageError } from '../../cli/support.ts';
import { assertDate, InvalidDateError } from './dates.ts';
import type { WorkingDayCalendar } from './calendar.ts';

const MAX_DAYS = 3650;

function dateArg(value: unknown, what: string): string {
  try {
    return assertDate(value);
  } catch (error) {
    if (error instanceof InvalidDateError) throw new UsageError(`${what}: ${error.message}`);
    throw error;
  }
}

function daysArg(value: unknown): number {
  if (typeof value !== 'string' || !/^\d+$/.test(value) || Number(value) > MAX_DAYS) {
    throw new UsageError(
      `--days: expected a whole number of working days from 0 to ${MAX_DAYS}, got ${JSON.stringify(value ?? '')}`,
    );
  }
  return Number(value);
}

function warn(lines: readonly string[]): void {
  for (const line of lines) process.stderr.write(`gongkai: warning: ${line}\n`);
}

export function registerCalendarCommands(program: Command, getCalendar: () => Promise<WorkingDayCalendar>): Command {
  const calendar = program
    .command('calendar')
    .description('working days (工作日) from the State Council holiday notices, with make-up days (调休)');

  calendar
    .command('workdays')
    .description('the date that is N working days after --from (the --from day itself is not counted)')
    .requiredOption('--from <date>', 'start date, YYYY-MM-DD (e.g. the date of receipt)')
    .requiredOption('--days <n>', 'number of working days')
    .option(
      '--count-start-day',
      'count --from itself when it is a working day (unverified convention: docs/domain/regulation.md#counting-convention)',
    )
    .option('--json', 'print JSON: {"from","days","date","skipped":[…]}')
    .action(
      action(async (options: { from?: string; days?: string; countStartDay?: boolean; json?: boolean }) => {
        const from = dateArg(options.from, '--from');
        const days = daysArg(options.days);
        const cal = await getCalendar();
        const countStartDay = Boolean(options.countStartDay);
        const explained = cal.explainWorkingDays(from, days, { countStartDay });
        const date = explained.length ? explained[explained.length - 1]!.date : from;
        const skipped = explained
          .filter((d) => !d.counted)
          .map((d) => ({ date: d.date, reason: d.reason, ...(d.holidayName ? { holidayName: d.holidayName } : {}) }));
        const warnings = cal.uncoveredYears(from, date).map((y) => cal.coverage(y).warning!);
        if (!options.json) warn(warnings);
        printResult(Boolean(options.json), { from, days, countStartDay, date, skipped, warnings }, date);
      }),
    );

  calendar
    .command('is-workday <date>')
    .description('yes/no; exit 0 for a working day, 1 for a weekend or day off, 2 for bad input')
    .option('--json', 'print JSON: {"date","isWorkday","reason",…}')
    .action(
      action(async (raw: string, options: { json?: boolean }) => {
        const date = dateArg(raw, 'date');
        const cal = await getCalendar();
        const info = cal.dayInfo(date);
        const coverage = cal.coverage(Number(date.slice(0, 4)));
        const warnings = coverage.warning ? [coverage.warning] : [];
        if (!options.json) warn(warnings);
        printResult(
          Boolean(options.json),
          { ...info, covered: coverage.covered, warnings },
          info.isWorkday ? 'yes' : 'no',
        );
        return info.isWorkday ? 0 : 1;
      }),
    );

  return calendar;
}
