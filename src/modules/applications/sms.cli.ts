// gongkai sms send-pending: the SMS outbox's sender for cron or a one-off run (the server runs it
// every 30 s; running it again is harmless: each message is claimed before it is handed over).
// The gateway is the configured one (GONGKAI_SMS_GATEWAY; the logging gateway prints masked lines).
import type { Command } from 'commander';
import { action, printResult, withDatabase } from '../../cli/support.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { sendPendingSms, smsGateway } from '../../platform/mail/sms.ts';

export function registerSmsCommands(program: Command): void {
  program
    .command('sms')
    .description('text messages to applicants')
    .command('send-pending')
    .description('hand the due messages of the SMS outbox to the configured gateway (GONGKAI_SMS_GATEWAY)')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) =>
        withDatabase(async ({ db }, config) => {
          const vault = createVault(
            config.personalDataCipher,
            resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
          );
          const gateway = smsGateway(config.sms, (entry, message) =>
            process.stderr.write(`${message} ${JSON.stringify(entry)}\n`),
          );
          const run = await sendPendingSms(db, gateway, vault, { limit: 1000 });
          printResult(
            Boolean(options.json),
            run,
            `sent ${run.sent.length} through ${gateway.name}, failed ${run.failed.length}` +
              run.failed.map((f) => `\n  #${f.id}: ${f.error}`).join(''),
          );
          return run.failed.length ? 1 : 0;
        }),
      ),
    );
}
