// The catalog console on how an item reaches the public, through the real pipeline on both
// engines: the workflow page (system admin edits, disclosure office reads), the emergency flag on
// the start page, scheduled publishing when the server listens, the Art. 26 filter and
// interpretations shown both ways.
import { advanceClock } from '../../../test/support/clock.ts';
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { forEachDialect } from '../../../test/support/database.ts';
import { Client, seedSmallDemo, testApp } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { todayInChina } from '../../platform/clock.ts';
import { publishingStore as store } from './publishing.store.ts';
import {
  type DemoUser,
  asUser,
  demoBureau,
  demoCallers,
  itemInput,
  reviewWorkNews,
  type DemoName,
} from './publishing.test-support.ts';

async function signedIn(app: FastifyInstance, username: string): Promise<Client> {
  const client = new Client(app);
  assert.equal((await client.signIn(username)).statusCode, 303, `${username} signs in`);
  await client.get('/account');
  return client;
}

/** A form with repeated names (checkboxes), as a browser sends it. */
async function postPairs(
  app: FastifyInstance,
  client: Client,
  url: string,
  pairs: [string, string][],
): Promise<LightMyRequestResponse> {
  const body = new URLSearchParams([['_csrf', client.csrfToken ?? ''], ...pairs]);
  return app.inject({
    method: 'POST',
    url,
    headers: { cookie: client.cookieHeader(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: body.toString(),
  });
}

forEachDialect('publishing console, review chain and timing', (t) => {
  let app: FastifyInstance;
  let db: Db;
  let unit = 0;
  let agency = 0;
  let who: Record<DemoName, DemoUser>;
  const dataDir = mkdtempSync(join(tmpdir(), 'gongkai-pub-files-'));
  before(async () => {
    await seedSmallDemo(t.handle);
    app = await testApp(t.handle, { dataDir });
    db = t.handle.db;
    ({ agency, unit } = await demoBureau(db));
    who = await demoCallers(db);
  });
  after(async () => {
    await app.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('workflow page: the system admin configures, the disclosure office reads, others are kept out', async () => {
    const admin = await signedIn(app, 'admin');
    const page = await admin.get(`/admin/workflows?agency=${agency}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /保密审查/);
    assert.match(page.body, /name="steps"/);
    const invalid = await admin.post('/admin/workflows', {
      agency_id: String(agency),
      category: 'personnel',
      steps: 'unit_head',
    });
    assert.equal(invalid.statusCode, 422);
    assert.match(invalid.body, /href="#field-steps-personnel"/);
    await admin.get(`/admin/workflows?agency=${agency}`);
    const res = await postPairs(app, admin, '/admin/workflows', [
      ['agency_id', String(agency)],
      ['category', 'personnel'],
      ['steps', 'unit_head'],
      ['steps', 'confidentiality'],
      ['steps', 'principal'],
    ]);
    assert.equal(res.statusCode, 303);
    const saved = await admin.get(`/admin/workflows?agency=${agency}&done=1`);
    assert.match(saved.body, /审核流程已保存/);
    assert.match(saved.body, /本机关配置/);
    const officer = await signedIn(app, 'officer');
    const read = await officer.get('/admin/workflows');
    assert.equal(read.statusCode, 200);
    assert.doesNotMatch(read.body, /name="steps"/, 'read-only for the disclosure office');
    assert.equal(
      (
        await officer.post('/admin/workflows', {
          agency_id: String(agency),
          category: 'personnel',
          steps: 'confidentiality',
        })
      ).statusCode,
      403,
    );
    const drafter = await signedIn(app, 'drafter');
    assert.equal((await drafter.get('/admin/workflows')).statusCode, 403);
  });

  test('after the leader in charge checks, the item page tells the leader that it waits for the principal leader', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      itemInput(unit, {
        title: '等待主要领导审批测试',
        catalog_category: 'normative_document',
        document_number: '岳人社发〔2026〕8号',
      }),
    );
    await reviewWorkNews(db, who, id);
    await asUser.transition(db, who.leader, id, 'leader_check');
    const leader = await signedIn(app, 'leader');
    assert.match((await leader.get(`/admin/items/${id}`)).body, /本信息正在等待：主要领导（主要领导审批通过）。/);
    // the principal leader has the step itself, not the sentence
    const chief = await signedIn(app, 'chief');
    const page = (await chief.get(`/admin/items/${id}`)).body;
    assert.doesNotMatch(page, /本信息正在等待/);
    assert.match(page, /value="principal_approve"/);
  });

  test('the start page flags an emergency publication until its confidentiality review, and its review once overdue', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { title: '应急面板测试' }));
    await asUser.transition(db, who.chief, id, 'emergency_publish', { reason: '突发事件' });
    const officer = await signedIn(app, 'officer');
    const flagged = await officer.get('/admin');
    assert.match(flagged.body, /data-panel="catalog"/);
    assert.match(flagged.body, /data-count="emergency">\s*<span class="count-links__n">[1-9]/);
    // Twelve days on, past any holiday stretch: the review (due one working day after) is overdue.
    const back = advanceClock(12 * 86_400_000);
    try {
      const later = await signedIn(app, 'officer');
      assert.match(
        (await later.get('/admin')).body,
        /data-count="emergencyOverdue">\s*<span class="count-links__n">[1-9]/,
      );
    } finally {
      back();
    }
    await asUser.transition(db, who.reviewer, id, 'approve_emergency', { basis: '不涉密' });
    const pending = await db
      .selectFrom('information_items')
      .select('id')
      .where('status', '=', 'published_pending_approval')
      .execute();
    const after = await officer.get('/admin');
    if (pending.length === 0)
      assert.doesNotMatch(after.body, /data-count="emergency">\s*<span class="count-links__n">[1-9]/);
    const admin = await signedIn(app, 'admin');
    assert.doesNotMatch(
      (await admin.get('/admin')).body,
      /data-panel="catalog"/,
      'no content on the admin’s start page',
    );
  });

  test('the server publishes a scheduled item that is due as soon as it listens', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { title: '定时发布测试' }));
    await reviewWorkNews(db, who, id);
    const today = todayInChina();
    await asUser.transition(db, who.officer, id, 'schedule', { date: today });
    await app.listen({ port: 0, host: '127.0.0.1' });
    let status = '';
    for (let i = 0; i < 100 && status !== 'published'; i++) {
      await new Promise((r) => setTimeout(r, 50));
      status = (await store.item(db, id))!.status;
    }
    assert.equal(status, 'published');
    assert.equal((await store.item(db, id))!.publication_date, today);
  });

  test('Art. 26 filter and interpretations shown both ways', async () => {
    const doc = await asUser.createDraft(
      db,
      who.drafter,
      itemInput(unit, {
        catalog_category: 'normative_document',
        title: '岳阳市创业担保贷款办法',
        formation_date: '2020-03-02',
      }),
    );
    const drafter = await signedIn(app, 'drafter');
    const form = await drafter.get('/admin/items/new');
    assert.match(form.body, /岳阳市创业担保贷款办法/);
    const created = await drafter.post('/admin/items/new', {
      title: '《岳阳市创业担保贷款办法》政策解读',
      responsible_unit_id: String(unit),
      formation_date: '2020-03-03',
      disclosure_mode: 'proactive',
      catalog_category: 'policy_interpretation',
      interprets_item_id: String(doc.id),
      body_html: '<p>解读正文</p>',
    });
    assert.equal(created.statusCode, 303);
    const interp = Number(/\/admin\/items\/(\d+)/.exec(String(created.headers.location))?.[1]);
    assert.match((await drafter.get(`/admin/items/${interp}`)).body, /所解读的政策文件[\s\S]*岳阳市创业担保贷款办法/);
    assert.match((await drafter.get(`/admin/items/${doc.id}`)).body, /相关政策解读[\s\S]*政策解读/);

    const overdue = await drafter.get('/admin/items?deadline=overdue');
    assert.equal(overdue.statusCode, 200);
    assert.match(overdue.body, /岳阳市创业担保贷款办法/);
    assert.match(overdue.body, /逾期/);
    const soon = await drafter.get('/admin/items?deadline=due_soon');
    assert.doesNotMatch(soon.body, /岳阳市创业担保贷款办法/);
  });
});
