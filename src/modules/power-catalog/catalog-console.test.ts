// The console of the power catalog, service guides, yearly figures, channels and tasks, through
// the real request pipeline on both engines: each page renders for its roles, forms create
// through the services (power items and guides as drafts of the publishing workflow), the
// figures and channel counts the report reads follow what was entered, and a publication through
// the workflow leaves its website record.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { todayInChina } from '../../platform/clock.ts';
import { asUser, callerOf } from '../publishing/publishing.test-support.ts';
import { publicationsByChannel, websiteItemCount } from '../channels/channels.store.ts';
import { yearlyFigures } from './power-catalog.store.ts';
import { tenThousandYuanToFen } from './power-catalog.ts';

test('fee amounts in 万元 are kept exactly in fen', () => {
  assert.equal(tenThousandYuanToFen('123.5'), 123_500_000);
  assert.equal(tenThousandYuanToFen('0.000001'), 1);
  assert.equal(tenThousandYuanToFen('0'), 0);
  assert.equal(tenThousandYuanToFen('-1'), null);
  assert.equal(tenThousandYuanToFen('1.0000001'), null);
});

forEachDialect('power catalog, figures, channels and tasks console', (t) => {
  let app: FastifyInstance;
  let db: Db;
  let hrss = 0;
  let unit = 0;
  before(async () => {
    await seedDemo(t.handle);
    app = await testApp(t.handle);
    db = t.handle.db;
    hrss = (await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow())
      .id;
    unit = (
      await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', hrss)
        .where('name', '=', '就业促进科')
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => app.close());

  test('the lists show the demo catalog (120 powers, 153 guides) in Chinese and English', async () => {
    const c = new Client(app);
    await c.signIn('officer');
    const powers = await c.get('/admin/power-catalog');
    assert.equal(powers.statusCode, 200);
    assert.match(powers.body, /共120项/);
    assert.match(powers.body, /行政许可/);
    const guides = await c.get('/admin/service-guides?lang=en');
    assert.equal(guides.statusCode, 200);
    assert.match(guides.body, /153 entries/);
  });

  test('a drafter creates a power item: a draft of the workflow carries it', async () => {
    const c = new Client(app);
    await c.signIn('drafter');
    await c.get('/admin/power-catalog/new');
    const bad = await c.post('/admin/power-catalog/new', {
      code: '',
      name: '',
      power_type: 'x',
      legal_basis: '',
      responsible_unit_id: String(unit),
      formation_date: '2026-01-05',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /error-summary/);
    const taken = await c.post('/admin/power-catalog/new', {
      code: 'XK-001',
      name: '测试',
      power_type: 'licence',
      legal_basis: '依据',
      responsible_unit_id: String(unit),
      formation_date: '2026-01-05',
    });
    assert.equal(taken.statusCode, 422, 'the code is the demo’s');
    const res = await c.post('/admin/power-catalog/new', {
      code: 'JF-901',
      name: '就业困难人员社会保险补贴',
      power_type: 'benefit',
      legal_basis: '《中华人民共和国就业促进法》',
      responsible_unit_id: String(unit),
      formation_date: '2026-01-05',
    });
    assert.equal(res.statusCode, 303);
    const power = await db.selectFrom('power_items').selectAll().where('code', '=', 'JF-901').executeTakeFirstOrThrow();
    const item = await db
      .selectFrom('information_items')
      .selectAll()
      .where('id', '=', power.item_id)
      .executeTakeFirstOrThrow();
    assert.equal(item.status, 'draft');
    assert.equal(item.catalog_category, 'power_catalog');
    assert.equal(item.art20_item, 5);
    // Editing while a draft writes a new version of the carrying item.
    const edit = await c.get(`/admin/power-catalog/${power.id}/edit`);
    assert.equal(edit.statusCode, 200);
    const saved = await c.post(`/admin/power-catalog/${power.id}/edit`, {
      code: 'JF-901',
      name: '就业困难人员社保补贴',
      power_type: 'benefit',
      legal_basis: '《中华人民共和国就业促进法》第五十二条',
      responsible_unit_id: String(unit),
      formation_date: '2026-01-05',
    });
    assert.equal(saved.statusCode, 303);
    const versions = await db
      .selectFrom('item_versions')
      .select('title')
      .where('item_id', '=', item.id)
      .orderBy('version_no')
      .execute();
    assert.deepEqual(
      versions.map((v) => v.title),
      ['行政给付：就业困难人员社会保险补贴', '行政给付：就业困难人员社保补贴'],
    );
    // A demo (published) entry cannot be edited here.
    const published = await db
      .selectFrom('power_items')
      .select('id')
      .where('code', '=', 'JF-001')
      .executeTakeFirstOrThrow();
    const refused = await c.post(`/admin/power-catalog/${published.id}/edit`, {
      code: 'JF-001',
      name: 'x',
      power_type: 'benefit',
      legal_basis: 'x',
      responsible_unit_id: String(unit),
      formation_date: '2026-01-05',
    });
    // Out of the drafter's reach answers like a missing record (404: existence does not leak).
    assert.equal(refused.statusCode, 404, 'another unit’s entry');
  });

  test('a drafter creates a service guide linked to a power', async () => {
    const c = new Client(app);
    await c.signIn('drafter');
    await c.get('/admin/service-guides/new');
    const power = await db
      .selectFrom('power_items')
      .select('id')
      .where('code', '=', 'JF-901')
      .executeTakeFirstOrThrow();
    const res = await c.post('/admin/service-guides/new', {
      name: '就业困难人员社保补贴申领',
      power_item_id: String(power.id),
      conditions: '经认定的就业困难人员',
      materials: '申请表\n就业创业证',
      steps: '申请\n受理\n审核\n拨付',
      time_limit: '15个工作日',
      fees: '不收费',
      place: '市政务服务中心人社窗口',
      hours: '工作日',
      phone: '0731-8251965',
      responsible_unit_id: String(unit),
      formation_date: '2026-01-06',
    });
    assert.equal(res.statusCode, 303);
    const guide = await db
      .selectFrom('service_guides')
      .selectAll()
      .where('name', '=', '就业困难人员社保补贴申领')
      .executeTakeFirstOrThrow();
    assert.equal(guide.power_item_id, power.id);
    const version = await db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['v.body_html', 'i.catalog_category'])
      .where('i.id', '=', guide.item_id)
      .executeTakeFirstOrThrow();
    assert.equal(version.catalog_category, 'service_guide');
    assert.match(version.body_html, /<ol><li>申请<\/li><li>受理<\/li>/);
  });

  test('publishing through the workflow records the website publication', async () => {
    const drafter = await callerOf(db, 'drafter');
    const { id } = await asUser.createDraft(db, drafter, {
      title: '关于2026年就业援助月活动的通知',
      issuing_agencies: [],
      responsible_unit_id: unit,
      formation_date: '2026-01-06',
      disclosure_mode: 'proactive',
      catalog_category: 'notice',
      body_html: '<p>正文</p>',
    });
    const year = Number(todayInChina().slice(0, 4));
    const before = await websiteItemCount(db, [hrss], year);
    await asUser.transition(db, drafter, id, 'submit');
    await asUser.transition(db, await callerOf(db, 'unithead'), id, 'unit_approve');
    await asUser.transition(db, await callerOf(db, 'reviewer'), id, 'confidentiality_approve', {
      basis: '不涉密',
    });
    await asUser.transition(db, await callerOf(db, 'officer'), id, 'publish');
    const records = await db.selectFrom('channel_publications').selectAll().where('item_id', '=', id).execute();
    assert.equal(records.length, 1);
    assert.equal(records[0]!.channel, 'own_website');
    const item = await db
      .selectFrom('information_items')
      .select('publication_date')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(records[0]!.published_on, item.publication_date);
    assert.equal(item.publication_date, todayInChina());
    assert.equal(await websiteItemCount(db, [hrss], year), before + 1);
  });

  test('the office enters a year’s figures; the report function sums them', async () => {
    const c = new Client(app);
    await c.signIn('officer');
    assert.equal((await c.get('/admin/yearly-figures?year=2026')).statusCode, 200);
    const bad = await c.post('/admin/yearly-figures', { year: '2026', licence: '-3', fee: 'abc' });
    assert.equal(bad.statusCode, 422);
    const none = await c.post('/admin/yearly-figures', { year: '2026' });
    assert.equal(none.statusCode, 422);
    const res = await c.post('/admin/yearly-figures', {
      year: '2026',
      licence: '61',
      penalty: '9',
      coercion: '0',
      fee: '12.345678',
    });
    assert.equal(res.statusCode, 303);
    const f = await yearlyFigures(db, [hrss], 2026);
    assert.deepEqual(
      [f.licences.decisions, f.penalties.decisions, f.coercion.decisions, f.administrativeFees.amountTenThousandYuan],
      [61, 9, 0, 12.345678],
    );
    // A correction overwrites and is audited.
    await c.get('/admin/yearly-figures?year=2026');
    assert.equal((await c.post('/admin/yearly-figures', { year: '2026', licence: '62' })).statusCode, 303);
    assert.equal((await yearlyFigures(db, [hrss], 2026)).licences.decisions, 62);
    const audits = await db
      .selectFrom('audit_events')
      .select('before_json')
      .where('action', '=', 'figures.set')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(audits.before_json ?? '', /61/);
    // A roll-up over agencies without figures reports what is missing.
    const county = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'huarong-hrss').executeTakeFirstOrThrow()
    ).id;
    assert.equal((await yearlyFigures(db, [hrss, county], 2026)).missing.length, 4);
  });

  test('the office records a publication on another channel; websites are refused', async () => {
    const c = new Client(app);
    await c.signIn('officer');
    const page = await c.get('/admin/channels?year=2013');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /702/);
    const before = (await publicationsByChannel(db, [hrss], 2025)).total;
    const website = await c.post('/admin/channels', {
      channel: 'own_website',
      published_on: '2025-05-06',
      title: '网站',
    });
    assert.equal(website.statusCode, 422);
    const ok = await c.post('/admin/channels', {
      channel: 'newspaper',
      published_on: '2025-05-06',
      title: '《岳阳日报》刊载就业政策问答',
    });
    assert.equal(ok.statusCode, 303);
    const after = await publicationsByChannel(db, [hrss], 2025);
    assert.equal(after.total, before + 1);
  });

  test('tasks: assigned by the office, on the unit’s dashboard, done by the unit head', async () => {
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get('/admin/tasks');
    const res = await officer.post('/admin/tasks', {
      unit_id: String(unit),
      title: '社保补贴审核结果按月公开',
      scope: '每月10日前公示上月审核结果',
      due_on: '2026-12-10',
    });
    assert.equal(res.statusCode, 303);
    const task = await db
      .selectFrom('disclosure_tasks')
      .selectAll()
      .where('title', '=', '社保补贴审核结果按月公开')
      .executeTakeFirstOrThrow();
    const head = new Client(app);
    await head.signIn('unithead');
    const dashboard = await head.get('/admin');
    assert.equal(dashboard.statusCode, 200);
    assert.match(dashboard.body, /data-panel="tasks"/);
    assert.match(dashboard.body, /社保补贴审核结果按月公开/);
    const list = await head.get('/admin/tasks');
    assert.match(list.body, /本科室的任务/);
    assert.doesNotMatch(list.body, /网站和电子显示屏维护/, 'another unit’s duty');
    assert.equal((await head.post(`/admin/tasks/${task.id}/done`)).statusCode, 303);
    const done = await db
      .selectFrom('disclosure_tasks')
      .select(['status', 'done_on'])
      .where('id', '=', task.id)
      .executeTakeFirstOrThrow();
    assert.equal(done.status, 'done');
    // The drafter of the unit sees the tasks but may not complete them.
    const drafter = new Client(app);
    await drafter.signIn('drafter');
    await drafter.get('/admin/tasks');
    const other = await db
      .selectFrom('disclosure_tasks')
      .select('id')
      .where('unit_id', '=', unit)
      .where('status', '=', 'open')
      .executeTakeFirstOrThrow();
    assert.equal((await drafter.post(`/admin/tasks/${other.id}/done`)).statusCode, 403);
  });
});
