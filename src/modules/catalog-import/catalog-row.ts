// One row of a catalog file (CSV or XLSX) → a historical item, or every problem of the row at
// once, each with its message in Chinese and English. The column mapping is documented in
// docs/import.md; a header may be the English key or the Chinese label.
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { isRealDate } from '../../platform/form.ts';
import { scanText } from '../../platform/pii/scanner.ts';
import { catalogCategories, splitAgencies } from '../publishing/index.ts';
import { isChannel, type Channel } from '../channels/index.ts';
import type { HistoricalItem } from './historical.service.ts';

export const catalogColumns = {
  agency: '机关代码',
  title: '标题',
  document_number: '文号',
  issuing_agencies: '发文机关',
  unit: '责任科室',
  formation_date: '成文日期',
  publication_date: '发布日期',
  category: '分类',
  art20_item: '条例第二十条项目',
  topic: '主题',
  genre: '体裁',
  keywords: '关键词',
  summary: '摘要',
  body: '正文',
  channels: '发布渠道',
} as const;
export type CatalogColumn = keyof typeof catalogColumns;

export const requiredColumns: readonly CatalogColumn[] = [
  'title',
  'unit',
  'formation_date',
  'publication_date',
  'category',
];

/** Maps the header cells to column keys (English key or Chinese label, case and spaces ignored). */
export function mapHeader(header: readonly string[]): { columns: (CatalogColumn | null)[]; missing: CatalogColumn[] } {
  const byName = new Map<string, CatalogColumn>();
  for (const [key, label] of Object.entries(catalogColumns) as [CatalogColumn, string][]) {
    byName.set(key, key);
    byName.set(label, key);
  }
  const columns = header.map(
    (h) =>
      byName.get(
        h
          .replace(/^\uFEFF/, '')
          .trim()
          .toLowerCase()
          .replace(/\s+/g, '_'),
      ) ??
      byName.get(h.replace(/^\uFEFF/, '').trim()) ??
      null,
  );
  const missing = requiredColumns.filter((c) => !columns.includes(c));
  return { columns, missing };
}

export interface RowContext {
  /** Agency code → id and its units by name. */
  readonly agencies: ReadonlyMap<string, { id: number; units: ReadonlyMap<string, number> }>;
  readonly defaultAgency: string | null;
  readonly today: string;
}

const CATEGORY_LABELS: Record<string, string> = {
  工作动态: 'work_news',
  通知公告: 'notice',
  规范性文件: 'normative_document',
  政策解读: 'policy_interpretation',
  人事信息: 'personnel',
  行政许可结果: 'licensing_result',
  职权目录: 'power_catalog',
  办事指南: 'service_guide',
  其他: 'other',
};

const LIMITS: Partial<Record<CatalogColumn, number>> = {
  title: 300,
  document_number: 100,
  issuing_agencies: 500,
  topic: 100,
  genre: 100,
  keywords: 200,
  summary: 2000,
  body: 200_000,
};

/** Dates in files come as 2013-05-06, 2013/5/6 or 2013.5.6. */
export function normaliseDate(value: string): string {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/.exec(value.trim());
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : value.trim();
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Plain text body → paragraphs; a body that already is HTML is kept (and sanitized later). */
function bodyHtml(text: string): string {
  if (/^\s*</.test(text)) return text;
  return text
    .split(/\r?\n+/)
    .filter((p) => p.trim())
    .map((p) => `<p>${escapeHtml(p.trim())}</p>`)
    .join('');
}

export function parseCatalogRow(
  values: Partial<Record<CatalogColumn, string>>,
  context: RowContext,
): { item?: HistoricalItem; issues: ValidationIssue[] } {
  const v = (k: CatalogColumn) => (values[k] ?? '').trim();
  const issues: ValidationIssue[] = [];
  for (const [k, max] of Object.entries(LIMITS) as [CatalogColumn, number][]) {
    if (k !== 'title' && v(k).length > max)
      issues.push(issue(k, 'import.error.too_long', { field: catalogColumns[k] }));
  }
  const title = v('title');
  if (!title || title.length > 300) issues.push(issue('title', 'import.error.title'));

  const code = v('agency') || context.defaultAgency;
  const agency = code ? context.agencies.get(code) : undefined;
  if (!code) issues.push(issue('agency', 'import.error.no_agency'));
  else if (!agency) issues.push(issue('agency', 'import.error.agency', { agency: code }));
  const unitId = agency?.units.get(v('unit'));
  if (agency && unitId === undefined) issues.push(issue('unit', 'import.error.unit', { unit: v('unit') }));

  const formation = normaliseDate(v('formation_date'));
  const publication = normaliseDate(v('publication_date'));
  const formationOk = isRealDate(formation);
  const publicationOk = isRealDate(publication);
  if (!formationOk) issues.push(issue('formation_date', 'import.error.formation_date', { value: v('formation_date') }));
  if (!publicationOk)
    issues.push(issue('publication_date', 'import.error.publication_date', { value: v('publication_date') }));
  if (formationOk && publicationOk) {
    if (publication < formation) issues.push(issue('publication_date', 'import.error.publication_before_formation'));
    if (publication > context.today || formation > context.today)
      issues.push(issue('publication_date', 'import.error.future'));
    if (formation < '2008-01-01') issues.push(issue('formation_date', 'import.error.too_old'));
  }

  const rawCategory = v('category');
  const category = CATEGORY_LABELS[rawCategory] ?? rawCategory;
  if (!(catalogCategories as readonly string[]).includes(category))
    issues.push(issue('category', 'import.error.category', { value: rawCategory }));

  let art20: number | null = null;
  if (v('art20_item')) {
    art20 = /^\d{1,2}$/.test(v('art20_item')) ? Number(v('art20_item')) : NaN;
    if (!(art20 >= 1 && art20 <= 15))
      issues.push(issue('art20_item', 'import.error.art20', { value: v('art20_item') }));
  }

  const channelList: Channel[] = [];
  for (const c of v('channels')
    .split(/[;；,，、\s]+/)
    .filter(Boolean)) {
    if (isChannel(c)) channelList.push(c);
    else issues.push(issue('channels', 'import.error.channel', { value: c }));
  }

  // The personal-data guard applies to imported items as to any publication.
  const kinds = new Set<string>();
  for (const text of [title, v('summary'), v('body')]) if (text) for (const f of scanText(text)) kinds.add(f.kind);
  if (kinds.size) issues.push(issue('body', 'import.error.pii', { kinds: [...kinds].join(', ') }));

  if (issues.length) return { issues };
  return {
    issues,
    item: {
      agencyId: agency!.id,
      unitId: unitId!,
      title,
      documentNumber: v('document_number') || null,
      issuingAgencies: splitAgencies(v('issuing_agencies')),
      formationDate: formation,
      publicationDate: publication,
      category,
      art20Item: art20,
      topic: v('topic') || null,
      genre: v('genre') || null,
      keywords: v('keywords') || null,
      summary: v('summary') || null,
      bodyHtml: bodyHtml(v('body')),
      channels: channelList,
    },
  };
}
