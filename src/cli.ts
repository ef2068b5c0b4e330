// The gongkai command. Each subcommand prints JSON with --json and exits 0 on success, 1 on
// findings, 2 on bad input or configuration — with one line on stderr, never a stack trace.
import { Command } from 'commander';
import { loadConfig } from './config.ts';
import { serve } from './main.ts';
import { migrateToLatest } from './db/migrate.ts';
import { backup, restore } from './db/backup.ts';
import { auditIntegrity } from './platform/audit/integrity.ts';
import { bootstrap } from './bootstrap.ts';
import { action, describeError, printResult, UsageError, withDatabase } from './cli/support.ts';
import { registerUserCommands } from './cli/user.cli.ts';
import { registerCalendarCommands } from './platform/calendar/calendar.cli.ts';
import { registerPiiCommands } from './platform/pii/pii.cli.ts';
import { registerFeeCommands } from './modules/applications/fee.cli.ts';
import { registerReportCommands } from './modules/reports/report.cli.ts';
import { registerImportCommands } from './modules/catalog-import/catalog-import.cli.ts';
import { registerPublishingCommands } from './modules/publishing/publishing.cli.ts';
import { registerReminderCommands } from './modules/dashboard/reminders.cli.ts';
import { registerPortalCommands } from './modules/portal/portal.cli.ts';
import { registerSearchCommands } from './modules/search/search.cli.ts';
import { registerChannelCommands } from './modules/channels/outbox.cli.ts';
import { getCalendar } from './modules/calendar/calendar.service.ts';
import { connect } from './db/connect.ts';
import { prepareDatabase } from './db/prepare.ts';
import { version } from './app.ts';

export function buildProgram(): Command {
  const program = new Command('gongkai');
  program
    .description('Gongkai (公开): government information disclosure platform')
    .version(version)
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .showSuggestionAfterError();

  program
    .command('serve')
    .description('run the web server (migrates and, on an empty database, loads the demo)')
    .option('--no-demo', 'do not load the demo dataset into an empty database')
    .action(
      action(async (options: { demo: boolean }) => {
        await serve(loadConfig(process.env, options.demo ? {} : { demo: false }));
      }),
    );

  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        const config = loadConfig();
        const database = connect(config);
        try {
          const applied = await migrateToLatest(database.db);
          printResult(
            Boolean(options.json),
            { applied },
            applied.length ? `applied: ${applied.join(', ')}` : 'database is up to date',
          );
        } finally {
          await database.close();
        }
      }),
    );

  program
    .command('demo')
    .description('load the demo dataset into an empty database')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        await withDatabase(async (database, config) => {
          const result = await bootstrap(config, database, { demo: true });
          if (!result.created)
            throw new UsageError('the database is not empty; the demo loads only into an empty database');
          printResult(
            Boolean(options.json),
            { loaded: true, adminPasswordFile: result.passwordFile ?? null },
            `demo loaded${result.adminPassword ? `; admin password: ${result.adminPassword}` : ''}`,
          );
        });
      }),
    );

  registerUserCommands(program);
  registerPiiCommands(program);
  registerFeeCommands(program);
  registerReportCommands(program);
  registerImportCommands(program);
  registerPublishingCommands(program);
  registerReminderCommands(program);
  registerPortalCommands(program);
  registerSearchCommands(program);
  registerChannelCommands(program);
  // The calendar the platform uses is the one in the database (with the administrators'
  // additions), so the command reads it from there.
  registerCalendarCommands(program, async () => {
    const database = connect(loadConfig());
    try {
      await prepareDatabase(database);
      return await getCalendar(database.db);
    } finally {
      await database.close();
    }
  });

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description(
      'check the hash chain and the anchors outside the database; exit 1 at the first edited, deleted, inserted or reordered event, or when the log was truncated, emptied or rebuilt',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        return withDatabase(async (database, config) => {
          const integrity = auditIntegrity(config, database);
          const result = await integrity.verify(database.db, { full: true });
          const anchor = integrity.anchors.latest();
          const against = anchor ? `; latest anchor: event ${anchor.seq} at ${anchor.at}` : '; no anchor yet';
          const human = result.ok
            ? `audit chain intact: ${result.checked} events${against}`
            : `audit chain broken at event ${result.finding!.seq}: ${result.finding!.kind} — ${result.finding!.detail}`;
          printResult(Boolean(options.json), { ...result, anchor: anchor ?? null }, human);
          return result.ok ? 0 : 1;
        });
      }),
    );
  audit
    .command('anchor')
    .description(
      "verify, then write the head of the chain to the anchor file (GONGKAI_KEY_DIR) and the log; with --mail, the day's anchor to the auditors once",
    )
    .option('--mail', "mail the day's anchor to the audit administrators (once a day)")
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean; mail?: boolean }) => {
        return withDatabase(async (database, config) => {
          const run = await auditIntegrity(config, database).anchor(database.db, { mail: Boolean(options.mail) });
          const v = run.verification;
          const human = !v.ok
            ? `not anchored: audit chain broken at event ${v.finding!.seq}: ${v.finding!.kind} — ${v.finding!.detail}`
            : run.anchored
              ? `audit anchor: event ${run.anchored.seq} ${run.anchored.hash} at ${run.anchored.at}`
              : `audit anchor unchanged: event ${v.head?.seq ?? 0}`;
          printResult(Boolean(options.json), run, human + (run.mailed ? `; mailed to ${run.mailed} auditor(s)` : ''));
          return v.ok ? 0 : 1;
        });
      }),
    );

  program
    .command('backup <file>')
    .description('consistent online copy of the database (SQLite backup API, or pg_dump -Fc)')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        await withDatabase(async (database) => {
          const result = await backup(database, file);
          printResult(Boolean(options.json), result, `backup written to ${result.file} (${result.bytes} bytes)`);
        });
      }),
    );

  program
    .command('restore <file>')
    .description('replace the database with a backup (stop the server first)')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, options: { json?: boolean }) => {
        const config = loadConfig();
        const database = connect(config);
        try {
          await restore(database, file);
        } finally {
          await database.close();
        }
        printResult(Boolean(options.json), { restored: file }, `restored from ${file}`);
      }),
    );

  return program;
}

export async function runCli(argv: string[]): Promise<void> {
  const program = buildProgram();
  try {
    await program.parseAsync(argv, { from: 'user' });
  } catch (error) {
    const { code, line } = describeError(error);
    if (line) process.stderr.write(`gongkai: ${line}\n`);
    process.exitCode = code;
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  await runCli(process.argv.slice(2));
}
