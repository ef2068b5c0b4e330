// An import's result → what the import page shows: the counts, and the bad rows (at most
// SHOWN_PROBLEMS; the rest counted), in file order.
import type { Text } from '../../platform/i18n/i18n.ts';
import type { WorkOrderImport } from './work-order-import.service.ts';

export const SHOWN_PROBLEMS = 500;

export interface ImportProblemLine {
  /** 0: the file as a whole. */
  readonly row: number;
  readonly column: string | null;
  readonly externalNo: string | null;
  readonly message: Text;
}

export interface ImportResultView {
  readonly fileName: string;
  readonly rows: number;
  readonly valid: number;
  /** stored: the orders are on record; checked: good, nothing stored yet; refused: bad rows, nothing stored. */
  readonly outcome: 'stored' | 'checked' | 'refused';
  readonly created: number;
  readonly known: number;
  readonly problemCount: number;
  readonly problems: readonly ImportProblemLine[];
}

export function presentImportResult(fileName: string, result: WorkOrderImport): ImportResultView {
  return {
    fileName,
    rows: result.rows,
    valid: result.valid,
    outcome: result.problems.length ? 'refused' : result.stored ? 'stored' : 'checked',
    created: result.created.length,
    known: result.known.length,
    problemCount: result.problems.length,
    problems: result.problems.slice(0, SHOWN_PROBLEMS).map((p) => ({
      row: p.row,
      column: p.column,
      externalNo: p.externalNo,
      message: p.message,
    })),
  };
}
