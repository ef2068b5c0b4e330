// The gongkai command. Each subcommand prints JSON with --json and exits 0 on success, 1 on
// findings, 2 on bad input or configuration — with one line on stderr, never a stack trace.
import { Command } from 'commander';
import { loadConfig } from './config.ts';
import { action, describeError, printResult, UsageError, withDatabase } from './cli/support.ts';
import { version } from './version.ts';

type Register = (program: Command) => unknown;

// A one-shot command loads only what it uses: the first word picks the modules that register
// it, and their (heavy) imports are read only then — `gongkai calendar is-workday` never loads
// Fastify, the report renderers or pdfjs. Help and unknown words load every group. cli.test.ts
// checks that this table registers exactly what the full program does, so it cannot drift.
const calendarFromDatabase = async () => {
  // The calendar the platform uses is the one in the database (with the administrators'
  // additions), so the command reads it from there: through the driver alone when the database is
  // current (modules/calendar/calendar.cli.ts), else migrated and seeded first, as the server would.
  const config = loadConfig();
  const { currentCalendar } = await import('./modules/calendar/calendar.cli.ts');
  const current = await currentCalendar(config);
  if (current) return current;
  const [{ connect }, { prepareDatabase }, { getCalendar }] = await Promise.all([
    import('./db/connect.ts'),
    import('./prepare.ts'),
    import('./modules/calendar/index.ts'),
  ]);
  const database = connect(config);
  try {
    await prepareDatabase(database, config);
    return await getCalendar(database.db);
  } finally {
    await database.close();
  }
};

const load = {
  user: async (): Promise<Register> => (await import('./cli/user.cli.ts')).registerUserCommands,
  pii: async (): Promise<Register> => (await import('./platform/pii/pii.cli.ts')).registerPiiCommands,
  fee: async (): Promise<Register> => (await import('./modules/applications/fee.cli.ts')).registerFeeCommands,
  sms: async (): Promise<Register> => (await import('./modules/applications/sms.cli.ts')).registerSmsCommands,
  letters: async (): Promise<Register> => (await import('./modules/mailbox/letter.cli.ts')).registerLetterCommands,
  report: async (): Promise<Register> => (await import('./modules/reports/report.cli.ts')).registerReportCommands,
  import: async (): Promise<Register> => {
    const [{ registerImportCommands }, { registerFiguresImportCommand }] = await Promise.all([
      import('./modules/catalog-import/catalog-import.cli.ts'),
      import('./modules/power-catalog/figures.cli.ts'),
    ]);
    return (program) => registerFiguresImportCommand(registerImportCommands(program));
  },
  publishing: async (): Promise<Register> =>
    (await import('./modules/publishing/publishing.cli.ts')).registerPublishingCommands,
  reminders: async (): Promise<Register> =>
    (await import('./modules/dashboard/reminders.cli.ts')).registerReminderCommands,
  portal: async (): Promise<Register> => (await import('./modules/portal/portal.cli.ts')).registerPortalCommands,
  search: async (): Promise<Register> => (await import('./modules/search/search.cli.ts')).registerSearchCommands,
  channels: async (): Promise<Register> => (await import('./modules/channels/outbox.cli.ts')).registerChannelCommands,
  mailbox: async (): Promise<Register> => (await import('./modules/mailbox/mailbox.cli.ts')).registerMailboxCommands,
  calendar: async (): Promise<Register> => {
    const { registerCalendarCommands } = await import('./platform/calendar/calendar.cli.ts');
    return (program) => registerCalendarCommands(program, calendarFromDatabase);
  },
} satisfies Record<string, () => Promise<Register>>;

type Group = keyof typeof load;
const everyGroup = Object.keys(load) as Group[];

/** First word of the command line → the groups whose registration defines it. */
export const groupsOfCommand: Readonly<Record<string, readonly Group[]>> = {
  user: ['user'],
  pii: ['pii', 'publishing'],
  fee: ['fee'],
  sms: ['sms'],
  report: ['report'],
  import: ['import'],
  publishing: ['publishing'],
  mail: ['reminders'],
  reminders: ['reminders'],
  'export-static': ['portal'],
  screen: ['portal'],
  search: ['search'],
  channels: ['channels'],
  mailbox: ['mailbox'],
  calendar: ['calendar'],
};

/** The command-line program; with `firstWord`, only the groups that define that command. */
export async function buildProgram(firstWord?: string): Promise<Command> {
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
        const { serve } = await import('./main.ts');
        await serve(loadConfig(process.env, options.demo ? {} : { demo: false }));
      }),
    );

  program
    .command('migrate')
    .description('apply pending database migrations')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        const [{ connect }, { migrateToLatest }] = await Promise.all([
          import('./db/connect.ts'),
          import('./db/migrate.ts'),
        ]);
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
        const { bootstrap } = await import('./bootstrap.ts');
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

  const groups = (firstWord !== undefined && groupsOfCommand[firstWord]) || everyGroup;
  for (const register of await Promise.all(groups.map((group) => load[group]()))) register(program);

  const audit = program.command('audit').description('the audit trail');
  audit
    .command('verify')
    .description(
      'check the hash chain and the anchors outside the database; exit 1 at the first edited, deleted, inserted or reordered event, or when the log was truncated, emptied or rebuilt',
    )
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        const { auditIntegrity } = await import('./platform/audit/integrity.ts');
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
          const { auditIntegrity } = await import('./platform/audit/integrity.ts');
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
        const { backup } = await import('./db/backup.ts');
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
        const [{ connect }, { restore }] = await Promise.all([import('./db/connect.ts'), import('./db/backup.ts')]);
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
  try {
    const program = await buildProgram(argv.find((word) => !word.startsWith('-')));
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
