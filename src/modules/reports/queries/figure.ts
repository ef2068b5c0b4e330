// A figure of the annual report: the number and the ids of the records it counts (provenance).
import { sql, type RawBuilder, type SqlBool } from 'kysely';
import type { Executor } from '../../../db/database.ts';
import { isPostgres } from '../../../db/dialect.ts';

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

/**
 * Last day of a year and first day, as ISO dates (the report year is the calendar year,
 * docs/domain/annual-report.md#report-year).
 */
export const yearStart = (year: number): string => `${year}-01-01`;
export const yearEnd = (year: number): string => `${year}-12-31`;

/**
 * `column IN (ids)` with the whole list bound as one parameter: a JSON array read by json_each on
 * SQLite, an int[] on PostgreSQL. A roll-up passes a province's thousands of agency ids; as a list
 * of parameters they had to be split under the engines' parameter limits (one query per chunk),
 * each value cost a node in the query builder and the compiler, and every list length was a new
 * statement text. Both engines use the column's index for the lookup as they do for a literal list.
 */
export function inIds(db: Executor, column: string, ids: readonly number[]): RawBuilder<SqlBool> {
  return isPostgres(db)
    ? sql<SqlBool>`${sql.ref(column)} = any(${[...ids]}::int[])`
    : sql<SqlBool>`${sql.ref(column)} in (select value from json_each(${JSON.stringify(ids)}))`;
}
