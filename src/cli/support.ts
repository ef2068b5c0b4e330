// Shared plumbing for the gongkai command: exit codes (0 success, 1 findings, 2 bad input),
// one clear line on errors, never a stack trace, --json output.
import { userInfo } from 'node:os';
import type { Command } from 'commander';
import { loadConfig, ConfigError, type Config } from '../config.ts';
import type { DatabaseHandle } from '../db/connect.ts';
import type { AuditContext } from '../platform/audit/audit.ts';
import { AppError, ValidationError } from '../platform/errors.ts';
import { resolveAuditKey } from '../platform/crypto/keys.ts';

export class UsageError extends Error {
  override name = 'UsageError';
}

export function cliContext(): AuditContext {
  let user = 'unknown';
  try {
    user = userInfo().username;
  } catch {
    // containers without a passwd entry
  }
  return { actorUserId: null, actorName: `cli:${user}`, ip: null };
}

export function printResult(json: boolean, value: unknown, human: string): void {
  process.stdout.write(json ? JSON.stringify(value, null, 2) + '\n' : human + (human.endsWith('\n') ? '' : '\n'));
}

/** Runs an action with a migrated database and turns every failure into an exit code. */
export async function withDatabase<T>(fn: (db: DatabaseHandle, config: Config) => Promise<T>): Promise<T> {
  // Imported here, not at the top: commands without a database (calendar, fee quote, pii scan)
  // then never load the drivers, Kysely or the migrations.
  const [{ connect }, { prepareDatabase }, { configureAudit }, { wireModules }] = await Promise.all([
    import('../db/connect.ts'),
    import('../prepare.ts'),
    import('../platform/audit/audit.ts'),
    import('../composition.ts'),
  ]);
  // What a command changes, it changes as the server would: publishing through the command line
  // updates the search index and the portal's cache, so the modules are wired first.
  wireModules();
  const config = loadConfig();
  configureAudit({ algorithm: config.auditHash, key: resolveAuditKey(config) });
  const database = connect(config);
  try {
    await prepareDatabase(database, config);
    return await fn(database, config);
  } finally {
    await database.close();
  }
}

export function describeError(error: unknown): { code: number; line: string } {
  if (error instanceof ConfigError) return { code: 2, line: error.message };
  if (error instanceof UsageError) return { code: 2, line: error.message };
  if (error instanceof ValidationError) {
    return { code: 2, line: error.issues.map((i) => `${i.field}: ${i.message.zh} / ${i.message.en}`).join('; ') };
  }
  if (error instanceof AppError) return { code: 2, line: `${error.text.zh} / ${error.text.en}` };
  if (error && typeof error === 'object' && 'code' in error && typeof (error as { code: unknown }).code === 'string') {
    const code = (error as { code: string }).code;
    if (code.startsWith('commander.'))
      return { code: code === 'commander.helpDisplayed' || code === 'commander.version' ? 0 : 2, line: '' };
  }
  return { code: 1, line: error instanceof Error ? error.message : String(error) };
}

/** Wraps a commander action so that errors become one line and an exit code. */
export function action<A extends unknown[]>(fn: (...args: A) => Promise<number | void>): (...args: A) => Promise<void> {
  return async (...args: A) => {
    try {
      const code = await fn(...args);
      if (typeof code === 'number') process.exitCode = code;
    } catch (error) {
      const { code, line } = describeError(error);
      if (line) process.stderr.write(`gongkai: ${line}\n`);
      process.exitCode = code;
    }
  };
}

export async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

export type { Command };
