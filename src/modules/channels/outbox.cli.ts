// gongkai channels send-pending: the Weibo / WeChat outbox sender for cron or a one-off run (the
// server runs it on its own every 30 s; running it again at the same time is harmless).
// Exit 0 when everything due was sent, 1 when some entries failed (they stay queued for retry).
import type { Command } from 'commander';
import { action, printResult, withDatabase } from '../../cli/support.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { sendDueChannelPublications } from './outbox.service.ts';

export function registerChannelCommands(program: Command): void {
  program
    .command('channels')
    .description('publication channels')
    .command('send-pending')
    .description('send the Weibo / WeChat outbox entries whose time has come')
    .option('--json', 'print JSON')
    .action(
      action(async (options: { json?: boolean }) => {
        return withDatabase(async ({ db }, config) => {
          const vault = createVault(
            config.personalDataCipher,
            resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
          );
          const run = await sendDueChannelPublications(db, vault, { limit: 1000 });
          printResult(
            Boolean(options.json),
            run,
            `sent ${run.sent.length}, failed ${run.failed.length}` +
              run.failed.map((f) => `\n  #${f.id}: ${f.error}`).join(''),
          );
          return run.failed.length ? 1 : 0;
        });
      }),
    );
}
