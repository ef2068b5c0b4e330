// The publishing service's deadlines on both engines: emergency publishing owes a confidentiality
// review within one working day (hand-computed cases below) and a correction keeps the item
// published; Art. 26 lateness is derived from the formation and publication dates.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { ForbiddenError, ValidationError } from '../../platform/errors.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { publishingDeps, publishingService as service, type ItemInput } from './publishing.service.ts';
import { emergencyReviewDueOn, isEmergencyReviewOverdue, isLate } from './publishing.ts';
import {
  type DemoUser,
  asUser,
  itemInput,
  reviewWorkNews,
  publishingDemo,
  type DemoName,
} from './publishing.test-support.ts';

function at(date: string) {
  setClock(() => new Date(`${date}T04:00:00.000Z`)); // noon in China
}

function forbidden(error: unknown) {
  return error instanceof ForbiddenError;
}

forEachDialect('publishing service, deadlines', (t) => {
  let db: Db;
  let who: Record<DemoName, DemoUser>;
  let unit = 0;
  let agency = 0;
  const input = (over: Partial<ItemInput> = {}) => itemInput(unit, over);

  before(async () => {
    await seedSmallDemo(t.handle);
    db = t.handle.db;
    ({ agency, unit, who } = await publishingDemo(db));
  });
  after(() => setClock(undefined));

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
    await reviewWorkNews(db, who, onTime.id);
    await reviewWorkNews(db, who, late.id);
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
