// The 12345 centre's feedback export (办结反馈): the work orders an agency answered in a period,
// one line each with the centre's order number, when it was finished (办结时间), what the agency
// answered (办理结果) and the caller's rating (满意度), for the centre to load into its platform.
// The centre knows its orders by number, so the number leads; the caller's name and phone stay out
// (the centre has them, and a file that travels should carry no personal data it does not need).
import { loadExcelJS } from '../../platform/files/exceljs.ts';

/** One answered work order as the export reads it. */
export interface FeedbackOrder {
  readonly externalNo: string;
  /** When the centre dispatched it, an ISO 8601 instant. */
  readonly receivedAt: string;
  readonly unitName: string | null;
  /** The day the answer was sent and fed back (办结时间). */
  readonly repliedOn: string;
  /** The approved answer (办理结果). */
  readonly result: string;
  /** The callback's rating, as its label (满意 / 基本满意 / 不满意), or '' before the callback. */
  readonly rating: string;
}

/** The callback's ratings in the centre's words (the file is the centre's, in Chinese whatever the console's language). */
export const FEEDBACK_RATING_LABELS: Readonly<Record<string, string>> = {
  satisfied: '满意',
  basically_satisfied: '基本满意',
  dissatisfied: '不满意',
};

/** The column headings, in order, in the centre's words. */
export const FEEDBACK_COLUMNS = ['工单编号', '派单时间', '承办单位', '办结时间', '办理结果', '满意度'] as const;

/** A CSV cell; a leading = + - @ is neutralised so a spreadsheet does not run it as a formula. */
export function feedbackCell(value: string): string {
  const s = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** The dispatch instant in China time, as the centre prints it: "2025-03-03 09:30". */
export function chinaMinute(instant: string): string {
  const shifted = new Date(new Date(instant).getTime() + 8 * 3600_000).toISOString();
  return `${shifted.slice(0, 10)} ${shifted.slice(11, 16)}`;
}

function cellsOf(o: FeedbackOrder): string[] {
  return [o.externalNo, chinaMinute(o.receivedAt), o.unitName ?? '', o.repliedOn, o.result, o.rating];
}

/** UTF-8 with a byte-order mark and CRLF lines: what Excel and the centre's import open in Chinese. */
export function feedbackCsv(orders: readonly FeedbackOrder[]): Buffer {
  const lines = [FEEDBACK_COLUMNS.join(','), ...orders.map((o) => cellsOf(o).map(feedbackCell).join(','))];
  return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8')]);
}

/** The same rows as one XLSX sheet, every cell text (an order number must not become a number). */
export async function feedbackXlsx(orders: readonly FeedbackOrder[]): Promise<Buffer> {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Gongkai';
  const ws = wb.addWorksheet('办结反馈');
  ws.addRow([...FEEDBACK_COLUMNS]).font = { bold: true };
  for (const o of orders) ws.addRow(cellsOf(o));
  ws.columns.forEach((column, i) => {
    column.width = i === 4 ? 60 : 18;
    column.numFmt = '@';
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * The period the export covers: from and to as given (YYYY-MM-DD, real dates, from ≤ to, one year
 * at most, so a file stays a file), or this year up to today when neither is given; null when the
 * given period is not one.
 */
export function feedbackPeriod(
  from: string | undefined,
  to: string | undefined,
  today: string,
): { from: string; to: string } | null {
  if (!from && !to) return { from: `${today.slice(0, 4)}-01-01`, to: today };
  const real = (d: string | undefined): d is string =>
    typeof d === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(d) && new Date(`${d}T00:00:00Z`).toISOString().startsWith(d);
  if (!real(from) || !real(to) || from > to) return null;
  const limit = new Date(`${from}T00:00:00Z`);
  limit.setUTCFullYear(limit.getUTCFullYear() + 1);
  return to < limit.toISOString().slice(0, 10) ? { from, to } : null;
}
