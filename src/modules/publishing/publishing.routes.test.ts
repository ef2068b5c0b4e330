// The catalog console through the real pipeline (session, policy, CSRF) on both engines: a
// drafter's invalid form stores nothing; a draft with personal data is walked through the
// review, blocked by the guard, masked and published; lists, "pending my action", and the
// admin roles kept out.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { countRows, forEachDialect } from '../../../test/support/database.ts';
import { Client, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';

const ID = '43060219850512123' + residentIdCheckChar('43060219850512123');

async function signedIn(app: FastifyInstance, username: string): Promise<Client> {
  const client = new Client(app);
  const res = await client.signIn(username);
  assert.equal(res.statusCode, 303, `${username} signs in`);
  await client.get('/account');
  return client;
}

async function counts(db: Db): Promise<number[]> {
  const tables = ['information_items', 'item_versions', 'item_status_history', 'index_number_sequences'] as const;
  return Promise.all(tables.map((table) => countRows(db, table)));
}

forEachDialect('publishing console', (t) => {
  let app: FastifyInstance;
  let db: Db;
  let unit = 0;
  before(async () => {
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle);
    db = t.handle.db;
    const agency = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    unit = (
      await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', agency)
        .where('name', '=', '就业促进科')
        .executeTakeFirstOrThrow()
    ).id;
  });
  after(async () => app.close());

  test('an invalid draft answers 422 with every problem and stores nothing', async () => {
    const drafter = await signedIn(app, 'drafter');
    const form = await drafter.get('/admin/items/new');
    assert.equal(form.statusCode, 200);
    assert.match(form.body, /就业促进科/);
    const before = await counts(db);
    const res = await drafter.post('/admin/items/new', {
      title: '',
      formation_date: '2025-02-30',
      responsible_unit_id: String(unit),
      disclosure_mode: 'proactive',
      catalog_category: 'nonsense',
    });
    assert.equal(res.statusCode, 422);
    assert.match(res.body, /error-summary/);
    assert.match(res.body, /href="#field-title"/);
    assert.match(res.body, /href="#field-formation_date"/);
    assert.match(res.body, /href="#field-catalog_category"/);
    const future = await drafter.post('/admin/items/new', {
      title: '标题',
      formation_date: '2999-01-01',
      responsible_unit_id: String(unit),
      disclosure_mode: 'not_disclosed',
      catalog_category: 'work_news',
    });
    assert.equal(future.statusCode, 422);
    assert.match(future.body, /成文日期不能晚于今天/);
    assert.match(future.body, /法定依据/);
    assert.deepEqual(await counts(db), before);
  });

  test('draft → review → blocked by the guard → mask all → published', async () => {
    const drafter = await signedIn(app, 'drafter');
    await drafter.get('/admin/items/new');
    const created = await drafter.post('/admin/items/new', {
      title: '2025年第二批社保补贴发放名单公示',
      issuing_agencies: '岳阳市人力资源和社会保障局、岳阳市财政局',
      responsible_unit_id: String(unit),
      formation_date: '2025-07-01',
      disclosure_mode: 'proactive',
      art20_item: '11',
      catalog_category: 'work_news',
      body_html: `<p>公示名单：李四，身份证号 ${ID}。</p><script>alert(1)</script>`,
    });
    assert.equal(created.statusCode, 303);
    const location = String(created.headers.location);
    const id = Number(/\/admin\/items\/(\d+)\?done=created$/.exec(location)?.[1]);
    assert.ok(id > 0, location);

    const page = await drafter.get(location);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /草稿已创建/);
    assert.match(page.body, /11430600MB15348729\/2025-\d{5}/);
    assert.match(page.body, /岳阳市人力资源和社会保障局、岳阳市财政局/);
    assert.ok(!page.body.includes('<script>alert'), 'the body is sanitized');
    assert.match(page.body, /发现 1 处个人信息/);
    assert.ok(page.body.includes('430602********' + ID.slice(-4)));
    assert.match(page.body, /全部屏蔽/);
    assert.match(page.body, /value="submit"/);
    assert.ok(!page.body.includes('value="unit_approve"'), 'a drafter is offered no approval');

    assert.equal((await drafter.post(`/admin/items/${id}/transition`, { event: 'submit' })).statusCode, 303);

    const head = await signedIn(app, 'unithead');
    const mine = await head.get('/admin/items?view=mine');
    assert.match(mine.body, /2025年第二批社保补贴发放名单公示/);
    // the start page holds the same work: the item, and the step it waits for
    const workbench = (await head.get('/admin')).body;
    assert.match(workbench, /待我办理的信息/);
    assert.match(workbench, new RegExp(`href="/admin/items/${id}">2025年第二批社保补贴发放名单公示`));
    assert.match(workbench, /下一步：科室审核通过/);
    await head.get(`/admin/items/${id}`);
    assert.equal((await head.post(`/admin/items/${id}/transition`, { event: 'unit_approve' })).statusCode, 303);
    assert.doesNotMatch((await head.get('/admin')).body, new RegExp(`href="/admin/items/${id}"`));

    const reviewer = await signedIn(app, 'reviewer');
    const reviewerStart = (await reviewer.get('/admin?lang=en')).body;
    assert.match(reviewerStart, /Items waiting for you/);
    assert.match(reviewerStart, /Next step: Pass confidentiality review/);
    await reviewer.get(`/admin/items/${id}`);
    const noBasis = await reviewer.post(`/admin/items/${id}/transition`, {
      event: 'confidentiality_approve',
      basis: '',
    });
    assert.equal(noBasis.statusCode, 422);
    assert.match(noBasis.body, /href="#field-basis-confidentiality_approve"/);
    assert.equal(
      (
        await reviewer.post(`/admin/items/${id}/transition`, {
          event: 'confidentiality_approve',
          basis: '不涉及国家秘密和工作秘密',
        })
      ).statusCode,
      303,
    );

    const officer = await signedIn(app, 'officer');
    const detail = await officer.get(`/admin/items/${id}`);
    assert.match(detail.body, /value="publish"/);
    const blocked = await officer.post(`/admin/items/${id}/transition`, { event: 'publish' });
    assert.equal(blocked.statusCode, 409);
    assert.match(blocked.body, /须先屏蔽/);
    assert.equal(
      (await db.selectFrom('information_items').select('status').where('id', '=', id).executeTakeFirstOrThrow()).status,
      'confidentiality_reviewed',
    );

    assert.equal((await officer.post(`/admin/items/${id}/mask`)).statusCode, 303);
    const masked = await officer.get(`/admin/items/${id}?done=masked`);
    assert.match(masked.body, /当前版本未发现个人信息/);
    assert.equal((await officer.post(`/admin/items/${id}/transition`, { event: 'publish' })).statusCode, 303);

    const published = await officer.get(`/admin/items/${id}`);
    assert.match(published.body, /已发布/);
    for (const who of ['赵敏', '钱立新', '孙文静', '李红'])
      assert.ok(published.body.includes(who), `history names ${who}`);
    assert.match(published.body, /不涉及国家秘密和工作秘密/);
    const row = await db.selectFrom('information_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(row.status, 'published');
    assert.ok(row.publication_date);
    const events = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'information_item')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.deepEqual(
      events.map((e) => e.action),
      [
        'publishing.create',
        'publishing.submit',
        'publishing.unit_approve',
        'publishing.confidentiality_approve',
        'publishing.mask',
        'publishing.publish',
      ],
    );

    const list = await officer.get('/admin/items?status=published');
    assert.match(list.body, /2025年第二批社保补贴发放名单公示/);
    const en = await officer.get(`/admin/items/${id}?lang=en`);
    assert.match(en.body, /Catalog data/);
  });

  test('a reviewer lets findings through with a reason; an emergency item is flagged until approved', async () => {
    const drafter = await signedIn(app, 'drafter');
    await drafter.get('/admin/items/new');
    const created = await drafter.post('/admin/items/new', {
      title: '防汛应急值班安排',
      responsible_unit_id: String(unit),
      formation_date: '2025-07-02',
      disclosure_mode: 'proactive',
      catalog_category: 'notice',
      body_html: '<p>值班联系人手机：13907301234</p>',
    });
    const id = Number(/\/admin\/items\/(\d+)/.exec(String(created.headers.location))?.[1]);
    const reviewer = await signedIn(app, 'reviewer');
    await reviewer.get(`/admin/items/${id}`);
    const empty = await reviewer.post(`/admin/items/${id}/pii-override`, { override_reason: '' });
    assert.equal(empty.statusCode, 422);
    assert.equal(
      (await reviewer.post(`/admin/items/${id}/pii-override`, { override_reason: '值班手机为公务号码，依职责公开' }))
        .statusCode,
      303,
    );
    assert.match((await reviewer.get(`/admin/items/${id}`)).body, /保密审查员已登记放行/);

    const officer = await signedIn(app, 'officer');
    await officer.get(`/admin/items/${id}`);
    assert.equal(
      (await officer.post(`/admin/items/${id}/transition`, { event: 'emergency_publish', reason: '防汛' })).statusCode,
      403,
      'the disclosure officer alone cannot publish in an emergency',
    );
    const chief = await signedIn(app, 'chief');
    await chief.get(`/admin/items/${id}`);
    assert.equal(
      (await chief.post(`/admin/items/${id}/transition`, { event: 'emergency_publish', reason: '' })).statusCode,
      422,
    );
    assert.equal(
      (await chief.post(`/admin/items/${id}/transition`, { event: 'emergency_publish', reason: '防汛Ⅲ级应急响应' }))
        .statusCode,
      303,
    );
    const list = await officer.get('/admin/items');
    assert.match(list.body, /应急发布待保密审查：1 条/);
    const mine = await reviewer.get('/admin/items?view=mine');
    assert.match(mine.body, /防汛应急值班安排/);
    await reviewer.get(`/admin/items/${id}`);
    assert.equal(
      (await reviewer.post(`/admin/items/${id}/transition`, { event: 'approve_emergency', basis: '不涉及国家秘密' }))
        .statusCode,
      303,
    );
    assert.doesNotMatch((await officer.get('/admin/items')).body, /应急发布待保密审查：/);
  });

  test('admin roles see no content; a drafter cannot edit another state or take another’s step', async () => {
    for (const admin of ['admin', 'secadmin', 'auditor']) {
      const client = await signedIn(app, admin);
      assert.equal((await client.get('/admin/items')).statusCode, 403, admin);
      assert.doesNotMatch((await client.get('/admin')).body, /信息公开目录/);
    }
    const drafter = await signedIn(app, 'drafter');
    assert.match((await drafter.get('/admin')).body, /信息公开目录/);
    const published = await db
      .selectFrom('information_items')
      .select('id')
      .where('status', '=', 'published')
      .where('responsible_unit_id', '=', unit)
      .executeTakeFirstOrThrow();
    assert.equal((await drafter.get(`/admin/items/${published.id}/edit`)).statusCode, 409);
    await drafter.get('/admin/items');
    assert.equal(
      (await drafter.post(`/admin/items/${published.id}/transition`, { event: 'withdraw', reason: 'x' })).statusCode,
      403,
    );
    const supervisor = await signedIn(app, 'supervisor');
    assert.equal((await supervisor.get(`/admin/items/${published.id}`)).statusCode, 200);
    assert.equal(
      (await supervisor.post(`/admin/items/${published.id}/transition`, { event: 'withdraw', reason: 'x' })).statusCode,
      403,
    );
    assert.equal((await supervisor.get('/admin/items/999999')).statusCode, 404);
  });
});
