// Exports parsed back: every value cell of the DOCX and XLSX tables equals the JSON at its path; the
// HTML tables are accessible (caption, scoped headers); table 四 by hand from the review figures.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { buildAnnualReport } from './report-builder.ts';
import { defaultTemplate } from './report-formats.ts';
import { placeCells, reportView, type ReportView } from './report-view.ts';
import { reportDocx } from './export/docx.ts';
import { reportXlsx } from './export/xlsx.ts';
import { reportHtmlDocument, tableHtml } from './export/html.ts';
import { sampleInputs } from './sample-inputs.test-support.ts';
import { validateAgainstSchema } from './report-schema.test-support.ts';
import { checkReportArithmetic } from './report-arithmetic.ts';
import type { AnnualReport, AnnualReport2008, AnnualReport2021 } from './report-types.ts';

function read(report: unknown, path: string): number {
  let node = report as Record<string, unknown> | undefined;
  for (const k of path.split('.')) node = node?.[k] as Record<string, unknown> | undefined;
  return node as unknown as number;
}

const json = (r: AnnualReport): AnnualReport => JSON.parse(JSON.stringify(r)) as AnnualReport;

test('table 四 and table 二 from the other modules’ figures, every cell by hand', () => {
  const r = buildAnnualReport(sampleInputs(), '2021').report as AnnualReport2021;
  assert.deepEqual(r.reviewAndLitigation, {
    reconsideration: { upheld: 2, corrected: 1, other: 0, pending: 1, total: 4 },
    litigationDirect: { upheld: 1, corrected: 0, other: 1, pending: 0, total: 2 },
    litigationAfterReconsideration: { upheld: 0, corrected: 1, other: 0, pending: 2, total: 3 },
  });
  assert.deepEqual(r.provenance!['reviewAndLitigation.litigationAfterReconsideration.pending'], ['ap1', 'ap2']);
  assert.deepEqual(r.proactive, {
    regulations: { issued: 0, repealed: 0, inForce: 0 },
    normativeDocuments: { issued: 2, repealed: 1, inForce: 3 },
    licences: { decisions: 12 },
    penalties: { decisions: 3 },
    coercion: { decisions: 0 },
    administrativeFees: { amountTenThousandYuan: 1.25 },
  });
  assert.deepEqual(checkReportArithmetic(r), []);
  assert.deepEqual(validateAgainstSchema(json(r)), []);
});

test('2008 template: channels, website growth, power items and workflows', () => {
  const r = buildAnnualReport(sampleInputs(), '2008').report as AnnualReport2008;
  assert.equal(r.proactive.totalPublished, 12);
  assert.equal(r.proactive.websitePublished, 6);
  assert.equal(r.proactive.previousYearWebsitePublished, 4);
  assert.equal(r.proactive.websiteGrowthPercent, 50);
  assert.deepEqual(r.proactive.byChannel, { governmentPortal: 5, ownWebsite: 4, weibo: 3 });
  assert.equal(r.proactive.powerCatalogItems, 120);
  assert.equal(r.proactive.serviceWorkflows, 153);
  assert.deepEqual(r.reviewAndLitigation, { reconsiderations: 4, lawsuits: 5 });
  assert.match(
    r.narrative.proactive!,
    /共发布信息12条。其中，在政府门户网站和本部门网站发布政府信息6条，较2024年增长50\.0%。并公开120项职权目录、153个业务工作流程。/,
  );
  assert.deepEqual(validateAgainstSchema(json(r)), []);
});

test('the template defaults by year', () => {
  assert.deepEqual([2013, 2018, 2019, 2020, 2021, 2025].map(defaultTemplate), [
    '2008',
    '2008',
    '2019',
    '2019',
    '2021',
    '2021',
  ]);
});

/** Rows of each Word table as lists of cell texts, without the vertical-merge continuation cells. */
async function docxTables(buffer: Buffer): Promise<string[][][]> {
  const xml = await (await JSZip.loadAsync(buffer)).file('word/document.xml')!.async('string');
  const text = (s: string) => [...s.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  return [...xml.matchAll(/<w:tbl>([\s\S]*?)<\/w:tbl>/g)].map((t) =>
    [...t[1]!.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
      [...tr[0].matchAll(/<w:tc>([\s\S]*?)<\/w:tc>/g)]
        .filter((tc) => !/<w:vMerge\/>|<w:vMerge w:val="continue"\/>/.test(tc[1]!))
        .map((tc) => text(tc[1]!)),
    ),
  );
}

function assertCellsEqualJson(
  view: ReportView,
  report: AnnualReport,
  got: (tableIndex: number, row: number, col: number, cellIndex: number) => unknown,
) {
  let checked = 0;
  view.sections
    .flatMap((s) => s.tables)
    .forEach((table, ti) => {
      const placed = placeCells(table);
      table.rows.forEach((cells, ri) => {
        cells.forEach((cell, ci) => {
          const p = placed.find((x) => x.cell === cell)!;
          const value = got(ti, ri, p.col, ci);
          if (cell.path && !cell.path.includes('*')) {
            assert.equal(Number(value), read(report, cell.path), `${table.id} ${cell.path}`);
            checked++;
          } else assert.equal(String(value ?? ''), cell.text, `${table.id} row ${ri} col ${p.col}`);
        });
      });
    });
  return checked;
}

for (const template of ['2021', '2019', '2008'] as const) {
  test(`DOCX (${template}): Word tables whose cells equal the JSON`, async () => {
    const built = buildAnnualReport(sampleInputs(2025, 'all'), template);
    const view = reportView(built.report, template);
    const tables = await docxTables(await reportDocx(view));
    assert.equal(tables.length, view.sections.flatMap((s) => s.tables).length);
    const checked = assertCellsEqualJson(view, json(built.report), (ti, ri, _col, ci) => tables[ti]![ri]![ci]);
    assert.ok(checked >= { 2008: 10, 2019: 170, 2021: 190 }[template], `checked ${checked}`);
  });

  test(`XLSX (${template}): one sheet per table, merged headers, cells equal the JSON`, async () => {
    const built = buildAnnualReport(sampleInputs(2025, 'all'), template);
    const view = reportView(built.report, template);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load((await reportXlsx(view)) as unknown as ArrayBuffer);
    const sheets = view.sections.flatMap((s) => s.tables).map((t) => wb.getWorksheet(`表${t.id}`)!);
    assert.ok(sheets.every(Boolean));
    assertCellsEqualJson(view, json(built.report), (ti, ri, col) => {
      const v = sheets[ti]!.getCell(2 + ri, 1 + col).value;
      return v;
    });
    if (template !== '2008') {
      const merges = (sheets.find((s) => s.name === '表三')!.model as { merges: string[] }).merges;
      assert.ok(merges.includes('A2:C4'), merges.join(' '));
      assert.ok(merges.includes('D2:J2'));
      assert.ok(merges.includes(template === '2021' ? 'A7:A28' : 'A7:A26'), merges.join(' '));
    }
  });
}

test('HTML: captions, scoped headers, spans; links a cell to its provenance when asked', () => {
  const built = buildAnnualReport(sampleInputs(), '2021');
  const view = reportView(built.report, '2021');
  const t3 = view.sections.flatMap((s) => s.tables).find((t) => t.id === '三')!;
  const html = tableHtml(t3, (path) => `/cells/${path}`);
  assert.match(html, /<caption>表三 收到和处理政府信息公开申请情况<\/caption>/);
  assert.match(html, /<th scope="colgroup" colspan="7">申请人情况<\/th>/);
  assert.match(html, /<th scope="rowgroup" rowspan="22">三、本年度办理结果<\/th>/);
  assert.match(
    html,
    /<td data-path="applications.newReceived.total"><a href="\/cells\/applications.newReceived.total">7<\/a><\/td>/,
  );
  const doc = reportHtmlDocument(view);
  assert.doesNotMatch(doc, /<script/);
  assert.match(doc, /<html lang="zh-CN">/);
});
