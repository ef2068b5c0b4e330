// Rendered public pages, kept in process memory and compressed once. A page is cached under its
// URL, locale and display mode, and is valid only for the database stamp it was rendered under:
// the stamp (portal.store.ts `stamp`) moves with every publication change (the counter that
// `onPublicationChange` bumps inside the publishing transaction), every validity change and
// every agency, unit or screen update — so several processes sharing one database all drop
// their copies within a second, and the process that published drops them at once.
import { createHash } from 'node:crypto';
import { brotliCompressSync, gzipSync, constants as zlib } from 'node:zlib';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Db, Executor } from '../../db/database.ts';
import { nowIso } from '../../platform/clock.ts';
import type { PublicationListener } from '../../platform/publication-events.ts';
import { portalStore as store } from './portal.store.ts';
import { encodingFor, etagMatches, type CachedPage } from './cached-page.ts';
import { rememberForFastPath } from './fast-path.ts';

export type { CachedPage };

export interface Rendered {
  readonly status?: number;
  readonly type?: string;
  readonly body: string | Buffer;
  /** Seconds a browser or proxy may reuse the answer without asking (default 0: always revalidate). */
  readonly maxAge?: number;
  /** Some answers (e.g. search results for arbitrary queries) are not worth keeping. */
  readonly noStore?: boolean;
}

const MAX_ENTRIES = 2000;
const MAX_BYTES = 64 * 1024 * 1024;
/** How long a process trusts its last stamp before asking the database again. */
const STAMP_TTL_MS = 1000;

export class PageCache {
  private readonly entries = new Map<string, CachedPage>();
  private bytes = 0;
  private stamp = '';
  private stampAt = 0;
  private stampPromise: Promise<string> | undefined;
  hits = 0;
  /** Answered by the fast path (fast-path.ts) without entering Fastify. */
  fastHits = 0;
  /** Of those, answered at the connection (raw-fast-path.ts). */
  rawHits = 0;
  misses = 0;

  constructor(private readonly db: Db) {}

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  get size(): number {
    return this.entries.size;
  }

  async currentStamp(): Promise<string> {
    const now = Date.now();
    if (now - this.stampAt < STAMP_TTL_MS && now > eagerUntil) return this.stamp;
    this.stampPromise ??= store.stamp(this.db).finally(() => (this.stampPromise = undefined));
    const stamp = await this.stampPromise;
    this.stampAt = Date.now();
    if (stamp !== this.stamp) {
      this.stamp = stamp;
      this.clear();
    }
    return stamp;
  }

  get(key: string, stamp: string): CachedPage | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.stamp !== stamp) {
      this.delete(key);
      return undefined;
    }
    // Least recently used goes first: re-insert on use.
    this.entries.delete(key);
    this.entries.set(key, entry);
    return entry;
  }

  private delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    if (!key.startsWith('fast|')) this.bytes -= size(entry);
  }

  /** The entry if it is current without asking the database (the fast path never waits). */
  fresh(key: string): CachedPage | undefined {
    const now = Date.now();
    if (now - this.stampAt >= STAMP_TTL_MS || now <= eagerUntil) return undefined;
    const entry = this.entries.get(key);
    return entry && entry.stamp === this.stamp ? entry : undefined;
  }

  /**
   * The entry if it is current, re-reading the stamp when it is not known fresh (the raw fast path
   * asks this, at most once a second per process, instead of handing the connection over).
   */
  async current(key: string): Promise<CachedPage | undefined> {
    const stamp = await this.currentStamp();
    const entry = this.entries.get(key);
    return entry && entry.stamp === stamp ? entry : undefined;
  }

  /** A second key for an entry (the raw URL the fast path sees); its bytes are counted once. */
  putAlias(key: string, entry: CachedPage): void {
    if (this.entries.get(key) === entry) return;
    this.delete(key);
    this.entries.set(key, entry);
    this.evict();
  }

  put(key: string, entry: CachedPage): void {
    this.delete(key);
    this.entries.set(key, entry);
    this.bytes += size(entry);
    this.evict();
  }

  private evict(): void {
    while (this.entries.size > MAX_ENTRIES || this.bytes > MAX_BYTES) {
      const oldest = this.entries.keys().next().value;
      if (oldest === undefined) break;
      this.delete(oldest);
    }
  }
}

function size(e: CachedPage): number {
  return e.body.length + (e.gzip?.length ?? 0) + (e.brotli?.length ?? 0);
}

export function buildEntry(rendered: Rendered, stamp: string): CachedPage {
  const body = typeof rendered.body === 'string' ? Buffer.from(rendered.body, 'utf8') : rendered.body;
  const type = rendered.type ?? 'text/html; charset=utf-8';
  const compressible = body.length > 512 && /html|xml|json|csv|javascript|css|text/.test(type);
  return {
    status: rendered.status ?? 200,
    type,
    body,
    gzip: compressible ? gzipSync(body, { level: 6 }) : undefined,
    brotli: compressible
      ? brotliCompressSync(body, {
          params: { [zlib.BROTLI_PARAM_QUALITY]: 5, [zlib.BROTLI_PARAM_SIZE_HINT]: body.length },
        })
      : undefined,
    etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`,
    lastModified: new Date().toUTCString(),
    stamp,
    maxAge: rendered.maxAge ?? 0,
  };
}

function pickEncoding(req: FastifyRequest, entry: CachedPage): 'br' | 'gzip' | undefined {
  return encodingFor(entry, String(req.headers['accept-encoding'] ?? ''));
}

function notModified(req: FastifyRequest, entry: CachedPage): boolean {
  const inm = req.headers['if-none-match'];
  if (inm !== undefined) return etagMatches(inm, entry);
  const ims = req.headers['if-modified-since'];
  if (ims) {
    const since = Date.parse(ims);
    return !Number.isNaN(since) && Date.parse(entry.lastModified) <= since;
  }
  return false;
}

export function sendEntry(req: FastifyRequest, reply: FastifyReply, entry: CachedPage): FastifyReply {
  reply
    .header('etag', entry.etag)
    .header('last-modified', entry.lastModified)
    .header('vary', 'accept-encoding, cookie')
    .header('cache-control', entry.maxAge > 0 ? `public, max-age=${entry.maxAge}` : 'public, no-cache');
  if (entry.status === 200 && notModified(req, entry)) return reply.code(304).send();
  const encoding = pickEncoding(req, entry);
  reply.code(entry.status).type(entry.type);
  if (req.method === 'HEAD')
    return reply
      .header(
        'content-length',
        String((encoding === 'br' ? entry.brotli : encoding === 'gzip' ? entry.gzip : entry.body)!.length),
      )
      .send();
  if (encoding) return reply.header('content-encoding', encoding).send(encoding === 'br' ? entry.brotli : entry.gzip);
  return reply.send(entry.body);
}

const caches = new WeakMap<Db, PageCache>();
/** Until this time every cache re-reads the stamp on each request (this process changed something). */
let eagerUntil = 0;

/** One cache per database handle in this process (tests open several). */
export function pageCacheFor(db: Db): PageCache {
  let cache = caches.get(db);
  if (!cache) caches.set(db, (cache = new PageCache(db)));
  return cache;
}

/** After a change made by this process outside a publication (e.g. screen settings). */
export function touchAll(): void {
  eagerUntil = Date.now() + 3000;
}

/**
 * For other modules whose data the public pages show outside the publication events (e.g. the
 * reports module publishing an annual report): call inside the transaction that changes it.
 */
export async function portalContentChanged(trx: Executor): Promise<void> {
  await store.bump(trx, nowIso());
  touchAll();
}

// Inside the publishing transaction: move the shared counter, so every process sees the change
// once it commits; and make this process look again at once (its commit follows right after).
export const pageCacheFollowsPublication: PublicationListener = async (trx) => {
  await store.bump(trx, nowIso());
  touchAll();
};

/** Serves from the cache, or renders, stores and serves. */
export async function cached(
  req: FastifyRequest,
  reply: FastifyReply,
  cache: PageCache,
  key: string,
  render: () => Promise<Rendered>,
): Promise<FastifyReply> {
  const stamp = await cache.currentStamp();
  const hit = cache.get(key, stamp);
  if (hit) {
    cache.hits++;
    rememberForFastPath(req, hit);
    return sendEntry(req, reply, hit);
  }
  cache.misses++;
  const rendered = await render();
  const entry = buildEntry(rendered, stamp);
  if (!rendered.noStore && entry.status < 500) {
    cache.put(key, entry);
    rememberForFastPath(req, entry);
  }
  return sendEntry(req, reply, entry);
}
