// The 12345 feedback export: the centre's columns, China time, cells a spreadsheet cannot run, and
// the XLSX carrying the same rows as text.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadExcelJS } from '../../platform/files/exceljs.ts';
import {
  chinaMinute,
  feedbackCsv,
  feedbackPeriod,
  feedbackXlsx,
  FEEDBACK_COLUMNS,
  type FeedbackOrder,
} from './mailbox-feedback.ts';

const ORDERS: FeedbackOrder[] = [
  {
    externalNo: '0012025030300017',
    receivedAt: '2025-03-03T01:30:00.000Z', // 09:30 in China
    unitName: '就业促进科',
    repliedOn: '2025-03-05',
    result: '已电话答复，"灵活就业"社保补贴申领条件见附件',
    rating: '满意',
  },
  {
    externalNo: '0012025123100002',
    receivedAt: '2025-12-31T16:10:00.000Z', // 00:10 on 1 January in China
    unitName: null,
    repliedOn: '2026-01-05',
    result: '=HYPERLINK("x")',
    rating: '',
  },
];

test('chinaMinute: UTC+8, across the year end', () => {
  assert.equal(chinaMinute('2025-03-03T01:30:00.000Z'), '2025-03-03 09:30');
  assert.equal(chinaMinute('2025-12-31T16:10:00.000Z'), '2026-01-01 00:10');
});

test('CSV: BOM, the centre’s header, quoted cells, a formula neutralised, CRLF', () => {
  const text = feedbackCsv(ORDERS).toString('utf8');
  assert.ok(text.startsWith('\ufeff工单编号,派单时间,承办单位,办结时间,办理结果,满意度\r\n'));
  const lines = text.slice(1).split('\r\n');
  assert.equal(
    lines[1],
    '0012025030300017,2025-03-03 09:30,就业促进科,2025-03-05,"已电话答复，""灵活就业""社保补贴申领条件见附件",满意',
  );
  assert.equal(lines[2], `0012025123100002,2026-01-01 00:10,,2026-01-05,"'=HYPERLINK(""x"")",`);
  assert.equal(lines[3], '');
  assert.equal(lines.length, 4);
});

test('XLSX: one sheet, the header and the rows, order numbers kept as text', async () => {
  const ExcelJS = await loadExcelJS();
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await feedbackXlsx(ORDERS)) as never);
  const ws = wb.worksheets[0]!;
  assert.equal(ws.name, '办结反馈');
  assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [...FEEDBACK_COLUMNS]);
  assert.equal(ws.getCell(2, 1).value, '0012025030300017');
  assert.equal(ws.getCell(3, 5).value, '=HYPERLINK("x")'); // a string cell, never a formula
  assert.equal(ws.rowCount, 3);
});

test('feedbackPeriod: this year by default; a real period of one year at most; anything else refused', () => {
  const today = '2025-10-20';
  const cases: [string | undefined, string | undefined, { from: string; to: string } | null][] = [
    [undefined, undefined, { from: '2025-01-01', to: '2025-10-20' }],
    ['2025-03-01', '2025-03-31', { from: '2025-03-01', to: '2025-03-31' }],
    ['2025-03-01', '2025-03-01', { from: '2025-03-01', to: '2025-03-01' }], // one day
    ['2024-03-01', '2025-02-28', { from: '2024-03-01', to: '2025-02-28' }], // the last day of the year allowed
    ['2024-03-01', '2025-03-01', null], // a year and a day
    ['2025-03-31', '2025-03-01', null], // backwards
    ['2025-02-30', '2025-03-01', null], // no such day
    ['2025-03-01', undefined, null],
    ['20250301', '2025-03-31', null],
  ];
  for (const [from, to, expected] of cases)
    assert.deepEqual(feedbackPeriod(from, to, today), expected, `${from}…${to}`);
});
