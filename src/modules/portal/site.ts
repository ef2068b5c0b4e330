// The public site's frame (platform/views/public-site.ts), provided to every public request: the
// site's identity for the footer, taken from the agency profile of the host agency (主办单位, the
// top of the agency tree) and edited where that profile is edited; the agency the guide and the
// form open on (GONGKAI_PORTAL_AGENCY, else the agency with the most public items); the reading
// aids from their cookie. Read once per page-cache stamp (which moves with every agency change).
import type { FastifyRequest } from 'fastify';
import type { Db } from '../../db/database.ts';
import type { AgencyRow } from '../organisation/index.ts';
import type { PublicFrame, PublicSite } from '../../platform/views/public-site.ts';
import { portalStore as store } from './portal.store.ts';
import { pageCacheFor } from './page-cache.ts';
import { DISPLAY_COOKIE, parseDisplayMode } from './portal.ts';

/** The agency the portal opens on: the configured one when it exists, else the one with the most public items. */
export function defaultAgency(
  agencies: readonly AgencyRow[],
  counts: ReadonlyMap<number, number>,
  configured: string | undefined,
): AgencyRow | undefined {
  const chosen = configured ? agencies.find((a) => a.code === configured) : undefined;
  if (chosen) return chosen;
  let best: AgencyRow | undefined;
  for (const a of agencies) if (!best || (counts.get(a.id) ?? 0) > (counts.get(best.id) ?? 0)) best = a;
  return best;
}

export function presentSite(
  agencies: readonly AgencyRow[],
  counts: ReadonlyMap<number, number>,
  configured: string | undefined,
): PublicSite {
  const ids = new Set(agencies.map((a) => a.id));
  const host = agencies.find((a) => a.parent_id === null || !ids.has(a.parent_id));
  const chosen = defaultAgency(agencies, counts, configured);
  return {
    hostName: host?.name ?? '',
    websiteCode: host?.website_code ?? null,
    icpNumber: host?.icp_number ?? null,
    psbNumber: host?.psb_number ?? null,
    address: host?.address ?? null,
    postcode: host?.postcode ?? null,
    phone: host?.phone ?? null,
    email: host?.email ?? null,
    defaultAgency: chosen ? { code: chosen.code, name: chosen.name } : null,
  };
}

export async function loadSite(db: Db, configured: string | undefined): Promise<PublicSite> {
  const [agencies, counts] = await Promise.all([store.agencies(db), store.countsByAgency(db)]);
  return presentSite(agencies, counts, configured);
}

const memo = new WeakMap<Db, { stamp: string; site: Promise<PublicSite> }>();

/** The site of the current stamp, read at most once per stamp and process. */
export async function currentSite(db: Db, configured: string | undefined): Promise<PublicSite> {
  const stamp = await pageCacheFor(db).currentStamp();
  let entry = memo.get(db);
  if (!entry || entry.stamp !== stamp) {
    entry = { stamp, site: loadSite(db, configured) };
    memo.set(db, entry);
    entry.site.catch(() => memo.delete(db));
  }
  return entry.site;
}

/**
 * The address the frame's links (the language switch, the reading aids' way back) return to: the
 * page's own, or — for a page answering a POST whose address has no GET (a correction form) — the
 * page it was posted from, one segment up. Never the query of a POST.
 */
export function frameUrl(req: FastifyRequest): string {
  if (req.method === 'GET' || req.method === 'HEAD') return req.url;
  const path = req.url.split('?')[0] ?? '/';
  const pattern = req.routeOptions.url;
  if (pattern && req.server.hasRoute({ method: 'GET', url: pattern })) return path;
  return path.replace(/\/[^/]*$/, '') || '/';
}

export async function portalPublicFrame(req: FastifyRequest): Promise<PublicFrame> {
  const { database, config } = req.server.deps;
  return {
    url: frameUrl(req),
    mode: parseDisplayMode(req.cookies[DISPLAY_COOKIE]),
    site: await currentSite(database.db, config.portalAgency),
  };
}
