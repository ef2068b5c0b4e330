// Import of table 二's yearly figures on both engines: headers in Chinese or English, CSV and
// XLSX, every bad row reported with its number and bilingual reasons — and then nothing written
// (the figures of a year go into the report together); a good file written in one transaction
// with its audit events, a later file correcting a figure and leaving the others. The console
// upload (CSRF, policy, refused rows listed) and the CLI's exit codes.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import { BOUNDARY, multipart } from '../../../test/support/uploads.ts';
import type { Db } from '../../db/database.ts';
import { connectSqlite } from '../../db/connect.ts';
import { migrateToLatest } from '../../db/migrate.ts';
import { configureAudit, systemContext } from '../../platform/audit/audit.ts';
import { AppError } from '../../platform/errors.ts';
import { organisationService } from '../organisation/organisation.service.ts';
import { readUploadedRows } from '../catalog-import/spreadsheet.ts';
import { importYearlyFigures, mapFigureHeader } from './figures-import.ts';

async function* rowsOf(lines: string[][]): AsyncGenerator<string[]> {
  for (const l of lines) yield l;
}

async function figures(db: Db, agencyId: number) {
  const rows = await db
    .selectFrom('yearly_figures')
    .select(['year', 'kind', 'decisions', 'amount_fen', 'source'])
    .where('agency_id', '=', agencyId)
    .orderBy('year')
    .orderBy('kind')
    .execute();
  return rows.map((r) => [
    r.year,
    r.kind,
    r.decisions === null ? null : Number(r.decisions),
    r.amount_fen === null ? null : Number(r.amount_fen),
    r.source,
  ]);
}

test('headers: Chinese labels or English keys; the year and at least one figure are required', () => {
  assert.deepEqual(
    mapFigureHeader(['机关代码', '年度', '行政许可', '行政处罚', '行政强制', '行政事业性收费（万元）']).columns,
    ['agency', 'year', 'licence', 'penalty', 'coercion', 'fee'],
  );
  assert.deepEqual(mapFigureHeader(['Year', 'fee', '备注']).columns, ['year', 'fee', null]);
  assert.deepEqual(mapFigureHeader(['行政许可']).missing, ['year']);
  assert.deepEqual(mapFigureHeader(['年度', '备注']).missing, ['licence', 'penalty', 'coercion', 'fee']);
});

forEachDialect('yearly figures import', (t) => {
  let db: Db;
  let a = 0;
  let b = 0;
  before(async () => {
    db = t.handle.db;
    configureAudit({ algorithm: 'sha256', key: undefined });
    a = await organisationService.createAgency(db, systemContext, {
      code: 'fig-a',
      name: '甲局',
      level: 'city',
      kind: 'department',
    });
    b = await organisationService.createAgency(db, systemContext, {
      code: 'fig-b',
      name: '乙局',
      level: 'county',
      kind: 'department',
    });
  });

  test('a file with bad rows writes nothing and reports every bad row', async () => {
    const result = await importYearlyFigures(
      db,
      systemContext,
      rowsOf([
        ['机关代码', '年度', '行政许可', '行政处罚', '行政强制', '行政事业性收费（万元）'],
        ['fig-a', '2023', '1,250', '3', '0', '12.5'],
        ['fig-a', '2023', '1', '', '', ''],
        ['nope', '2023', '1', '', '', ''],
        ['fig-b', '2007', '-1', 'x', '', '1.0000001'],
        ['fig-b', '2024', '', '', '', ''],
        ['', '', '', '', '', ''],
      ]),
    );
    assert.equal(result.imported, 0);
    assert.deepEqual(
      result.failures.map((f) => f.row),
      [3, 4, 5, 6],
    );
    assert.match(result.failures[0]!.issues[0]!.message.zh, /第2行/);
    assert.match(result.failures[1]!.issues[0]!.message.en, /nope/);
    assert.deepEqual(
      result.failures[2]!.issues.map((i) => i.field),
      ['year', 'licence', 'penalty', 'fee'],
    );
    assert.match(result.failures[3]!.issues[0]!.message.zh, /至少填写一项/);
    assert.deepEqual(await figures(db, a), [], 'nothing half-written');
  });

  test('a good file is written in one go; a later one corrects a figure and leaves the rest', async () => {
    const events = async () =>
      Number(
        (
          await db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', 'in', ['figures.set', 'figures.import'])
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await events();
    const result = await importYearlyFigures(
      db,
      systemContext,
      rowsOf([
        ['year', 'licence', 'penalty', 'coercion', 'fee', 'agency'],
        ['2023', '1,250', '3', '0', '12.5', 'fig-a'],
        ['2024', '980', '', '', '0.000001', 'fig-a'],
        ['2024', '7', '1', '0', '', 'fig-b'],
      ]),
      { source: 'figures.csv' },
    );
    assert.deepEqual(result.failures, []);
    assert.equal(result.imported, 3);
    assert.deepEqual(await figures(db, a), [
      [2023, 'coercion', 0, null, 'imported'],
      [2023, 'fee', null, 12_500_000, 'imported'],
      [2023, 'licence', 1250, null, 'imported'],
      [2023, 'penalty', 3, null, 'imported'],
      [2024, 'fee', null, 1, 'imported'],
      [2024, 'licence', 980, null, 'imported'],
    ]);
    assert.equal((await events()) - before, 4 + 2 + 3 + 1, 'one event per figure and one for the file');
    await importYearlyFigures(
      db,
      systemContext,
      rowsOf([
        ['年度', '行政处罚'],
        ['2023', '4'],
      ]),
      { agencyCode: 'fig-a' },
    );
    const after = await figures(db, a);
    assert.deepEqual(
      after.find((f) => f[0] === 2023 && f[1] === 'penalty'),
      [2023, 'penalty', 4, null, 'imported'],
    );
    assert.deepEqual(
      after.find((f) => f[0] === 2023 && f[1] === 'licence'),
      [2023, 'licence', 1250, null, 'imported'],
    );
  });

  test('XLSX with numbers as numbers; an agency outside the importer’s reach is refused', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('表二');
    sheet.addRow(['机关代码', '年度', '行政许可', '行政事业性收费（万元）']);
    sheet.addRow(['fig-b', 2022, 15, 3.25]);
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const denied = await importYearlyFigures(db, systemContext, readUploadedRows(bytes, 'figures.xlsx'), {
      allowedAgencyIds: new Set([a]),
    });
    assert.deepEqual(
      denied.failures.map((f) => f.issues[0]!.field),
      ['agency'],
    );
    const ok = await importYearlyFigures(db, systemContext, readUploadedRows(bytes, 'figures.xlsx'), {
      allowedAgencyIds: new Set([a, b]),
    });
    assert.equal(ok.imported, 1);
    assert.deepEqual(
      (await figures(db, b)).filter((f) => f[0] === 2022),
      [
        [2022, 'fee', null, 3_250_000, 'imported'],
        [2022, 'licence', 15, null, 'imported'],
      ],
    );
    // The content decides: a workbook named .csv, or text named .xlsx, is refused.
    await assert.rejects(async () => {
      for await (const _ of readUploadedRows(bytes, 'figures.csv'));
    }, AppError);
    await assert.rejects(async () => {
      for await (const _ of readUploadedRows(Buffer.from('年度,行政许可\n2022,1\n'), 'figures.xlsx'));
    }, AppError);
  });
});

forEachDialect('yearly figures upload in the console', (t) => {
  let app: FastifyInstance;
  before(async () => {
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle);
  });
  after(async () => app.close());

  async function upload(c: Client, filename: string, content: string) {
    await c.get('/admin/yearly-figures');
    return app.inject({
      method: 'POST',
      url: '/admin/yearly-figures/import',
      headers: { cookie: c.cookieHeader(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart([
        { name: '_csrf', value: c.csrfToken! },
        { name: 'file', value: Buffer.from(content), filename, type: 'text/csv' },
      ]),
    });
  }

  test('the disclosure office uploads a CSV; refused rows are listed and nothing is written', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    const page = await officer.get('/admin/yearly-figures');
    assert.match(page.body, /action="\/admin\/yearly-figures\/import"/);
    const bad = await upload(officer, 'figures.csv', '年度,行政许可,行政事业性收费（万元）\n2019,12,1.5\n2019,abc,\n');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /data-import-failures="1"/);
    assert.match(bad.body, /第3行/);
    const db = t.handle.db;
    const hrss = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    const none = await db
      .selectFrom('yearly_figures')
      .select('id')
      .where('agency_id', '=', hrss)
      .where('year', '=', 2019)
      .execute();
    assert.equal(none.length, 0);
    const good = await upload(officer, 'figures.csv', '年度,行政许可,行政事业性收费（万元）\n2019,12,1.5\n');
    assert.equal(good.statusCode, 303);
    assert.equal(good.headers.location, '/admin/yearly-figures?year=2019&imported=1');
    const shown = await officer.get(good.headers.location as string);
    assert.match(shown.body, /已导入1行/);
    const rows = await db
      .selectFrom('yearly_figures')
      .select(['kind', 'decisions', 'amount_fen'])
      .where('agency_id', '=', hrss)
      .where('year', '=', 2019)
      .orderBy('kind')
      .execute();
    assert.deepEqual(
      rows.map((r) => [
        r.kind,
        r.decisions === null ? null : Number(r.decisions),
        r.amount_fen === null ? null : Number(r.amount_fen),
      ]),
      [
        ['fee', null, 1_500_000],
        ['licence', 12, null],
      ],
    );
    const pdf = await upload(officer, 'figures.pdf', '%PDF-1.4');
    assert.equal(pdf.statusCode, 422);
    assert.match(pdf.body, /只支持 \.csv 与 \.xlsx 文件/);
  });

  test('a drafter may not upload figures', async () => {
    const drafter = new Client(app);
    await drafter.signIn('drafter');
    await drafter.get('/admin');
    const res = await app.inject({
      method: 'POST',
      url: '/admin/yearly-figures/import',
      headers: { cookie: drafter.cookieHeader(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart([
        { name: '_csrf', value: drafter.csrfToken ?? '' },
        { name: 'file', value: Buffer.from('年度,行政许可\n2019,1\n'), filename: 'f.csv' },
      ]),
    });
    assert.equal(res.statusCode, 403);
  });
});

test('gongkai import yearly-figures: exit 0 written, 1 refused (nothing written), 2 bad input', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gongkai-figures-cli-'));
  try {
    configureAudit({ algorithm: 'sha256', key: undefined });
    const handle = connectSqlite(join(dir, 'gongkai.sqlite'));
    await migrateToLatest(handle.db);
    const agency = await organisationService.createAgency(handle.db, systemContext, {
      code: 'cli-fig',
      name: '命令行局',
      level: 'city',
      kind: 'department',
    });
    await handle.close();
    writeFileSync(join(dir, 'good.csv'), '年度,行政许可,行政处罚\n2023,5,2\n');
    writeFileSync(join(dir, 'bad.csv'), '年度,行政许可\n2023,5\n2023,6\n');
    writeFileSync(join(dir, 'nocolumns.csv'), '行政许可\n5\n');
    const cli = fileURLToPath(new URL('../../../bin/gongkai.mjs', import.meta.url));
    const gongkai = (...args: string[]) => {
      const r = spawnSync(process.execPath, [cli, ...args], {
        env: { ...process.env, GONGKAI_DATA_DIR: dir, DATABASE_URL: '', LOG_LEVEL: 'silent' },
        encoding: 'utf8',
      });
      return { out: r.stdout, err: r.stderr, code: r.status ?? -1 };
    };
    const bad = gongkai('import', 'yearly-figures', join(dir, 'bad.csv'), '--agency', 'cli-fig');
    assert.equal(bad.code, 1, bad.err);
    assert.match(bad.out, /row 3: 同一机关同一年度已在第2行出现/);
    const good = gongkai('import', 'yearly-figures', join(dir, 'good.csv'), '--agency', 'cli-fig', '--json');
    assert.equal(good.code, 0, good.err);
    assert.equal((JSON.parse(good.out) as { imported: number }).imported, 1);
    const columns = gongkai('import', 'yearly-figures', join(dir, 'nocolumns.csv'), '--agency', 'cli-fig');
    assert.equal(columns.code, 2);
    assert.match(columns.err, /year/);
    const reopened = connectSqlite(join(dir, 'gongkai.sqlite'));
    const rows = await reopened.db
      .selectFrom('yearly_figures')
      .select(['kind', 'decisions'])
      .where('agency_id', '=', agency)
      .orderBy('kind')
      .execute();
    await reopened.close();
    assert.deepEqual(
      rows.map((r) => [r.kind, Number(r.decisions)]),
      [
        ['licence', 5],
        ['penalty', 2],
      ],
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
