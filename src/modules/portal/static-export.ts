// `gongkai export-static DIR`: the public catalog as plain files that any web server or CDN can
// serve while the application is down. Every page is rendered by the live routes themselves (via
// inject, so the copy is exactly what the site shows), links are rewritten to the files written,
// and anything that needs the server (search, reading-aid toggles, forms) points at the live
// site when --live-url is given. Re-exporting is incremental: a manifest of content hashes
// decides which files are written, attachments already exported are not read again, and files of
// pages that no longer exist are removed (a withdrawn item's page becomes its notice).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { readBlob } from '../../platform/files/blob-store.ts';
import type { Config } from '../../config.ts';
import { portalStore as store } from './portal.store.ts';
import { PAGE_SIZE, portalCategories } from './portal.ts';

export interface ExportResult {
  readonly files: number;
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
}

const MANIFEST = 'manifest.json';

/** Where a site address lives in the copy: directories with index.html, query as path segments. */
export function staticPath(url: string): string {
  const [path = '/', query] = url.split('?');
  if (/\.[a-z0-9]+$/i.test(path)) return path;
  const base = path.endsWith('/') ? path : `${path}/`;
  if (!query) return base;
  const parts = [...new URLSearchParams(query)].sort(([a], [b]) => a.localeCompare(b)).map(([k, v]) => `${k}-${encodeURIComponent(v)}`);
  return `${base}${parts.join('/')}/`;
}

function fileOf(path: string): string {
  return path.endsWith('/') ? `${path}index.html` : path;
}

function sha(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** Rewrites href/src/action attributes of our own HTML: exported → file path, else → live site. */
export function rewriteLinks(html: string, exported: ReadonlySet<string>, live: string | undefined): string {
  return html.replace(/\s(href|src|action)="(\/[^"]*)"/g, (whole, attr: string, raw: string) => {
    const url = raw.replace(/&amp;/g, '&');
    if (url.startsWith('/assets/') || url.startsWith('/portal-assets/') || exported.has(url)) {
      return ` ${attr}="${(url.startsWith('/assets/') || url.startsWith('/portal-assets/') ? url : staticPath(url)).replace(/&/g, '&amp;')}"`;
    }
    if (attr === 'href' && url.startsWith('/items/') && url.includes('/attachments/')) return whole;
    return live ? ` ${attr}="${live}${raw}"` : whole;
  });
}

async function catalogPages(db: Db, base: string, filter: Record<string, string>): Promise<string[]> {
  const { total } = await store.catalog(db, { category: filter.category, agency: filter.agency, pageSize: 1 });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const urls: string[] = [];
  for (let page = 1; page <= pages; page++) {
    const p = new URLSearchParams(filter);
    if (page > 1) p.set('page', String(page));
    const q = p.toString();
    urls.push(`${base}${q ? `?${q}` : ''}`);
  }
  return urls;
}

export async function exportStatic(app: FastifyInstance, config: Pick<Config, 'dataDir' | 'personalDataKeys'>, dir: string, options: { liveUrl?: string; log?: (line: string) => void } = {}): Promise<ExportResult> {
  const db = app.deps.database.db;
  const live = options.liveUrl?.replace(/\/+$/, '');
  mkdirSync(dir, { recursive: true });
  const manifestFile = join(dir, MANIFEST);
  const previous: Record<string, string> = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as { files: Record<string, string> }).files : {};
  const next: Record<string, string> = {};
  let written = 0;
  let unchanged = 0;

  const put = (path: string, bytes: Buffer | string, hash = sha(bytes)) => {
    next[path] = hash;
    if (previous[path] === hash && existsSync(join(dir, path))) {
      unchanged++;
      return;
    }
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    written++;
  };

  // 1. Every address of the copy.
  const [agencies, items, withdrawn] = await Promise.all([
    store.agencies(db),
    store.allPublic(db),
    db.selectFrom('information_items').select('id').where('status', '=', 'withdrawn').where('publication_date', 'is not', null).execute(),
  ]);
  const pages: string[] = ['/', '/guide', '/reports', '/agencies', '/power-catalog', ...(await catalogPages(db, '/catalog', {}))];
  for (const category of portalCategories) pages.push(...(await catalogPages(db, '/catalog', { category })));
  for (const a of agencies) {
    pages.push(`/guide?agency=${a.code}`);
    pages.push(...(await catalogPages(db, `/agencies/${a.code}/catalog`, {})));
  }
  for (const i of items) pages.push(`/items/${i.id}`);
  for (const w of withdrawn) pages.push(`/items/${w.id}`);
  const feeds = ['/feeds/latest.atom', ...portalCategories.map((c) => `/feeds/category/${c}.atom`), ...agencies.map((a) => `/feeds/agency/${a.code}.atom`)];
  const data = ['/sitemap.xml', '/catalog.csv', '/api/v1/catalog'];
  const exported = new Set(pages);

  // 2. Pages, rendered by the routes and relinked.
  const assets = new Set<string>();
  for (const url of pages) {
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': 'zh-CN', ...(live ? { host: new URL(live).host } : {}) } });
    if (res.statusCode !== 200 && res.statusCode !== 410) continue;
    let body = res.body;
    for (const m of body.matchAll(/(?:href|src)="(\/(?:assets|portal-assets)\/[^"]+)"/g)) assets.add(m[1]!);
    body = rewriteLinks(body, exported, live);
    if (live) body = body.replace('</footer>', `<p><a href="${live}/search">在线搜索 / Search on the live site</a></p></footer>`);
    put(fileOf(staticPath(url)), body);
  }
  // 3. Feeds, sitemap, CSV and the catalog JSON as they are (absolute links to the live site).
  for (const url of [...feeds, ...data]) {
    const res = await app.inject({ method: 'GET', url, headers: live ? { host: new URL(live).host } : {} });
    if (res.statusCode === 200) put(url.startsWith('/api/') ? `${url}.json` : url, res.rawPayload);
  }
  for (const url of assets) {
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode === 200) put(url, res.rawPayload);
  }
  // 4. Attachments of the public versions: content-addressed, so an unchanged hash is not read again.
  for (const i of items) {
    const item = await store.publicItem(db, i.id);
    if (!item?.current_version_id) continue;
    for (const a of await store.attachments(db, item.current_version_id)) {
      const path = `/items/${i.id}/attachments/${a.id}`;
      if (previous[path] === a.sha256 && existsSync(join(dir, path))) {
        next[path] = a.sha256;
        unchanged++;
        continue;
      }
      put(path, await readBlob(config, { sha256: a.sha256 }), a.sha256);
    }
  }
  // 5. What is gone.
  let removed = 0;
  for (const path of Object.keys(previous)) {
    if (next[path] === undefined) {
      rmSync(join(dir, path), { force: true });
      removed++;
    }
  }
  writeFileSync(manifestFile, JSON.stringify({ exportedAt: new Date().toISOString(), liveUrl: live ?? null, files: next }, null, 1));
  const result = { files: Object.keys(next).length, written, unchanged, removed };
  options.log?.(`${result.files} files: ${written} written, ${unchanged} unchanged, ${removed} removed`);
  return result;
}
