// The authorization matrix's agency dimension (issue 14 suite 8), generated from the same route
// table as test/requests/route-matrix.test.ts. That file checks every route × every role on the
// demo bureau's own records (the "own" column); this one signs in a user of every role in another
// agency (B, 岳阳县人社局, beneath the bureau A) and sends every route that takes a record id A's
// records, reading (GET) and acting (POST): each must answer 403 or 404 — 404 is where the
// platform is heading (a foreign record must not be told from a missing one), 403 is the older
// answer; either is "denied", anything else is a wrongly allowed cell. Acts must also leave every
// main table as it was. A route with a parameter that is not in `resources` fails the first test.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../support/database.ts';
import { Client, DEMO_PASSWORD, seedDemo, testApp } from '../support/app.ts';
import { roles, type Role } from '../../src/platform/roles.ts';
import { organisationService } from '../../src/modules/organisation/organisation.service.ts';
import { systemContext } from '../../src/platform/audit/audit.ts';
import { CHINESE_PDF } from '../support/files.ts';
import { BOUNDARY, multipart } from '../support/uploads.ts';
import { countRows, mainTables } from './table-counts.ts';
import { concrete, fixtureOfAgencyA, type AgencyRecords } from './agency-fixture.ts';

/** What the parameters of each route name. `public` routes are open to anyone by design and
 *  are checked for what must stay hidden (an unpublished item) by the last test. `platform-wide`
 *  routes name a record that belongs to no agency (the notice templates, the search synonym
 *  groups): the system administrator's, checked role by role in the route matrix. */
type Resource = keyof AgencyRecords | 'public' | 'platform-wide';

export const resources: Record<string, Resource> = {
  'GET /admin/agencies/:id': 'agency',
  'GET /admin/agencies/:id/edit': 'agency',
  'POST /admin/agencies/:id': 'agency',
  'GET /admin/agencies/:id/units/new': 'agency',
  'POST /admin/agencies/:id/units': 'agency',
  'GET /admin/units/:id/edit': 'unit',
  'POST /admin/units/:id': 'unit',
  'GET /admin/agencies/:id/notice-settings': 'agency',
  'POST /admin/agencies/:id/notice-settings': 'agency',
  'GET /admin/agencies/:id/reply-approvers': 'agency',
  'POST /admin/agencies/:id/reply-approvers': 'agency',
  'GET /admin/agencies/:id/leading-group/new': 'agency',
  'POST /admin/agencies/:id/leading-group': 'agency',
  'POST /admin/leading-group/:id/end': 'member',
  'GET /admin/users/:id': 'user',
  'GET /admin/users/:id/edit': 'user',
  'POST /admin/users/:id': 'user',
  'POST /admin/users/:id/roles': 'user',
  'POST /admin/role-assignments/:id/revoke': 'grant',
  'POST /admin/users/:id/lock': 'user',
  'POST /admin/users/:id/unlock': 'user',
  'POST /admin/users/:id/reset-password': 'user',
  'GET /admin/items/:id': 'item',
  'GET /admin/items/:id/edit': 'item',
  'POST /admin/items/:id/edit': 'item',
  'POST /admin/items/:id/transition': 'item',
  'POST /admin/items/:id/mask': 'item',
  'POST /admin/items/:id/pii-override': 'item',
  'GET /admin/items/:id/versions': 'item',
  'GET /admin/items/:id/correct': 'published',
  'POST /admin/items/:id/correct': 'published',
  'POST /admin/items/:id/validity': 'published',
  'POST /admin/items/:id/attachments': 'item',
  'POST /admin/items/:id/attachments/:attachmentId/replace': 'attachment',
  'POST /admin/items/:id/attachments/:attachmentId/remove': 'attachment',
  'GET /admin/items/:id/attachments/:attachmentId': 'attachment',
  'GET /admin/applications/:id': 'application',
  'POST /admin/applications/:id/reveal': 'application',
  'POST /admin/applications/:id/events': 'application',
  'POST /admin/applications/:id/reply': 'application',
  'POST /admin/applications/:id/reply/approve': 'application',
  'POST /admin/applications/:id/reply/return': 'application',
  'GET /admin/applications/:id/catalog-search': 'application',
  'POST /admin/applications/:id/applicant-key': 'application',
  'GET /admin/applications/:id/attachments/:attachmentId': 'application',
  'GET /admin/applications/:id/notices/:file': 'application',
  'GET /admin/applications/:id/released': 'application',
  'POST /admin/applications/:id/released': 'application',
  'GET /admin/applications/:id/cost-fees-2007': 'application',
  'POST /admin/applications/:id/cost-fees-2007': 'application',
  'GET /api/v1/applications/:id/deadline': 'application',
  // A template key is not a record: the routes act on the signed-in officer's own agency.
  'GET /admin/notice-templates/:key': 'platform-wide',
  'POST /admin/notice-templates/:key': 'platform-wide',
  'GET /admin/reviews/:id': 'review',
  'POST /admin/reviews/:id/result': 'review',
  'GET /admin/mailbox/:id': 'mailbox',
  'POST /admin/mailbox/:id/step': 'mailbox',
  'POST /admin/mailbox/:id/reveal': 'mailbox',
  'GET /admin/mailbox/:id/attachments/:attachmentId': 'mailbox',
  'GET /admin/reports/:code/:year': 'report',
  'GET /admin/reports/:code/:year/download': 'report',
  'GET /admin/reports/:code/:year/cells': 'report',
  'GET /admin/report-documents/:id': 'reportDocument',
  'POST /admin/report-documents/:id/sections': 'reportDocument',
  'POST /admin/report-documents/:id/refresh': 'reportDocument',
  'POST /admin/report-documents/:id/transition': 'reportDocument',
  'POST /admin/report-documents/:id/override': 'reportDocument',
  'GET /admin/report-documents/:id/versions': 'reportDocument',
  'POST /admin/notifications/:id/read': 'notification',
  'GET /admin/power-catalog/:id/edit': 'power',
  'POST /admin/power-catalog/:id/edit': 'power',
  'GET /admin/power-catalog/:id/correct': 'power',
  'POST /admin/power-catalog/:id/correct': 'power',
  'GET /admin/service-guides/:id/edit': 'guide',
  'POST /admin/service-guides/:id/edit': 'guide',
  'GET /admin/service-guides/:id/correct': 'guide',
  'POST /admin/service-guides/:id/correct': 'guide',
  'POST /admin/channels/outbox/:id/retry': 'outbox',
  'POST /admin/search/synonyms/:id': 'platform-wide',
  'POST /admin/search/synonyms/:id/delete': 'platform-wide',
  'POST /admin/tasks/:id/done': 'task',
  'GET /admin/oversight/:id': 'agency',
  'GET /admin/mailbox/:id/convert': 'mailbox',
  'POST /admin/mailbox/:id/convert': 'mailbox',
  'POST /admin/mailbox/from-application/:id': 'application',
  'GET /assets/:file': 'public',
  'GET /apply/track/:code': 'public',
  'POST /apply/track/:code/correction': 'public',
  'POST /apply/track/:code/notice': 'public',
  'POST /apply/track/:code/answer': 'public',
  'GET /apply/track/:code/answer/:file': 'public',
  'GET /agencies/:code/catalog': 'public',
  'GET /agencies/:code': 'public',
  'GET /agencies/:code/application-form.docx': 'public',
  'GET /items/:id': 'public',
  'GET /items/:id/attachments/:aid': 'public',
  'GET /portal-assets/:file': 'public',
  'GET /screen/:name': 'public',
  'GET /screen/:name/content.json': 'public',
  'GET /feeds/category/:file': 'public',
  'GET /feeds/agency/:file': 'public',
  'GET /sitemaps/:file': 'public',
  'GET /api/v1/items/:id': 'public',
  'GET /reports/:code/:year': 'public',
  // The 互动交流 column shows consented, answered letters only (mailbox/answers.routes.test.ts);
  // the rating link's token is its own key, and names no agency record.
  'GET /mailbox/answers/:id': 'public',
  'GET /mailbox/rate/:token': 'public',
  'POST /mailbox/rate/:token': 'public',
};

/** Plausible fields, so a route that checked its form before the record would show it here. */
const FORM: Record<string, string> = {
  action: 'submit',
  title: '越权测试',
  body_html: '<p>越权</p>',
  role: 'drafter',
  kind: 'note',
  note: '越权',
  result: 'upheld',
  decided_on: '2026-01-05',
  reason: '越权测试',
  basis: '越权测试',
  validity: 'repealed',
  effective_date: '2026-01-05',
};

forEachDialect('agency matrix: agency B on agency A’s records', (t) => {
  let app: FastifyInstance;
  let records: AgencyRecords;
  const foreignUsers = new Map<Role, string>();
  before(async () => {
    await seedDemo(t.handle);
    app = await testApp(t.handle);
    records = await fixtureOfAgencyA(app, t.handle.db);
    await uploadAttachment(app, records);
    const county = await t.handle.db
      .selectFrom('agencies')
      .select('id')
      .where('code', '=', 'yueyang-county-hrss')
      .executeTakeFirstOrThrow();
    const countyUnit = await t.handle.db
      .selectFrom('units')
      .select('id')
      .where('agency_id', '=', county.id)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    for (const role of roles) {
      const username = `b-${role.replace(/_/g, '-')}`;
      const { id } = await organisationService.createUser(
        t.handle.db,
        systemContext,
        { username, display_name: `乙机关${role}`, agency_id: county.id, unit_id: countyUnit.id },
        DEMO_PASSWORD,
        { mustChangePassword: false },
      );
      const unitScoped = role === 'drafter' || role === 'unit_head';
      await organisationService.assignRole(
        t.handle.db,
        systemContext,
        id,
        role,
        county.id,
        unitScoped ? countyUnit.id : null,
      );
      foreignUsers.set(role, username);
    }
  });
  after(async () => app.close());

  test('every route that takes a parameter is in the agency table, and every row is a route', () => {
    const withParams = app.routeTable.filter((r) => r.url.includes(':')).map((r) => `${r.method} ${r.url}`);
    const missing = withParams.filter((k) => !(k in resources));
    assert.deepEqual(missing, [], `routes with a parameter but no row in the agency matrix: ${missing.join(', ')}`);
    const stale = Object.keys(resources).filter((k) => !withParams.includes(k));
    assert.deepEqual(stale, [], `agency matrix rows without a route: ${stale.join(', ')}`);
  });

  test("agency A's own users reach the records (the fixture is real, so a denial below means something)", async () => {
    const officer = new Client(app);
    assert.equal((await officer.signIn('officer')).statusCode, 303);
    for (const url of [
      `/admin/items/${records.item}`,
      `/admin/items/${records.item}/attachments/${records.attachment}`,
      `/admin/applications/${records.application}`,
      `/api/v1/applications/${records.application}/deadline`,
      `/admin/reviews/${records.review}`,
      `/admin/mailbox/${records.mailbox}`,
      `/admin/reports/${records.report}`,
      `/admin/reports/${records.report}/cells?path=applications.total`,
      `/admin/report-documents/${records.reportDocument}`,
    ]) {
      const res = await officer.get(url);
      assert.equal(res.statusCode, 200, `${url} as A's officer → ${res.statusCode}`);
    }
  });

  test('every role of agency B is denied every record route of agency A, reading and acting', async (tt) => {
    const db = t.handle.db;
    const routes = app.routeTable.filter((r) => !r.public && r.url.includes(':'));
    const countsBefore = await countRows(db, mainTables);
    const wrong: string[] = [];
    let cells = 0;
    for (const role of roles) {
      const client = new Client(app);
      assert.equal((await client.signIn(foreignUsers.get(role)!)).statusCode, 303, `${role} of B signs in`);
      await client.get('/account');
      for (const route of routes) {
        const key = `${route.method} ${route.url}`;
        if (resources[key] === 'platform-wide') continue;
        const url = concrete(route.url, records);
        assert.ok(!url.includes('/:'), `${key} has a parameter the fixture does not fill`);
        const res = route.method === 'GET' ? await client.get(url) : await client.post(url, FORM);
        cells++;
        assert.notEqual(res.statusCode, 401, `${role} lost its session at ${key}`);
        if (res.statusCode !== 403 && res.statusCode !== 404) wrong.push(`${key} as B's ${role}: ${res.statusCode}`);
        if (res.statusCode === 403 || res.statusCode === 404) await client.get('/account'); // a fresh token
      }
    }
    tt.diagnostic(`authorization cells tried: ${cells}, allowed wrongly: ${wrong.length}`);
    assert.deepEqual(wrong, []);
    assert.deepEqual(await countRows(db, mainTables), countsBefore, 'a denied act wrote nothing');
  });

  test("agency B's lists and exports do not show agency A's records", async () => {
    const client = new Client(app);
    assert.equal((await client.signIn('b-disclosure-officer')).statusCode, 303);
    for (const url of [
      '/admin/items',
      '/admin/applications',
      '/admin/reviews',
      '/admin/mailbox',
      '/admin/report-documents',
      '/admin/tasks',
      '/admin/channels/outbox',
      '/admin/reports',
    ]) {
      const res = await client.get(url);
      assert.ok(res.statusCode === 200 || res.statusCode === 403, `${url} → ${res.statusCode}`);
      for (const marker of records.markers) assert.ok(!res.body.includes(marker), `${url} shows A's "${marker}"`);
    }
    // The look-up by name matches the blind index within B's reach only.
    const lookup = await client.post('/admin/applications', { name: '甲机关申请人', filter: 'all' });
    assert.equal(lookup.statusCode, 200);
    for (const marker of records.markers) assert.ok(!lookup.body.includes(marker), `the look-up shows A's "${marker}"`);
    assert.match(lookup.body, /没有符合条件的申请/);
  });

  test("the public routes do not show agency A's unpublished item or its attachment", async () => {
    for (const url of [
      `/items/${records.item}`,
      `/api/v1/items/${records.item}`,
      `/items/${records.item}/attachments/${records.attachment}`,
    ]) {
      const res = await app.inject({ method: 'GET', url });
      assert.equal(res.statusCode, 404, `${url} → ${res.statusCode}`);
    }
  });
});

async function uploadAttachment(app: FastifyInstance, records: AgencyRecords): Promise<void> {
  const drafter = new Client(app);
  await drafter.signIn('drafter');
  await drafter.get(`/admin/items/${records.item}/edit`);
  const res = await app.inject({
    method: 'POST',
    url: `/admin/items/${records.item}/attachments`,
    headers: { cookie: drafter.cookieHeader(), 'content-type': `multipart/form-data; boundary=${BOUNDARY}` },
    payload: multipart([
      { name: '_csrf', value: drafter.csrfToken ?? '' },
      { name: 'file', filename: '甲机关附件.pdf', value: CHINESE_PDF },
    ]),
  });
  assert.ok(res.statusCode < 400, `the attachment uploads (${res.statusCode})`);
  const { db } = app.deps.database;
  records.attachment = (
    await db.selectFrom('item_attachments').select('id').where('item_id', '=', records.item).executeTakeFirstOrThrow()
  ).id;
}
