// Every format of the demo's 2013 report — the page's view model, DOCX, XLSX and HTML, for the
// bureau and for the roll-up, in the 2008 format it was made in and in the 2021 tables — read back
// as text and passed through the official-text checker: no code name (licensing_result,
// yearlyFigures, applications.newReceived…) reaches the Chinese output. And the labels by hand.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import ExcelJS from 'exceljs';
import { forEachDialect } from '../../../test/support/database.ts';
import { DEMO_PASSWORD, testConfig } from '../../../test/support/app.ts';
import { readDocx } from '../../../test/support/docx.ts';
import { configureAudit } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { assertOfficialText } from '../../platform/official-text/check.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { loadDemo } from '../../demo/demo.ts';
import { computeAnnualReport } from './report.service.ts';
import { renderReport } from './export/render.ts';
import { reportView } from './report-view.ts';
import { categoryLabel, missingYearlyFiguresNote, table3CellLabel } from './report-labels.ts';

test('labels by hand: category, table 三 cell, missing yearly figures', () => {
  assert.deepEqual(categoryLabel('licensing_result'), { zh: '行政许可结果', en: 'Licensing results' });
  assert.deepEqual(categoryLabel('normative_document').zh, '规范性文件');
  assert.deepEqual(categoryLabel('made_up_key').zh, '其他类别');
  assert.deepEqual(table3CellLabel('applications.newReceived.naturalPerson'), {
    zh: '表三 一、本年新收政府信息公开申请数量 · 自然人',
    en: 'Table 3, New applications received this year · Natural person',
  });
  assert.equal(
    table3CellLabel('applications.outcomes.withheld.stateSecret.total')?.zh,
    '表三 （三）不予公开1.属于国家秘密 · 总计',
  );
  assert.equal(table3CellLabel('applications.nothing.total'), null);
  assert.equal(
    missingYearlyFiguresNote(['licence', 'penalty', 'coercion', 'fee'], 2),
    '2个机关未录入行政许可、行政处罚、行政强制、行政事业性收费年度数据',
  );
});

async function xlsxText(bytes: Buffer | string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.eachSheet((sheet) => {
    out.push(sheet.name);
    sheet.eachRow((row) => row.eachCell((cell) => out.push(String(cell.text ?? ''))));
  });
  return out.join('\n');
}

/** The text a reader sees in the HTML: no markup, styles or attribute values. */
function htmlText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<script[\s\S]*?<\/script>/g, '')
    .replace(/<[^>]*>/g, '\n')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

forEachDialect('report labels in every format', (t) => {
  test('load the demo', async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    await loadDemo(t.handle, DEMO_PASSWORD, {
      mustChange: false,
      vault: createVault(testConfig().personalDataCipher, ['00'.repeat(32)]),
    });
  });

  for (const rollup of [false, true])
    for (const template of ['2008', '2021'] as const)
      test(`2013 ${rollup ? 'roll-up' : 'bureau'} in the ${template} format: no code name in any format`, async () => {
        const built = await computeAnnualReport(t.handle.db, {
          agencyCode: 'yueyang-hrss',
          year: 2013,
          template,
          rollup,
          generatedAt: '2026-01-20T00:00:00.000Z',
        });
        const where = `2013 ${rollup ? 'roll-up' : 'bureau'} ${template}`;
        const view = reportView(built.report, built.template, built.unavailable);
        const viewText = [
          view.title,
          ...view.unavailable,
          ...view.sections.flatMap((s) => [
            s.heading,
            ...s.paragraphs,
            ...s.tables.flatMap((tb) => [tb.caption, ...tb.rows.flat().map((c) => c.text)]),
          ]),
        ].join('\n');
        assertOfficialText(viewText, `${where} view`);
        if (template === '2008') assert.match(viewText, /按内容：[^a-z\n]+（条）/);
        assertOfficialText((await readDocx((await renderReport(built, 'docx')) as Buffer)).text, `${where} DOCX`);
        assertOfficialText(await xlsxText(await renderReport(built, 'xlsx')), `${where} XLSX`);
        assertOfficialText(htmlText(String(await renderReport(built, 'html'))), `${where} HTML`);
      });
});
