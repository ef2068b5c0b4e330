// Reading a 12345 export: the forms of date and time a centre writes, the Chinese headers and
// the codes, every kind of bad row reported with its row, column and both languages, the three
// formats giving the same orders, and 10,000 rows read quickly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import ExcelJS from 'exceljs';
import { registerMessages } from '../../platform/i18n/i18n.ts';
import { workOrderIntakeMessages } from './work-orders.messages.ts';
import { categoryOf, columnOf, parseInstant } from './work-order-row.ts';
import { parseWorkOrderJson, readUploadedWorkOrders, readWorkOrderFile } from './work-order-import.ts';

registerMessages(workOrderIntakeMessages);

const NOW = { now: new Date('2025-06-30T04:00:00Z') };

test('a date and time is read as China time unless it names its zone', () => {
  const cases: [string, string | null][] = [
    ['2025-03-04 09:15', '2025-03-04T01:15:00.000Z'],
    ['2025-03-04 09:15:30', '2025-03-04T01:15:30.000Z'],
    ['2025/3/4 9:15', '2025-03-04T01:15:00.000Z'],
    ['2025.3.4 9:05:07', '2025-03-04T01:05:07.000Z'],
    ['2025年3月4日 9时15分', '2025-03-04T01:15:00.000Z'],
    ['2025年3月4日 9:15', '2025-03-04T01:15:00.000Z'],
    ['2025-03-04T09:15:00+08:00', '2025-03-04T01:15:00.000Z'],
    ['2025-03-04T01:15:00.123Z', '2025-03-04T01:15:00.000Z'],
    ['2025-03-04T01:15:00-0200', '2025-03-04T03:15:00.000Z'],
    // Just after midnight in China is the day before in UTC; the China date is what counts.
    ['2025-03-04 00:30', '2025-03-03T16:30:00.000Z'],
    ['2025-03-04', '2025-03-03T16:00:00.000Z'],
    ['2025-02-29 10:00', null], // 2025 is not a leap year
    ['2024-02-29 10:00', '2024-02-29T02:00:00.000Z'],
    ['2025-03-04 24:00', null],
    ['2025-03-04 09:60', null],
    ['0202-03-04 09:15', null], // a typing slip, not a year
    ['2025-03-04T09:15:00+15:00', null],
    ['3/4/2025 9:15', null],
    ['昨天', null],
  ];
  for (const [text, iso] of cases) assert.equal(parseInstant(text)?.iso ?? null, iso, text);
  assert.equal(parseInstant('2025-03-04 00:30')?.chinaDate, '2025-03-04');
  assert.equal(parseInstant('2025-03-03T16:30:00Z')?.chinaDate, '2025-03-04');
});

test('categories are accepted as the centre names them and as codes', () => {
  const cases: [string, string | null][] = [
    ['应急', 'urgent'],
    ['咨询', 'consultation'],
    ['求助类', 'help'],
    ['建议', 'suggestion'],
    ['批评', 'criticism'],
    ['投诉类', 'complaint'],
    ['举报', 'report'],
    ['Complaint', 'complaint'],
    ['report', 'report'],
    ['表扬', null],
    ['', null],
  ];
  for (const [text, code] of cases) assert.equal(categoryOf(text), code, text);
});

test('headers are read in Chinese, as codes and in snake_case', () => {
  assert.deepEqual(columnOf('\uFEFF工单编号'), { column: 'externalNo', rank: 0 });
  assert.deepEqual(columnOf(' 受理时间 '), { column: 'receivedAt', rank: 1 });
  assert.deepEqual(columnOf('required_reply_date'), { column: 'requiredReplyDate', rank: 0 });
  assert.deepEqual(columnOf('callerPhone'), { column: 'callerPhone', rank: 0 });
  assert.equal(columnOf('办理状态'), null);
});

const HEADER = [
  '工单编号',
  '受理时间',
  '派单时间',
  '诉求类型',
  '标题',
  '诉求内容',
  '来电人',
  '联系电话',
  '要求办结时间',
  '所属区域',
];

function goodRow(i: number): string[] {
  const day = String((i % 28) + 1).padStart(2, '0');
  return [
    `GD2025${String(i).padStart(6, '0')}`,
    `2025-05-${day} 08:5${i % 10}`,
    `2025/5/${Number(day)} 9:${String(i % 60).padStart(2, '0')}`,
    ['咨询', '投诉类', '建议', 'help'][i % 4]!,
    i % 3 === 0 ? '' : `关于社保缴费的第${i}件诉求`,
    // Commas, quotes and a line break inside a quoted cell.
    i % 7 === 0 ? `来电人反映，“社保”缴费记录有误,\n请核实。第${i}件` : `来电人咨询灵活就业人员社保缴费，第${i}件`,
    '张先生',
    '13800138000',
    i % 2 === 0 ? `2025-06-${day}` : '',
    '岳阳楼区',
  ];
}

function csv(rows: string[][]): string {
  const cell = (v: string) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
  return '\uFEFF' + rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}

test('good rows become orders: 派单时间 preferred, China time, a subject from the request when blank', async () => {
  const file = await readUploadedWorkOrders(
    Buffer.from(csv([HEADER, goodRow(0), goodRow(1), goodRow(7)])),
    'a.csv',
    NOW,
  );
  assert.deepEqual(file.problems, []);
  assert.equal(file.rows, 3);
  assert.deepEqual(file.orders[0], {
    externalNo: 'GD2025000000',
    receivedAt: '2025-05-01T01:00:00.000Z',
    category: 'consultation',
    subject: '来电人反映，“社保”缴费记录有误, 请核实。第0件',
    request: '来电人反映，“社保”缴费记录有误,\n请核实。第0件',
    callerName: '张先生',
    callerPhone: '13800138000',
    requiredReplyDate: '2025-06-01',
  });
  assert.equal(file.orders[1]!.subject, '关于社保缴费的第1件诉求');
  assert.equal(file.orders[1]!.category, 'complaint');
  assert.equal(file.orders[1]!.requiredReplyDate, undefined);
  assert.equal(file.orders[2]!.receivedAt, '2025-05-08T01:07:00.000Z');
});

test('every bad row is reported with its row, its column as the file names it, in both languages', async () => {
  const rows = [HEADER, goodRow(1)];
  const bad = (change: (c: string[]) => void) => {
    const cells = goodRow(rows.length);
    change(cells);
    rows.push(cells);
  };
  bad((c) => (c[0] = '')); // row 3: no number
  bad((c) => (c[0] = 'GD2025000001')); // row 4: the number of row 2
  bad((c) => (c[3] = '表扬')); // row 5
  bad((c) => ((c[1] = '2025-13-01 09:00'), (c[2] = ''))); // row 6: 受理时间 read when 派单时间 is blank
  bad((c) => ((c[2] = '2025-07-01 09:00'), (c[8] = ''))); // row 7: after "now"
  bad((c) => (c[5] = '  ')); // row 8
  bad((c) => (c[4] = '标'.repeat(301))); // row 9
  bad((c) => (c[8] = '2025-04-30')); // row 10: before the dispatch date
  bad((c) => ((c[3] = ''), (c[8] = '下周'))); // row 11: two problems at once
  const file = await readUploadedWorkOrders(Buffer.from(csv(rows)), 'orders.csv', NOW);
  const report = file.problems.map((p) => [p.row, p.column]);
  assert.deepEqual(report, [
    [3, '工单编号'],
    [4, '工单编号'],
    [5, '诉求类型'],
    [6, '派单时间'],
    [7, '派单时间'],
    [8, '诉求内容'],
    [9, '标题'],
    [10, '要求办结时间'],
    [11, '要求办结时间'],
    [11, '诉求类型'],
  ]);
  assert.deepEqual(
    file.orders.map((o) => o.externalNo),
    ['GD2025000001'],
  ); // only row 2: a repeated number keeps neither copy after the first
  assert.equal(file.problems[1]!.message.zh, '工单编号“GD2025000001”与第2行重复');
  assert.equal(file.problems[1]!.message.en, 'The order number "GD2025000001" repeats row 2');
  assert.match(file.problems[3]!.message.zh, /2025-13-01/);
  assert.equal(file.problems[6]!.message.zh, '“标题”有301个字，超过上限300字');
  for (const p of file.problems) {
    assert.ok(p.message.zh && p.message.en && p.message.zh !== p.message.en, JSON.stringify(p));
    assert.doesNotMatch(p.message.zh, /mailbox\./);
  }
});

test('a file without a required column is refused as a whole, naming the columns', async () => {
  const file = await readUploadedWorkOrders(Buffer.from('工单编号,标题\nA1,x\n'), 'a.csv', NOW);
  assert.deepEqual(file.orders, []);
  assert.equal(file.problems.length, 1);
  assert.equal(file.problems[0]!.row, 0);
  assert.equal(file.problems[0]!.message.zh, '缺少必需的列：派单时间、诉求类型、诉求内容');
});

test('a file that is not what its name says, or of another kind, is refused', async () => {
  await assert.rejects(readUploadedWorkOrders(Buffer.from('x'), 'a.pdf', NOW), { status: 422 });
  await assert.rejects(readUploadedWorkOrders(Buffer.from('%PDF-1.4\n'), 'a.xlsx', NOW), { status: 422 });
});

test('XLSX: date cells keep their time of day; the same orders as the CSV', async () => {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('工单');
  sheet.addRow(HEADER);
  // exceljs stores a Date's UTC fields as the cell's wall clock, as Excel shows it.
  sheet.addRow(['GD1', new Date(Date.UTC(2025, 4, 6, 14, 30)), new Date(Date.UTC(2025, 4, 6, 15, 5, 9))]);
  sheet.getRow(2).getCell(4).value = '投诉';
  sheet.getRow(2).getCell(6).value = '小区噪音扰民';
  sheet.getRow(2).getCell(9).value = new Date(Date.UTC(2025, 4, 20));
  sheet.addRow(['GD2', '2025-05-07 08:00', '', '应急', '', '路灯倒伏']);
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  const file = await readUploadedWorkOrders(bytes, 'export.xlsx', NOW);
  assert.deepEqual(file.problems, []);
  assert.deepEqual(
    file.orders.map((o) => [o.externalNo, o.receivedAt, o.category, o.requiredReplyDate]),
    [
      ['GD1', '2025-05-06T07:05:09.000Z', 'complaint', '2025-05-20'],
      ['GD2', '2025-05-07T00:00:00.000Z', 'urgent', undefined],
    ],
  );
});

test('JSON: a list, { orders }, or one order; codes or Chinese keys; wrong types reported', () => {
  const one = {
    externalNo: 'J1',
    receivedAt: '2025-05-06T09:00:00+08:00',
    category: 'report',
    request: '举报占道经营',
  };
  assert.equal(parseWorkOrderJson(one, NOW).orders.length, 1);
  assert.equal(parseWorkOrderJson([one], NOW).orders.length, 1);
  const file = parseWorkOrderJson(
    {
      orders: [
        one,
        { 工单编号: 20250001, 派单时间: '2025-05-06 10:00', 诉求类型: '咨询', 诉求内容: '咨询公积金' },
        { external_no: 'J3', received_at: '2025-05-06 10:00', category: 'help', request: ['x'] },
        'J4',
        { ...one },
      ],
    },
    NOW,
  );
  assert.deepEqual(
    file.orders.map((o) => o.externalNo),
    ['J1', '20250001'],
  );
  assert.deepEqual(
    file.problems.map((p) => [p.row, p.column, p.message.en]),
    [
      [3, 'request', 'The field "request" must be text or a number'],
      [3, 'request', 'The request is empty'],
      [4, null, 'This entry is not a work order (an object)'],
      [5, 'externalNo', 'The order number "J1" repeats row 1'],
    ],
  );
  assert.equal(
    parseWorkOrderJson('x', NOW).problems[0]!.message.en,
    'The JSON must be a list of work orders or an object with an "orders" list',
  );
  assert.equal(parseWorkOrderJson([], NOW).problems[0]!.message.en, 'The file holds no work order');
});

test('10,000 rows from a file on disk are read in well under the time a page may take', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-orders-'));
  try {
    const rows = [HEADER];
    for (let i = 0; i < 10_000; i++) rows.push(goodRow(i));
    rows[5001]![3] = '表扬';
    writeFileSync(join(dir, 'orders.csv'), csv(rows));
    writeFileSync(
      join(dir, 'orders.json'),
      JSON.stringify(rows.slice(1).map((r) => Object.fromEntries(HEADER.map((h, i) => [h, r[i]])))),
    );
    for (const name of ['orders.csv', 'orders.json']) {
      const started = performance.now();
      const file = await readWorkOrderFile(join(dir, name), NOW);
      const ms = performance.now() - started;
      assert.equal(file.rows, 10_000, name);
      assert.equal(file.orders.length, 9_999, name);
      assert.deepEqual(
        file.problems.map((p) => p.row),
        [name.endsWith('.csv') ? 5002 : 5001],
        name,
      );
      // About 0.2 s alone on one core; the bound leaves room for a busy shared machine.
      assert.ok(ms < 5_000, `${name}: ${ms.toFixed(0)} ms`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
