// The demo reproduces the fixture report's 2013 figures from its records, on both engines.
import { test, before } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../test/support/database.ts';
import { DEMO_PASSWORD, seedDemo } from '../../test/support/app.ts';
import { publicStatuses } from '../modules/publishing/publishing.ts';
import { searchService } from '../modules/search/search.ts';
import { verifyPassword } from '../platform/auth/password.ts';
import {
  contentAreaBreakdown,
  growthPercent,
  publicationsByChannel,
  websiteGrowth,
  websiteItemCount,
} from '../modules/channels/channels.store.ts';
import { catalogCounts, yearlyFigures } from '../modules/power-catalog/power-catalog.store.ts';
import { verifyAuditChain } from '../platform/audit/verify.ts';
import { auditSettings } from '../platform/audit/audit.ts';

test('275 over 210 is the whole-number pair closest to the report’s +30.8 %', () => {
  assert.equal(growthPercent(275, 210), 31.0);
  assert.equal(growthPercent(275, 211), 30.3);
  const distance = (x: number) => Math.abs((275 / x - 1) * 100 - 30.8);
  for (const x of [205, 209, 211, 215]) assert.ok(distance(210) < distance(x));
});

forEachDialect('demo publications (fixture 2013)', (t) => {
  let hrss = 0;
  before(async () => {
    await seedDemo(t.handle);
    hrss = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });

  test('702 publications on all channels, 275 of them items on the websites', async () => {
    const c = await publicationsByChannel(t.handle.db, [hrss], 2013);
    assert.equal(c.total, 702);
    assert.equal(c.websiteItems, 275);
    assert.equal(await websiteItemCount(t.handle.db, [hrss], 2013), 275);
    assert.equal(c.otherPublications, 427);
    assert.equal(c.byChannel.own_website, 275);
    assert.ok(
      c.byChannel.weibo > 0 &&
        c.byChannel.wechat > 0 &&
        c.byChannel.display_screen > 0 &&
        c.byChannel.newspaper > 0 &&
        c.byChannel.tv > 0 &&
        c.byChannel.briefing > 0,
    );
  });

  test('2012 has 210 website items; growth computed +31.0 %', async () => {
    assert.equal(await websiteItemCount(t.handle.db, [hrss], 2012), 210);
    assert.deepEqual(await websiteGrowth(t.handle.db, [hrss], 2013), {
      current: 275,
      previous: 210,
      growthPercent: 31.0,
    });
  });

  test('120 powers and 153 workflows were public in 2013', async () => {
    const c = await catalogCounts(t.handle.db, [hrss], '2013-12-31');
    assert.equal(c.powerItems, 120);
    assert.equal(c.serviceGuides, 153);
    assert.equal(
      Object.values(c.byType).reduce((a, b) => a + b, 0),
      120,
    );
  });

  test('every content area of the report has items in 2013', async () => {
    const areas = await contentAreaBreakdown(t.handle.db, [hrss], 2013);
    const topics = new Set(areas.byTopic.map((r) => r.topic));
    for (const topic of [
      '规范性文件',
      '劳务派遣行政许可',
      '工资晋升',
      '小集体企业参保',
      '失业保险领取',
      '社保补贴',
      '公务员考试',
      '事业单位招聘',
      '三支一扶',
      '专业技术考试',
      '职称计算机考试',
      '机构职能',
      '人社动态',
      '人社简报',
    ]) {
      assert.ok(topics.has(topic), topic);
    }
    assert.equal(
      Object.values(areas.byCategory).reduce((a, b) => a + b, 0),
      275,
    );
  });

  test('2024 and 2025 have items, figures and validity changes', async () => {
    const db = t.handle.db;
    assert.ok((await websiteItemCount(db, [hrss], 2024)) > 0);
    assert.ok((await websiteItemCount(db, [hrss], 2025)) > 0);
    const f = await yearlyFigures(db, [hrss], 2025);
    assert.equal(f.licences.decisions, 155);
    assert.equal(f.administrativeFees.amountTenThousandYuan, 118);
    assert.deepEqual(f.missing, []);
    const repealed = await db
      .selectFrom('item_validity_history')
      .select('item_id')
      .where('validity', '=', 'repealed')
      .where('effective_date', '>=', '2025-01-01')
      .execute();
    assert.equal(repealed.length, 2);
  });

  test('each imported item has a version, a status row and an audit event; the chain holds', async () => {
    const db = t.handle.db;
    const items = await db
      .selectFrom('information_items')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('agency_id', '=', hrss)
      .executeTakeFirstOrThrow();
    const versions = await db
      .selectFrom('item_versions')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const imports = await db
      .selectFrom('item_status_history')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('event', '=', 'import')
      .executeTakeFirstOrThrow();
    const audits = await db
      .selectFrom('audit_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('action', '=', 'publishing.import')
      .executeTakeFirstOrThrow();
    assert.equal(Number(versions.n), Number(items.n));
    assert.equal(Number(imports.n), Number(items.n));
    assert.equal(Number(audits.n), Number(items.n));
    assert.equal((await verifyAuditChain(db, auditSettings().key)).ok, true);
  });

  test('the search index holds every public item as the demo published it (no rebuild needed)', async () => {
    const db = t.handle.db;
    const items = await db
      .selectFrom('information_items')
      .select('id')
      .where('status', 'in', publicStatuses)
      .where('disclosure_mode', '=', 'proactive')
      .orderBy('id')
      .execute();
    const indexed = await db.selectFrom('search_documents').select('item_id').orderBy('item_id').execute();
    assert.ok(items.length > 800);
    assert.deepEqual(
      indexed.map((r) => r.item_id),
      items.map((r) => r.id),
    );
    const answer = await searchService.search(db, { q: '岳人社发〔2013〕3号' });
    assert.ok(answer.total >= 1);
  });

  test('the demo accounts share one hash of the initial password, and it verifies', async () => {
    const users = await t.handle.db.selectFrom('users').select(['username', 'password_hash']).execute();
    assert.ok(users.length >= 12);
    assert.equal(new Set(users.map((u) => u.password_hash)).size, 1);
    assert.equal(await verifyPassword(DEMO_PASSWORD, users[0]!.password_hash), true);
  });
});
