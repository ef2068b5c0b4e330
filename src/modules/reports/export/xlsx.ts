// XLSX: one sheet per table, laid out like the official form (merged header and label cells), numbers
// as numbers. Sheet names are the table numbers (表二, 表三, 表四).
import { loadExcelJS } from '../../../platform/files/exceljs.ts';
import { placeCells, type ReportView } from '../report-view.ts';

export async function reportXlsx(view: ReportView): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  wb.title = view.title;
  for (const table of view.sections.flatMap((s) => s.tables)) {
    const ws = wb.addWorksheet(`表${table.id}`.slice(0, 31));
    ws.getCell(1, 1).value = `${view.title} — ${table.caption}`;
    ws.getCell(1, 1).font = { bold: true };
    const top = 2; // the form starts on row 2, under the title line
    for (const { row, col, cell } of placeCells(table)) {
      const r = top + row;
      const c = 1 + col;
      const target = ws.getCell(r, c);
      target.value = cell.path && cell.value !== undefined ? cell.value : cell.text;
      target.alignment = { vertical: 'middle', horizontal: cell.path ? 'right' : 'center', wrapText: true };
      target.border = {
        top: { style: 'thin' },
        left: { style: 'thin' },
        bottom: { style: 'thin' },
        right: { style: 'thin' },
      };
      if (cell.header) target.font = { bold: row < table.headerRows };
      if ((cell.colSpan ?? 1) > 1 || (cell.rowSpan ?? 1) > 1)
        ws.mergeCells(r, c, r + (cell.rowSpan ?? 1) - 1, c + (cell.colSpan ?? 1) - 1);
    }
    ws.columns.forEach((column, i) => {
      column.width = table.columns <= 4 ? (i === 0 ? 28 : 18) : 12;
    });
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}
