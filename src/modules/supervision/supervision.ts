// The supervision indicators (监督指标) and their arithmetic: pure functions, dates and counts in, a
// result out. Each indicator is a named query of supervision.store.ts with the definition below shown
// next to its value on the page (messages `supervision.def.<name>`), so a figure never reads without
// what it counts. Dates are ISO strings (YYYY-MM-DD) and compare as strings.

/** The indicators of the oversight page, in column order. */
export const INDICATORS = [
  'published',
  'art26_in_time',
  'overdue_unpublished',
  'received',
  'answered',
  'answered_in_time',
  'open',
  'overdue_open',
  'annual_report',
] as const;
export type Indicator = (typeof INDICATORS)[number];

/** What the catalog counts for one agency (or one unit) and year. */
export interface PublicationFigures {
  /** Items published in the year and still public (publication_date in the year). */
  readonly published: number;
  /** Of those, the proactive items that carry an Art. 26 due date: the denominator of timeliness. */
  readonly withDueDate: number;
  /** Of those, published on or before their due date: the numerator. */
  readonly inTime: number;
  /** Proactive items past their due date and still unpublished, as of today (whatever the year). */
  readonly overdueUnpublished: number;
}

/** What the applications count for one agency (or one month) and the year they were received in. */
export interface ApplicationFigures {
  readonly received: number;
  readonly answered: number;
  /** Answered on or before the stored due date (the statutory limit with its recorded extensions and stops). */
  readonly answeredInTime: number;
  readonly open: number;
  /** Open and past the due date, as of today. */
  readonly overdue: number;
}

export const NO_PUBLICATIONS: PublicationFigures = { published: 0, withDueDate: 0, inTime: 0, overdueUnpublished: 0 };
export const NO_APPLICATIONS: ApplicationFigures = { received: 0, answered: 0, answeredInTime: 0, open: 0, overdue: 0 };

/**
 * Whether a thing done on `doneOn` kept its limit `dueOn`: null when it is not done or has no limit
 * (it counts in neither the numerator nor the denominator). The last day of the limit is in time:
 * Art. 26 "自该政府信息形成或者变更之日起20个工作日内及时公开" and Art. 33 "20个工作日内予以答复"
 * both count the last working day in (docs/domain/regulation.md#art-26, docs/domain/regulation.md#art-33).
 */
export function withinLimit(doneOn: string | null, dueOn: string | null): boolean | null {
  if (!doneOn || !dueOn) return null;
  return doneOn <= dueOn;
}

/** A share as a fraction (0…1), or null when there is nothing to divide (0 of 0 is not 100 %). */
export function share(numerator: number, denominator: number): number | null {
  if (denominator <= 0) return null;
  return numerator / denominator;
}

/** A share as the page shows it: one decimal of a per cent, rounded half up ("87.5%"); "—" for none. */
export function percentText(value: number | null): string {
  if (value === null) return '—';
  return `${(Math.round(value * 1000 + 1e-9) / 10).toFixed(1)}%`;
}

/** The figures of several agencies (or units, months) added up: the total row. */
export function sumPublications(rows: readonly PublicationFigures[]): PublicationFigures {
  return rows.reduce(
    (a, r) => ({
      published: a.published + r.published,
      withDueDate: a.withDueDate + r.withDueDate,
      inTime: a.inTime + r.inTime,
      overdueUnpublished: a.overdueUnpublished + r.overdueUnpublished,
    }),
    NO_PUBLICATIONS,
  );
}

export function sumApplications(rows: readonly ApplicationFigures[]): ApplicationFigures {
  return rows.reduce(
    (a, r) => ({
      received: a.received + r.received,
      answered: a.answered + r.answered,
      answeredInTime: a.answeredInTime + r.answeredInTime,
      open: a.open + r.open,
      overdue: a.overdue + r.overdue,
    }),
    NO_APPLICATIONS,
  );
}

/** The years the page offers, newest first: from 2008 (the Regulation's first year in force) to this year. */
export function oversightYears(today: string): number[] {
  const thisYear = Number(today.slice(0, 4));
  return Array.from({ length: thisYear - 2008 + 1 }, (_, i) => thisYear - i);
}

/** The year asked for: this year when none is given, null (a 404) for one outside the offered years. */
export function chosenYear(raw: string | undefined, today: string): number | null {
  const years = oversightYears(today);
  if (raw === undefined || raw === '') return years[0]!;
  if (!/^\d{4}$/.test(raw)) return null;
  const year = Number(raw);
  return years.includes(year) ? year : null;
}
