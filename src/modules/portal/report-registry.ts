// Published annual reports, as the reports module lists them. The composition root registers the
// reports module's provider here (it owns its tables); until one is registered the archive is simply empty.
import type { Executor } from '../../db/database.ts';

export interface PublishedReport {
  readonly year: number;
  readonly agencyCode: string;
  readonly agencyName: string;
  readonly title: string;
  /** Where the public reads it (an item page or the report's own HTML). */
  readonly url: string;
  readonly publishedOn: string | null;
}

export type PublishedReportProvider = (db: Executor) => Promise<PublishedReport[]>;

const providers: PublishedReportProvider[] = [];

export function registerPublishedReports(provider: PublishedReportProvider): void {
  if (!providers.includes(provider)) providers.push(provider);
}

/** How many providers are registered (for the tests of the wiring). */
export function publishedReportProviderCount(): number {
  return providers.length;
}

export async function publishedReports(db: Executor): Promise<PublishedReport[]> {
  const all = (await Promise.all(providers.map((p) => p(db)))).flat();
  return all.sort((a, b) => b.year - a.year || a.agencyName.localeCompare(b.agencyName, 'zh-CN'));
}
