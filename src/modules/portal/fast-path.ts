// A micro-cache in front of the framework, like a reverse proxy's cache: a GET for a page that is
// already rendered, compressed and still current is answered straight from the Node server's
// 'request' event, before Fastify routes it. The answer carries exactly the headers Fastify sent
// the first time (security headers included: they were captured from that response), so the two
// paths cannot drift. Anything else — a session cookie, ?lang= (which sets a cookie), a stale
// stamp, an unknown page — falls through to Fastify unchanged. Exam-results day is the reason:
// the framework's per-request work is most of the cost of a cached page.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { CachedPage, PageCache } from './page-cache.ts';
import { parseLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { DISPLAY_COOKIE, encodeDisplayMode, parseDisplayMode } from './portal.ts';

const SESSION_COOKIE = 'gk_session';
const LOCALE_COOKIE = 'gk_lang';
/** Headers that belong to one exchange, never replayed. */
const PER_RESPONSE = new Set(['set-cookie', 'content-length', 'content-encoding', 'date', 'connection', 'keep-alive', 'transfer-encoding']);

function cookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

/** The locale the server's onRequest hook would choose (platform/http/server.tsx), minus ?lang=. */
function localeOf(req: IncomingMessage, fallback: Locale): Locale {
  const fromCookie = parseLocale(cookie(req.headers.cookie, LOCALE_COOKIE));
  if (fromCookie) return fromCookie;
  const first = (req.headers['accept-language'] ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh')) return 'zh-CN';
  return fallback;
}

/** Feeds and the sitemap hold absolute addresses built from the Host header: it is part of the key. */
export function fastKey(req: Pick<IncomingMessage, 'url' | 'headers'>, locale: Locale): string {
  return `fast|${locale}|${encodeDisplayMode(parseDisplayMode(cookie(req.headers.cookie, DISPLAY_COOKIE)))}|${req.headers.host ?? ''}|${req.url}`;
}

export interface FastEntry extends CachedPage {
  headers?: [string, string][];
}

const pending = new WeakMap<FastifyRequest, { entry: FastEntry; key: string }>();

/** Called by `cached` for every page it answers: remember which entry this request served. */
export function rememberForFastPath(req: FastifyRequest, entry: FastEntry): void {
  if (req.method !== 'GET' || req.url.includes('lang=') || (req.headers.cookie ?? '').includes(SESSION_COOKIE)) return;
  pending.set(req, { entry, key: fastKey(req.raw, req.locale) });
}

function send(req: IncomingMessage, res: ServerResponse, entry: FastEntry): void {
  const headers: Record<string, string> = {};
  for (const [k, v] of entry.headers!) headers[k] = v;
  const inm = req.headers['if-none-match'];
  if (entry.status === 200 && inm !== undefined && inm.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const accept = req.headers['accept-encoding'] ?? '';
  let body = entry.body;
  if (entry.brotli && /\bbr\b/.test(accept)) {
    body = entry.brotli;
    headers['content-encoding'] = 'br';
  } else if (entry.gzip && /\bgzip\b/.test(accept)) {
    body = entry.gzip;
    headers['content-encoding'] = 'gzip';
  }
  headers['content-length'] = String(body.length);
  res.writeHead(entry.status, headers);
  res.end(body);
}

export function installFastPath(app: FastifyInstance, cache: PageCache, defaultLocale: Locale): void {
  // Capture the headers of the response Fastify sends for a cached page.
  app.addHook('onSend', async (req: FastifyRequest, reply: FastifyReply, payload) => {
    const p = pending.get(req);
    if (!p) return payload;
    pending.delete(req);
    if (reply.statusCode !== p.entry.status || reply.hasHeader('set-cookie')) return payload;
    if (!p.entry.headers) {
      p.entry.headers = Object.entries(reply.getHeaders())
        .filter(([k, v]) => !PER_RESPONSE.has(k.toLowerCase()) && v !== undefined)
        .map(([k, v]) => [k.toLowerCase(), Array.isArray(v) ? v.join(', ') : String(v)]);
    }
    cache.putAlias(p.key, p.entry);
    return payload;
  });

  const server = app.server;
  const [handler] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (!handler) return;
  server.removeListener('request', handler);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    if (req.method === 'GET' && req.url && !req.url.includes('lang=') && !(req.headers.cookie ?? '').includes(SESSION_COOKIE)) {
      const entry = cache.fresh(fastKey(req, localeOf(req, defaultLocale))) as FastEntry | undefined;
      if (entry?.headers) {
        cache.fastHits++;
        send(req, res, entry);
        return;
      }
    }
    handler(req, res);
  });
}
