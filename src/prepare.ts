// What every process does before using the database: apply migrations, then load reference
// data that ships with a release (the official calendar years the database lacks), bring the
// stored due dates to the calendar as it now stands, and seal the personal data a migration
// could not (the key is not the database's: names stored in clear before). It sits beside main.ts rather than in src/db
// because it calls the calendar module, and the db layer knows no module.
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { createVault, resolveDataKeys } from './platform/crypto/personal-data.ts';
import { calendarService } from './modules/calendar/index.ts';
import { encryptClearApplicantNames } from './modules/applications/index.ts';
import { encryptClearReviewNames } from './modules/reconsideration/index.ts';

type KeyConfig = Pick<Config, 'personalDataCipher' | 'personalDataKeys' | 'dataDir' | 'keyDir'>;

export async function prepareDatabase(handle: DatabaseHandle, config: KeyConfig): Promise<void> {
  await migrateToLatest(handle.db);
  const vault = createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
  await encryptClearApplicantNames(handle.db, vault);
  await encryptClearReviewNames(handle.db, vault);
  const seeded = await calendarService.seedFromFile(handle.db);
  await calendarService.recomputeStored(
    handle.db,
    seeded.length ? `载入工作日历：${seeded.join('、')}年放假安排` : '启动时按现行工作日历核对期限',
  );
}
