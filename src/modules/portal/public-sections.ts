// Public sections other modules add to the site — today the mailbox's 互动交流 column — listed
// here so that the sitemap, the static copy and the search page include their pages without the
// portal knowing the module. The composition root registers each section (as it does the
// published reports); until one is registered the site simply has none. A section lists only
// pages anyone may see: what it leaves out is reachable from none of these places.
import type { Executor } from '../../db/database.ts';
import type { Config } from '../../config.ts';

export interface SectionPage {
  /** The page's address on the site, e.g. /mailbox/answers/12. */
  readonly path: string;
  /** The date its content last changed, when known. */
  readonly lastmod?: string | null;
}

export interface SectionHit {
  readonly title: string;
  readonly url: string;
  /** Plain text (the search page escapes it). */
  readonly snippet: string;
  readonly date: string | null;
}

export interface PublicSection {
  /** Every page of the section, for the sitemap and the static copy. */
  pages(db: Executor): Promise<SectionPage[]>;
  /** Feeds of the section, copied into the static export. */
  feeds?(db: Executor): Promise<string[]>;
  /** The section's pages matching a search, at most `limit`, best first (the server's config for its keys). */
  search?(
    db: Executor,
    q: string,
    options: { agencyId?: number; limit: number; config: Config },
  ): Promise<SectionHit[]>;
  /** The heading its hits are shown under on the search page (a message key). */
  readonly searchHeading?: string;
  /** Changes whenever what the section shows may change: part of the public pages' cache stamp. */
  stamp(db: Executor): Promise<string>;
}

const sections: PublicSection[] = [];

export function registerPublicSection(section: PublicSection): void {
  if (!sections.includes(section)) sections.push(section);
}

export function publicSections(): readonly PublicSection[] {
  return sections;
}

export async function sectionPages(db: Executor): Promise<SectionPage[]> {
  return (await Promise.all(sections.map((s) => s.pages(db)))).flat();
}

export async function sectionFeeds(db: Executor): Promise<string[]> {
  return (await Promise.all(sections.map((s) => s.feeds?.(db) ?? Promise.resolve([])))).flat();
}

export async function sectionStamp(db: Executor): Promise<string> {
  return (await Promise.all(sections.map((s) => s.stamp(db)))).join('|');
}
