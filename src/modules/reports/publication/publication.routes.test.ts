// Annual report documents through the console and the portal on both engines: CSRF on every form,
// start → edit → review → override → publish, the version comparison, and the public page that
// exists only once the report is published (and is refreshed in the page cache when it is).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../../test/support/database.ts';
import { Client, DEMO_PASSWORD, seedDemo, testApp } from '../../../../test/support/app.ts';
import { setClock } from '../../../platform/clock.ts';
import { organisationService } from '../../organisation/organisation.service.ts';
import { reportSteps } from './publication.service.ts';

forEachDialect('annual report documents, console and portal', (t) => {
  let app: FastifyInstance;
  let id = 0;
  before(async () => {
    await seedDemo(t.handle);
    const db = t.handle.db;
    const agency = await db
      .selectFrom('agencies')
      .select(['id', 'disclosure_office_unit_id'])
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirstOrThrow();
    const head = await db
      .selectFrom('users')
      .select('id')
      .where('username', '=', 'supervisor')
      .executeTakeFirstOrThrow();
    await organisationService.assignRole(
      db,
      { actorUserId: admin.id, actorName: 'admin', ip: null },
      head.id,
      'unit_head',
      agency.id,
      agency.disclosure_office_unit_id,
    );
    setClock(() => new Date('2014-03-10T02:00:00.000Z'));
    app = await testApp(t.handle);
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
  const page = (c: Client) => c.get(`/admin/report-documents/${id}`);

  test('start: refused without the CSRF token; with it, version 1 drafted from the figures', async () => {
    const c = await as('officer');
    const list = await c.get('/admin/report-documents');
    assert.equal(list.statusCode, 200);
    assert.match(list.body, /<option value="yueyang-hrss"/);
    assert.equal(
      (await c.post('/admin/report-documents', { agency: 'yueyang-hrss', year: '2013', _csrf: null })).statusCode,
      403,
    );
    const bad = await c.post('/admin/report-documents', { agency: 'yueyang-hrss', year: '1999' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /请填写2008年至今年之间的年度/);
    await c.get('/admin/report-documents');
    const res = await c.post('/admin/report-documents', { agency: 'yueyang-hrss', year: '2013', template: '' });
    assert.equal(res.statusCode, 303);
    id = Number(/\/admin\/report-documents\/(\d+)\?done=started/.exec(String(res.headers.location))![1]);
    const doc = await page(c);
    assert.equal(doc.statusCode, 200);
    assert.match(doc.body, /发布政府信息275条/);
    assert.match(doc.body, /<caption>[^<]*<\/caption>/);
  });

  test('a draft is not public; the drafter of another unit cannot even read it', async () => {
    assert.equal((await new Client(app).get('/reports/yueyang-hrss/2013')).statusCode, 404);
    assert.equal((await (await as('drafter')).get(`/admin/report-documents/${id}`)).statusCode, 404);
  });

  test('a section is edited into a new version; the comparison shows it side by side', async () => {
    const c = await as('officer');
    await page(c);
    const empty = await c.post(`/admin/report-documents/${id}/sections`, { key: 'overview', text: ' ', base: '1' });
    assert.equal(empty.statusCode, 422);
    assert.match(empty.body, /请填写本节内容/);
    await page(c);
    const saved = await c.post(`/admin/report-documents/${id}/sections`, {
      key: 'overview',
      text: '2013年，我局认真贯彻《政府信息公开条例》，公开工作有序推进。',
      base: '1',
    });
    assert.equal(saved.statusCode, 303);
    await page(c);
    const stale = await c.post(`/admin/report-documents/${id}/sections`, {
      key: 'overview',
      text: '另一稿',
      base: '1',
    });
    assert.equal(stale.statusCode, 409);
    assert.match(stale.body, /现为第2版/);
    const versions = await c.get(`/admin/report-documents/${id}/versions`);
    assert.equal(versions.statusCode, 200);
    assert.match(versions.body, /data-section="overview"/);
    assert.match(versions.body, /<ins>2013年，我局认真贯彻/);
  });

  test('the review chain through the console; publication blocked until the principal leader overrides', async () => {
    const step = async (user: string, form: Record<string, string>) => {
      const c = await as(user);
      await page(c);
      return c.post(`/admin/report-documents/${id}/transition`, form);
    };
    assert.equal((await step('officer', { event: 'submit' })).statusCode, 303);
    assert.equal((await step('unithead', { event: 'unit_approve' })).statusCode, 404, 'the head of another unit');
    assert.equal((await step('supervisor', { event: 'unit_approve' })).statusCode, 303);
    const noBasis = await step('reviewer', { event: 'confidentiality_approve' });
    assert.equal(noBasis.statusCode, 422);
    assert.match(noBasis.body, /id="field-basis-confidentiality_approve"/);
    assert.equal(
      (await step('reviewer', { event: 'confidentiality_approve', basis: '不涉及国家秘密' })).statusCode,
      303,
    );
    assert.equal((await step('leader', { event: 'leader_check' })).statusCode, 303);
    assert.equal((await step('chief', { event: 'principal_approve' })).statusCode, 303);

    // 存在的主要问题和改进措施 is still the drafted placeholder.
    const refused = await step('officer', { event: 'publish' });
    assert.equal(refused.statusCode, 409);
    assert.match(refused.body, /有1项核对未通过/);
    const officer = await as('officer');
    await page(officer);
    assert.equal(
      (await officer.post(`/admin/report-documents/${id}/override`, { override_reason: '我来放行' })).statusCode,
      403,
    );
    const chief = await as('chief');
    assert.match((await page(chief)).body, /name="override_reason"/);
    assert.equal((await chief.post(`/admin/report-documents/${id}/override`, { override_reason: '' })).statusCode, 422);
    await page(chief);
    assert.equal(
      (
        await chief.post(`/admin/report-documents/${id}/override`, {
          override_reason: '改进措施部分经局务会研究后补充，数据部分先行公布',
        })
      ).statusCode,
      303,
    );

    const archiveBefore = await new Client(app).get('/reports');
    assert.doesNotMatch(archiveBefore.body, /\/reports\/yueyang-hrss\/2013/);
    assert.equal((await step('officer', { event: 'publish' })).statusCode, 303);

    const note = await page(officer);
    assert.match(note.body, /data-auditor-note="true"[^>]*>[^<]*改进措施部分经局务会研究后补充/);
  });

  test('the published report on the portal: the frozen figures in accessible tables, listed in the archive', async () => {
    const visitor = new Client(app);
    const res = await visitor.get('/reports/yueyang-hrss/2013');
    assert.equal(res.statusCode, 200);
    assert.match(res.body, /在各类公开载体共发布信息702条/);
    assert.match(res.body, /发布政府信息275条/);
    assert.match(res.body, /公开120项职权目录、153个业务工作流程/);
    assert.match(res.body, /2013年，我局认真贯彻/);
    assert.match(res.body, /<table data-table="[^"]+"><caption>/);
    assert.match(res.body, /<th scope="(col|row)"/);
    assert.doesNotMatch(res.body, /经局务会研究后补充/, 'the override note is for auditors, not the public');
    const archive = await visitor.get('/reports');
    assert.match(archive.body, /href="\/reports\/yueyang-hrss\/2013"/);
    assert.equal((await visitor.get('/reports/yueyang-hrss/2012')).statusCode, 404);
    assert.equal((await visitor.get('/reports/no-such/2013')).statusCode, 404);
  });

  test("the system administrator configures the report's review steps on the workflow page", async () => {
    const db = t.handle.db;
    const agency = await db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-hrss')
      .executeTakeFirstOrThrow();
    const admin = await as('admin');
    const before = await admin.get(`/admin/workflows?agency=${agency.id}`);
    assert.equal(before.statusCode, 200);
    assert.match(before.body, /政府信息公开工作年度报告/);
    assert.match(before.body, /name="category" value="annual_report"/);
    const saved = await admin.post('/admin/workflows', {
      agency_id: String(agency.id),
      category: 'annual_report',
      steps: 'confidentiality',
    });
    assert.equal(saved.statusCode, 303);
    assert.deepEqual(await reportSteps(db, agency.id), ['confidentiality']);
    await admin.get(`/admin/workflows?agency=${agency.id}`);
    assert.equal(
      (
        await admin.post('/admin/workflows', {
          agency_id: String(agency.id),
          category: 'no_such_kind',
          steps: 'confidentiality',
        })
      ).statusCode,
      404,
    );
  });
});
