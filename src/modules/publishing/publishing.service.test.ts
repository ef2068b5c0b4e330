// The publishing service on both engines: index numbers stay unique and consecutive under 40
// concurrent creations, Art. 26 lateness on dated cases, the personal-data guard blocking
// publication until masked or overridden, each role's rights, emergency publishing,
// corrections, validity history — and the status rows and audit events written with each step.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { AppError, ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { organisationService } from '../organisation/organisation.service.ts';
import { publishingDeps, publishingService as service, type ItemInput } from './publishing.service.ts';
import { emergencyReviewDueOn, isEmergencyReviewOverdue, isLate, renderIndexNumber } from './publishing.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { type DemoUser, asUser, callerOf, itemInput } from './publishing.test-support.ts';

const ID = '43060219900101123' + residentIdCheckChar('43060219900101123');

async function count(
  db: Db,
  table:
    | 'information_items'
    | 'item_versions'
    | 'item_status_history'
    | 'audit_events'
    | 'confidentiality_reviews'
    | 'pii_overrides',
): Promise<number> {
  return Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
}

function at(date: string) {
  setClock(() => new Date(`${date}T04:00:00.000Z`)); // noon in China
}

function forbidden(error: unknown) {
  return error instanceof ForbiddenError;
}

/** A role that may act, but not on this record, is answered as if the record did not exist. */
function outOfReach(error: unknown) {
  return error instanceof NotFoundError;
}

forEachDialect('publishing service', (t) => {
  let db: Db;
  const who = {} as Record<
    'drafter' | 'unithead' | 'reviewer' | 'officer' | 'leader' | 'chief' | 'supervisor' | 'admin' | 'otherhead',
    DemoUser
  >;
  let unit = 0;
  let agency = 0;
  let input: (over?: Partial<ItemInput>) => ItemInput;

  before(async () => {
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    agency = (await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow())
      .id;
    unit = (
      await db
        .selectFrom('units')
        .select('id')
        .where('agency_id', '=', agency)
        .where('name', '=', '就业促进科')
        .executeTakeFirstOrThrow()
    ).id;
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
    for (const name of [
      'drafter',
      'unithead',
      'reviewer',
      'officer',
      'leader',
      'chief',
      'supervisor',
      'admin',
      'otherhead',
    ] as const)
      who[name] = await callerOf(db, name);
    input = (over = {}) => itemInput(unit, over);
  });
  after(() => setClock(undefined));

  /** Through the work-news chain up to the officer. */
  async function review(id: number) {
    await asUser.transition(db, who.drafter, id, 'submit');
    await asUser.transition(db, who.unithead, id, 'unit_approve');
    await asUser.transition(db, who.reviewer, id, 'confidentiality_approve', {
      basis: '《保密法》第二条；不涉及国家秘密',
    });
  }

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
    await review(id);
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
    await review(id);
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

  test('the personal-data guard blocks publishing until the findings are masked', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      input({ body_html: `<p>补贴名单：张三，身份证号${ID}，电话13907301234。</p>` }),
    );
    await review(id);
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      (e) => e instanceof AppError && e.code === 'pii_findings' && e.status === 409,
    );
    await assert.rejects(
      asUser.transition(db, who.chief, id, 'emergency_publish', { reason: '紧急' }),
      (e) => e instanceof ConflictError || (e instanceof AppError && e.code === 'pii_findings'),
    );
    const { masked } = await asUser.maskPersonalData(db, who.drafter, id);
    assert.equal(masked, 2);
    const item = await db.selectFrom('information_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const version = await db
      .selectFrom('item_versions')
      .selectAll()
      .where('id', '=', item.current_version_id!)
      .executeTakeFirstOrThrow();
    assert.ok(version.body_html.includes('430602********' + ID.slice(-4)), version.body_html);
    assert.ok(!version.body_html.includes(ID));
    await assert.rejects(
      asUser.maskPersonalData(db, who.drafter, id),
      (e) => e instanceof ConflictError,
      'nothing left to mask',
    );
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
    const log = await db
      .selectFrom('audit_events')
      .select('after_json')
      .where('action', '=', 'publishing.mask')
      .where('subject_id', '=', String(id))
      .executeTakeFirstOrThrow();
    assert.ok(!log.after_json!.includes(ID.slice(6, 14)), 'the audit log keeps no personal data');
  });

  test('or until a confidentiality reviewer records an override for that version', async () => {
    const { id } = await asUser.createDraft(
      db,
      who.drafter,
      input({ body_html: `<p>获奖人员联系方式：13907301234</p>` }),
    );
    await review(id);
    await assert.rejects(
      asUser.transition(db, who.officer, id, 'publish'),
      (e) => e instanceof AppError && e.code === 'pii_findings',
    );
    await assert.rejects(asUser.overridePersonalData(db, who.drafter, id, '已征得本人同意'), forbidden);
    await assert.rejects(asUser.overridePersonalData(db, who.officer, id, '已征得本人同意'), forbidden);
    await assert.rejects(asUser.overridePersonalData(db, who.reviewer, id, '  '), (e) => e instanceof ValidationError);
    await asUser.overridePersonalData(db, who.reviewer, id, '已征得本人书面同意（条例第十五条）');
    const override = await db
      .selectFrom('pii_overrides')
      .selectAll()
      .where('item_id', '=', id)
      .executeTakeFirstOrThrow();
    assert.ok(!override.findings_json.includes('13907301234'), 'only masked forms are kept');
    assert.equal(await asUser.transition(db, who.officer, id, 'publish'), 'published');
  });

  test('emergency publishing needs the principal leader and a reason, and owes a confidentiality review within one working day; corrections stay published', async () => {
    const { id } = await asUser.createDraft(db, who.drafter, input({ title: '关于暴雨期间暂停窗口服务的紧急通知' }));
    // The disclosure officer alone can no longer publish an unreviewed draft (issue 14 finding 4).
    await assert.rejects(asUser.transition(db, who.officer, id, 'emergency_publish', { reason: '暴雨' }), forbidden);
    await assert.rejects(
      asUser.transition(db, who.chief, id, 'emergency_publish'),
      (e) => e instanceof ValidationError,
    );
    assert.equal(
      await asUser.transition(db, who.chief, id, 'emergency_publish', { reason: '暴雨红色预警' }),
      'published_pending_approval',
    );
    const pending = await db.selectFrom('information_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.ok(pending.publication_date);
    const calendar = await publishingDeps.calendar(db);
    assert.equal(pending.emergency_review_due_on, calendar.addWorkingDays(pending.publication_date!, 1));
    const history = await db
      .selectFrom('item_status_history')
      .select('reason')
      .where('item_id', '=', id)
      .where('event', '=', 'emergency_publish')
      .executeTakeFirstOrThrow();
    assert.equal(history.reason, '暴雨红色预警');
    await assert.rejects(asUser.transition(db, who.chief, id, 'approve_emergency', { basis: '不涉密' }), forbidden);
    await assert.rejects(
      asUser.transition(db, who.reviewer, id, 'approve_emergency'),
      (e) => e instanceof ValidationError,
    );
    assert.equal(
      await asUser.transition(db, who.reviewer, id, 'approve_emergency', { basis: '经审查不涉及国家秘密' }),
      'published',
    );
    const reviewed = await db
      .selectFrom('information_items')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    assert.equal(reviewed.emergency_review_due_on, null);
    const review = await db
      .selectFrom('confidentiality_reviews')
      .selectAll()
      .where('item_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(review.basis, '经审查不涉及国家秘密');
    await assert.rejects(
      asUser.publishCorrection(
        db,
        who.officer,
        id,
        { title: '更正', issuing_agencies: [], body_html: '<p>x</p>' },
        ' ',
      ),
      (e) => e instanceof ValidationError,
    );
    const versionId = await asUser.publishCorrection(
      db,
      who.officer,
      id,
      {
        title: '关于暴雨期间暂停窗口服务的紧急通知（更正）',
        issuing_agencies: ['岳阳市人力资源和社会保障局'],
        body_html: '<p>恢复时间更正为7月3日。</p>',
      },
      '更正恢复服务时间',
    );
    const item = await db.selectFrom('information_items').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(item.status, 'published');
    assert.equal(item.current_version_id, versionId);
    assert.equal(item.publication_date, pending.publication_date, 'a correction keeps the publication date');
    const v = await db.selectFrom('item_versions').selectAll().where('id', '=', versionId).executeTakeFirstOrThrow();
    assert.equal(v.change_note, '更正恢复服务时间');
    const last = await db
      .selectFrom('item_status_history')
      .selectAll()
      .where('item_id', '=', id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.deepEqual(
      [last.event, last.from_status, last.to_status, last.reason],
      ['correct', 'published', 'published', '更正恢复服务时间'],
    );
  });

  test('Art. 26: due 20 working days after formation; late is derived from the dates', async () => {
    const hrssBefore = await service.lateCount(db, agency, 2026, '2026-06-30');
    // 2026-01-05 (Mon) + 20 working days = 2026-02-02; 2025-09-26 + 20 = 2025-10-30 (National
    // Day 10/1–10/8 off, 9/28 and 10/11 make-up working days).
    at('2026-01-05');
    const onTime = await asUser.createDraft(db, who.drafter, input({ formation_date: '2026-01-05' }));
    const late = await asUser.createDraft(db, who.drafter, input({ formation_date: '2026-01-05' }));
    const applied = await asUser.createDraft(
      db,
      who.drafter,
      input({ formation_date: '2026-01-05', disclosure_mode: 'on_application' }),
    );
    const due = await db
      .selectFrom('information_items')
      .select(['id', 'disclosure_due_on'])
      .where('id', 'in', [onTime.id, applied.id])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      due.map((d) => d.disclosure_due_on),
      ['2026-02-02', null],
    );
    await review(onTime.id);
    await review(late.id);
    at('2026-02-02');
    await asUser.transition(db, who.officer, onTime.id, 'publish');
    at('2026-02-03');
    await asUser.transition(db, who.officer, late.id, 'publish');
    at('2025-09-26');
    const open = await asUser.createDraft(db, who.drafter, input({ formation_date: '2025-09-26' }));
    setClock(undefined);
    const rows = await db
      .selectFrom('information_items')
      .selectAll()
      .where('id', 'in', [onTime.id, late.id, applied.id, open.id])
      .orderBy('id')
      .execute();
    assert.deepEqual(
      rows.map((r) => [r.publication_date, r.disclosure_due_on]),
      [
        ['2026-02-02', '2026-02-02'],
        ['2026-02-03', '2026-02-02'],
        [null, null],
        [null, '2025-10-30'],
      ],
    );
    assert.deepEqual(
      rows.map((r) => isLate(r, '2026-06-30')),
      [false, true, false, true],
    );
    assert.equal(isLate(rows[3]!, '2025-10-30'), false, 'the due day itself is in time');
    assert.equal(isLate(rows[3]!, '2025-10-31'), true);
    const counts = await service.lateCount(db, agency, 2026, '2026-06-30');
    assert.equal(counts.total - hrssBefore.total, 2);
    assert.equal(counts.late - hrssBefore.late, 1);
    const y2025 = await service.lateCount(db, agency, 2025, '2025-10-30');
    const y2025after = await service.lateCount(db, agency, 2025, '2025-10-31');
    assert.equal(y2025after.lateUnpublished - y2025.lateUnpublished, 1);
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

test('the confidentiality review of an emergency publication is due within one working day (hand-computed)', () => {
  const calendar = defaultCalendar();
  const cases: [publishedOn: string, due: string, why: string][] = [
    ['2026-12-07', '2026-12-08', 'Monday → Tuesday'],
    ['2026-12-04', '2026-12-07', 'Friday → Monday'],
    ['2026-12-05', '2026-12-07', 'published on a Saturday → Monday'],
    ['2026-02-13', '2026-02-14', 'Friday → the make-up working Saturday before the Spring Festival'],
    ['2026-02-14', '2026-02-24', 'make-up Saturday → the first working day after the Spring Festival'],
    ['2026-09-30', '2026-10-08', 'the eve of the National Day holiday → the day after it'],
  ];
  for (const [on, due, why] of cases) assert.equal(emergencyReviewDueOn(calendar, on), due, why);
  const item = { status: 'published_pending_approval', emergency_review_due_on: '2026-12-08' };
  assert.equal(isEmergencyReviewOverdue(item, '2026-12-08'), false, 'due day itself is in time');
  assert.equal(isEmergencyReviewOverdue(item, '2026-12-09'), true);
  assert.equal(isEmergencyReviewOverdue({ ...item, status: 'published' }, '2026-12-09'), false);
});
