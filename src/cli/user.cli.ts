import type { Command } from 'commander';
import { isRole } from '../platform/roles.ts';
import { generatePassword } from '../platform/auth/password.ts';
import { organisationService } from '../modules/organisation/index.ts';
import { organisationStore } from '../modules/organisation/index.ts';
import { action, cliContext, printResult, readStdin, UsageError, withDatabase } from './support.ts';
import type { Executor } from '../db/database.ts';

async function userId(db: Executor, username: string): Promise<number> {
  const user = await organisationStore.userWithSecret(db, { username });
  if (!user) throw new UsageError(`no user named "${username}"`);
  return user.id;
}

async function passwordFrom(options: { passwordStdin?: boolean }): Promise<string | undefined> {
  if (!options.passwordStdin) return undefined;
  const value = (await readStdin()).replace(/\r?\n$/, '');
  if (!value) throw new UsageError('--password-stdin given but standard input was empty');
  return value;
}

export function registerUserCommands(program: Command): void {
  const user = program.command('user').description('manage accounts (用户管理)');

  user
    .command('create')
    .description('create an account; prints a generated password unless --password-stdin')
    .requiredOption('--username <name>', 'login name (lower-case letters, digits, hyphens)')
    .requiredOption('--name <display>', 'the person’s name')
    .requiredOption('--agency <code>', 'agency short code, e.g. yueyang-hrss')
    .option('--unit <name>', 'unit (科室) name within the agency')
    .option(
      '--role <role>',
      'role to grant at the agency (repeatable)',
      (v: string, all: string[]) => [...all, v],
      [] as string[],
    )
    .option('--password-stdin', 'read the password from standard input')
    .option('--json', 'print JSON')
    .action(
      action(
        async (options: {
          username: string;
          name: string;
          agency: string;
          unit?: string;
          role: string[];
          passwordStdin?: boolean;
          json?: boolean;
        }) => {
          for (const role of options.role) if (!isRole(role)) throw new UsageError(`unknown role "${role}"`);
          const password = await passwordFrom(options);
          await withDatabase(async ({ db }) => {
            const agency = await organisationStore.agencyByCode(db, options.agency);
            if (!agency) throw new UsageError(`no agency with code "${options.agency}"`);
            const unit = options.unit ? await organisationStore.unitByName(db, agency.id, options.unit) : undefined;
            if (options.unit && !unit) throw new UsageError(`agency ${options.agency} has no unit "${options.unit}"`);
            const ctx = cliContext();
            const created = await organisationService.createUser(
              db,
              ctx,
              {
                username: options.username,
                display_name: options.name,
                agency_id: agency.id,
                unit_id: unit?.id ?? null,
              },
              password,
            );
            for (const role of options.role) {
              await organisationService.assignRole(
                db,
                ctx,
                created.id,
                role as never,
                agency.id,
                role === 'drafter' || role === 'unit_head' ? (unit?.id ?? null) : null,
              );
            }
            printResult(
              Boolean(options.json),
              {
                id: created.id,
                username: options.username,
                roles: options.role,
                ...(password ? {} : { password: created.password }),
              },
              password
                ? `created ${options.username}`
                : `created ${options.username}; password (change at first sign-in): ${created.password}`,
            );
          });
        },
      ),
    );

  user
    .command('set-password <username>')
    .description('set a password from standard input, or --generate one that must be changed at next sign-in')
    .option('--password-stdin', 'read the new password from standard input')
    .option('--generate', 'generate a password (printed once)')
    .option('--json', 'print JSON')
    .action(
      action(async (username: string, options: { passwordStdin?: boolean; generate?: boolean; json?: boolean }) => {
        if (Boolean(options.passwordStdin) === Boolean(options.generate))
          throw new UsageError('give exactly one of --password-stdin or --generate');
        const password = options.generate ? generatePassword() : (await passwordFrom(options))!;
        await withDatabase(async ({ db }) => {
          await organisationService.setPassword(
            db,
            cliContext(),
            await userId(db, username),
            password,
            Boolean(options.generate),
          );
          printResult(
            Boolean(options.json),
            { username, ...(options.generate ? { password } : {}) },
            options.generate ? `new password for ${username}: ${password}` : `password set for ${username}`,
          );
        });
      }),
    );

  for (const verb of ['lock', 'unlock'] as const) {
    user
      .command(`${verb} <username>`)
      .description(
        verb === 'lock' ? 'disable an account and end its sessions' : 'lift a lock or a lockout after failed sign-ins',
      )
      .option('--json', 'print JSON')
      .action(
        action(async (username: string, options: { json?: boolean }) => {
          await withDatabase(async ({ db }) => {
            const id = await userId(db, username);
            if (verb === 'lock') await organisationService.lockUser(db, cliContext(), id);
            else await organisationService.unlockUser(db, cliContext(), id);
            printResult(
              Boolean(options.json),
              { username, [verb === 'lock' ? 'locked' : 'unlocked']: true },
              `${username} ${verb}ed`,
            );
          });
        }),
      );
  }
}
