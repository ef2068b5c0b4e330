// The calendar as its two tables hold it, turned into the working-day calendar: shared by the
// service (through Kysely) and the command line's look-up (through the driver, calendar.cli.ts).
import { WorkingDayCalendar, type HolidayRow, type YearSource } from '../../platform/calendar/calendar.ts';
import { statutoryHolidays } from './statutory.ts';

export interface CalendarDayFields {
  date: string;
  is_off_day: number;
  name: string;
}

export interface CalendarNoticeFields {
  year: number;
  kind: string;
  title: string;
  url: string | null;
}

/** `notices` in the order of their id. */
export function calendarFromRows(
  days: readonly CalendarDayFields[],
  notices: readonly CalendarNoticeFields[],
): WorkingDayCalendar {
  const rows: HolidayRow[] = days.map((d) => ({ date: d.date, isOffDay: d.is_off_day === 1, name: d.name }));
  const byYear = new Map<number, YearSource>();
  for (const n of notices) {
    const existing = byYear.get(n.year);
    if (!existing || n.kind === 'annual') {
      byYear.set(n.year, {
        year: n.year,
        notice: n.title,
        url: n.url ?? undefined,
        amendments: existing?.amendments ?? [],
      });
    } else {
      byYear.set(n.year, {
        ...existing,
        amendments: [...(existing.amendments ?? []), { notice: n.title, url: n.url ?? undefined }],
      });
    }
  }
  // A year without a notice is counted on its statutory holidays (provisional, see statutory.ts).
  return new WorkingDayCalendar(rows, [...byYear.values()], statutoryHolidays);
}
