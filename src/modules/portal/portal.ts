// Pure helpers of the public portal: the catalog's query string (parsed strictly: an unknown
// value is ignored, never passed to SQL), the reading-aids cookie, CSV cells and XML escaping.
import { catalogCategories, validities } from '../publishing/index.ts';
import { GUIDE_CATEGORY, POWER_CATEGORY } from '../power-catalog/index.ts';
import type { DisplayMode } from './views/portal-context.ts';
import { Type } from '@sinclair/typebox';
import { Text } from '../../platform/http/route-kit.ts';

const int = (v: unknown, min: number, max: number): number | undefined => {
  if (typeof v !== 'string' || !/^\d{1,6}$/.test(v)) return undefined;
  const n = Number(v);
  return n >= min && n <= max ? n : undefined;
};
const oneOf = <T extends string>(v: unknown, list: readonly T[]): T | undefined =>
  typeof v === 'string' && (list as readonly string[]).includes(v) ? (v as T) : undefined;

export const PAGE_SIZE = 20;

/** What a catalog page lists: its filters, order and page, as parsed from the query string. */
export interface CatalogFilter {
  readonly art20?: number | undefined;
  readonly category?: string | undefined;
  readonly agency?: string | undefined;
  readonly year?: number | undefined;
  readonly validity?: string | undefined;
  readonly sort?: CatalogSort | undefined;
  readonly page?: number | undefined;
  readonly pageSize?: number | undefined;
}

export const catalogSorts = ['newest', 'oldest', 'title'] as const;
export type CatalogSort = (typeof catalogSorts)[number];

/** The power catalog page: a table of power items and the service guides, a page of each. */
export const POWERS_PER_PAGE = 50;
export const GUIDES_PER_PAGE = 20;
export function powerCatalogPages(counts: { powers: number; guides: number }): number {
  return Math.max(1, Math.ceil(counts.powers / POWERS_PER_PAGE), Math.ceil(counts.guides / GUIDES_PER_PAGE));
}
export function powerCatalogHref(page: number): string {
  return page > 1 ? `/power-catalog?page=${page}` : '/power-catalog';
}

/** The catalog's categories as the public browses them: the agency catalog plus the power catalog and service guides. */
export const portalCategories: readonly string[] = [
  ...new Set<string>([...catalogCategories, POWER_CATEGORY, GUIDE_CATEGORY]),
];

/** The catalog's query string as its pages and the CSV declare it (route schema, with
 *  firstQueryValues); parseCatalogQuery then keeps only the values it understands. */
export const CatalogPageQuery = Type.Object({
  art20: Text,
  category: Text,
  agency: Text,
  year: Text,
  validity: Text,
  sort: Text,
  page: Text,
});

export function parseCatalogQuery(q: Record<string, unknown>): CatalogFilter {
  const agency = typeof q.agency === 'string' && /^[a-z0-9-]{1,64}$/.test(q.agency) ? q.agency : undefined;
  return {
    art20: int(q.art20, 1, 15),
    category: oneOf(q.category, portalCategories),
    agency,
    year: int(q.year, 1949, 2999),
    validity: oneOf(q.validity, validities),
    sort: oneOf<CatalogSort>(q.sort, catalogSorts),
    page: int(q.page, 1, 100000),
    pageSize: PAGE_SIZE,
  };
}

/** The canonical query string of a filter ('' when empty); the cache key and every link use it. */
export function catalogQuery(f: CatalogFilter): string {
  const p = new URLSearchParams();
  if (f.art20 !== undefined) p.set('art20', String(f.art20));
  if (f.category) p.set('category', f.category);
  if (f.agency) p.set('agency', f.agency);
  if (f.year !== undefined) p.set('year', String(f.year));
  if (f.validity) p.set('validity', f.validity);
  if (f.sort && f.sort !== 'newest') p.set('sort', f.sort);
  if (f.page && f.page > 1) p.set('page', String(f.page));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export const DISPLAY_COOKIE = 'gk_display';

export function parseDisplayMode(value: string | undefined): DisplayMode {
  const v = value ?? '';
  return { text: v.includes('t'), contrast: v.includes('c'), spacing: v.includes('s') };
}

export function encodeDisplayMode(m: DisplayMode): string {
  return `${m.text ? 't' : ''}${m.contrast ? 'c' : ''}${m.spacing ? 's' : ''}`;
}

export function toggleDisplayMode(m: DisplayMode, key: string): DisplayMode {
  if (key === 'reset') return { text: false, contrast: false, spacing: false };
  if (key === 'text' || key === 'contrast' || key === 'spacing') return { ...m, [key]: !m[key] };
  return m;
}

/** Only a path on this site may be the way back (no open redirect). */
export function safeBack(value: unknown): string {
  return typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') && !value.includes('\\')
    ? value
    : '/';
}

/** A CSV cell; a leading = + - @ is neutralised so spreadsheets do not run it as a formula. */
export function csvCell(value: string | number | null | undefined): string {
  let s = value === null || value === undefined ? '' : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function xml(s: string | null | undefined): string {
  return (s ?? '')
    .replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!)
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '');
}

/** Plain text of sanitized body HTML, for feed summaries and screens. */
export function plainText(html: string | null | undefined, max = 300): string {
  const s = (html ?? '')
    .replace(/<[^>]*>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
