// The statutory holidays of 《全国年节及纪念日放假办法》 Art. 2 for any year, by the version of the
// measures in force on 1 January of that year (docs/domain/working-days.md#versions). Used for a
// year whose State Council notice is not loaded yet: those days are certain, whereas the 调休
// (bridged weekdays, worked weekends) and the weekday given for a holiday on a weekend (Art. 6)
// are the notice's choice, so they are not guessed (docs/domain/working-days.md#provisional).
// Pure: the lunar dates and 清明 come from `chinese-days`, never from a table of our own.
import { createRequire } from 'node:module';
import type chineseDaysModule from 'chinese-days';
import type { HolidayRow } from '../../platform/calendar/calendar.ts';
import { addDays } from '../../platform/calendar/dates.ts';

export type MeasuresText = '1999' | '2007' | '2013' | '2024';

export interface MeasuresVersion {
  readonly text: MeasuresText;
  /** The decree that made this version. */
  readonly decree: string;
  /** First day the version applies to (all versions took effect on a 1 January except 1999's). */
  readonly inForce: string;
}

// Decree numbers and dates: docs/domain/sources.md#holiday-measures. The 1999 text (国务院令第270号)
// applied from 1999-09-18; the platform derives days from 2000 on, the first whole year under it.
const VERSIONS: readonly MeasuresVersion[] = [
  { text: '2024', decree: '国务院令第795号', inForce: '2025-01-01' },
  { text: '2013', decree: '国务院令第644号', inForce: '2014-01-01' },
  { text: '2007', decree: '国务院令第513号', inForce: '2008-01-01' },
  { text: '1999', decree: '国务院令第270号', inForce: '1999-09-18' },
];

/** Years the statutory days can be derived for: from the first whole year of the 1999 text to the
 *  end of the lunar data `chinese-days` ships. Outside it a year is plain Monday to Friday. */
export const STATUTORY_FIRST_YEAR = 2000;
export const STATUTORY_LAST_YEAR = 2099;

export function measuresVersion(year: number): MeasuresVersion | null {
  if (!Number.isInteger(year) || year < STATUTORY_FIRST_YEAR || year > STATUTORY_LAST_YEAR) return null;
  return VERSIONS.find((v) => `${year}-01-01` >= v.inForce) ?? null;
}

// Loaded on the first year derived: a year with its notice never needs it, and `gongkai calendar`
// looks such years up within a CPU budget (issue 20).
const require = createRequire(import.meta.url);
let loaded: typeof chineseDaysModule | undefined;
const chineseDays = (): typeof chineseDaysModule => (loaded ??= require('chinese-days') as typeof chineseDaysModule);

/** The Gregorian date of a lunar month/day in lunar year `year` (a non-leap month). */
function lunar(year: number, month: number, day: number): string {
  const mm = String(month).padStart(2, '0');
  const dd = String(day).padStart(2, '0');
  return chineseDays().getSolarDateFromLunar(`${year}-${mm}-${dd}`).date;
}

function span(first: string, days: number, name: string): HolidayRow[] {
  return Array.from({ length: days }, (_, i) => ({ date: addDays(first, i), isOffDay: true, name }));
}

/**
 * The days off for all citizens under Art. 2 of the version in force in `year`, in date order.
 * 除夕 is the day before 正月初一 (the twelfth lunar month has 29 or 30 days). A day that two
 * holidays share (中秋 on 1 October, as in 2020) is listed once, under the first holiday's name.
 */
export function statutoryHolidays(year: number): HolidayRow[] {
  const version = measuresVersion(year);
  if (!version) return [];
  const newYear = lunar(year, 1, 1);
  const rows: HolidayRow[] = [...span(`${year}-01-01`, 1, '元旦')];
  switch (version.text) {
    case '1999':
      rows.push(...span(newYear, 3, '春节'), ...span(`${year}-05-01`, 3, '劳动节'));
      break;
    case '2007':
      rows.push(...span(addDays(newYear, -1), 3, '春节'));
      break;
    case '2013':
      rows.push(...span(newYear, 3, '春节'));
      break;
    case '2024':
      rows.push(...span(addDays(newYear, -1), 4, '春节'));
      break;
  }
  if (version.text !== '1999') {
    rows.push(
      ...span(chineseDays().getSolarTermDate(year, 4, 'pure_brightness'), 1, '清明节'),
      ...span(`${year}-05-01`, version.text === '2024' ? 2 : 1, '劳动节'),
      ...span(lunar(year, 5, 5), 1, '端午节'),
      ...span(lunar(year, 8, 15), 1, '中秋节'),
    );
  }
  rows.push(...span(`${year}-10-01`, 3, '国庆节'));
  const seen = new Set<string>();
  return rows
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .filter((r) => (seen.has(r.date) ? false : (seen.add(r.date), true)));
}

/**
 * Years whose notice the system administrator must load now: this year whenever it is missing,
 * and next year from 1 November (the notices come out between late October and December).
 */
export function noticeYearsDue(today: string, hasNotice: (year: number) => boolean): number[] {
  const year = Number(today.slice(0, 4));
  return [year, year + 1].filter((y) => !hasNotice(y) && (y === year || today.slice(5) >= '11-01'));
}
