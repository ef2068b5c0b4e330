// Atom feeds (RFC 4287), the sitemap (sitemaps.org 0.9) and the CSV export of a catalog listing.
// Pure builders over rows, shared by the live routes and the static export.
import { publicBaseUrl, type Config } from '../../config.ts';
import type { CatalogRow, FeedRow } from './portal.store.ts';
import { csvCell, plainText, xml } from './portal.ts';
import { translate, type Locale } from '../../platform/i18n/i18n.ts';

/** The public address of the site (config.ts publicBaseUrl: GONGKAI_PUBLIC_URL, never the Host
 *  header of a request). */
export function publicBase(config: Pick<Config, 'publicUrl' | 'host' | 'port'>): string {
  return publicBaseUrl(config);
}

/** Midnight in China on a date, as an RFC 3339 instant; `fallback` when there is no date. */
function instant(date: string | null, fallback: string): string {
  if (date && /^\d{4}-\d{2}-\d{2}$/.test(date)) return `${date}T00:00:00+08:00`;
  return fallback;
}

/** What an item's own dates say about it: published on its publication date, updated when its
 *  current version is a public correction (the date of that version), else when published.
 *  Never the time a row was last touched (a restart of the demo, a re-index). */
export function itemDates(row: {
  publication_date: string | null;
  formation_date?: string | null;
  change_note: string | null;
  version_at: string;
}): { published: string; updated: string; lastmod: string } {
  const published = instant(row.publication_date ?? row.formation_date ?? null, row.version_at);
  const corrected = row.change_note !== null && row.version_at > (row.publication_date ?? '');
  const updated = corrected ? new Date(row.version_at).toISOString() : published;
  const lastmod = corrected ? chinaDate(row.version_at) : (row.publication_date ?? chinaDate(row.version_at));
  return { published, updated, lastmod };
}

/** The calendar date in China of an instant. */
function chinaDate(iso: string): string {
  return new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 10);
}

/** A feed entry's summary: the item's own summary, else the opening of its body text. */
export function entrySummary(row: { summary: string | null; body_html: string | null; title: string }): string {
  const own = row.summary?.trim();
  if (own) return own;
  const body = plainText(row.body_html, 200);
  return body || row.title;
}

export function atomFeed(input: { base: string; path: string; title: string; rows: readonly FeedRow[] }): string {
  const { base, rows } = input;
  const zh = (k: string) => translate('zh-CN', k);
  const dated = rows.map((r) => ({ r, d: itemDates(r) }));
  const updated = dated.reduce(
    (max, { d }) => (Date.parse(d.updated) > Date.parse(max) ? d.updated : max),
    '1970-01-01T00:00:00Z',
  );
  const entries = dated
    .map(({ r, d }) => {
      const category = zh(`pub.category.${r.catalog_category}`);
      const meta = [r.document_number, r.index_number].filter(Boolean).join(' · ');
      return `  <entry>
    <id>${xml(`${base}/items/${r.id}`)}</id>
    <title>${xml(r.title)}</title>
    <link rel="alternate" type="text/html" href="${xml(`${base}/items/${r.id}`)}"/>
    <published>${d.published}</published>
    <updated>${xml(d.updated)}</updated>
    <author><name>${xml(r.agency_name)}</name></author>
    <category term="${xml(category)}" label="${xml(category)}" scheme="${xml(`${base}/catalog`)}"/>
    <summary>${xml(entrySummary(r))}${meta ? xml(`（${meta}）`) : ''}</summary>
  </entry>`;
    })
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
