// Static assets are few and small, so they are read once, fingerprinted by content hash and
// served from memory with a year-long immutable cache; a new release changes the URL.
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';

const dir = new URL('../views/assets/', import.meta.url);

interface Asset {
  readonly body: Buffer;
  readonly type: string;
  readonly url: string;
}

const assets = new Map<string, Asset>();

function load(name: string, type: string): Asset {
  const body = readFileSync(new URL(name, dir));
  const hash = createHash('sha256').update(body).digest('hex').slice(0, 12);
  const [base, ext] = name.split('.');
  const url = `/assets/${base}.${hash}.${ext}`;
  const asset = { body, type, url };
  assets.set(url, asset);
  return asset;
}

export interface AssetUrls {
  readonly css: string;
  readonly js: string;
  readonly icon: string;
  /** The proof-of-work solver; loaded only by pages with a public form (see platform/pow.ts). */
  readonly pow: string;
}

let urls: AssetUrls | undefined;

export function assetUrls(): AssetUrls {
  urls ??= {
    css: load('app.css', 'text/css; charset=utf-8').url,
    js: load('app.js', 'text/javascript; charset=utf-8').url,
    icon: load('favicon.svg', 'image/svg+xml').url,
    pow: load('pow.js', 'text/javascript; charset=utf-8').url,
  };
  return urls;
}

export function registerAssets(app: FastifyInstance): void {
  assetUrls();
  app.get('/assets/:file', { config: { public: true } }, async (req, reply) => {
    const asset = assets.get(req.url.split('?')[0]!);
    if (!asset) return reply.callNotFound();
    return reply.header('cache-control', 'public, max-age=31536000, immutable').type(asset.type).send(asset.body);
  });
  // Browsers ask for /favicon.ico whatever the page says.
  app.get('/favicon.ico', { config: { public: true } }, async (_req, reply) =>
    reply
      .header('cache-control', 'public, max-age=86400')
      .type('image/svg+xml')
      .send(assets.get(assetUrls().icon)!.body),
  );
}
