// The publishing service on how an item reaches the public, on both engines: the review chain
// configured by the system admin only, emergency publishing, scheduled publishing (idempotent,
// safe when several runs race) and the Art. 26 filter.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { ConflictError, ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { stepsFor } from './publishing.service.ts';
import { runScheduledPublishing } from './scheduled.ts';
import { publishingStore as store } from './publishing.store.ts';
import {
  asUser,
  itemInput,
  publishingDemo,
  reviewWorkNews,
  type DemoName,
  type DemoUser,
} from './publishing.test-support.ts';

const forbidden = (e: unknown) => e instanceof ForbiddenError;
const conflict = (e: unknown) => e instanceof ConflictError;

forEachDialect('publishing service, review chain and timing', (t) => {
  let db: Db;
  let who: Record<DemoName, DemoUser>;
  let unit = 0;
  let agency = 0;

  before(async () => {
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    ({ agency, unit, who } = await publishingDemo(db));
  });
  after(() => setClock(undefined));

  test('the review chain is configured by the system admin only, never without the confidentiality review', async () => {
    await assert.rejects(
      asUser.configureWorkflow(db, who.officer, agency, 'licensing_result', ['unit_head', 'confidentiality', 'leader']),
      forbidden,
      'the officer who publishes cannot change the chain',
    );
    await assert.rejects(
      asUser.configureWorkflow(db, who.admin, agency, 'licensing_result', ['unit_head', 'leader']),
      (e) => e instanceof ValidationError,
    );
    await asUser.configureWorkflow(db, who.admin, agency, 'licensing_result', [
      'leader',
      'confidentiality',
      'unit_head',
    ]);
    assert.deepEqual(await stepsFor(db, agency, 'licensing_result'), ['unit_head', 'confidentiality', 'leader']);
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { catalog_category: 'licensing_result' }));
    await reviewWorkNews(db, who, id);
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      conflict,
      'the leader in charge is now required',
    );
    await assert.rejects(asUser.transition(db, who.admin, id, 'leader_check'), forbidden, 'the admin takes no step');
    await asUser.transition(db, who.leader, id, 'leader_check');
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
  });

  test('emergency publishing: the principal leader decides, public at once, flagged until the confidentiality review', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { title: '关于暂停窗口服务的紧急通知' }));
    assert.equal(
      await asUser.transition(db, who.chief, id, 'emergency_publish', { reason: '暴雨红色预警' }),
      'published_pending_approval',
    );
    assert.ok(
      (await store.list(db, { agencyIds: [agency], statuses: ['published_pending_approval'] })).some(
        (i) => i.id === id,
      ),
    );
    await assert.rejects(asUser.transition(db, who.officer, id, 'approve_emergency', { basis: '不涉密' }), forbidden);
    assert.equal(await asUser.transition(db, who.reviewer, id, 'approve_emergency', { basis: '不涉密' }), 'published');
    assert.ok(
      !(await store.list(db, { agencyIds: [agency], statuses: ['published_pending_approval'] })).some(
        (i) => i.id === id,
      ),
    );
  });

  test('scheduled publishing: published on its day, once, even when several runs race', async () => {
    setClock(() => new Date('2026-03-02T04:00:00.000Z'));
    try {
      const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { formation_date: '2026-03-02' }));
      await reviewWorkNews(db, who, id);
      await assert.rejects(
        asUser.transition(db, who.officer, id, 'schedule', { date: '2026-03-01' }),
        (e) => e instanceof ValidationError,
      );
      assert.equal(await asUser.transition(db, who.officer, id, 'schedule', { date: '2026-03-05' }), 'scheduled');
      const early = await runScheduledPublishing(db, '2026-03-04');
      assert.ok(!early.published.includes(id));
      const runs = await Promise.all([
        runScheduledPublishing(db, '2026-03-05'),
        runScheduledPublishing(db, '2026-03-05'),
        runScheduledPublishing(db, '2026-03-05'),
      ]);
      assert.equal(runs.filter((r) => r.published.includes(id)).length, 1, 'exactly one run publishes it');
      const item = (await store.item(db, id))!;
      assert.deepEqual([item.status, item.publication_date, item.scheduled_on], ['published', '2026-03-05', null]);
      const rows = await db
        .selectFrom('item_status_history')
        .selectAll()
        .where('item_id', '=', id)
        .where('to_status', '=', 'published')
        .execute();
      assert.equal(rows.length, 1);
      assert.equal(rows[0]!.actor_user_id, null, 'the system published it');
      const again = await runScheduledPublishing(db, '2026-03-06');
      assert.ok(!again.published.includes(id), 'idempotent');
      const events = await db
        .selectFrom('audit_events')
        .select('actor_name')
        .where('action', '=', 'publishing.publish')
        .where('subject_id', '=', String(id))
        .execute();
      assert.deepEqual(
        events.map((e) => e.actor_name),
        ['system'],
      );
    } finally {
      setClock(undefined);
    }
  });

  test('Art. 26 filter: unpublished proactive items overdue or due soon', async () => {
    setClock(() => new Date('2026-04-01T04:00:00.000Z'));
    try {
      const old = await asUser.createDraft(
        db,
        who.drafter,
        itemInput(unit, { formation_date: '2026-02-02', title: '逾期项' }),
      );
      const soon = await asUser.createDraft(
        db,
        who.drafter,
        itemInput(unit, { formation_date: '2026-03-06', title: '将到期项' }),
      );
      const fresh = await asUser.createDraft(
        db,
        who.drafter,
        itemInput(unit, { formation_date: '2026-04-01', title: '新项' }),
      );
      const dues = new Map(
        (
          await db
            .selectFrom('information_items')
            .select(['id', 'disclosure_due_on'])
            .where('id', 'in', [old.id, soon.id, fresh.id])
            .execute()
        ).map((r) => [r.id, r.disclosure_due_on!]),
      );
      assert.ok(dues.get(old.id)! < '2026-04-01');
      const overdue = await store.list(db, { agencyIds: [agency], dueBetween: { to: '2026-03-31' } });
      assert.ok(overdue.some((i) => i.id === old.id) && !overdue.some((i) => i.id === soon.id || i.id === fresh.id));
      const dueSoon = await store.list(db, {
        agencyIds: [agency],
        dueBetween: { from: '2026-04-01', to: '2026-04-09' },
      });
      assert.ok(
        dueSoon.some((i) => i.id === soon.id),
        `due ${dues.get(soon.id)}`,
      );
      assert.ok(!dueSoon.some((i) => i.id === old.id || i.id === fresh.id));
    } finally {
      setClock(undefined);
    }
  });
});
