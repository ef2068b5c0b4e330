// The vendored holiday data (holidays.json, generated from chinese-days by generate-holidays.ts)
// and the rows and per-year sources a WorkingDayCalendar is built from. Only days named in the
// State Council notices are listed; ordinary weekends are not.
import { readFileSync } from 'node:fs';
import { assertDate } from './dates.ts';
import { CalendarDataError, WorkingDayCalendar, type HolidayRow, type NoticeRef, type YearSource } from './calendar.ts';

export type { HolidayRow, NoticeRef, YearSource };

/** One notice year in holidays.json; rows are [date, name] pairs to keep the file small. */
export interface HolidayYear {
  notice: string;
  url?: string;
  amendments?: NoticeRef[];
  offDays: [string, string][];
  workdays: [string, string][];
}

export interface HolidayFile {
  source: string;
  licence: string;
  years: Record<string, HolidayYear>;
}

export const HOLIDAY_FILE_URL = new URL('./holidays.json', import.meta.url);

/** Checks the shape, so that a hand-edited file fails loudly at start-up and not in a deadline. */
export function parseHolidayFile(text: string, origin = 'holidays.json'): HolidayFile {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw new CalendarDataError(`${origin}: not valid JSON (${(error as Error).message})`);
  }
  const fail = (what: string): never => {
    throw new CalendarDataError(`${origin}: ${what}`);
  };
  if (!isObject(value) || !isObject(value.years)) fail('expected { source, licence, years: { "YYYY": … } }');
  const file = value as unknown as HolidayFile;
  for (const [year, entry] of Object.entries(file.years)) {
    if (!/^\d{4}$/.test(year)) fail(`year key ${JSON.stringify(year)} is not a year`);
    if (!isObject(entry) || typeof entry.notice !== 'string' || !entry.notice) fail(`${year}: missing notice title`);
    if (entry.url !== undefined && typeof entry.url !== 'string') fail(`${year}: url must be a string`);
    for (const list of ['offDays', 'workdays'] as const) {
      const rows = (entry as unknown as Record<string, unknown>)[list];
      if (!Array.isArray(rows)) fail(`${year}: ${list} must be an array of [date, name]`);
      for (const row of rows as unknown[]) {
        if (!Array.isArray(row) || typeof row[0] !== 'string' || typeof row[1] !== 'string')
          fail(`${year}: ${list} has a row that is not [date, name]`);
        try {
          assertDate((row as string[])[0]);
        } catch (error) {
          fail(`${year}: ${(error as Error).message}`);
        }
      }
    }
  }
  return file;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function rowsOf(file: HolidayFile): HolidayRow[] {
  const rows: HolidayRow[] = [];
  for (const entry of Object.values(file.years)) {
    for (const [date, name] of entry.offDays) rows.push({ date, isOffDay: true, name });
    for (const [date, name] of entry.workdays) rows.push({ date, isOffDay: false, name });
  }
  return rows.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

export function sourcesOf(file: HolidayFile): YearSource[] {
  return Object.entries(file.years)
    .map(([year, entry]) => ({
      year: Number(year),
      notice: entry.notice,
      ...(entry.url ? { url: entry.url } : {}),
      ...(entry.amendments?.length ? { amendments: entry.amendments } : {}),
    }))
    .sort((a, b) => a.year - b.year);
}

let cached: HolidayFile | undefined;

export function loadHolidayFile(): HolidayFile {
  cached ??= parseHolidayFile(readFileSync(HOLIDAY_FILE_URL, 'utf8'));
  return cached;
}

/** Every official day off and make-up working day in the vendored data (notice years 2008–2026). */
export function holidayRows(): HolidayRow[] {
  return rowsOf(loadHolidayFile());
}

export function holidaySources(): YearSource[] {
  return sourcesOf(loadHolidayFile());
}

let cachedCalendar: WorkingDayCalendar | undefined;

/**
 * The calendar from the vendored data, built once: a calendar never changes after construction
 * (admin overrides go through WorkingDayCalendar#withOverrides, which returns a new one).
 */
export function defaultCalendar(): WorkingDayCalendar {
  if (!cachedCalendar) {
    const file = loadHolidayFile();
    cachedCalendar = new WorkingDayCalendar(rowsOf(file), sourcesOf(file));
  }
  return cachedCalendar;
}

/** Async form for callers (the CLI, the server) that may later add overrides from the database. */
export async function loadDefaultCalendar(): Promise<WorkingDayCalendar> {
  return defaultCalendar();
}

/** Stable, diff-friendly JSON: one day per line. */
export function serializeHolidayFile(file: HolidayFile): string {
  const q = (v: unknown): string => JSON.stringify(v);
  const rows = (list: [string, string][]): string =>
    list.length ? `[\n${list.map((r) => `        ${q(r)}`).join(',\n')}\n      ]` : '[]';
  const years = Object.entries(file.years).map(([year, y]) => {
    const head = [`      "notice": ${q(y.notice)}`];
    if (y.url) head.push(`      "url": ${q(y.url)}`);
    if (y.amendments?.length) head.push(`      "amendments": ${q(y.amendments)}`);
    head.push(`      "offDays": ${rows(y.offDays)}`, `      "workdays": ${rows(y.workdays)}`);
    return `    ${q(year)}: {\n${head.join(',\n')}\n    }`;
  });
  return `{\n  "source": ${q(file.source)},\n  "licence": ${q(file.licence)},\n  "years": {\n${years.join(',\n')}\n  }\n}\n`;
}
