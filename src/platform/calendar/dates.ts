// Calendar dates as plain 'YYYY-MM-DD' strings. Statutory periods are counted in whole days in
// China, so a time zone never enters: every helper works on the proleptic Gregorian calendar
// through UTC arithmetic and never touches the host's local time.

/** A date string that is not a real calendar day, or not in YYYY-MM-DD form. */
export class InvalidDateError extends Error {
  override name = 'InvalidDateError';
  readonly code = 'invalid_date';
  constructor(
    readonly input: unknown,
    reason: string,
  ) {
    super(`invalid date ${JSON.stringify(input)}: ${reason} (expected YYYY-MM-DD, e.g. 2026-02-14)`);
  }
}

export type IsoDate = string;

const PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;
// The Regulation starts in 2008; anything far outside this window is a typing error, not a date.
export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;

export interface DateParts {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses and validates; throws InvalidDateError for '2026-02-30', '2026-2-3', '' and the like. */
export function parseDate(input: unknown): DateParts {
  if (typeof input !== 'string') throw new InvalidDateError(input, 'not a string');
  const match = PATTERN.exec(input);
  if (!match) throw new InvalidDateError(input, 'wrong format');
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < MIN_YEAR || year > MAX_YEAR) throw new InvalidDateError(input, `year outside ${MIN_YEAR}–${MAX_YEAR}`);
  if (month < 1 || month > 12) throw new InvalidDateError(input, 'no such month');
  if (day < 1 || day > daysInMonth(year, month))
    throw new InvalidDateError(input, `${year}-${match[2]} has ${daysInMonth(year, month)} days`);
  return { year, month, day };
}

export function isValidDate(input: unknown): input is IsoDate {
  try {
    parseDate(input);
    return true;
  } catch {
    return false;
  }
}

/** Returns the input unchanged after validation, so call sites read `const d = assertDate(x)`. */
export function assertDate(input: unknown): IsoDate {
  parseDate(input);
  return input as IsoDate;
}

export function formatDate(parts: DateParts): IsoDate {
  return `${String(parts.year).padStart(4, '0')}-${String(parts.month).padStart(2, '0')}-${String(parts.day).padStart(2, '0')}`;
}

/** Days since 1970-01-01; lets callers do arithmetic on integers. */
export function toDayNumber(date: IsoDate): number {
  const { year, month, day } = parseDate(date);
  return Date.UTC(year, month - 1, day) / DAY_MS;
}

export function fromDayNumber(dayNumber: number): IsoDate {
  const d = new Date(dayNumber * DAY_MS);
  return formatDate({ year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() });
}

export function addDays(date: IsoDate, days: number): IsoDate {
  if (!Number.isInteger(days)) throw new RangeError(`addDays: ${days} is not a whole number of days`);
  return fromDayNumber(toDayNumber(date) + days);
}

/** Calendar days from a to b (negative when b is earlier). */
export function daysBetween(a: IsoDate, b: IsoDate): number {
  return toDayNumber(b) - toDayNumber(a);
}

/** 0 = Sunday … 6 = Saturday, like Date#getUTCDay. */
export function weekday(date: IsoDate): number {
  return new Date(toDayNumber(date) * DAY_MS).getUTCDay();
}

export function isWeekend(date: IsoDate): boolean {
  const w = weekday(date);
  return w === 0 || w === 6;
}

export function yearOf(date: IsoDate): number {
  return parseDate(date).year;
}

/** ISO dates of equal length compare correctly as strings; this also validates both sides. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  parseDate(a);
  parseDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}

export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return compareDates(a, b) <= 0 ? a : b;
}

const WEEKDAY_ZH = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'] as const;
const WEEKDAY_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'] as const;

export function weekdayName(date: IsoDate, locale: 'zh' | 'en' = 'zh'): string {
  return (locale === 'zh' ? WEEKDAY_ZH : WEEKDAY_EN)[weekday(date)]!;
}
