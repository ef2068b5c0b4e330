// Bulk import of a catalog: a generated CSV with bad rows mixed in at known places. The exact bad
// row numbers are reported, every good row is imported (version, status row, audit event,
// website record each), nothing of a bad row is written. 100,000 rows on SQLite; a smaller file
// on PostgreSQL (every row there is a dozen network round trips).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { forEachDialect } from '../../../test/support/database.ts';
import { configureAudit, systemContext } from '../../platform/audit/audit.ts';
import { verifyAuditChain } from '../../platform/audit/verify.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { organisationService } from '../organisation/organisation.service.ts';
import { websiteItemCount } from '../channels/channels.store.ts';
import { importCatalog } from './catalog-import.service.ts';
import { mapHeader, normaliseDate, parseCatalogRow, type RowContext } from './catalog-row.ts';

const HEADER = [
  '标题',
  '文号',
  '责任科室',
  '成文日期',
  '发布日期',
  '分类',
  '条例第二十条项目',
  '主题',
  '正文',
  '发布渠道',
];

/** Kinds of defect, one per bad row, rotating; each must be caught by validation. */
const DEFECTS: ((cells: string[]) => void)[] = [
  (c) => (c[0] = ''), // no title
  (c) => (c[2] = '不存在的科室'),
  (c) => (c[3] = '2013-02-30'),
  (c) => (c[4] = '2012-01-01'), // published before formed
  (c) => (c[5] = '未知分类'),
  (c) => (c[6] = '16'),
  (c) => (c[8] = '联系人身份证号430602199001011235，请核对'), // personal data
  (c) => (c[9] = 'fax'),
];

function csvCell(value: string): string {
  return /[",\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** Writes `rows` data rows; returns the file and the row numbers (header = row 1) made bad. */
function generateCsv(dir: string, rows: number, badEvery: number): { file: string; bad: number[] } {
  const lines = [HEADER.join(',')];
  const bad: number[] = [];
  const units = ['办公室', '政策法规科', '就业促进科'];
  for (let i = 0; i < rows; i++) {
    const rowNo = i + 2;
    const month = String((i % 12) + 1).padStart(2, '0');
    const day = String((i % 27) + 1).padStart(2, '0');
    const cells = [
      `关于2013年第${i + 1}号工作事项的通知`,
      i % 10 === 0 ? `岳人社发〔2013〕${i + 1}号` : '',
      units[i % 3]!,
      `2013-${month}-${day}`,
      i % 5 === 0
        ? `2013/${Number(month)}/${Number(day) + 1}`
        : `2013-${month}-${String(Number(day) + 1).padStart(2, '0')}`,
      i % 4 === 0 ? '工作动态' : 'notice',
      i % 7 === 0 ? '15' : '',
      '人社动态',
      // Commas, quotes and a line break inside quoted cells.
      i % 9 === 0 ? '第一段，含“引号”和 "ASCII quotes"\n第二段' : '正文',
      i % 6 === 0 ? 'own_website;weibo' : '',
    ];
    if (i % badEvery === badEvery - 1) {
      DEFECTS[bad.length % DEFECTS.length]!(cells);
      bad.push(rowNo);
    }
    lines.push(cells.map(csvCell).join(','));
  }
  const file = join(dir, `catalog-${rows}.csv`);
  // A BOM, as Excel writes it.
  writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
  return { file, bad };
}

test('header mapping accepts Chinese labels and English keys, and names missing columns', () => {
  assert.deepEqual(mapHeader(['\uFEFF标题', 'unit', 'Formation Date', '发布日期']).missing, ['category']);
  assert.deepEqual(mapHeader(['title', 'unit', 'formation_date', 'publication_date', 'category', 'x']).columns, [
    'title',
    'unit',
    'formation_date',
    'publication_date',
    'category',
    null,
  ]);
});

test('dates in the usual spreadsheet forms are normalised', () => {
  assert.equal(normaliseDate('2013/5/6'), '2013-05-06');
  assert.equal(normaliseDate('2013年5月6日'), '2013-05-06');
  assert.equal(normaliseDate('2013.12.31'), '2013-12-31');
  assert.equal(normaliseDate('5/6/2013'), '5/6/2013');
});

test('a row reports every problem at once, in both languages', () => {
  const context: RowContext = {
    agencies: new Map([['a', { id: 1, units: new Map([['办公室', 7]]) }]]),
    defaultAgency: 'a',
    today: '2026-11-29',
  };
  const { item, issues } = parseCatalogRow(
    { title: '', unit: '无', formation_date: '2013-13-01', publication_date: '2013-01-02', category: 'x' },
    context,
  );
  assert.equal(item, undefined);
  assert.deepEqual(
    issues.map((i) => i.field),
    ['title', 'unit', 'formation_date', 'category'],
  );
  assert.ok(issues.every((i) => i.message.zh && i.message.en && i.message.zh !== i.message.en));
  const ok = parseCatalogRow(
    {
      title: '通知',
      unit: '办公室',
      formation_date: '2013-01-01',
      publication_date: '2013-01-02',
      category: '通知公告',
      channels: 'weibo、wechat',
    },
    context,
  );
  assert.deepEqual(ok.issues, []);
  assert.equal(ok.item?.category, 'notice');
  assert.deepEqual(ok.item?.channels, ['weibo', 'wechat']);
});

forEachDialect('catalog import', (t) => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-import-'));
  let agencyId = 0;
  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    const db = t.handle.db;
    await calendarService.seedFromFile(db);
    agencyId = await organisationService.createAgency(db, systemContext, {
      code: 'imp',
      name: '导入测试局',
      level: 'city',
      kind: 'department',
    });
    for (const [i, name] of ['办公室', '政策法规科', '就业促进科'].entries())
      await organisationService.createUnit(db, systemContext, agencyId, { name, kind: 'department', sort_order: i });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test('a dry run validates and writes nothing', async () => {
    const { file, bad } = generateCsv(dir, 200, 25);
    const result = await importCatalog(t.handle.db, systemContext, file, { agencyCode: 'imp', dryRun: true });
    assert.deepEqual(
      result.failures.map((f) => f.row),
      bad,
    );
    assert.equal(result.imported, 200 - bad.length);
    assert.equal(await websiteItemCount(t.handle.db, [agencyId], 2013), 0);
  });

  // The suite imports 10,000 rows on SQLite (3,000 on PostgreSQL) so that npm test stays short; the
  // full size, 100,000 rows, runs with `npm run test:import-long` (GONGKAI_IMPORT_ROWS=100000).
  const rows = Number(process.env.GONGKAI_IMPORT_ROWS ?? (t.dialect === 'sqlite' ? 10_000 : 3_000));
  test(`${rows.toLocaleString('en')} rows with bad rows mixed in: exact bad rows, the rest imported`, async () => {
    const db = t.handle.db;
    const { file, bad } = generateCsv(dir, rows, 997);
    const started = Date.now();
    const cpu = process.cpuUsage();
    const result = await importCatalog(db, systemContext, file, { agencyCode: 'imp', batchSize: 1000 });
    const seconds = (Date.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    const cpuSeconds = (used.user + used.system) / 1e6;
    // Wall clock on a shared machine says little; the process's CPU time says what the import costs.
    console.log(
      `# import of ${rows} rows on ${t.dialect}: ${seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU (${Math.round(rows / cpuSeconds)} rows per CPU second)`,
    );
    assert.equal(result.rows, rows);
    assert.deepEqual(
      result.failures.map((f) => f.row),
      bad,
    );
    assert.equal(result.imported, rows - bad.length);
    // Every kind of defect was caught with a bilingual message.
    assert.ok(result.failures.every((f) => f.issues.length > 0 && f.issues.every((i) => i.message.zh && i.message.en)));
    assert.equal(await websiteItemCount(db, [agencyId], 2013), rows - bad.length);
    const count = async (table: 'item_versions' | 'item_status_history' | 'information_items') =>
      Number(
        (
          await db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    assert.equal(await count('information_items'), rows - bad.length);
    assert.equal(await count('item_versions'), rows - bad.length);
    assert.equal(await count('item_status_history'), rows - bad.length);
    const audits = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'publishing.import')
      .executeTakeFirstOrThrow();
    assert.equal(Number(audits.n), rows - bad.length);
    // Nothing of a bad row: no item carries a bad row's title.
    const badTitles = await db
      .selectFrom('item_versions')
      .select('id')
      .where('title', '=', `关于2013年第${bad[1]! - 1}号工作事项的通知`)
      .execute();
    assert.equal(badTitles.length, 0);
    // Index numbers are unique and the published dates the file's.
    const item = await db
      .selectFrom('information_items')
      .select(['publication_date', 'status'])
      .orderBy('id')
      .executeTakeFirstOrThrow();
    assert.deepEqual(item, { publication_date: '2013-01-02', status: 'published' });
  });

  test('the audit chain holds after the import', async () => {
    assert.equal((await verifyAuditChain(t.handle.db, undefined)).ok, true);
  });

  test('XLSX: the same mapping, rows numbered as the spreadsheet shows them', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('目录');
    sheet.addRow(HEADER);
    sheet.addRow([
      '关于开展2014年就业援助月活动的通知',
      '',
      '就业促进科',
      new Date(Date.UTC(2014, 0, 6)),
      '2014-01-08',
      'notice',
      '11',
      '就业',
      '正文',
      'own_website',
    ]);
    sheet.addRow(['', '', '就业促进科', '2014-01-06', '2014-01-08', 'notice', '', '', '', '']);
    sheet.addRow([
      '2014年第1期人社简报',
      '',
      '办公室',
      '2014-01-10',
      '2014-01-10',
      '工作动态',
      '',
      '人社简报',
      '正文',
      '',
    ]);
    const file = join(dir, 'catalog.xlsx');
    await workbook.xlsx.writeFile(file);
    const result = await importCatalog(t.handle.db, systemContext, file, { agencyCode: 'imp' });
    assert.equal(result.rows, 3);
    assert.equal(result.imported, 2);
    assert.deepEqual(
      result.failures.map((f) => f.row),
      [3],
    );
    assert.equal(await websiteItemCount(t.handle.db, [agencyId], 2014), 2);
  });
});
