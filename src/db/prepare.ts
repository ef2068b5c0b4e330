// What every process does before using the database: apply migrations, then load reference
// data that ships with a release (the official calendar years the database lacks).
import type { DatabaseHandle } from './connect.ts';
import { migrateToLatest } from './migrate.ts';
import { calendarService } from '../modules/calendar/calendar.service.ts';

export async function prepareDatabase(handle: DatabaseHandle): Promise<void> {
  await migrateToLatest(handle.db);
  await calendarService.seedFromFile(handle.db);
}
