// `gongkai search reindex`: rebuilds the search index from the public items (after a restore,
// a bulk load past the services, or a tokenizer change). `gongkai search query Q` tries a query.
import type { Command } from 'commander';
import { action, printResult, UsageError, withDatabase } from '../../cli/support.ts';
import { reindexAll, searchService } from './search.ts';

export function registerSearchCommands(program: Command): Command {
  const search = program.command('search').description('the public full-text search index');
  search
    .command('reindex')
    .description('rebuild the search index from every public item')
    .option('--json', 'print JSON: {"indexed": n}')
    .action(
      action(async (options: { json?: boolean }) => {
        const indexed = await withDatabase(async (database) =>
          reindexAll(database.db, (n) => {
            if (!options.json && process.stderr.isTTY) process.stderr.write(`\r${n}`);
          }),
        );
        if (!options.json && process.stderr.isTTY) process.stderr.write('\n');
        printResult(Boolean(options.json), { indexed }, `已索引 indexed ${indexed} 条 items`);
      }),
    );
  search
    .command('query')
    .description('run a search and print the first page')
    .argument('<q>', 'the phrase')
    .option('--json', 'print JSON')
    .action(
      action(async (q: string, options: { json?: boolean }) => {
        if (q.trim().length === 0 || q.length > 100)
          throw new UsageError('查询须为 1–100 个字符 / the query must be 1–100 characters');
        const answer = await withDatabase(async (database) => searchService.search(database.db, { q }));
        printResult(
          Boolean(options.json),
          answer,
          [
            `${answer.total} 条结果 results${answer.didYouMean ? ` · 您是不是要找 did you mean: ${answer.didYouMean}` : ''}`,
            ...answer.results.map((r) => `${r.id}\t${r.title}`),
          ].join('\n'),
        );
      }),
    );
  return program;
}
