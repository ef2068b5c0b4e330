// gongkai mailbox import FILE --agency CODE [--check] [--json]
//   Imports a 12345 export (CSV, XLSX or JSON): every order, or none when a row is bad.
//   Exit codes: 0 imported (or, with --check, the file is good), 1 bad rows (nothing stored), 2 bad input.
// gongkai mailbox webhook-secret --agency CODE [--secret S | --remove]
//   Sets (or generates and prints once) the agency's secret for POST /api/hotline/work-orders.
import type { Command } from 'commander';
import { action, cliContext, printResult, UsageError, withDatabase } from '../../cli/support.ts';
import type { Db } from '../../db/database.ts';
import { now } from '../../platform/clock.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import type { Config } from '../../config.ts';
import { organisationStore } from '../organisation/index.ts';
import { createHotlineWebhookService, type ReceiveWorkOrders } from './hotline-webhook.service.ts';
import { createMailboxService } from './mailbox.service.ts';
import { readWorkOrderFile } from './work-order-import.ts';
import { importWorkOrderFile } from './work-order-import.service.ts';

function services(config: Config) {
  const vault = createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
  const mailbox = createMailboxService(vault);
  const receive: ReceiveWorkOrders = (db, ctx, agencyId, orders) =>
    mailbox.receiveWorkOrders(db, ctx, agencyId, orders);
  return { receive, webhook: createHotlineWebhookService(vault, receive) };
}

async function agencyIdOf(db: Db, code: string): Promise<number> {
  const agency = await organisationStore.agencyByCode(db, code);
  if (!agency) throw new UsageError(`no agency with the code ${code}`);
  return agency.id;
}

function registerImport(group: Command): void {
  group
    .command('import <file>')
    .description('import a 12345 work-order export (CSV, XLSX or JSON): every order, or none when a row is bad')
    .requiredOption('--agency <code>', 'the agency the orders were dispatched to')
    .option('--check', 'check the file and say what would be stored; store nothing')
    .option('--json', 'print JSON')
    .action(
      action(async (file: string, options: { agency: string; check?: boolean; json?: boolean }) =>
        withDatabase(async ({ db }, config) => {
          const agencyId = await agencyIdOf(db, options.agency);
          const parsed = await readWorkOrderFile(file, { now: now() });
          const result = await importWorkOrderFile(db, cliContext(), services(config).receive, agencyId, parsed, {
            check: Boolean(options.check),
          });
          const head = result.problems.length
            ? `${result.problems.length} problems in ${result.rows} rows of ${file}: nothing stored`
            : `${result.stored ? 'imported' : 'checked'} ${result.rows} orders from ${file}: ` +
              `${result.created.length} new, ${result.known.length} already on record` +
              (result.stored ? '' : ' (check: nothing stored)');
          const lines = [
            head,
            ...result.problems
              .slice(0, 200)
              .map(
                (p) =>
                  `${p.row ? `row ${p.row}` : 'file'}${p.column ? ` [${p.column}]` : ''}: ${p.message.zh} / ${p.message.en}`,
              ),
          ];
          if (result.problems.length > 200) lines.push(`… ${result.problems.length - 200} more (use --json for all)`);
          printResult(Boolean(options.json), result, lines.join('\n'));
          return result.problems.length ? 1 : 0;
        }),
      ),
    );
}

function registerSecret(group: Command): void {
  group
    .command('webhook-secret')
    .description("set the agency's secret for the 12345 webhook (POST /api/hotline/work-orders)")
    .requiredOption('--agency <code>', 'the agency that takes the calls')
    .option('--secret <secret>', 'the secret the 12345 centre issued (at least 32 characters); default: a new one')
    .option('--remove', 'stop taking calls for the agency')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { agency: string; secret?: string; remove?: boolean; json?: boolean }) =>
        withDatabase(async ({ db }, config) => {
          const agencyId = await agencyIdOf(db, options.agency);
          const { webhook } = services(config);
          if (options.remove) {
            await webhook.removeSecret(db, cliContext(), agencyId);
            printResult(Boolean(options.json), { removed: true }, `the webhook is off for ${options.agency}`);
            return;
          }
          const { secret } = await webhook.setSecret(
            db,
            cliContext(),
            agencyId,
            { secret: options.secret ?? null },
            { updatedBy: null },
          );
          printResult(
            Boolean(options.json),
            { agency: options.agency, secret },
            `secret for ${options.agency} (shown once; give it to the 12345 centre): ${secret}`,
          );
        }),
      ),
    );
}

export function registerMailboxCommands(program: Command): void {
  const group = program.command('mailbox').description("mayor's mailbox and 12345 work orders");
  registerImport(group);
  registerSecret(group);
}
