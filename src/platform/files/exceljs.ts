// exceljs costs about 0.6 s of start-up to load, and only spreadsheet imports, report exports and
// attachment text extraction need it; so it is loaded on first use, once.
import type ExcelJS from 'exceljs';

let loading: Promise<typeof ExcelJS> | undefined;

export function loadExcelJS(): Promise<typeof ExcelJS> {
  loading ??= import('exceljs').then((m) => m.default);
  return loading;
}
