// What every public route shares: the page context (no actor, no CSRF token — the rendered page
// is the same for everyone with the same language and reading aids), the cache key, rendering.
import type { FastifyReply, FastifyRequest } from 'fastify';
import { render } from 'preact-render-to-string';
import type { VNode } from 'preact';
import { translator } from '../../platform/i18n/i18n.ts';
import { assetUrls } from '../../platform/http/assets.ts';
import type { Db } from '../../db/database.ts';
import { cached, pageCacheFor, type Rendered } from './page-cache.ts';
import { DISPLAY_COOKIE, encodeDisplayMode, parseDisplayMode } from './portal.ts';
import type { PortalContext } from './views/portal-context.ts';
import { EMPTY_SITE } from '../../platform/views/public-site.ts';

export function portalContext(req: FastifyRequest, canonicalUrl?: string): PortalContext {
  const url = canonicalUrl ?? req.url;
  const assets = assetUrls();
  return {
    locale: req.locale,
    t: translator(req.locale),
    path: url.split('?')[0] ?? '/',
    url,
    mode: parseDisplayMode(req.cookies[DISPLAY_COOKIE]),
    assets: { css: assets.css, icon: assets.icon },
    site: req.publicFrame?.site ?? EMPTY_SITE,
  };
}

export function html(node: VNode, status = 200): Rendered {
  return { status, body: '<!doctype html>' + render(node) };
}

/** Serves `url` (canonical: only the parameters the page understands) from the page cache. */
export function servePage(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  url: string,
  build: (ctx: PortalContext) => Promise<Rendered>,
): Promise<FastifyReply> {
  const ctx = portalContext(req, url);
  const key = `${req.locale}|${encodeDisplayMode(ctx.mode)}|${url}`;
  return cached(req, reply, pageCacheFor(db), key, () => build(ctx));
}

/** Machine answers (feeds, JSON, CSV) do not depend on the language or reading aids. */
export function serveData(
  db: Db,
  req: FastifyRequest,
  reply: FastifyReply,
  url: string,
  build: () => Promise<Rendered>,
): Promise<FastifyReply> {
  return cached(req, reply, pageCacheFor(db), `data|${url}`, build);
}

export function positiveId(value: unknown): number | undefined {
  return typeof value === 'string' && /^[1-9]\d{0,9}$/.test(value) && Number(value) <= 2147483647
    ? Number(value)
    : undefined;
}
