// Rows of the oversight page and of one agency's breakdown, from the store's counts: display-ready
// figures (a share as "87.5%" with its numerator and denominator), the links each figure drills down
// to, and the total row. Pure: the route passes the year and the report statuses.
import {
  percentText,
  share,
  sumApplications,
  sumPublications,
  NO_APPLICATIONS,
  NO_PUBLICATIONS,
  type ApplicationFigures,
  type PublicationFigures,
} from './supervision.ts';

export type ReportState = 'missing' | 'draft' | 'failing' | 'late' | 'published';

/** A share with what it divides: "87.5%" of "7/8". */
export interface ShareView {
  readonly percent: string;
  readonly numerator: number;
  readonly denominator: number;
}

export interface FiguresView {
  readonly published: number;
  readonly art26InTime: ShareView;
  readonly overdueUnpublished: number;
  readonly received: number;
  readonly answered: number;
  readonly answeredInTime: ShareView;
  readonly open: number;
  readonly overdueOpen: number;
}

export interface OversightRow extends FiguresView {
  readonly agencyId: number;
  readonly code: string;
  readonly name: string;
  readonly depth: number;
  /** The annual report on the year before, as the reports module states it; null when not followed. */
  readonly report: ReportState | null;
  /** Drill-downs: the public catalog of the agency's items of the year, and the breakdown page. */
  readonly catalogHref: string;
  readonly breakdownHref: string;
}

export interface OversightAgency {
  readonly id: number;
  readonly code: string;
  readonly name: string;
  readonly depth: number;
}

function shareView(numerator: number, denominator: number): ShareView {
  return { percent: percentText(share(numerator, denominator)), numerator, denominator };
}

export function presentFigures(p: PublicationFigures, a: ApplicationFigures): FiguresView {
  return {
    published: p.published,
    art26InTime: shareView(p.inTime, p.withDueDate),
    overdueUnpublished: p.overdueUnpublished,
    received: a.received,
    answered: a.answered,
    answeredInTime: shareView(a.answeredInTime, a.answered),
    open: a.open,
    overdueOpen: a.overdue,
  };
}

/** One row per supervised agency, in tree order, and the total of them all. */
export function presentOversight(
  agencies: readonly OversightAgency[],
  publications: ReadonlyMap<number, PublicationFigures>,
  applications: ReadonlyMap<number, ApplicationFigures>,
  reports: ReadonlyMap<number, ReportState>,
  year: number,
): { rows: OversightRow[]; total: FiguresView } {
  const rows = agencies.map((a) => ({
    agencyId: a.id,
    code: a.code,
    name: a.name,
    depth: a.depth,
    report: reports.get(a.id) ?? null,
    catalogHref: `/catalog?agency=${encodeURIComponent(a.code)}&year=${year}`,
    breakdownHref: `/admin/oversight/${a.id}?year=${year}`,
    ...presentFigures(publications.get(a.id) ?? NO_PUBLICATIONS, applications.get(a.id) ?? NO_APPLICATIONS),
  }));
  const total = presentFigures(
    sumPublications(agencies.map((a) => publications.get(a.id) ?? NO_PUBLICATIONS)),
    sumApplications(agencies.map((a) => applications.get(a.id) ?? NO_APPLICATIONS)),
  );
  return { rows, total };
}

export interface BreakdownRow<T> {
  readonly key: T;
  readonly figures: FiguresView;
}

/** One agency's publications by unit: every unit with a figure (and those without, in the unit order). */
export function presentByUnit(
  units: readonly { id: number; name: string }[],
  counts: ReadonlyMap<number, PublicationFigures>,
): { rows: BreakdownRow<{ id: number; name: string | null }>[]; total: FiguresView } {
  const known = new Set(units.map((u) => u.id));
  const keys: { id: number; name: string | null }[] = [
    ...units,
    ...[...counts.keys()].filter((id) => !known.has(id)).map((id) => ({ id, name: null })),
  ];
  const rows = keys.map((key) => ({
    key,
    figures: presentFigures(counts.get(key.id) ?? NO_PUBLICATIONS, NO_APPLICATIONS),
  }));
  return { rows, total: presentFigures(sumPublications([...counts.values()]), NO_APPLICATIONS) };
}

/** One agency's applications by the month received: the twelve months of the year, in order. */
export function presentByMonth(
  year: number,
  counts: ReadonlyMap<string, ApplicationFigures>,
): { rows: BreakdownRow<string>[]; total: FiguresView } {
  const months = Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
  const rows = months.map((m) => ({
    key: m,
    figures: presentFigures(NO_PUBLICATIONS, counts.get(m) ?? NO_APPLICATIONS),
  }));
  return { rows, total: presentFigures(NO_PUBLICATIONS, sumApplications([...counts.values()])) };
}
