// A figure of the annual report: the number and the ids of the records it counts (provenance).
export type RecordId = string | number;

export interface Figure {
  readonly value: number;
  readonly ids: readonly RecordId[];
}

export const figure = (ids: readonly RecordId[]): Figure => ({ value: ids.length, ids });
export const ZERO: Figure = { value: 0, ids: [] };

/** Sum of figures; ids are concatenated (a record counted in two rows appears in both). */
export function sumFigures(list: readonly Figure[]): Figure {
  return { value: list.reduce((s, f) => s + f.value, 0), ids: list.flatMap((f) => f.ids) };
}

/** Last day of a year and first day, as ISO dates (the report year is the calendar year, rules.md §7). */
export const yearStart = (year: number): string => `${year}-01-01`;
export const yearEnd = (year: number): string => `${year}-12-31`;

/** Large agency lists are split so a query never exceeds the engines' bound-parameter limits. */
export function chunks<T>(list: readonly T[], size = 900): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out.length ? out : [[]];
}
