// Modules declare their console entries (ModuleDefinition.navigation) and the composition root
// registers them here; the layout shows an entry only to actors whose
// policy allows it, so a capability appears in the navigation the day its module lands.
import { can, type Actor } from '../policy.ts';

export interface NavEntry {
  readonly href: string;
  readonly labelKey: string;
  readonly policy: string;
  readonly order: number;
  /** Hidden from actors who may do this (they reach the page another way). */
  readonly unless?: string;
}

const entries: NavEntry[] = [];

export function registerNav(entry: NavEntry): void {
  if (!entries.some((e) => e.href === entry.href)) entries.push(entry);
  entries.sort((a, b) => a.order - b.order);
}

/** Every registered entry, whatever the actor (for the test that each has its texts). */
export function registeredNav(): readonly NavEntry[] {
  return entries;
}

export function navFor(actor: Actor | undefined): NavEntry[] {
  return actor ? entries.filter((e) => can(actor, e.policy) && !(e.unless && can(actor, e.unless))) : [];
}

/**
 * The one entry to mark as the current page: the longest href the path is at or under, so
 * /admin/reports/check marks 报告核对 and not 年度报告 as well. /admin (the start page) only
 * matches itself.
 */
export function currentNavHref(entries: readonly Pick<NavEntry, 'href'>[], path: string): string | undefined {
  let best: string | undefined;
  for (const { href } of entries) {
    const under = path === href || (href !== '/admin' && path.startsWith(href + '/'));
    if (under && (best === undefined || href.length > best.length)) best = href;
  }
  return best;
}
