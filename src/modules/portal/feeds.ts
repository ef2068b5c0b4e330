// Atom feeds (RFC 4287), the sitemap (sitemaps.org 0.9) and the CSV export of a catalog listing.
// Pure builders over rows, shared by the live routes and the static export.
import { publicBaseUrl, type Config } from '../../config.ts';
import type { CatalogRow } from './portal.store.ts';
import { csvCell, xml } from './portal.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';

/** The public address of the site (config.ts publicBaseUrl: GONGKAI_PUBLIC_URL, never the Host
 *  header of a request). */
export function publicBase(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  return publicBaseUrl(config);
}

function instant(date: string | null, fallback: string): string {
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00+08:00`;
  return fallback;
}

export function atomFeed(input: { base: string; path: string; title: string; rows: readonly CatalogRow[] }): string {
  const { base, rows } = input;
  const updated = rows.reduce((max, r) => (r.updated_at > max ? r.updated_at : max), '1970-01-01T00:00:00.000Z');
  const entries = rows
    .map(
      (r) => `  <entry>
    <id>${xml(`${base}/items/${r.id}`)}</id>
    <title>${xml(r.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(`${base}/items/${r.id}`)}"/>
    <published>${instant(r.publication_date, r.updated_at)}</published>
    <updated>${xml(r.updated_at)}</updated>
    <author><name>${xml(r.agency_name)}</name></author>
    <category term="${xml(r.catalog_category)}"/>
    <summary>${xml([r.document_number, r.index_number, r.summary].filter(Boolean).join(' · '))}</summary>
  </entry>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">
  <id>${xml(`${base}${input.path}`)}</id>
  <title>${xml(input.title)}</title>
  <link rel="self" type="application/atom+xml" href="${xml(`${base}${input.path}`)}"/>
  <link rel="alternate" type="text/html" href="${xml(`${base}/catalog`)}"/>
  <updated>${xml(updated)}</updated>
${entries}
</feed>
`;
}

/** The sitemap index pointing at `count` sitemap files /sitemaps/N.xml (N from 1). */
export function sitemapIndex(base: string, count: number): string {
  const body = Array.from(
    { length: count },
    (_, i) => `  <sitemap><loc>${xml(`${base}/sitemaps/${i + 1}.xml`)}</loc></sitemap>`,
  ).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</sitemapindex>
`;
}

export function sitemap(base: string, urls: readonly { path: string; lastmod?: string | null }[]): string {
  const body = urls
    .map(
      (u) =>
        `  <url><loc>${xml(`${base}${u.path}`)}</loc>${u.lastmod ? `<lastmod>${xml(u.lastmod.slice(0, 10))}</lastmod>` : ''}</url>`,
    )
    .join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>
<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
${body}
</urlset>
`;
}

/** UTF-8 with a byte-order mark, CRLF lines: what Excel opens correctly in Chinese. */
export function catalogCsv(base: string, rows: readonly CatalogRow[], locale: Locale = 'zh-CN'): Buffer {
  const t = (k: string) => translate(locale, k);
  const lines = [t('portal.csv.header')];
  for (const r of rows) {
    lines.push(
      [
        r.index_number,
        r.title,
        r.document_number,
        r.agency_name,
        t(`pub.category.${r.catalog_category}`),
        r.art20_item,
        r.formation_date,
        r.publication_date,
        r.validity ? t(`pub.validity.${r.validity}`) : '',
        `${base}/items/${r.id}`,
      ]
        .map(csvCell)
        .join(','),
    );
  }
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join('\r\n') + '\r\n', 'utf8')]);
}
