// The other readers of uploaded ZIPs (the catalog/figures import of an XLSX, the received-report
// checker) hand the bytes to exceljs or JSZip, which inflate what the headers claim; both now count
// the package through bounded-zip.ts first and refuse a bomb as an unreadable file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readUploadedRows } from '../../src/modules/catalog-import/spreadsheet.ts';
import { checkReceivedReport, UnreadableReport } from '../../src/modules/reports/check/checker.ts';
import { AppError } from '../../src/platform/errors.ts';
import { makeXlsx } from '../support/files.ts';
import { docxBomb, xlsxBomb, xlsxEntityBomb } from '../support/hostile-files.ts';

async function rows(bytes: Buffer, name: string): Promise<string[][]> {
  const out: string[][] = [];
  for await (const row of readUploadedRows(bytes, name)) out.push(row);
  return out;
}

test('import of an uploaded XLSX: a bomb or an entity bomb is refused (422), a workbook is read', async () => {
  for (const bomb of [await xlsxBomb(512), await xlsxEntityBomb()])
    await assert.rejects(rows(bomb, 'figures.xlsx'), (err: unknown) => err instanceof AppError && err.status === 422);
  assert.deepEqual(await rows(await makeXlsx([['事项', '数量']]), 'figures.xlsx'), [['事项', '数量']]);
});

test('the received-report checker: a DOCX or XLSX bomb is an unreadable report', async () => {
  const before = process.memoryUsage().rss;
  for (const bomb of [await docxBomb(1300), await xlsxBomb(512)])
    await assert.rejects(checkReceivedReport(bomb), (err: unknown) => err instanceof UnreadableReport);
  assert.ok(process.memoryUsage().rss - before < 256 * 1024 * 1024);
});
