// The checker on our own exports in all four formats: the clean report passes; one changed cell in
// each format yields exactly the identities that cell is in, naming the cells and where they are in
// the file; a hand-edited XLSX with an added row still reads; unreadable files are refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildAnnualReport } from '../report-builder.ts';
import { reportView } from '../report-view.ts';
import { renderReport } from '../export/render.ts';
import { sampleInputs } from '../sample-inputs.test-support.ts';
import { checkReceivedReport, detectFormat, formatCheckResult, UnreadableReport, type CheckResult } from './checker.ts';
import { readHtml } from './readers.ts';
import type { AnnualReport2021 } from '../report-types.ts';

const built = buildAnnualReport(sampleInputs(2025, 'all'), '2021');
const report = built.report as AnnualReport2021;
const file = async (format: 'json' | 'xlsx' | 'html' | 'docx'): Promise<Buffer> => {
  const out = await renderReport(built, format);
  return Buffer.isBuffer(out) ? out : Buffer.from(out, 'utf8');
};

const summary = (r: CheckResult) => r.findings.map((f) => `${f.code} ${f.cells.map((c) => c.cell).join(',')}`);
const codes = (r: CheckResult) => r.findings.map((f) => f.code);

test('every export of the sample 2025 report passes, with all 二/三/四 cells read', async () => {
  for (const format of ['json', 'xlsx', 'html', 'docx'] as const) {
    const r = await checkReceivedReport(await file(format));
    assert.equal(r.format, format);
    assert.deepEqual(r.findings, [], `${format}: ${summary(r).join('; ')}`);
    assert.equal(r.passes, true);
    assert.deepEqual(r.notes, [], format);
    assert.equal(r.year, 2025, format);
    assert.equal(r.agencyName, report.agency.name, format);
    // 10 cells of 二, 25 rows × 7 of 三, 15 of 四.
    assert.deepEqual([r.tables['二']?.values, r.tables['三']?.values, r.tables['四']?.values], [10, 175, 15], format);
    if (format !== 'json') {
      const read = r.report as unknown as AnnualReport2021;
      assert.deepEqual(read.applications, report.applications, format);
      assert.deepEqual(read.reviewAndLitigation, report.reviewAndLitigation, format);
      assert.deepEqual(read.proactive, report.proactive, format);
    }
    assert.match(formatCheckResult(r), /全部勾稽关系核对通过。 \/ All identities hold\./);
  }
});

test('JSON: one cell changed → the balance of its column and the total of its row, with values', async () => {
  const broken = structuredClone(report);
  broken.applications.newReceived.naturalPerson += 1;
  const r = await checkReceivedReport(Buffer.from(JSON.stringify(broken)));
  assert.deepEqual(codes(r), ['table3_balance', 'table3_row_total']);
  assert.deepEqual(
    r.findings[0]!.cells.map((c) => c.cell),
    [
      '三/newReceived/naturalPerson',
      '三/carriedOver/naturalPerson',
      '三/outcomes.total/naturalPerson',
      '三/carriedForward/naturalPerson',
    ],
  );
  const n = report.applications.newReceived.naturalPerson;
  const { carriedOver: b, outcomes, carriedForward: d } = report.applications;
  assert.equal(
    r.findings[0]!.zh,
    `表三“自然人”列：一(${n + 1}) + 二(${b.naturalPerson}) ≠ 三(七)(${outcomes.total.naturalPerson}) + 四(${d.naturalPerson})`,
  );
  assert.equal(r.findings[1]!.cells[0]!.cell, '三/newReceived/total');
  assert.equal(r.findings[0]!.cells[0]!.location, 'applications.newReceived.naturalPerson');
  assert.equal(r.passes, false);
});

async function editSheet(bytes: Buffer, edit: (wb: ExcelJS.Workbook) => void): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  edit(wb);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Row and column of the first cell whose text is `label` (1-based, as exceljs counts). */
function find(ws: ExcelJS.Worksheet, label: string): { row: number; col: number } {
  for (let r = 1; r <= ws.rowCount; r++)
    for (let c = 1; c <= ws.columnCount; c++) if (ws.getCell(r, c).value === label) return { row: r, col: c };
  throw new Error(`no cell ${label}`);
}

test('XLSX: one cell of table 三 changed → its three identities, located as 表三!<cell>', async () => {
  const bytes = await editSheet(await file('xlsx'), (wb) => {
    const ws = wb.getWorksheet('表三')!;
    const row = find(ws, '（一）予以公开').row;
    const col = find(ws, '商业企业').col;
    ws.getCell(row, col).value = Number(ws.getCell(row, col).value) + 2;
  });
  const r = await checkReceivedReport(bytes);
  // 三(七) as written is unchanged, so the balance (a) still holds: (b) and (c) fail.
  assert.deepEqual(codes(r), ['table3_outcome_total', 'table3_row_total']);
  assert.deepEqual(
    r.findings.map((f) => f.cells[0]!.cell),
    ['三/outcomes.total/business', '三/outcomes.granted/total'],
  );
  const granted = r.findings[0]!.cells.find((c) => c.cell === '三/outcomes.granted/business')!;
  assert.equal(granted.location, '表三!E7');
  const g = report.applications.outcomes.granted;
  assert.match(
    r.findings[1]!.zh,
    new RegExp(
      `^表三“三\\(一\\) 予以公开”行：总计\\(${g.total}\\) ≠ 自然人\\(${g.naturalPerson}\\) \\+ 商业企业\\(${g.business + 2}\\) \\+ 科研机构`,
    ),
  );
  assert.match(formatCheckResult(r), /✗ 2项核对未通过： \/ 2 checks failed:\n1\. 表三“商业企业”列/);
});

test('XLSX edited by hand: a note row under table 三, a text cell, the forms moved down and right', async () => {
  const bytes = await editSheet(await file('xlsx'), (wb) => {
    const ws = wb.getWorksheet('表三')!;
    const end = ws.rowCount;
    ws.getCell(end + 1, 1).value = '填表说明：本表由办公室填报';
    const t4 = wb.getWorksheet('表四')!;
    t4.getCell(t4.rowCount, 1).value = '二';
  });
  let r = await checkReceivedReport(bytes);
  assert.deepEqual(codes(r), ['invalid_value']);
  assert.equal(r.findings[0]!.zh, '表四“行政复议”“结果维持”：“二” 不是非负整数'.replace('“二”', '"二"'));
  assert.equal(r.findings[0]!.cells[0]!.location, '表四!A5');
  // Rows shifted down by an inserted title row: found by their labels, not their positions.
  const moved = await editSheet(await file('xlsx'), (wb) => {
    for (const name of ['表二', '表三', '表四']) {
      const src = wb.getWorksheet(name)!;
      const copy = wb.addWorksheet(`${name}（改）`);
      copy.getCell(1, 1).value = '某某机关（盖章）';
      src.eachRow((row, r) =>
        row.eachCell(
          { includeEmpty: false },
          (cell, c) => (copy.getCell(r + 2, c + 1).value = cell.isMerged ? cell.master.value : cell.value),
        ),
      );
      wb.removeWorksheet(src.id);
    }
  });
  r = await checkReceivedReport(moved);
  assert.deepEqual(r.findings, [], summary(r).join('; '));
  assert.equal(r.tables['三']?.values, 175);
});

test('HTML: a changed number of table 四 → its group total, located by table, row and column', async () => {
  const html = (await file('html')).toString('utf8');
  const path = 'reviewAndLitigation.reconsideration.upheld';
  const before = new RegExp(`<td data-path="${path}">(\\d+)</td>`);
  const value = Number(before.exec(html)![1]);
  const r = await checkReceivedReport(Buffer.from(html.replace(before, `<td data-path="${path}">${value + 1}</td>`)));
  assert.deepEqual(summary(r), [
    'table4_group_total 四/reconsideration/total,四/reconsideration/upheld,四/reconsideration/corrected,四/reconsideration/other,四/reconsideration/pending',
  ]);
  const t = report.reviewAndLitigation.reconsideration;
  assert.equal(
    r.findings[0]!.zh,
    `表四“行政复议”：总计(${t.total}) ≠ 结果维持(${t.upheld + 1}) + 结果纠正(${t.corrected}) + 其他结果(${t.other}) + 尚未审结(${t.pending})`,
  );
  assert.equal(r.findings[0]!.cells[1]!.location, 'HTML 表格 3 第4行第1列');
});

test('HTML as served by a portal: other tables, attributes, entities and a missing table', async () => {
  const html = readHtml(
    '<html><body><table class="nav"><tr><td>首页</td></tr></table><h1>甲局2024年政府信息公开工作年度报告</h1><table><tr><td colspan=2>x &amp; y</td></tr></table></body></html>',
  );
  assert.equal(html.title, '甲局2024年政府信息公开工作年度报告');
  assert.deepEqual(html.grids[1]!.cells, [['x & y', 'x & y']]);
  const page = (await file('html'))
    .toString('utf8')
    .replace(/<div class="report-table"><table data-table="四">[\s\S]*?<\/table><\/div>/, '');
  const r = await checkReceivedReport(Buffer.from(page));
  assert.deepEqual(summary(r), ['table_missing ']);
  assert.equal(r.findings[0]!.zh, '文件中未找到表四');
});

test('DOCX: a changed number in the XML of table 三 → its identities, located as Word table, row, column', async () => {
  const zip = await JSZip.loadAsync(await file('docx'));
  const xml = await zip.file('word/document.xml')!.async('string');
  const edited = xml.replace(/<w:tr[ >](?:(?!<\/w:tr>)[\s\S])*?四、结转下年度继续办理[\s\S]*?<\/w:tr>/, (tr) => {
    const texts = [...tr.matchAll(/<w:t(?: [^>]*)?>(\d+)<\/w:t>/g)];
    const last = texts[texts.length - 1]!;
    return (
      tr.slice(0, last.index) +
      last[0].replace(`>${last[1]}<`, `>${Number(last[1]) + 3}<`) +
      tr.slice(last.index! + last[0].length)
    );
  });
  assert.notEqual(edited, xml);
  zip.file('word/document.xml', edited);
  const r = await checkReceivedReport(await zip.generateAsync({ type: 'nodebuffer' }));
  assert.deepEqual(
    summary(r).map((s) => s.split(' ')[0]),
    ['table3_balance', 'table3_row_total'],
  );
  assert.deepEqual(
    r.findings.map((f) => f.cells[0]!.cell),
    ['三/newReceived/total', '三/carriedForward/total'],
  );
  const a = report.applications;
  assert.equal(
    r.findings[0]!.en,
    `Table 3, column "Total": r1 (${a.newReceived.total}) + r2 (${a.carriedOver.total}) ≠ r3.7 (${a.outcomes.total.total}) + r4 (${a.carriedForward.total + 3})`,
  );
  assert.equal(r.findings[1]!.cells[0]!.location, 'Word 表格 2 第28行第10列');
});

test('the 2019 layout reads: （六） as one row, table 二 noted and not checked', async () => {
  const b2019 = buildAnnualReport(sampleInputs(2020, 'all'), '2019');
  for (const format of ['xlsx', 'html', 'docx'] as const) {
    const out = await renderReport(b2019, format);
    const r = await checkReceivedReport(Buffer.isBuffer(out) ? out : Buffer.from(out));
    assert.deepEqual(r.findings, [], `${format}: ${summary(r).join('; ')}`);
    assert.equal(r.tables['三']?.layout, '2019');
    assert.equal(r.tables['二']?.layout, '2019');
  }
  assert.ok(reportView(b2019.report, '2019'));
});

test('format by content, not by name; unreadable input is refused with a reason', async () => {
  assert.equal(await detectFormat(await file('docx')), 'docx');
  assert.equal(await detectFormat(await file('xlsx')), 'xlsx');
  assert.equal(await detectFormat(Buffer.from('\uFEFF  {"format":"2021"}')), 'json');
  assert.equal(await detectFormat(Buffer.from('<!DOCTYPE html><html></html>')), 'html');
  const refused = async (bytes: Buffer, pattern: RegExp) => {
    await assert.rejects(
      checkReceivedReport(bytes),
      (e: unknown) => e instanceof UnreadableReport && pattern.test(e.message),
    );
  };
  await refused(Buffer.alloc(0), /文件为空/);
  await refused(Buffer.from('%PDF-1.7 ...'), /PDF/);
  await refused(Buffer.from('just text'), /无法识别的文件/);
  await refused(Buffer.from('{"format": 20'), /JSON格式错误/);
  await refused(Buffer.from('{"format": "2030"}'), /format应为/);
  await refused(Buffer.from('<html><body><p>no tables</p></body></html>'), /没有找到表二、表三或表四/);
  const zip = new JSZip();
  zip.file('hello.txt', 'hi');
  await refused(await zip.generateAsync({ type: 'nodebuffer' }), /既不是Word文档/);
  await refused(Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.from('garbage')]), /压缩文件已损坏/);
  // A few bytes asking for a huge grid: refused, not built.
  const bomb = `<table>${'<tr><td colspan="99999" rowspan="99999">1</td></tr>'.repeat(3000)}</table>`;
  await refused(Buffer.from(bomb), /表格过大/);
});

test('an XLSX whose used range is enormous reads only the first rows and columns', async () => {
  const bytes = await editSheet(await file('xlsx'), (wb) => {
    wb.getWorksheet('表四')!.getCell(1_000_000, 16_000).value = 'far away';
  });
  const r = await checkReceivedReport(bytes);
  assert.deepEqual(r.findings, []);
});
