// First start: an empty database gets the system administrator account (and, unless turned
// off, the demo dataset). The generated password is printed once and written to a 0600 file.
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connect.ts';
import { generatePassword } from './platform/auth/password.ts';
import { systemContext } from './platform/audit/audit.ts';
import { loadDemo } from './demo/demo.ts';
import { demoVault } from './demo/demo-applications.ts';
import { organisationService } from './modules/organisation/index.ts';

export interface BootstrapResult {
  readonly created: boolean;
  readonly adminPassword?: string;
  readonly passwordFile?: string;
  readonly demo: boolean;
}

export async function bootstrap(
  config: Config,
  database: DatabaseHandle,
  options: { demo: boolean },
): Promise<BootstrapResult> {
  const { db } = database;
  const anyAgency = await db.selectFrom('agencies').select('id').limit(1).executeTakeFirst();
  if (anyAgency) return { created: false, demo: false };
  const generated = !config.adminPassword;
  const password = config.adminPassword ?? generatePassword();
  if (options.demo) {
    await loadDemo(database, password, {
      mustChange: generated,
      vault: demoVault(config),
      files: config,
      reports: true,
    });
  } else {
    const agencyId = await organisationService.createAgency(db, systemContext, {
      code: 'main',
      name: '本机关（请修改名称）',
      level: 'city',
      kind: 'department',
    });
    const admin = await organisationService.createUser(
      db,
      systemContext,
      { username: 'admin', display_name: '系统管理员', agency_id: agencyId },
      password,
      {
        mustChangePassword: generated,
      },
    );
    await organisationService.assignRole(db, systemContext, admin.id, 'system_admin', agencyId, null);
  }
  let passwordFile: string | undefined;
  if (generated) {
    mkdirSync(config.dataDir, { recursive: true, mode: 0o700 });
    passwordFile = join(config.dataDir, 'initial-admin-password');
    writeFileSync(passwordFile, password + '\n', { mode: 0o600 });
  }
  return { created: true, adminPassword: generated ? password : undefined, passwordFile, demo: options.demo };
}
