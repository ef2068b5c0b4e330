// gongkai mail send-pending | gongkai reminders run: the outbox sender and the daily reminder job
// for cron or a one-off run (the server runs both on its own; running them again is harmless).
import type { Command } from 'commander';
import { action, printResult, UsageError, withDatabase } from '../../cli/support.ts';
import { isRealDate } from '../../platform/form.ts';
import { sendPending } from '../../platform/mail/outbox.ts';
import { smtpTransport } from '../../platform/mail/smtp.ts';
import { runReminders } from './reminders.ts';
import { runReportReminders } from '../reports/index.ts';

export function registerReminderCommands(program: Command): void {
  program
    .command('mail')
    .description('outgoing mail')
    .command('send-pending')
    .description('send the mails of the outbox whose time has come (GONGKAI_SMTP_* settings)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        return withDatabase(async ({ db }, config) => {
          if (!config.smtp) throw new UsageError('GONGKAI_SMTP_HOST is not set: no mail server to send to');
          const transport = smtpTransport(config.smtp);
          try {
            const run = await sendPending(db, transport, { limit: 1000 });
            printResult(
              Boolean(options.json),
              run,
              `sent ${run.sent.length}, failed ${run.failed.length}` +
                run.failed.map((f) => `\n  #${f.id}: ${f.error}`).join(''),
            );
            return run.failed.length ? 1 : 0;
          } finally {
            transport.close();
          }
        });
      }),
    );
  program
    .command('reminders')
    .description('deadline reminders')
    .command('run')
    .description('notify the people handling applications that are due soon or overdue (once per case and day)')
    .option('--today <date>', 'the day to run for (YYYY-MM-DD; default: today in China)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { today?: string; json?: boolean }) => {
        if (options.today !== undefined && !isRealDate(options.today))
          throw new UsageError('--today must be a date like 2026-11-29');
        await withDatabase(async ({ db }, config) => {
          const cases = await runReminders(db, {
            ...(options.today ? { today: options.today } : {}),
            mail: Boolean(config.smtp),
          });
          // The annual-report reminders run with the applications' (report-reminders.ts); counts add up.
          const reports = await runReportReminders(db, {
            ...(options.today ? { today: options.today } : {}),
            mail: Boolean(config.smtp),
          });
          const run = {
            ...cases,
            reports: reports.reports,
            notices: cases.notices + reports.notices,
            mails: cases.mails + reports.mails,
          };
          printResult(
            Boolean(options.json),
            run,
            `${run.cases} cases due soon or overdue, ${run.reports} annual reports outstanding: ${run.notices} new notices, ${run.mails} mails queued`,
          );
        });
      }),
    );
}
