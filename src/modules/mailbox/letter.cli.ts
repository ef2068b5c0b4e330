// gongkai letters notify-answered: the answered-letters job for cron or after an outage (the server
// runs it every minute). Running it again is harmless: a reply's message and rating link are made
// once, keyed by the reply (letter.service.ts notifyDue).
import type { Command } from 'commander';
import { action, printResult, withDatabase } from '../../cli/support.ts';
import { publicBaseUrl } from '../../config.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { createLetterService } from './letter.service.ts';
import { createMailboxService } from './mailbox.service.ts';

export function registerLetterCommands(program: Command): void {
  program
    .command('letters')
    .description('letters written to the mailbox on the portal')
    .command('notify-answered')
    .description('queue the reply and the rating link for writers of newly answered letters')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) =>
        withDatabase(async ({ db }, config) => {
          const vault = createVault(
            config.personalDataCipher,
            resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
          );
          const letters = createLetterService(vault, createMailboxService(vault), publicBaseUrl(config));
          // Batch after batch until none is left (a batch that queued nothing ends it).
          let sent = 0;
          for (;;) {
            const batch = await letters.notifyDue(db, systemContext);
            if (batch === 0) break;
            sent += batch;
          }
          printResult(Boolean(options.json), { sent }, `queued ${sent} answer message(s)`);
          return 0;
        }),
      ),
    );
}
