// Console lists page, filter and sort on the server (issue 15 item 9: a list that silently stopped
// at 500 rows left older records unreachable). A list route declares its query with TypeBox —
// the paging fields below plus its own filters — and `attachValidation`, then reads it through
// `validQuery`, which answers a bad value with 400 and a message in both languages naming the
// field; the store counts and fetches one page through `paged`.
import { Type } from '@sinclair/typebox';
import type { FastifyRequest } from 'fastify';
import { AppError } from './errors.ts';
import type { Text } from './i18n/i18n.ts';

/** The page sizes a list offers; the default is the second. 100 rows stay well under 20,000 px on a phone. */
export const PAGE_SIZES = [20, 50, 100] as const;
export const DEFAULT_PAGE_SIZE = 50;
/** Deep pages are refused rather than scanned: no console list needs the ten-thousandth page. */
export const MAX_PAGE = 9_999;

// Numbers are read as text with a pattern: a filter form sends "" for "any", which must read as
// no filter rather than fail (or be coerced to 0).

/** The paging and sorting fields of a list's query schema. */
export const PageQuery = {
  page: Type.Optional(Type.String({ pattern: '^[1-9][0-9]{0,3}$' })), // 1 … MAX_PAGE
  per: Type.Optional(Type.Union(PAGE_SIZES.map((n) => Type.Literal(String(n))))),
  dir: Type.Optional(Type.Union([Type.Literal(''), Type.Literal('asc'), Type.Literal('desc')])),
};

/** A year filter (four digits, or "" for any), a keyword filter and an id filter. */
export const YearQuery = Type.Optional(Type.String({ pattern: '^((19|20)[0-9]{2})?$' }));
export const KeywordQuery = Type.Optional(Type.String({ maxLength: 100 }));
export const IdQuery = Type.Optional(Type.String({ pattern: '^([1-9][0-9]{0,8})?$' }));

/** A number from one of the fields above; undefined for "" or absent. */
export function numberOf(text: string | undefined): number | undefined {
  return text ? Number(text) : undefined;
}

/** A choice among `values` ('' meaning "any"). */
export function choiceQuery<const T extends readonly string[]>(values: T) {
  return Type.Optional(Type.Unsafe<'' | T[number]>(Type.String({ enum: ['', ...values] })));
}

export interface PageRequest {
  readonly page: number;
  readonly per: number;
}

/** One page of a list and where it stands in the whole. */
export interface Page<T> {
  readonly rows: readonly T[];
  readonly total: number;
  readonly page: number;
  readonly per: number;
  readonly pages: number;
}

/** The page a query asks for (the schema admits only the offered sizes). */
export function pageRequest(query: { page?: string; per?: string }): PageRequest {
  const per = PAGE_SIZES.find((s) => String(s) === query.per) ?? DEFAULT_PAGE_SIZE;
  return { page: numberOf(query.page) ?? 1, per };
}

/** Counts the whole list and fetches the requested page of it. A page past the last is empty. */
export async function paged<T>(
  request: PageRequest,
  count: () => Promise<number>,
  rows: (offset: number, limit: number) => Promise<readonly T[]>,
): Promise<Page<T>> {
  const total = await count();
  const pages = Math.max(1, Math.ceil(total / request.per));
  const offset = (request.page - 1) * request.per;
  return {
    rows: offset < total ? await rows(offset, request.per) : [],
    total,
    page: request.page,
    per: request.per,
    pages,
  };
}

/** One page of a list already in memory (a list the query cannot narrow, such as "mine"). */
export function pageOfList<T>(request: PageRequest, all: readonly T[]): Page<T> {
  const offset = (request.page - 1) * request.per;
  return {
    rows: all.slice(offset, offset + request.per),
    total: all.length,
    page: request.page,
    per: request.per,
    pages: Math.max(1, Math.ceil(all.length / request.per)),
  };
}

/** A query string a list cannot read: 400, naming the fields in both languages. */
export class BadQueryError extends AppError {
  constructor(readonly fields: readonly Text[]) {
    super(400, 'bad_query', {
      zh: `链接中的查询条件有误：${fields.map((f) => `“${f.zh}”`).join('、')}的值无效。请返回列表重新筛选。`,
      en: `The address has a query the list cannot read: the value of ${fields.map((f) => `“${f.en}”`).join(', ')} is not valid. Go back to the list and filter again.`,
    });
    this.name = 'BadQueryError';
  }
}

/** What the paging fields are called on a page. */
export const pageFieldLabels: Record<string, Text> = {
  page: { zh: '页码', en: 'page' },
  per: { zh: '每页条数', en: 'rows per page' },
  dir: { zh: '排序方向', en: 'sort direction' },
  sort: { zh: '排序', en: 'sort' },
  year: { zh: '年份', en: 'year' },
  q: { zh: '关键词', en: 'keyword' },
};

/**
 * The route's query, once its schema (declared with `attachValidation: true`) has passed; else a
 * BadQueryError naming every field that failed, by the labels given (or the paging ones).
 */
export function validQuery<Q>(req: FastifyRequest & { query: Q }, labels: Record<string, Text> = {}): Q {
  const error = req.validationError as (Error & { validation?: { instancePath?: string }[] }) | undefined;
  if (!error) return req.query;
  const names = new Set(
    (error.validation ?? []).map((v) => (v.instancePath ?? '').replace(/^\//, '').split('/')[0] || 'query'),
  );
  const all = { ...pageFieldLabels, ...labels };
  throw new BadQueryError([...names].map((n) => all[n] ?? { zh: n, en: n }));
}
