// The calendar for `gongkai calendar …`, read through the database driver alone. A one-shot
// command must cost at most 3× the CPU of `node -e 0` (issue 20), and Kysely alone costs more than
// that to load: when the database has applied exactly this release's migrations and holds every
// year of the vendored holiday file, its two tables are read with two plain statements and built
// as the service builds them (calendar-rows.ts). Otherwise (a new data directory, an upgrade not
// yet started) the command line takes the full path — migrate, seed, read — as the server does.
import type { Config } from '../../config.ts';
import { openRawReader, schemaIsCurrent } from '../../db/raw-reader.ts';
import type { WorkingDayCalendar } from '../../platform/calendar/calendar.ts';
import { loadHolidayFile } from '../../platform/calendar/calendar-data.ts';
import { calendarFromRows, type CalendarDayFields, type CalendarNoticeFields } from './calendar-rows.ts';

/** The stored calendar, or undefined when the database first needs migrating or seeding. */
export async function currentCalendar(
  config: Pick<Config, 'databaseUrl' | 'dataDir'>,
): Promise<WorkingDayCalendar | undefined> {
  const reader = await openRawReader(config);
  if (!reader) return undefined;
  try {
    if (!(await schemaIsCurrent(reader))) return undefined;
    const notices = await reader.all<CalendarNoticeFields>(
      'select year, kind, title, url from calendar_notices order by id',
    );
    // Start-up seeds every year of the vendored file the database lacks (calendarService.seedFromFile).
    const seeded = new Set(notices.filter((n) => n.kind === 'annual').map((n) => n.year));
    if (Object.keys(loadHolidayFile().years).some((year) => !seeded.has(Number(year)))) return undefined;
    const days = await reader.all<CalendarDayFields>('select date, is_off_day, name from calendar_days');
    return calendarFromRows(days, notices);
  } finally {
    await reader.close();
  }
}
