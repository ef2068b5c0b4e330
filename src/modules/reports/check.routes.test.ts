// The checker page, the status page, the report-task dashboard panels and the report reminders on
// both engines, with the demo: the demo's 2025 report passes the checker in all four formats; a
// broken upload lists its failed identities; a bad file is refused and nothing is stored; recorded
// reports give the statuses; the panels follow the dates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, testApp, testConfig } from '../../../test/support/app.ts';
import { multipart, BOUNDARY, type Part } from '../../../test/support/uploads.ts';
import { configureAudit } from '../../platform/audit/audit.ts';
import { setClock } from '../../platform/clock.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { loadDemo } from '../../demo/demo.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { computeAnnualReport } from './report.service.ts';
import { renderReport } from './export/render.ts';
import { checkReceivedReport } from './check/checker.ts';
import { runReportReminders } from './report-reminders.ts';
import type { AnnualReport2021 } from './report-types.ts';
import { runReportCommand } from './report-cli.test-support.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Noon in China on a date, as the clock the routes read. */
const at = (date: string) => () => new Date(`${date}T04:00:00Z`);

forEachDialect('annual report checker and status', (t) => {
  let app: FastifyInstance;
  const files = new Map<string, Buffer>();
  let demo: AnnualReport2021;
  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    const config = testConfig();
    await loadDemo(t.handle, DEMO_PASSWORD, {
      mustChange: false,
      vault: createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir)),
    });
    app = await testApp(t.handle);
    const built = await computeAnnualReport(t.handle.db, { agencyCode: 'yueyang-hrss', year: 2025 });
    demo = built.report as AnnualReport2021;
    for (const format of ['json', 'xlsx', 'html', 'docx'] as const) {
      const out = await renderReport(built, format);
      files.set(format, Buffer.isBuffer(out) ? out : Buffer.from(out));
    }
  });
  after(async () => {
    setClock(undefined);
    await app.close();
  });

  const as = async (username: string) => {
    const c = new Client(app);
    assert.equal((await c.signIn(username, DEMO_PASSWORD)).statusCode, 303);
    return c;
  };
  const upload = async (
    c: Client,
    file: { name: string; bytes: Buffer } | null,
    fields: Record<string, string> = {},
    csrf = true,
  ) => {
    await c.get('/admin/reports/check');
    const parts: Part[] = [];
    if (csrf) parts.push({ name: '_csrf', value: c.csrfToken! });
    for (const [name, value] of Object.entries(fields)) parts.push({ name, value });
    parts.push(
      file
        ? { name: 'file', value: file.bytes, filename: file.name }
        : { name: 'file', value: Buffer.alloc(0), filename: '' },
    );
    return app.inject({
      method: 'POST',
      url: '/admin/reports/check',
      headers: { cookie: c.cookieHeader(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
      payload: multipart(parts),
    });
  };
  const idOf = async (code: string) =>
    (await t.handle.db.selectFrom('agencies').select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const stored = async () =>
    Number(
      (
        await t.handle.db
          .selectFrom('received_reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  test('the demo 2025 report passes `gongkai report check` in all four formats', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gongkai-demo-check-'));
    try {
      for (const [format, bytes] of files) {
        const r = await checkReceivedReport(bytes);
        assert.deepEqual(r.findings, [], `${format}: ${r.findings.map((f) => f.zh).join('; ')}`);
        if (format !== 'json')
          assert.deepEqual((r.report as unknown as AnnualReport2021).applications, demo.applications, format);
        const path = join(dir, `yueyang-hrss-2025.${format}`);
        writeFileSync(path, bytes);
        const cli = await runReportCommand('check', path);
        assert.equal(cli.code, 0, cli.out + cli.err);
        assert.match(cli.out, /全部勾稽关系核对通过。 \/ All identities hold\./);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('upload: a clean file shows its tables; a broken one lists the identities and cells; nothing is stored', async () => {
    const c = await as('supervisor');
    const page = await c.get('/admin/reports/check');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /enctype="multipart\/form-data"/);
    const ok = await upload(c, { name: 'report.xlsx', bytes: files.get('xlsx')! });
    assert.equal(ok.statusCode, 200);
    assert.match(ok.body, /data-passes="1"/);
    assert.match(ok.body, /全部勾稽关系核对通过。|All identities hold\./);
    assert.match(
      ok.body,
      new RegExp(`<td data-path="applications\\.newReceived\\.total">${demo.applications.newReceived.total}</td>`),
    );

    const broken = structuredClone(demo);
    broken.applications.carriedForward.otherOrg += 1;
    const bad = await upload(c, { name: 'report.json', bytes: Buffer.from(JSON.stringify(broken)) });
    assert.equal(bad.statusCode, 200);
    assert.match(bad.body, /data-passes="0"/);
    assert.deepEqual(
      [...bad.body.matchAll(/<li data-code="([a-z0-9_]+)"/g)].map((m) => m[1]),
      ['table3_balance', 'table3_row_total'],
    );
    assert.match(bad.body, /表三“其他（法人或其他组织）”列：一\(\d+\) \+ 二\(\d+\) ≠ 三\(七\)\(\d+\) \+ 四\(\d+\)/);
    assert.match(
      bad.body,
      /<td data-path="applications\.carriedForward\.otherOrg" class="tag--danger"><strong>\d+<\/strong><\/td>/,
    );
    assert.equal(await stored(), 0);
  });

  test('a bad file, no file, or no CSRF token: a clear error and nothing stored', async () => {
    const c = await as('supervisor');
    const garbage = await upload(c, { name: 'report.xlsx', bytes: Buffer.from('this is not a report') });
    assert.equal(garbage.statusCode, 422);
    assert.match(garbage.body, /无法读取该文件：无法识别的文件|The file cannot be read: unrecognised file/);
    assert.match(garbage.body, /href="#field-file"/);
    const none = await upload(c, null);
    assert.equal(none.statusCode, 422);
    assert.match(none.body, /请选择要核对的报告文件|Choose the report file to check/);
    const forged = await upload(c, { name: 'r.json', bytes: files.get('json')! }, { agency: '1', year: '2025' }, false);
    assert.equal(forged.statusCode, 403);
    assert.equal(await stored(), 0);
  });

  test('policy: a drafter and a leader may not check; an office may not record for an agency it does not follow', async () => {
    assert.equal((await (await as('drafter')).get('/admin/reports/check')).statusCode, 403);
    assert.equal((await (await as('leader')).get('/admin/reports/status')).statusCode, 403);
    const officer = await as('officer');
    const huarong = await t.handle.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'huarong-hrss')
      .executeTakeFirstOrThrow();
    const refused = await upload(
      officer,
      { name: 'r.json', bytes: files.get('json')! },
      { agency: String(huarong.id), year: '2025', published_on: '2026-01-10' },
    );
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /所选机关不在您负责的范围内|not one whose reports you follow/);
    assert.equal(await stored(), 0);
  });

  test('recorded reports give the statuses; the status page lists every followed agency', async () => {
    setClock(at('2026-03-01'));
    try {
      const c = await as('supervisor');
      const ids = Object.fromEntries(
        (await t.handle.db.selectFrom('agencies').select(['id', 'code']).execute()).map((a) => [a.code, String(a.id)]),
      );
      // Wrong year and a date before the year ended: refused, nothing stored.
      const wrongYear = await upload(
        c,
        { name: 'r.html', bytes: files.get('html')! },
        { agency: ids['huarong-hrss']!, year: '2024' },
      );
      assert.equal(wrongYear.statusCode, 422);
      assert.match(wrongYear.body, /文件中的报告年度为2025年|The file is the report for 2025/);
      const early = await upload(
        c,
        { name: 'r.html', bytes: files.get('html')! },
        { agency: ids['huarong-hrss']!, year: '2025', published_on: '2025-12-30' },
      );
      assert.equal(early.statusCode, 422);
      assert.equal(await stored(), 0);

      // huarong: published 10 Feb, after the department deadline of 31 Jan → late.
      const late = await upload(
        c,
        { name: 'r.docx', bytes: files.get('docx')! },
        { agency: ids['huarong-hrss']!, year: '2025', published_on: '2026-02-10' },
      );
      assert.equal(late.statusCode, 200);
      assert.match(
        late.body,
        /已记录为.*2025年度的报告，状态：逾期公布|Recorded as the 2025 report of .*; status: Published late/,
      );
      // county bureau: its figures do not add up → failing, even though published on time.
      const broken = structuredClone(demo);
      broken.reviewAndLitigation.reconsideration.total += 1;
      const failing = await upload(
        c,
        { name: 'r.json', bytes: Buffer.from(JSON.stringify(broken)) },
        { agency: ids['yueyang-county-hrss']!, year: '2025', published_on: '2026-01-20' },
      );
      assert.equal(failing.statusCode, 200);
      // the bureau itself: on time.
      assert.equal(
        (
          await upload(
            c,
            { name: 'r.xlsx', bytes: files.get('xlsx')! },
            { agency: ids['yueyang-hrss']!, year: '2025', published_on: '2026-01-25' },
          )
        ).statusCode,
        200,
      );
      assert.equal(await stored(), 3);
      const audit = await t.handle.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'reports.received')
        .execute();
      assert.equal(audit.length, 3);

      const status = await c.get('/admin/reports/status?year=2025');
      assert.equal(status.statusCode, 200);
      const rows = Object.fromEntries(
        [...status.body.matchAll(/<tr data-agency="([\w-]+)" data-status="(\w+)">/g)].map((m) => [m[1], m[2]]),
      );
      assert.deepEqual(rows, { 'yueyang-hrss': 'published', 'yueyang-county-hrss': 'failing', 'huarong-hrss': 'late' });
      // Another year: nothing received, all missing.
      const y2024 = await c.get('/admin/reports/status?year=2024');
      assert.deepEqual(
        [...y2024.body.matchAll(/<tr data-agency="[\w-]+" data-status="(\w+)">/g)].map((m) => m[1]),
        ['missing', 'missing', 'missing'],
      );
      assert.equal((await c.get('/admin/reports/status?year=1999')).statusCode, 404);
      // The bureau's own report compiled on the platform (the publication workflow's documents).
      const stamp = '2025-01-05T00:00:00.000Z';
      await t.handle.db
        .insertInto('report_documents')
        .values({
          agency_id: Number(ids['yueyang-hrss']),
          report_year: 2024,
          template: '2021',
          scope: 'agency',
          status: 'draft',
          current_version_id: null,
          published_version_id: null,
          published_on: null,
          is_late: 0,
          published_html: null,
          created_by: null,
          created_at: stamp,
          updated_at: stamp,
        })
        .execute();
      const statusOf = async (code: string, year: number) =>
        new RegExp(`<tr data-agency="${code}" data-status="(\\w+)">`).exec(
          (await c.get(`/admin/reports/status?year=${year}`)).body,
        )?.[1];
      assert.equal(await statusOf('yueyang-hrss', 2024), 'draft');
      await t.handle.db
        .updateTable('report_documents')
        .set({ status: 'published', published_on: '2025-01-20', updated_at: '2025-01-20T00:00:00.000Z' })
        .where('report_year', '=', 2024)
        .execute();
      assert.equal(await statusOf('yueyang-hrss', 2024), 'published');
      // A county office follows its own agency only.
      const county = await (await as('yyx-officer')).get('/admin/reports/status?year=2025');
      assert.deepEqual(
        [...county.body.matchAll(/<tr data-agency="([\w-]+)"/g)].map((m) => m[1]),
        ['yueyang-county-hrss'],
      );
    } finally {
      setClock(undefined);
    }
  });

  test('dashboard: the task from 1 December with days left; the supervisor’s list after the deadline', async () => {
    // Sessions expire when idle: sign in again at each date.
    const dashboard = async (username: string, date: string) => {
      setClock(at(date));
      return (await (await as(username)).get('/admin')).body;
    };
    try {
      // 2025 is published (recorded above); 2026's task is not open yet.
      assert.doesNotMatch(await dashboard('officer', '2026-11-30'), /data-panel="report-task"/);
      const dec = await dashboard('officer', '2026-12-01');
      assert.match(dec, /data-panel="report-task"/);
      assert.match(dec, /<li data-report="yueyang-hrss\/2026" data-days="61" data-state="due">/);
      assert.match(
        await dashboard('officer', '2027-02-01'),
        /<li data-report="yueyang-hrss\/2026" data-days="-1" data-state="overdue">/,
      );
      const list = await dashboard('supervisor', '2027-02-01');
      assert.match(list, /data-panel="missing-reports"/);
      assert.deepEqual(
        [...list.matchAll(/<li data-agency="([\w-]+)" data-status="missing">/g)].map((m) => m[1]).sort(),
        ['huarong-hrss', 'yueyang-county-hrss', 'yueyang-hrss'],
      );
      // Before the deadline the supervisor's list is empty: the panel is left out.
      assert.doesNotMatch(await dashboard('supervisor', '2027-01-15'), /data-panel="missing-reports"/);
    } finally {
      setClock(undefined);
    }
  });

  test('reminders: one notice per stage to each office, none for a published report; a rerun adds nothing', async () => {
    const first = await runReportReminders(t.handle.db, { today: '2026-12-01', mail: false });
    // Notices: the 2026 task opens for the three bureaus' offices, and the county bureau's 2025 report
    // still fails its checks after the deadline. (The city government has no office account.)
    assert.equal(first.notices, 4);
    assert.deepEqual((await runReportReminders(t.handle.db, { today: '2026-12-02', mail: false })).notices, 0);
    const later = await runReportReminders(t.handle.db, { today: '2027-01-02', mail: true });
    assert.equal(later.notices, 3);
    assert.equal(later.mails, 0, 'the demo officers have no e-mail address');
    const notes = await t.handle.db
      .selectFrom('notifications')
      .select(['kind', 'dedupe_key'])
      .where('kind', 'like', 'report_%')
      .orderBy('id')
      .execute();
    assert.equal(notes.length, 7);
    assert.deepEqual(
      notes.filter((n) => n.kind === 'report_overdue').map((n) => n.dedupe_key.split(':').slice(0, 4).join(':')),
      [`report:overdue:${await idOf('yueyang-county-hrss')}:2025`],
    );
    setClock(at('2027-01-02'));
    try {
      const body = (await (await as('officer')).get('/admin')).body;
      assert.match(body, /政府信息公开工作年度报告须于2027-01-31前公布|The annual report is due on 2027-01-31/);
    } finally {
      setClock(undefined);
    }
  });

  test('the disclosure office of a government follows every agency beneath it (Art. 3)', async () => {
    // The demo has no office account at the city government: grant one to the bureau's leader.
    const leader = await t.handle.db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'leader')
      .executeTakeFirstOrThrow();
    await t.handle.db
      .insertInto('role_assignments')
      .values({
        user_id: leader.id,
        role: 'disclosure_officer',
        agency_id: await idOf('yueyang'),
        unit_id: null,
        granted_by: null,
        granted_at: new Date(0).toISOString(),
      })
      .execute();
    const body = (await (await as('leader')).get('/admin/reports/status?year=2025')).body;
    assert.deepEqual(
      [...body.matchAll(/<tr data-agency="([\w-]+)"/g)].map((m) => m[1]),
      ['yueyang', 'yueyang-hrss', 'yueyang-county-hrss', 'huarong-hrss'],
    );
    // The city's own deadline is the government's: 31 March.
    assert.match(
      body,
      /<tr data-agency="yueyang" data-status="missing"><th scope="row">[^<]+<\/th><td>2026-03-31<\/td>/,
    );
  });
});
