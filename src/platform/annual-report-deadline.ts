// The statutory deadline of the annual report (reports/report-validation.ts re-exports it). It
// sits in the platform because both the reports module and the portal, which reports depends on
// (the archive page shows each report's deadline), read it.

export type AgencyKind = 'government' | 'department';

/**
 * The last day on which the report of `reportYear` may be published.
 * 2019 Regulation Art. 49: departments of governments at county level and above by 31 January,
 * governments (published by their disclosure office) by 31 March. 2007 Regulation Art. 31: every
 * agency by 31 March. The 2019 Regulation took effect on 2019-05-15, so reports for 2018 and before
 * (published in early 2019 at the latest) fall under the 2007 rule.
 */
export function publicationDeadline(agencyKind: AgencyKind, reportYear: number): string {
  const next = reportYear + 1;
  if (reportYear < 2019) return `${next}-03-31`;
  return agencyKind === 'government' ? `${next}-03-31` : `${next}-01-31`;
}

/** Whether publishing on `publishedOn` (ISO date) misses the deadline. */
export function isLate(agencyKind: AgencyKind, reportYear: number, publishedOn: string): boolean {
  return publishedOn > publicationDeadline(agencyKind, reportYear);
}
