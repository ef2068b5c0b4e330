// A rendered page as the page cache keeps it, and what all three paths that answer from it
// (page-cache.ts through Fastify, fast-path.ts from Node's 'request' event, raw-fast-path.ts at
// the connection) share: the request fields an answer depends on, the entry with its captured
// headers, the choice of encoding and the ETag match. Kept apart so the three import it, not
// each other in a circle.

export interface CachedPage {
  readonly status: number;
  readonly type: string;
  readonly body: Buffer;
  readonly gzip: Buffer | undefined;
  readonly brotli: Buffer | undefined;
  readonly etag: string;
  readonly lastModified: string;
  readonly stamp: string;
  readonly maxAge: number;
}

/** What a cached answer depends on, read from a request by Node or by the raw path. */
export interface FastRequest {
  readonly url: string;
  readonly host: string | undefined;
  readonly cookie: string | undefined;
  readonly acceptLanguage: string | undefined;
}

export interface FastEntry extends CachedPage {
  headers?: [string, string][];
  /** Status line and headers as text per variant (raw-fast-path.ts). */
  rawHeads?: Map<string, string>;
}

/** The stored encoding to send for an Accept-Encoding header (all three paths choose alike). */
export function encodingFor(entry: CachedPage, accept: string): 'br' | 'gzip' | undefined {
  if (entry.brotli && /\bbr\b/.test(accept)) return 'br';
  if (entry.gzip && /\bgzip\b/.test(accept)) return 'gzip';
  return undefined;
}

/** Whether an If-None-Match header names the entry's ETag (weak or strong). */
export function etagMatches(ifNoneMatch: string, entry: CachedPage): boolean {
  return ifNoneMatch.split(',').some((t) => t.trim().replace(/^W\//, '') === entry.etag);
}

/** What the fast paths use of the page cache (page-cache.ts PageCache). */
export interface FastPathCache {
  fastHits: number;
  rawHits: number;
  fresh(key: string): CachedPage | undefined;
  current(key: string): Promise<CachedPage | undefined>;
  putAlias(key: string, entry: CachedPage): void;
}
