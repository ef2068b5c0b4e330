// The publishing service's workflow on both engines: index numbers stay unique and consecutive under
// 40 concurrent creations and follow the agency's template, each role's rights, the review chain of
// work news and of normative documents, validation — and the status rows and audit events written with
// each step. Personal data: publishing.personal-data.test.ts; deadlines: publishing.deadlines.test.ts.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { countRows as count, forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { organisationService } from '../organisation/organisation.service.ts';
import { publishingService as service, type ItemInput } from './publishing.service.ts';
import { renderIndexNumber } from './publishing.ts';
import {
  type DemoUser,
  asUser,
  callerOf,
  itemInput,
  reviewWorkNews,
  publishingDemo,
  type DemoName,
} from './publishing.test-support.ts';

function forbidden(error: unknown) {
  return error instanceof ForbiddenError;
}

/** A role that may act, but not on this record, is answered as if the record did not exist. */
function outOfReach(error: unknown) {
  return error instanceof NotFoundError;
}

forEachDialect('publishing service, workflow', (t) => {
  let db: Db;
  let who: Record<DemoName | 'otherhead', DemoUser>;
  let unit = 0;
  let agency = 0;
  const input = (over: Partial<ItemInput> = {}) => itemInput(unit, over);

  before(async () => {
    let demo: Record<DemoName, DemoUser>;
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    ({ agency, unit, who: demo } = await publishingDemo(db));
    // A unit head of another unit of the same bureau, for the records out of a role's reach.
    const other = (
      await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', agency)
        .where('name', '=', '劳动关系科')
        .executeTakeFirstOrThrow()
    ).id;
    const u = await organisationService.createUser(
      db,
      systemContext,
      { username: 'otherhead', display_name: '另一科长', agency_id: agency, unit_id: other },
      'Lingyi-Kezhang-2026',
    );
    await organisationService.assignRole(db, systemContext, u.id, 'unit_head', agency, other);
    who = { ...demo, otherhead: await callerOf(db, 'otherhead') };
  });
  after(() => setClock(undefined));

  test('40 concurrent creations get 40 unique consecutive index numbers', async () => {
    // The demo may already hold items of that year: the serials continue after them.
    const start = Number(
      (
        await db
          .selectFrom('index_number_sequences')
          .select('last_seq')
          .where('agency_id', '=', agency)
          .where('year', '=', 2024)
          .executeTakeFirst()
      )?.last_seq ?? 0,
    );
    const created = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        asUser.createDraft(db, who.drafter, input({ title: `并发创建 ${i}`, formation_date: '2024-03-01' })),
      ),
    );
    const numbers = created.map((c) => c.indexNumber).sort();
    assert.equal(new Set(numbers).size, 40);
    const a = await db.selectFrom('agencies').selectAll().where('id', '=', agency).executeTakeFirstOrThrow();
    const expected = Array.from({ length: 40 }, (_, i) =>
      renderIndexNumber(a.index_number_template, {
        agencyCode: a.code,
        creditCode: a.credit_code,
        year: 2024,
        month: 3,
        seq: start + i + 1,
      }),
    );
    assert.deepEqual(numbers, expected);
    const seq = await db
      .selectFrom('index_number_sequences')
      .select('last_seq')
      .where('agency_id', '=', agency)
      .where('year', '=', 2024)
      .executeTakeFirstOrThrow();
    assert.equal(seq.last_seq, start + 40);
  });

  test('the agency template is used and a serial is never handed out twice', async () => {
    const original = (
      await db.selectFrom('agencies').select('index_number_template').where('id', '=', agency).executeTakeFirstOrThrow()
    ).index_number_template;
    await db
      .updateTable('agencies')
      .set({ index_number_template: '{creditCode}/{yyyy}{mm}-{seq:3}' })
      .where('id', '=', agency)
      .execute();
    try {
      const a = await asUser.createDraft(db, who.drafter, input({ formation_date: '2023-11-20' }));
      const b = await asUser.createDraft(db, who.drafter, input({ formation_date: '2023-12-01' }));
      assert.equal(a.indexNumber, '11430600MB15348729/202311-001');
      assert.equal(b.indexNumber, '11430600MB15348729/202312-002');
    } finally {
      await db.updateTable('agencies').set({ index_number_template: original }).where('id', '=', agency).execute();
    }
  });

  test('a draft is versioned, sanitized, and each step writes a status row and an audit event', async () => {
    const before = { history: await count(db, 'item_status_history'), audit: await count(db, 'audit_events') };
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      input({ body_html: '<p onclick="x()">正文<script>alert(1)</script></p>' }),
    );
    await asUser.updateDraft(
      db,
      who.drafter,
      id,
      input({ title: '修改后的标题', body_html: '<p>第二版<a href="javascript:alert(1)">链接</a></p>' }),
    );
    const versions = await db
      .selectFrom('item_versions')
      .selectAll()
      .where('item_id', '=', id)
      .orderBy('version_no')
      .execute();
    assert.deepEqual(
      versions.map((v) => v.version_no),
      [1, 2],
    );
    assert.equal(versions[0]!.body_html, '<p>正文</p>');
    assert.ok(!versions[1]!.body_html.includes('javascript'));
    await reviewWorkNews(db, who, id);
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
    const history = await db
      .selectFrom('item_status_history')
      .selectAll()
      .where('item_id', '=', id)
      .orderBy('id')
      .execute();
    assert.deepEqual(
      history.map((h) => h.event),
      ['create', 'submit', 'unit_approve', 'confidentiality_approve', 'publish'],
    );
    assert.deepEqual(
      history.map((h) => h.to_status),
      ['draft', 'submitted', 'unit_approved', 'confidentiality_reviewed', 'published'],
    );
    assert.equal(await count(db, 'item_status_history'), before.history + 5);
    // create, update, four transitions
    assert.equal(await count(db, 'audit_events'), before.audit + 6);
    const review1 = await db
      .selectFrom('confidentiality_reviews')
      .selectAll()
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(review1.decision, 'approved');
    assert.equal(review1.reviewer_user_id, who.reviewer.actor.userId);
    assert.equal(review1.version_id, versions[1]!.id);
    const audit = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'publishing.publish')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.equal(audit.actor_name, 'officer');
  });

  test('each role has its own rights, and refusals write nothing', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, input());
    await assert.rejects(asUser.createDraft(db, who.otherhead, input()), forbidden, 'a unit head does not draft');
    await assert.rejects(asUser.transition(db, who.admin, id, 'submit'), forbidden, 'an admin role touches no content');
    await asUser.transition(db, who.drafter, id, 'submit');
    const snapshot = [await count(db, 'item_status_history'), await count(db, 'audit_events')];
    await assert.rejects(asUser.transition(db, who.drafter, id, 'unit_approve'), forbidden, 'a drafter cannot approve');
    await assert.rejects(
      asUser.transition(db, who.otherhead, id, 'unit_approve'),
      outOfReach,
      'a unit head of another unit cannot approve',
    );
    await assert.rejects(
      asUser.transition(db, who.supervisor, id, 'unit_approve'),
      forbidden,
      'the supervisor only reads',
    );
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      (e) => e instanceof ConflictError,
      'not ready for publishing',
    );
    await assert.rejects(
      asUser.transition(db, who.unithead, id, 'return'),
      (e) => e instanceof ValidationError && e.issues[0]!.field === 'reason',
    );
    assert.deepEqual([await count(db, 'item_status_history'), await count(db, 'audit_events')], snapshot);
    assert.equal(await asUser.transition(db, who.unithead, id, 'return', { reason: '请补充发放标准' }), 'returned');
    assert.equal(await asUser.transition(db, who.drafter, id, 'redraft'), 'draft');
    await asUser.transition(db, who.drafter, id, 'submit');
    await asUser.transition(db, who.unithead, id, 'unit_approve');
    await assert.rejects(
      asUser.transition(db, who.reviewer, id, 'confidentiality_approve'),
      (e) => e instanceof ValidationError && e.issues[0]!.field === 'basis',
    );
    await asUser.transition(db, who.reviewer, id, 'confidentiality_approve', { basis: '不涉密' });
    await assert.rejects(asUser.transition(db, who.admin, id, 'publish'), forbidden, 'an admin role cannot publish');
    await assert.rejects(
      asUser.transition(db, who.chief, id, 'publish'),
      forbidden,
      'publishing is the disclosure officer’s',
    );
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'schedule', { date: '2001-01-01' }),
      (e) => e instanceof ValidationError,
    );
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
    await assert.rejects(asUser.transition(db, who.officer, id, 'withdraw'), (e) => e instanceof ValidationError);
    assert.equal(await asUser.transition(db, who.officer, id, 'withdraw', { reason: '政策调整' }), 'withdrawn');
  });

  test('a confidentiality reviewer who returns an item records the decision with the reason', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, input());
    await asUser.transition(db, who.drafter, id, 'submit');
    await asUser.transition(db, who.unithead, id, 'unit_approve');
    await assert.rejects(
      asUser.transition(db, who.unithead, id, 'return', { reason: 'x' }),
      forbidden,
      'the step is the reviewer’s now',
    );
    await asUser.transition(db, who.reviewer, id, 'return', { reason: '含内部工作流程，属第十六条内部事务信息' });
    const review = await db
      .selectFrom('confidentiality_reviews')
      .selectAll()
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.deepEqual([review.decision, review.basis], ['returned', '含内部工作流程，属第十六条内部事务信息']);
  });

  test('normative documents pass the leader in charge and the principal leader; validity is appended', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      input({ catalog_category: 'normative_document', document_number: '岳人社发〔2025〕3号' }),
    );
    await reviewWorkNews(db, who, id);
    await assert.rejects(asUser.transition(db, who.officer, id, 'publish'), (e) => e instanceof ConflictError);
    await assert.rejects(
      asUser.transition(db, who.chief, id, 'principal_approve'),
      (e) => e instanceof ConflictError,
      'the leader in charge comes first',
    );
    await asUser.transition(db, who.leader, id, 'leader_check');
    await assert.rejects(asUser.transition(db, who.leader, id, 'principal_approve'), forbidden);
    await asUser.transition(db, who.chief, id, 'principal_approve');
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
    await asUser.setValidity(db, who.officer, id, 'in_force', '2025-06-02');
    await asUser.setValidity(db, who.officer, id, 'repealed', '2025-12-31', '被岳人社发〔2025〕9号废止');
    await assert.rejects(asUser.setValidity(db, who.drafter, id, 'expired', '2026-01-01'), forbidden);
    const rows = await db
      .selectFrom('item_validity_history')
      .select(['validity', 'effective_date'])
      .where('item_id', '=', id)
      .orderBy('effective_date')
      .execute();
    assert.deepEqual(
      rows.map((r) => r.validity),
      ['in_force', 'repealed'],
    );
    const news = await asUser.createDraft(db, who.drafter, input());
    await assert.rejects(
      asUser.setValidity(db, who.officer, news.id, 'in_force', '2025-06-02'),
      (e) => e instanceof ConflictError,
    );
  });

  test('validation: unit of another agency, missing legal basis, future formation date', async () => {
    const county = (
      await db
        .selectFrom('units as u')
        .innerJoin('agencies as a', 'a.id', 'u.agency_id')
        .select('u.id')
        .where('a.code', '=', 'huarong-hrss')
        .executeTakeFirstOrThrow()
    ).id;
    const before = await count(db, 'information_items');
    await assert.rejects(asUser.createDraft(db, who.drafter, input({ responsible_unit_id: county })), outOfReach);
    await assert.rejects(
      asUser.createDraft(
        db,
        who.drafter,
        input({ disclosure_mode: 'not_disclosed', formation_date: '2999-01-01', title: ' ' }),
      ),
      (e) =>
        e instanceof ValidationError &&
        ['title', 'formation_date', 'non_disclosure_basis'].every((f) => e.issues.some((i) => i.field === f)),
    );
    assert.equal(await count(db, 'information_items'), before);
  });
});
