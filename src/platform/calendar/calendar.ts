// Working days (工作日) for statutory periods: Monday to Friday, minus the days off that the
// State Council's yearly notice (国务院办公厅关于…年部分节假日安排的通知) declares, plus the
// weekend days it declares make-up working days (调休上班). Pure: the data comes in as rows.
import { addDays, assertDate, compareDates, isWeekend, toDayNumber, yearOf, type IsoDate } from './dates.ts';

/** One official day: isOffDay=false marks a weekend day that the notice makes a working day. */
export interface HolidayRow {
  readonly date: IsoDate;
  readonly isOffDay: boolean;
  readonly name: string;
}

export interface NoticeRef {
  readonly notice: string;
  readonly url?: string;
}

/** The notice a year's rows come from, plus any later notice that changed that year. */
export interface YearSource extends NoticeRef {
  readonly year: number;
  readonly amendments?: readonly NoticeRef[];
}

export type DayReason = 'workday' | 'weekend' | 'holiday' | 'makeup_workday';

export interface DayInfo {
  readonly date: IsoDate;
  readonly isWorkday: boolean;
  readonly reason: DayReason;
  readonly holidayName?: string;
}

export interface ExplainedDay {
  readonly date: IsoDate;
  readonly counted: boolean;
  /** 1 for the first counted working day, and so on; only on counted days. */
  readonly ordinal?: number;
  readonly reason: DayReason;
  readonly holidayName?: string;
}

export interface CountOptions {
  /**
   * Whether the start day itself is counted when it is a working day. Default false: counting
   * starts the next day (民法典 Art. 201 “开始的当日不计入”, the common practice for Art. 33 of the
   * Regulation). docs/domain/regulation.md#counting-convention marks this unverified for the Regulation, hence the
   * option.
   */
  readonly countStartDay?: boolean;
}

export interface YearCoverage {
  readonly year: number;
  /** False: no notice is loaded; the year is counted on the fallback days (provisional). */
  readonly covered: boolean;
  readonly source?: YearSource;
  readonly warning?: string;
}

export class CalendarDataError extends Error {
  override name = 'CalendarDataError';
}

// A guard against runaway loops from absurd inputs; 20+20 working days never come close.
const MAX_WORKING_DAYS = 3650;

/**
 * The days off assumed for a year without a notice (the caller passes the statutory holidays of
 * that year, src/modules/calendar/statutory.ts). Without one, such a year is plain Monday–Friday.
 */
export type FallbackDays = (year: number) => readonly HolidayRow[];

export class WorkingDayCalendar {
  private readonly days = new Map<IsoDate, HolidayRow>();
  private readonly sources = new Map<number, YearSource>();
  private readonly fallbackByYear = new Map<number, Map<IsoDate, HolidayRow>>();

  constructor(
    rows: readonly HolidayRow[],
    sources: readonly YearSource[] = [],
    private readonly fallback?: FallbackDays,
  ) {
    for (const row of rows) {
      assertDate(row.date);
      if (!row.isOffDay && !isWeekend(row.date)) {
        throw new CalendarDataError(`${row.date} is a weekday; only a Saturday or Sunday can be a make-up working day`);
      }
      const seen = this.days.get(row.date);
      if (seen && seen.isOffDay !== row.isOffDay) {
        throw new CalendarDataError(`${row.date} is listed both as a day off and as a working day`);
      }
      if (!seen) this.days.set(row.date, { date: row.date, isOffDay: row.isOffDay, name: row.name });
    }
    for (const source of sources) this.sources.set(source.year, source);
  }

  /** A new calendar where the given rows replace the rows for the same dates (admin overrides). */
  withOverrides(rows: readonly HolidayRow[], sources: readonly YearSource[] = []): WorkingDayCalendar {
    const replaced = new Set(rows.map((r) => r.date));
    const kept = [...this.days.values()].filter((r) => !replaced.has(r.date));
    const bySource = new Map(this.sources);
    for (const s of sources) bySource.set(s.year, s);
    return new WorkingDayCalendar([...kept, ...rows], [...bySource.values()], this.fallback);
  }

  rows(): HolidayRow[] {
    return [...this.days.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
  }

  coveredYears(): number[] {
    return [...this.sources.keys()].sort((a, b) => a - b);
  }

  coverage(year: number): YearCoverage {
    const source = this.sources.get(year);
    if (source) return { year, covered: true, source };
    return {
      year,
      covered: false,
      warning: this.fallback
        ? `no State Council holiday notice is loaded for ${year}; it is counted provisionally on its statutory holidays and weekends`
        : `no State Council holiday notice is loaded for ${year}; its days are counted as plain Monday–Friday working days`,
    };
  }

  /** Whether `year` is counted on assumed days (no notice loaded): dates counted in it are provisional. */
  isProvisional(year: number): boolean {
    return !this.sources.has(year);
  }

  private fallbackDay(date: IsoDate): HolidayRow | undefined {
    if (!this.fallback) return undefined;
    const year = yearOf(date);
    if (this.sources.has(year)) return undefined;
    let days = this.fallbackByYear.get(year);
    if (!days) {
      days = new Map(this.fallback(year).map((r) => [r.date, r]));
      this.fallbackByYear.set(year, days);
    }
    return days.get(date);
  }

  /** The years without a notice that a date range touches, for a warning next to a result. */
  uncoveredYears(from: IsoDate, to: IsoDate): number[] {
    const [a, b] = compareDates(from, to) <= 0 ? [from, to] : [to, from];
    const out: number[] = [];
    for (let y = yearOf(a); y <= yearOf(b); y++) if (!this.sources.has(y)) out.push(y);
    return out;
  }

  dayInfo(date: IsoDate): DayInfo {
    assertDate(date);
    const row = this.days.get(date) ?? this.fallbackDay(date);
    if (row) {
      return row.isOffDay
        ? { date, isWorkday: false, reason: 'holiday', holidayName: row.name }
        : { date, isWorkday: true, reason: 'makeup_workday', holidayName: row.name };
    }
    return isWeekend(date)
      ? { date, isWorkday: false, reason: 'weekend' }
      : { date, isWorkday: true, reason: 'workday' };
  }

  isWorkday(date: IsoDate): boolean {
    return this.dayInfo(date).isWorkday;
  }

  /**
   * The n-th working day after start. With the default options the start day is not counted
   * (counting starts the next day), so addWorkingDays('2026-02-13', 1) is the make-up Saturday
   * 2026-02-14. n = 0 returns start unchanged.
   */
  addWorkingDays(start: IsoDate, n: number, options: CountOptions = {}): IsoDate {
    const explained = this.explainWorkingDays(start, n, options);
    return explained.length ? explained[explained.length - 1]!.date : start;
  }

  /**
   * Every calendar day looked at while counting n working days from start, in order: the
   * counted ones carry their ordinal, the skipped ones say why. Ends on the n-th working day.
   */
  explainWorkingDays(start: IsoDate, n: number, options: CountOptions = {}): ExplainedDay[] {
    assertDate(start);
    checkCount(n);
    const out: ExplainedDay[] = [];
    if (n === 0) return out;
    let date = options.countStartDay ? start : addDays(start, 1);
    let ordinal = 0;
    for (;;) {
      const info = this.dayInfo(date);
      if (info.isWorkday) {
        ordinal++;
        out.push(withName({ date, counted: true, ordinal, reason: info.reason }, info.holidayName));
        if (ordinal === n) return out;
      } else {
        out.push(withName({ date, counted: false, reason: info.reason }, info.holidayName));
      }
      date = addDays(date, 1);
    }
  }

  /**
   * Working days d with a < d ≤ b: the start day is excluded and the end day included, which is
   * the inverse of addWorkingDays — workingDaysBetween(a, addWorkingDays(a, n)) === n. When b is
   * earlier than a the result is negative: −(working days in (b, a]). Equal dates give 0.
   */
  workingDaysBetween(a: IsoDate, b: IsoDate): number {
    const order = compareDates(a, b);
    if (order === 0) return 0;
    if (order > 0) return -this.workingDaysBetween(b, a);
    let count = 0;
    const last = toDayNumber(b);
    for (let date = addDays(a, 1); toDayNumber(date) <= last; date = addDays(date, 1)) {
      if (this.isWorkday(date)) count++;
    }
    return count;
  }

  /** The first working day on or after date (a deadline falling on a day off moves forward). */
  onOrNextWorkday(date: IsoDate): IsoDate {
    assertDate(date);
    let d = date;
    while (!this.isWorkday(d)) d = addDays(d, 1);
    return d;
  }
}

function withName<T extends object>(day: T, holidayName: string | undefined): T & { holidayName?: string } {
  return holidayName === undefined ? day : { ...day, holidayName };
}

function checkCount(n: number): void {
  if (!Number.isInteger(n) || n < 0 || n > MAX_WORKING_DAYS) {
    throw new RangeError(`number of working days must be a whole number from 0 to ${MAX_WORKING_DAYS}, got ${n}`);
  }
}
