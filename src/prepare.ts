// What every process does before using the database: apply migrations, then load reference
// data that ships with a release (the official calendar years the database lacks), and bring the
// stored due dates to the calendar as it now stands. It sits beside main.ts rather than in src/db
// because it calls the calendar module, and the db layer knows no module.
import type { DatabaseHandle } from './db/connect.ts';
import { migrateToLatest } from './db/migrate.ts';
import { calendarService } from './modules/calendar/index.ts';

export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle.db);
  const seeded = await calendarService.seedFromFile(handle.db);
  await calendarService.recomputeStored(
    handle.db,
    seeded.length ? `载入工作日历：${seeded.join('、')}年放假安排` : '启动时按现行工作日历核对期限',
  );
}
