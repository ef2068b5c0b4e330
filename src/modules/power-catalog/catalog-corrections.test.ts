// Published powers and service guides are corrected through publishing's correction flow, on
// both engines: the disclosure office's form writes a new version of the carrying item with the
// public change note and the structured row in one transaction; the generic item edit and
// correction send these items to their own forms (the row and the text cannot drift apart); the
// guard blocks a correction that adds personal data, leaving nothing written; drafters cannot
// correct. The generic item form offers every category, the power catalog's too.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { callerOf, demoBureau } from '../publishing/publishing.test-support.ts';
import { powerCatalogService } from './power-catalog.service.ts';

forEachDialect('corrections of published powers and service guides', (t) => {
  let app: FastifyInstance;
  let db: Db;
  before(async () => {
    await seedDemo(t.handle);
    app = await testApp(t.handle);
    db = t.handle.db;
  });
  after(async () => app.close());

  async function publishedPower() {
    return db
      .selectFrom('power_items as p')
      .innerJoin('information_items as i', 'i.id', 'p.item_id')
      .selectAll('p')
      .select(['i.status', 'i.art20_item'])
      .where('i.status', '=', 'published')
      .where('p.power_type', '=', 'licence')
      .orderBy('p.id')
      .executeTakeFirstOrThrow();
  }

  test('the office corrects a published power: new version with its note, the row follows, history and audit', async () => {
    const power = await publishedPower();
    const versionsBefore = await db
      .selectFrom('item_versions')
      .select('id')
      .where('item_id', '=', power.item_id)
      .execute();
    const officer = new Client(app);
    await officer.signIn('officer');
    const list = await officer.get('/admin/power-catalog');
    assert.match(list.body, new RegExp(`/admin/power-catalog/${power.id}/correct`));
    // From the item page's correction link to the structured form.
    const viaItem = await officer.get(`/admin/items/${power.item_id}/correct`);
    assert.equal(viaItem.statusCode, 303);
    assert.equal(viaItem.headers.location, `/admin/power-catalog/${power.id}/correct`);
    const form = await officer.get(`/admin/power-catalog/${power.id}/correct`);
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /name="change_note"/);
    assert.doesNotMatch(form.body, /name="responsible_unit_id"/);
    const noNote = await officer.post(`/admin/power-catalog/${power.id}/correct`, {
      change_note: '',
      code: power.code,
      name: power.name,
      power_type: 'penalty',
      legal_basis: power.legal_basis,
    });
    assert.equal(noNote.statusCode, 422);
    const res = await officer.post(`/admin/power-catalog/${power.id}/correct`, {
      change_note: '实施依据更新为修订后的条款，职权类型更正为行政处罚',
      code: power.code,
      name: `${power.name}（更正）`,
      power_type: 'penalty',
      legal_basis: '《劳动合同法》第九十二条（2012年修正）',
    });
    assert.equal(res.statusCode, 303, res.body);
    assert.equal(res.headers.location, `/admin/items/${power.item_id}?done=corrected`);
    const row = await db.selectFrom('power_items').selectAll().where('id', '=', power.id).executeTakeFirstOrThrow();
    assert.deepEqual(
      [row.name, row.power_type, row.legal_basis],
      [`${power.name}（更正）`, 'penalty', '《劳动合同法》第九十二条（2012年修正）'],
    );
    const item = await db
      .selectFrom('information_items')
      .selectAll()
      .where('id', '=', power.item_id)
      .executeTakeFirstOrThrow();
    assert.equal(item.status, 'published');
    assert.equal(item.art20_item, 6, 'a penalty is published under Art. 20 item (6)');
    const version = await db
      .selectFrom('item_versions')
      .selectAll()
      .where('id', '=', item.current_version_id!)
      .executeTakeFirstOrThrow();
    assert.equal(version.version_no, versionsBefore.length + 1);
    assert.equal(version.change_note, '实施依据更新为修订后的条款，职权类型更正为行政处罚');
    assert.equal(version.title, `行政处罚：${power.name}（更正）`);
    assert.match(version.body_html, /2012年修正/);
    const status = await db
      .selectFrom('item_status_history')
      .selectAll()
      .where('item_id', '=', power.item_id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [status.event, status.from_status, status.to_status, status.version_id],
      ['correct', 'published', 'published', version.id],
    );
    const audit = await db
      .selectFrom('audit_events')
      .select(['action'])
      .where('subject_type', '=', 'power_item')
      .where('subject_id', '=', String(power.id))
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(audit.action, 'power_catalog.correct');
    // The portal shows the public change note in the item's history.
    const page = await new Client(app).get(`/items/${power.item_id}`);
    assert.match(page.body, /职权类型更正为行政处罚/);
  });

  test('the generic edit and correction refuse structured items; a drafter cannot correct', async () => {
    const power = await publishedPower();
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get(`/admin/items/${power.item_id}`);
    const generic = await officer.post(`/admin/items/${power.item_id}/correct`, {
      change_note: '改',
      title: '随意改的标题',
      body_html: '<p>x</p>',
    });
    assert.equal(generic.statusCode, 409);
    assert.match(generic.body, /请在其专用页面修改或更正/);
    const drafter = new Client(app);
    await drafter.signIn('drafter');
    assert.equal((await drafter.get(`/admin/power-catalog/${power.id}/correct`)).statusCode, 403);
    // A draft power is edited on its own page too.
    await drafter.get('/admin/power-catalog/new');
    const unit = await db
      .selectFrom('units as u')
      .innerJoin('agencies as a', 'a.id', 'u.agency_id')
      .select('u.id')
      .where('a.code', '=', 'yueyang-hrss')
      .where('u.name', '=', '就业促进科')
      .executeTakeFirstOrThrow();
    const created = await drafter.post('/admin/power-catalog/new', {
      code: 'QR-950',
      name: '就业失业登记',
      power_type: 'confirmation',
      legal_basis: '《就业服务与就业管理规定》',
      responsible_unit_id: String(unit.id),
      formation_date: '2026-01-05',
    });
    assert.equal(created.statusCode, 303);
    const draft = await db.selectFrom('power_items').selectAll().where('code', '=', 'QR-950').executeTakeFirstOrThrow();
    const edit = await drafter.get(`/admin/items/${draft.item_id}/edit`);
    assert.equal(edit.statusCode, 303);
    assert.equal(edit.headers.location, `/admin/power-catalog/${draft.id}/edit`);
  });

  test('a correction that adds personal data is blocked by the guard and writes nothing', async () => {
    const guide = await db
      .selectFrom('service_guides as g')
      .innerJoin('information_items as i', 'i.id', 'g.item_id')
      .selectAll('g')
      .where('i.status', '=', 'published')
      .orderBy('g.id')
      .executeTakeFirstOrThrow();
    const versions = async () =>
      (await db.selectFrom('item_versions').select('id').where('item_id', '=', guide.item_id).execute()).length;
    const before = await versions();
    const officer = new Client(app);
    await officer.signIn('officer');
    await officer.get(`/admin/service-guides/${guide.id}/correct`);
    const fields = {
      name: guide.name,
      power_item_id: guide.power_item_id === null ? '' : String(guide.power_item_id),
      conditions: guide.conditions,
      materials: guide.materials,
      steps: guide.steps,
      time_limit: guide.time_limit,
      fees: guide.fees,
      place: guide.place,
      hours: guide.hours,
      phone: guide.phone,
    };
    const id = '43060219900101123' + residentIdCheckChar('43060219900101123');
    const blocked = await officer.post(`/admin/service-guides/${guide.id}/correct`, {
      ...fields,
      change_note: '补充联系人',
      materials: `${guide.materials}\n联系人身份证 ${id}`,
    });
    assert.equal(blocked.statusCode, 409);
    assert.equal(await versions(), before, 'nothing half-written');
    assert.equal(
      (await db.selectFrom('service_guides').select('materials').where('id', '=', guide.id).executeTakeFirstOrThrow())
        .materials,
      guide.materials,
    );
    const ok = await officer.post(`/admin/service-guides/${guide.id}/correct`, {
      ...fields,
      change_note: '办理时限缩短',
      time_limit: '10个工作日',
    });
    assert.equal(ok.statusCode, 303);
    assert.equal(await versions(), before + 1);
    assert.equal(
      (await db.selectFrom('service_guides').select('time_limit').where('id', '=', guide.id).executeTakeFirstOrThrow())
        .time_limit,
      '10个工作日',
    );
  });

  test('the item form offers every category, the power catalog and service guides included', async () => {
    const drafter = new Client(app);
    await drafter.signIn('drafter');
    const form = await drafter.get('/admin/items/new');
    for (const c of ['work_news', 'normative_document', 'power_catalog', 'service_guide', 'other'])
      assert.match(form.body, new RegExp(`<option value="${c}"`));
    const workflow = new Client(app);
    await workflow.signIn('admin');
    const page = await workflow.get('/admin/workflows');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /职权目录/, 'the review chain is configurable for the power catalog too');
  });

  test('a power and its carrying draft are written together: two creations racing for one code leave one of each', async () => {
    const drafter = await callerOf(db, 'drafter');
    const { unit } = await demoBureau(db);
    const input = {
      code: 'XK-977',
      name: '民办职业培训学校设立审批',
      power_type: 'licence' as const,
      legal_basis: '《民办教育促进法》',
      responsible_unit_id: unit,
      formation_date: '2026-01-08',
    };
    const results = await Promise.allSettled([
      powerCatalogService.createPowerItem(db, drafter.ctx, input, { createdBy: drafter.actor.userId }),
      powerCatalogService.createPowerItem(db, drafter.ctx, input, { createdBy: drafter.actor.userId }),
    ]);
    assert.equal(results.filter((r) => r.status === 'fulfilled').length, 1);
    assert.equal((await db.selectFrom('power_items').select('id').where('code', '=', 'XK-977').execute()).length, 1);
    const carriers = await db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select('i.id')
      .where('v.title', '=', '行政许可：民办职业培训学校设立审批')
      .execute();
    assert.equal(carriers.length, 1, 'no draft without its power');
  });
});
