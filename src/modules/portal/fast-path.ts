// A micro-cache in front of the framework, like a reverse proxy's cache: a GET for a page that is
// already rendered, compressed and still current is answered straight from the Node server's
// 'request' event, before Fastify routes it. The answer carries exactly the headers Fastify sent
// the first time (security headers included: they were captured from that response), so the two
// paths cannot drift. Anything else — a session cookie, ?lang= (which sets a cookie), a stale
// stamp, an unknown page — falls through to Fastify unchanged. Exam-results day is the reason:
// the framework's per-request work is most of the cost of a cached page. raw-fast-path.ts answers
// the same lookups one level lower, at the connection, for plain GETs.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { encodingFor, etagMatches, type FastEntry, type FastPathCache, type FastRequest } from './cached-page.ts';
import { parseLocale, type Locale } from '../../platform/i18n/i18n.ts';
import { DISPLAY_COOKIE, encodeDisplayMode, parseDisplayMode } from './portal.ts';
import { installRawFastPath } from './raw-fast-path.ts';

const SESSION_COOKIE = 'gk_session';
const LOCALE_COOKIE = 'gk_lang';
/** Headers that belong to one exchange, never replayed. */
const PER_RESPONSE = new Set([
  'set-cookie',
  'content-length',
  'content-encoding',
  'date',
  'connection',
  'keep-alive',
  'transfer-encoding',
]);

function cookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) return decodeURIComponent(part.slice(eq + 1).trim());
  }
  return undefined;
}

function fastRequestOf(req: IncomingMessage): FastRequest {
  return {
    url: req.url ?? '',
    host: req.headers.host,
    cookie: req.headers.cookie,
    acceptLanguage: req.headers['accept-language'],
  };
}

/** The locale the server's onRequest hook would choose (platform/http/server.tsx), minus ?lang=. */
function localeOf(req: FastRequest, fallback: Locale): Locale {
  const fromCookie = parseLocale(cookie(req.cookie, LOCALE_COOKIE));
  if (fromCookie) return fromCookie;
  const first = (req.acceptLanguage ?? '').split(',')[0]?.trim().toLowerCase() ?? '';
  if (first.startsWith('en')) return 'en';
  if (first.startsWith('zh')) return 'zh-CN';
  return fallback;
}

/** The Host header is not part of the key: nothing served depends on it (absolute addresses come
 *  from the configured public URL), and keying on it would let any client fill the cache with
 *  copies under made-up hosts. */
export function fastKey(req: FastRequest, locale: Locale): string {
  return `fast|${locale}|${encodeDisplayMode(parseDisplayMode(cookie(req.cookie, DISPLAY_COOKIE)))}|${req.url}`;
}

/** Requests that always go through the framework: ?lang= sets a cookie; a session is personal. */
function bypasses(req: FastRequest): boolean {
  return req.url.includes('lang=') || (req.cookie ?? '').includes(SESSION_COOKIE);
}

/** The body to send for an Accept-Encoding header, and its content-encoding. */
function choose(entry: FastEntry, accept: string): { body: Buffer; encoding: string | undefined } {
  const encoding = encodingFor(entry, accept);
  return { body: encoding === 'br' ? entry.brotli! : encoding === 'gzip' ? entry.gzip! : entry.body, encoding };
}

const pending = new WeakMap<FastifyRequest, { entry: FastEntry; key: string }>();

/** Called by `cached` for every page it answers: remember which entry this request served. */
export function rememberForFastPath(req: FastifyRequest, entry: FastEntry): void {
  if (req.method !== 'GET' || req.url.includes('lang=') || (req.headers.cookie ?? '').includes(SESSION_COOKIE)) return;
  pending.set(req, { entry, key: fastKey(fastRequestOf(req.raw), req.locale) });
}

function send(req: IncomingMessage, res: ServerResponse, entry: FastEntry): void {
  const headers: Record<string, string> = {};
  for (const [k, v] of entry.headers!) headers[k] = v;
  const inm = req.headers['if-none-match'];
  if (entry.status === 200 && inm !== undefined && etagMatches(inm, entry)) {
    res.writeHead(304, headers);
    res.end();
    return;
  }
  const { body, encoding } = choose(entry, req.headers['accept-encoding'] ?? '');
  if (encoding) headers['content-encoding'] = encoding;
  headers['content-length'] = String(body.length);
  res.writeHead(entry.status, headers);
  res.end(body);
}

export function installFastPath(app: FastifyInstance, cache: FastPathCache, defaultLocale: Locale): void {
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

  const lookup = (request: FastRequest): FastEntry | undefined => {
    if (bypasses(request)) return undefined;
    const entry = cache.fresh(fastKey(request, localeOf(request, defaultLocale))) as FastEntry | undefined;
    return entry?.headers ? entry : undefined;
  };

  const server = app.server;
  const [handler] = server.listeners('request') as ((req: IncomingMessage, res: ServerResponse) => void)[];
  if (!handler) return;
  server.removeListener('request', handler);
  server.on('request', (req: IncomingMessage, res: ServerResponse) => {
    const entry = req.method === 'GET' && req.url ? lookup(fastRequestOf(req)) : undefined;
    if (entry) {
      cache.fastHits++;
      send(req, res, entry);
      return;
    }
    handler(req, res);
  });

  // Connections start on the raw path (plain HTTP only: a TLS server's sockets carry ciphertext).
  if (!('setSecureContext' in server)) {
    const release = installRawFastPath(server, {
      lookup,
      lookupCurrent: async (request) => {
        if (bypasses(request)) return undefined;
        const entry = (await cache.current(fastKey(request, localeOf(request, defaultLocale)))) as
          | FastEntry
          | undefined;
        return entry?.headers ? entry : undefined;
      },
      choose,
      onHit: () => {
        cache.fastHits++;
        cache.rawHits++;
      },
    });
    app.addHook('preClose', async () => release());
  }
}
