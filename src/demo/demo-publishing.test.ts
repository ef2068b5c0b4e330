// The demo reproduces the fixture report's 2013 figures from its records, on both engines.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../test/support/database.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_PASSWORD, testApp } from '../../test/support/app.ts';
import { configureAudit } from '../platform/audit/audit.ts';
import { calendarService } from '../modules/calendar/calendar.service.ts';
import { loadDemo } from './demo.ts';
import { signedIn } from '../modules/organisation/organisation.test-support.ts';
import { todayInChina } from '../platform/clock.ts';
import { workItems } from './demo-workflow.ts';
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
import { presentChannelCounts } from '../modules/channels/channels.presenter.ts';
import { auditSettings } from '../platform/audit/audit.ts';

test('275 over 210 is the whole-number pair closest to the report’s +30.8 %', () => {
  assert.equal(growthPercent(275, 210), 31.0);
  assert.equal(growthPercent(275, 211), 30.3);
  const distance = (x: number) => Math.abs((275 / x - 1) * 100 - 30.8);
  for (const x of [205, 209, 211, 215]) assert.ok(distance(210) < distance(x));
});

forEachDialect('demo publications (fixture 2013)', (t) => {
  let hrss = 0;
  // The attachments go to a file store of the test's own, as the server's data directory would hold them.
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-demo-'));
  after(() => rmSync(dataDir, { recursive: true, force: true }));
  before(async () => {
    configureAudit({ algorithm: 'sha256', key: undefined });
    await calendarService.seedFromFile(t.handle.db);
    await loadDemo(t.handle, DEMO_PASSWORD, { mustChange: false, files: { dataDir, personalDataKeys: [] } });
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

  test('2013: the channel rows add up to 708, and the page explains the 6 over 702', async () => {
    const shown = presentChannelCounts(await publicationsByChannel(t.handle.db, [hrss], 2013));
    assert.equal(shown.total, 702);
    assert.equal(shown.rowsSum, 708);
    // The six normative documents went on the government portal and the own website at once.
    assert.equal(shown.overlap, 6);
    assert.equal(shown.byChannel.government_portal, 6);
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
    // Imported: published without a creator (the work in progress was drafted by its accounts).
    const imported = db.selectFrom('information_items').select('id').where('created_by', 'is', null);
    const count = async (q: { executeTakeFirstOrThrow(): Promise<{ n: number | string | bigint }> }) =>
      Number((await q.executeTakeFirstOrThrow()).n);
    const items = await count(
      db
        .selectFrom('information_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('created_by', 'is', null),
    );
    const hrssItems = await count(
      db
        .selectFrom('information_items')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('agency_id', '=', hrss),
    );
    const versions = await count(
      db
        .selectFrom('item_versions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('item_id', 'in', imported),
    );
    const imports = await count(
      db
        .selectFrom('item_status_history')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('event', '=', 'import'),
    );
    const audits = await count(
      db
        .selectFrom('audit_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('action', '=', 'publishing.import'),
    );
    assert.ok(items > hrssItems, 'the county bureaus’ items are imported too');
    assert.equal(versions, items);
    assert.equal(imports, items);
    assert.equal(audits, items);
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

  test('each county bureau has a catalog of dozens of items over 2024–2026, in every kind', async () => {
    const db = t.handle.db;
    for (const code of ['yueyang-county-hrss', 'huarong-hrss']) {
      const rows = await db
        .selectFrom('information_items as i')
        .innerJoin('agencies as a', 'a.id', 'i.agency_id')
        .select(['i.catalog_category', 'i.publication_date', 'i.art20_item'])
        .where('a.code', '=', code)
        .where('i.status', '=', 'published')
        .execute();
      assert.ok(rows.length >= 30, `${code}: ${rows.length} items`);
      const categories = new Set(rows.map((r) => r.catalog_category));
      for (const c of ['work_news', 'normative_document', 'policy_interpretation', 'personnel', 'licensing_result'])
        assert.ok(categories.has(c), `${code} has ${c}`);
      assert.ok(
        rows.some((r) => r.art20_item === 7),
        `${code} publishes its budget and final accounts`,
      );
      const years = new Set(rows.map((r) => r.publication_date!.slice(0, 4)));
      assert.ok(years.has('2024') && years.has('2025'), `${code}: ${[...years]}`);
      assert.ok(
        rows.every((r) => r.publication_date! < todayInChina()),
        'nothing published today or later',
      );
    }
  });

  test('no title repeats within an agency’s catalog, across years or within one', async () => {
    const repeats = await t.handle.db
      .selectFrom('information_items as i')
      .innerJoin('item_versions as v', 'v.id', 'i.current_version_id')
      .select(['i.agency_id', 'v.title', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['i.agency_id', 'v.title'])
      .having((eb) => eb.fn.countAll(), '>', 1)
      .execute();
    assert.deepEqual(repeats, []);
  });

  test('every published normative document has its validity and its PDF', async () => {
    const db = t.handle.db;
    const docs = await db
      .selectFrom('information_items')
      .select(['id', 'current_version_id'])
      .where('catalog_category', '=', 'normative_document')
      .where('status', '=', 'published')
      .execute();
    assert.ok(docs.length >= 16 + 12);
    const ids = docs.map((d) => d.id);
    const withValidity = new Set(
      (await db.selectFrom('item_validity_history').select('item_id').where('item_id', 'in', ids).execute()).map(
        (r) => r.item_id,
      ),
    );
    assert.deepEqual(
      ids.filter((id) => !withValidity.has(id)),
      [],
    );
    const files = await db
      .selectFrom('item_attachments')
      .select(['item_id', 'version_id', 'kind', 'size'])
      .where('item_id', 'in', ids)
      .execute();
    for (const d of docs) {
      const f = files.find((a) => a.item_id === d.id);
      assert.ok(f && f.version_id === d.current_version_id && f.kind === 'pdf' && f.size > 500, `item ${d.id}`);
    }
    // Amended, expired and repealed documents are among them, each with its date.
    const kinds = new Set(
      (await db.selectFrom('item_validity_history').select('validity').execute()).map((r) => r.validity),
    );
    for (const v of ['in_force', 'amended', 'repealed', 'expired']) assert.ok(kinds.has(v), v);
  });

  test('every policy interpretation is linked to a normative document of its agency', async () => {
    const rows = await t.handle.db
      .selectFrom('information_items as i')
      .leftJoin('information_items as d', 'd.id', 'i.interprets_item_id')
      .select(['i.id', 'i.agency_id', 'd.agency_id as docAgency', 'd.catalog_category as docCategory'])
      .where('i.catalog_category', '=', 'policy_interpretation')
      .execute();
    assert.ok(rows.length >= 10 + 6);
    for (const r of rows) {
      assert.equal(r.docCategory, 'normative_document', `interpretation ${r.id}`);
      assert.equal(r.docAgency, r.agency_id);
    }
  });

  test('every role of the review chain opens the console to work of its own', async () => {
    const app = await testApp(t.handle);
    try {
      const titles = new Map(workItems(Number(todayInChina().slice(0, 4))).map((w) => [w.key, w.title]));
      const expected: Record<string, string[]> = {
        drafter: ['draft-news', 'draft-subsidy', 'returned'],
        unithead: ['at-unit-head'],
        reviewer: ['at-reviewer'],
        leader: ['at-leader', 'interpretation-at-leader'],
        chief: ['at-chief'],
        officer: ['ready-news', 'ready-result'],
      };
      for (const [user, keys] of Object.entries(expected)) {
        const client = await signedIn(app, user);
        const mine = await client.get('/admin/items?view=mine');
        assert.equal(mine.statusCode, 200);
        for (const key of keys) assert.ok(mine.body.includes(titles.get(key)!), `${user} sees ${key}`);
      }
      // The channels page explains why its rows add up to more than the total.
      const officer = await signedIn(app, 'officer');
      const channelsPage = await officer.get('/admin/channels?year=2013');
      assert.match(channelsPage.body, /上表各渠道条数相加为 708 条，比“各类载体合计”多 6 条/);
      const english = await officer.get('/admin/channels?year=2013&lang=en');
      assert.match(english.body, /add up to 708, 6 more than the total/);
      // The documents before the leaders carry their PDF on the version under review.
      const inReview = await t.handle.db
        .selectFrom('information_items as i')
        .leftJoin('item_attachments as a', 'a.version_id', 'i.current_version_id')
        .select(['i.id', 'a.kind'])
        .where('i.catalog_category', '=', 'normative_document')
        .where('i.status', 'in', ['confidentiality_reviewed', 'leader_checked'])
        .execute();
      assert.equal(inReview.length, 2);
      assert.ok(inReview.every((r) => r.kind === 'pdf'));
    } finally {
      await app.close();
    }
  });
});
