// Serving a stored file to a browser without letting it become a page of ours: the type is the
// one sniffed from the content (never HTML), nosniff stops the browser from guessing another,
// and everything but PDFs and images is a download.
import type { FastifyReply } from 'fastify';
import { readBlob, type BlobConfig } from './blob-store.ts';
import { KINDS, mimeOf, sniffKind } from './kinds.ts';
import { safeFilename } from './check.ts';

export interface SendBlobOptions {
  /** The blob's address as returned by storeBlob. */
  readonly sha256: string;
  /** The name the user gave the file; offered as the download name. */
  readonly filename: string;
  /** Accepted for convenience only: the type sent is always the one sniffed from the content. */
  readonly mime?: string;
  readonly encrypted?: boolean;
  /** Force a download even for a PDF or an image. */
  readonly download?: boolean;
}

/** RFC 6266 / 8187 (RFC 5987's successor): an ASCII fallback name for old clients plus the exact
 *  UTF-8 name, so a Chinese file name survives. The fallback is the name with every non-ASCII
 *  character replaced, unless the caller has a better ASCII name (a case number, say). */
export function contentDisposition(type: 'inline' | 'attachment', filename: string, asciiName?: string): string {
  const name = safeFilename(filename);
  const fallback = (asciiName === undefined ? name : safeFilename(asciiName))
    .replace(/[^\x20-\x7e]/g, '_')
    .replace(/["\\;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

function matchesEtag(header: string | undefined, etag: string): boolean {
  if (!header) return false;
  return header.split(',').some((tag) => {
    const t = tag.trim().replace(/^W\//, '');
    return t === '*' || t === etag;
  });
}

/** Sends the blob (304 when the browser's copy is current). Uses reply.server.deps.config, or
 *  the config passed explicitly (for instances built without the platform's decorations). */
export async function sendBlob(reply: FastifyReply, blob: SendBlobOptions, config?: BlobConfig): Promise<FastifyReply> {
  const etag = `"${blob.sha256}"`;
  reply.header('x-content-type-options', 'nosniff');
  // Personal data is never kept in a shared or disk cache.
  reply.header('cache-control', blob.encrypted ? 'private, no-store' : 'private, no-cache');
  reply.header('etag', etag);
  if (matchesEtag(reply.request.headers['if-none-match'], etag)) return reply.code(304).send();
  const bytes = await readBlob(config ?? reply.server.deps.config, { sha256: blob.sha256, encrypted: blob.encrypted });
  const kind = sniffKind(bytes);
  const inline = !blob.download && kind !== null && KINDS[kind].inline;
  reply.header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', blob.filename));
  // A download that a browser opens anyway (or a confused proxy renders) runs nothing of ours.
  // PDFs and images keep the site's policy: a sandboxed PDF is refused by Chromium's viewer.
  if (!inline) reply.header('content-security-policy', "default-src 'none'; sandbox");
  return reply.code(200).type(mimeOf(kind)).send(bytes);
}
