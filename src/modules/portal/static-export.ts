// `gongkai export-static DIR`: the public catalog as plain files that any web server or CDN can
// serve while the application is down. Every page is rendered by the live routes themselves (via
// inject, so the copy is exactly what the site shows), in Chinese and — under /en/ — in English,
// and links are rewritten to the files written (the language switch to the other copy). Search
// works in the copy: the export writes a small index of titles, document numbers and index
// numbers, and the exported search page loads a script (a file: no inline script, so a strict
// CSP holds) that filters it; with --live-url the page also links to the live full-text search,
// and other server pages (forms, reading-aid toggles) point there.
// Re-exporting is incremental: the manifest records the portal's content stamp (the one the page
// cache is invalidated by) — unchanged, nothing is rendered again — and a hash per file, so only
// changed files are written, attachments already exported are not read again, and files of pages
// that no longer exist are removed (a withdrawn item's page becomes its notice).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Db } from '../../db/database.ts';
import { readBlob } from '../../platform/files/blob-store.ts';
import { assetUrls } from '../../platform/http/assets.ts';
import { translator, type Locale } from '../../platform/i18n/i18n.ts';
import type { Config } from '../../config.ts';
import { portalStore as store } from './portal.store.ts';
import { publishedReports } from './report-registry.ts';
import { sectionFeeds, sectionPages } from './public-sections.ts';
import { PAGE_SIZE, portalCategories, powerCatalogHref, powerCatalogPages } from './portal.ts';

export interface ExportResult {
  readonly files: number;
  readonly written: number;
  readonly unchanged: number;
  readonly removed: number;
  /** Nothing the copy shows changed since the last export: no page was rendered again. */
  readonly skipped?: boolean;
}

const MANIFEST = 'manifest.json';
/** Part of the manifest's stamp: a new format (or new pages) re-renders everything once. */
const FORMAT = 2;
const SEARCH_INDEX = '/search-index.json';
const SEARCH_RESULTS = 50;

/** The copies: Chinese at the root, English under /en. */
const LOCALES: readonly { locale: Locale; prefix: string }[] = [
  { locale: 'zh-CN', prefix: '' },
  { locale: 'en', prefix: '/en' },
];

const searchScript = (() => {
  const body = readFileSync(new URL('./assets/static-search.js', import.meta.url));
  return { body, path: `/static-search.${createHash('sha256').update(body).digest('hex').slice(0, 12)}.js` };
})();

/** Where a site address lives in the copy: directories with index.html, query as path segments. */
export function staticPath(url: string): string {
  const [path = '/', query] = url.split('?');
  if (/\.[a-z0-9]+$/i.test(path)) return path;
  const base = path.endsWith('/') ? path : `${path}/`;
  if (!query) return base;
  const parts = [...new URLSearchParams(query)]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}-${encodeURIComponent(v)}`);
  return `${base}${parts.join('/')}/`;
}

function fileOf(path: string): string {
  return path.endsWith('/') ? `${path}index.html` : path;
}

function sha(bytes: Buffer | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** The address without its `lang` parameter, and the language that parameter asked for. */
function splitLang(url: string): { url: string; lang: string | undefined } {
  const [path = '/', query] = url.split('?');
  if (!query) return { url, lang: undefined };
  const params = new URLSearchParams(query);
  const lang = params.get('lang') ?? undefined;
  params.delete('lang');
  const rest = params.toString();
  return { url: rest ? `${path}?${rest}` : path, lang };
}

const isAsset = (url: string) => url.startsWith('/assets/') || url.startsWith('/portal-assets/');

/**
 * Rewrites href/src/action attributes of our own HTML: exported → file path in the copy of the
 * page's language (`prefix`; a `lang` parameter picks the other copy), the search form → the
 * copy's search page, anything else → the live site.
 */
export function rewriteLinks(
  html: string,
  exported: ReadonlySet<string>,
  live: string | undefined,
  prefix = '',
): string {
  return html.replace(/\s(href|src|action)="(\/[^"]*)"/g, (whole, attr: string, raw: string) => {
    const { url, lang } = splitLang(raw.replace(/&amp;/g, '&'));
    const to = lang === undefined ? prefix : (LOCALES.find((l) => l.locale === lang)?.prefix ?? prefix);
    if (isAsset(url)) return ` ${attr}="${url.replace(/&/g, '&amp;')}"`;
    if (exported.has(url)) return ` ${attr}="${(isFileUrl(url) ? url : to + staticPath(url)).replace(/&/g, '&amp;')}"`;
    if (url === '/search' || url.startsWith('/search?')) return ` ${attr}="${to}/search/"`;
    if (attr === 'href' && url.startsWith('/items/') && url.includes('/attachments/')) return whole;
    return live ? ` ${attr}="${live}${raw}"` : whole;
  });
}

/** Feeds, sitemap, CSV: one file for both languages. */
function isFileUrl(url: string): boolean {
  return /\.[a-z0-9]+$/i.test(url.split('?')[0] ?? '');
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

type Manifest = { stamp?: string; files: Record<string, string> };

/** The files of the copy as they are written: each one's hash, and how many were written or kept. */
function copyWriter(dir: string, previous: Record<string, string>) {
  const w = { next: {} as Record<string, string>, written: 0, unchanged: 0 };
  const put = (path: string, bytes: Buffer | string, hash = sha(bytes)) => {
    w.next[path] = hash;
    if (previous[path] === hash && existsSync(join(dir, path))) {
      w.unchanged++;
      return;
    }
    const file = join(dir, path);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, bytes);
    w.written++;
  };
  /** A file known by its hash (an attachment) that is already in the copy is neither read nor written. */
  const keep = (path: string, hash: string) => {
    if (previous[path] !== hash || !existsSync(join(dir, path))) return false;
    w.next[path] = hash;
    w.unchanged++;
    return true;
  };
  return Object.assign(w, { put, keep });
}
type CopyWriter = ReturnType<typeof copyWriter>;

/** Step 1: every address of the copy — the pages, the feeds, and the data files. */
async function addresses(db: Db) {
  const [agencies, items, withdrawn] = await Promise.all([
    store.agencies(db),
    store.allPublic(db),
    store.withdrawnOncePublic(db),
  ]);
  const pages: string[] = ['/', '/guide', '/reports', '/agencies', ...(await catalogPages(db, '/catalog', {}))];
  const powerPages = powerCatalogPages(await store.powerCounts(db));
  for (let page = 1; page <= powerPages; page++) pages.push(powerCatalogHref(page));
  for (const category of portalCategories) pages.push(...(await catalogPages(db, '/catalog', { category })));
  for (const a of agencies) {
    pages.push(`/guide?agency=${a.code}`);
    pages.push(...(await catalogPages(db, `/agencies/${a.code}/catalog`, {})));
  }
  for (const i of items) pages.push(`/items/${i.id}`);
  for (const r of await publishedReports(db)) if (r.url.startsWith('/')) pages.push(r.url);
  for (const w of withdrawn) pages.push(`/items/${w.id}`);
  for (const p of await sectionPages(db)) pages.push(p.path);
  const feeds = [
    ...(await sectionFeeds(db)),
    '/feeds/latest.atom',
    ...portalCategories.map((c) => `/feeds/category/${c}.atom`),
    ...agencies.map((a) => `/feeds/agency/${a.code}.atom`),
  ];
  const data = ['/sitemap.xml', '/catalog.csv', '/api/v1/catalog'];
  const exported = new Set([...pages, ...feeds, '/sitemap.xml', '/catalog.csv']);
  return { items, pages, machine: [...feeds, ...data], exported };
}

/**
 * Step 2: pages in both languages, rendered by the routes and relinked; then each search page and
 * the search index. Returns the assets the pages link to.
 */
async function writePages(
  app: FastifyInstance,
  out: CopyWriter,
  pages: readonly string[],
  exported: ReadonlySet<string>,
  live: string | undefined,
): Promise<Set<string>> {
  const assets = new Set<string>();
  const host = live ? { host: new URL(live).host } : {};
  const render = async (url: string, locale: Locale) => {
    const res = await app.inject({ method: 'GET', url, headers: { 'accept-language': locale, ...host } });
    if (res.statusCode !== 200 && res.statusCode !== 410) return undefined;
    for (const m of res.body.matchAll(/(?:href|src)="(\/(?:assets|portal-assets)\/[^"]+)"/g)) assets.add(m[1]!);
    return res.body;
  };
  for (const { locale, prefix } of LOCALES) {
    const t = translator(locale);
    for (const url of pages) {
      const body = await render(url, locale);
      if (body === undefined) continue;
      let page = rewriteLinks(body, exported, live, prefix);
      if (live)
        page = page.replace('</footer>', `<p><a href="${live}/search">${t('portal.search.live')}</a></p></footer>`);
      out.put(`${prefix}${fileOf(staticPath(url))}`, page);
    }
    const search = await render('/search', locale);
    if (search !== undefined)
      out.put(
        `${prefix}/search/index.html`,
        searchPage(rewriteLinks(search, exported, live, prefix), locale, prefix, live),
      );
  }
  out.put(searchScript.path, searchScript.body);
  const index = await store.searchIndexRows(app.deps.database.db);
  out.put(
    SEARCH_INDEX,
    JSON.stringify({
      items: index.map((r) => [r.id, r.title, r.document_number, r.index_number, r.publication_date, r.agency_name]),
    }),
  );
  return assets;
}

/** Step 3: feeds, sitemap, CSV and the catalog JSON as they are (absolute links to the live site), and the assets. */
async function writeMachineFiles(
  app: FastifyInstance,
  out: CopyWriter,
  machine: string[],
  assets: ReadonlySet<string>,
  live: string | undefined,
): Promise<void> {
  const host = live ? { host: new URL(live).host } : {};
  for (const url of machine) {
    const res = await app.inject({ method: 'GET', url, headers: host });
    if (res.statusCode !== 200) continue;
    out.put(url.startsWith('/api/') ? `${url}.json` : url, res.rawPayload);
    // A large sitemap is an index: its parts go into the copy too.
    if (url === '/sitemap.xml')
      for (const m of res.body.matchAll(/<loc>[^<]*?(\/sitemaps\/\d+\.xml)<\/loc>/g)) machine.push(m[1]!);
  }
  for (const url of assets) {
    const res = await app.inject({ method: 'GET', url });
    if (res.statusCode === 200) out.put(url, res.rawPayload);
  }
}

/** Step 4: attachments of the public versions: content-addressed, so an unchanged hash is not read again. */
async function writeAttachments(
  db: Db,
  config: Pick<Config, 'dataDir' | 'personalDataKeys'>,
  out: CopyWriter,
  items: readonly { id: number }[],
): Promise<void> {
  for (const i of items) {
    const item = await store.publicItem(db, i.id);
    if (!item?.current_version_id) continue;
    for (const a of await store.attachments(db, item.current_version_id)) {
      const path = `/items/${i.id}/attachments/${a.id}`;
      if (!out.keep(path, a.sha256)) out.put(path, await readBlob(config, { sha256: a.sha256 }), a.sha256);
    }
  }
}

export async function exportStatic(
  app: FastifyInstance,
  config: Pick<Config, 'dataDir' | 'personalDataKeys'>,
  dir: string,
  options: { liveUrl?: string; log?: (line: string) => void } = {},
): Promise<ExportResult> {
  const db = app.deps.database.db;
  const live = options.liveUrl?.replace(/\/+$/, '');
  mkdirSync(dir, { recursive: true });
  const manifestFile = join(dir, MANIFEST);
  const manifest = existsSync(manifestFile) ? (JSON.parse(readFileSync(manifestFile, 'utf8')) as Manifest) : undefined;
  const previous: Record<string, string> = manifest?.files ?? {};
  // What the copy depends on: the content (the page cache's stamp), the live URL, the templates'
  // assets and this exporter's format.
  const stamp = `${FORMAT}|${await store.stamp(db)}|${live ?? ''}|${assetUrls().css}|${searchScript.path}`;
  if (manifest?.stamp === stamp && Object.keys(previous).every((path) => existsSync(join(dir, path)))) {
    const result = {
      files: Object.keys(previous).length,
      written: 0,
      unchanged: Object.keys(previous).length,
      removed: 0,
      skipped: true,
    };
    options.log?.(`${result.files} files: nothing changed since the last export`);
    return result;
  }
  const out = copyWriter(dir, previous);
  const { items, pages, machine, exported } = await addresses(db);
  const assets = await writePages(app, out, pages, exported, live);
  await writeMachineFiles(app, out, machine, assets, live);
  await writeAttachments(db, config, out, items);
  // Step 5: what is gone.
  let removed = 0;
  for (const path of Object.keys(previous)) {
    if (out.next[path] === undefined) {
      rmSync(join(dir, path), { force: true });
      removed++;
    }
  }
  writeFileSync(
    manifestFile,
    JSON.stringify({ exportedAt: new Date().toISOString(), liveUrl: live ?? null, stamp, files: out.next }, null, 1),
  );
  const { written, unchanged } = out;
  const result = { files: Object.keys(out.next).length, written, unchanged, removed };
  options.log?.(`${result.files} files: ${written} written, ${unchanged} unchanged, ${removed} removed`);
  return result;
}

/** The exported search page: the script (with its messages as data attributes) and a note. */
function searchPage(html: string, locale: Locale, prefix: string, live: string | undefined): string {
  const t = translator(locale);
  const attr = (s: string) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
  const script = `<script src="${searchScript.path}" defer data-index="${SEARCH_INDEX}" data-prefix="${prefix}" data-limit="${SEARCH_RESULTS}" data-count="${attr(t('portal.search.count', { n: '{n}' }))}" data-empty="${attr(t('portal.search.empty', { q: '{q}' }))}" data-failed="${attr(t('portal.search.static_failed'))}"></script>`;
  const note = `<p class="notice">${attr(t('portal.search.static_note'))}${live ? ` <a href="${live}/search">${attr(t('portal.search.live'))}</a>` : ''}</p>`;
  return html
    .replace('</head>', `${script}</head>`)
    .replace('<form method="get" action=', `${note}<form method="get" action=`);
}
