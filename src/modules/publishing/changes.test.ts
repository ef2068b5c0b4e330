// Art. 26 on change (变更): a correction or a validity change gets its own deadline from the day of the
// change, stored, tracked on the console and counted with new items; an item's own limit from another
// law replaces the 20 working days (docs/domain/readings.md#art-26-change). Both engines; dates by hand
// with the 2026 notice (国办发明电〔2025〕7号 tables in docs/domain/working-days.md#table-2026).
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedSmallDemo } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';
import { publishingService as service } from './publishing.service.ts';
import { publishingStore as store } from './publishing.store.ts';
import { changeDeadline, changesStore, defaultValidityChangeDate, isChangeLate } from './changes.ts';
import { documentKindOf, publicationLimitOf } from './publishing.ts';
import {
  asUser,
  itemInput,
  publishingDemo,
  reviewWorkNews,
  type DemoName,
  type DemoUser,
} from './publishing.test-support.ts';

const at = (date: string) => setClock(() => new Date(`${date}T04:00:00.000Z`));

describe('Art. 26 on change (pure)', () => {
  const calendar = defaultCalendar();
  const art26 = { publication_limit_days: null, publication_limit_law: null };
  test('20 working days from the change, over 中秋 and 国庆 2026', () => {
    // 2026-09-14 (Mon): 15–18 (4), Sun 20 make-up (5), 21–24 (9), 25–27 中秋 off, 28–30 (12),
    // 10-01..07 国庆 off, 8, 9 (14), Sat 10 make-up (15), 12–16 (20) -> 2026-10-16.
    assert.deepEqual(changeDeadline(calendar, art26, '2026-09-14'), {
      dueOn: '2026-10-16',
      limitDays: 20,
      limitLaw: null,
    });
    // 2026-11-02 (Mon): four full weeks -> 2026-11-30.
    assert.equal(changeDeadline(calendar, art26, '2026-11-02').dueOn, '2026-11-30');
  });
  test("another law's limit replaces the 20 days, with its name", () => {
    // 2026-04-20 (Mon), 10 days: 21–24 (4), 27–30 (8), 05-01..05 劳动节 off, 6, 7 (10) -> 2026-05-07.
    const item = { publication_limit_days: 10, publication_limit_law: '《测试用法规》' };
    assert.deepEqual(changeDeadline(calendar, item, '2026-04-20'), {
      dueOn: '2026-05-07',
      limitDays: 10,
      limitLaw: '《测试用法规》',
    });
    // Days without a law's name are not a limit: Art. 26 applies.
    assert.deepEqual(publicationLimitOf({ publication_limit_days: 10, publication_limit_law: ' ' }), {
      days: 20,
      law: null,
    });
  });
  test('a validity change counts from its effective date, or today when it takes effect later', () => {
    assert.equal(defaultValidityChangeDate('2026-04-20', '2026-05-01'), '2026-04-20');
    assert.equal(defaultValidityChangeDate('2026-07-01', '2026-05-01'), '2026-05-01');
  });
  test('late: published after the due date, or unpublished past it', () => {
    assert.equal(isChangeLate({ due_on: '2026-10-16', published_on: '2026-10-16' }, '2026-12-01'), false);
    assert.equal(isChangeLate({ due_on: '2026-10-16', published_on: '2026-10-19' }, '2026-12-01'), true);
    assert.equal(isChangeLate({ due_on: '2026-10-16', published_on: null }, '2026-10-16'), false);
    assert.equal(isChangeLate({ due_on: '2026-10-16', published_on: null }, '2026-10-17'), true);
  });
  test('the document kind: chosen, else genre 规章, else the category', () => {
    assert.equal(documentKindOf({ catalog_category: 'normative_document', genre: '规章' }), 'regulation');
    assert.equal(documentKindOf({ catalog_category: 'normative_document' }), 'normative_document');
    assert.equal(
      documentKindOf({ catalog_category: 'work_news', document_kind: 'normative_document' }),
      'normative_document',
    );
    assert.equal(documentKindOf({ catalog_category: 'normative_document', document_kind: 'none' }), null);
    assert.equal(documentKindOf({ catalog_category: 'work_news' }), null);
  });
});

forEachDialect('Art. 26 on change', (t) => {
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

  test('a correction has its own stored deadline and is counted with new items', async () => {
    at('2026-11-02');
    try {
      const { id } = await asUser.createDraft(db, who.drafter, itemInput(unit, { formation_date: '2026-09-01' }));
      await reviewWorkNews(db, who, id);
      await asUser.transition(db, who.officer, id, 'publish');
      const before = await service.lateCount(db, agency, 2026, '2026-11-02');
      const input = { title: '更正', issuing_agencies: [], body_html: '<p>更正内容。</p>' };
      await assert.rejects(
        asUser.publishCorrection(db, who.officer, id, input, '改日期', '2026-11-03'),
        (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'changed_on'),
        'a change cannot be dated after today',
      );
      await assert.rejects(
        asUser.publishCorrection(db, who.officer, id, input, '改日期', '2026-08-31'),
        (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'changed_on'),
        'nor before the formation date',
      );
      // Changed 2026-09-14, recorded (and so published) 2026-11-02: due 2026-10-16, late.
      await asUser.publishCorrection(db, who.officer, id, input, '更正发放日期', '2026-09-14');
      // Changed today: due 2026-11-30.
      await asUser.publishCorrection(db, who.officer, id, input, '补充附件说明');
      const changes = await changesStore.ofItem(db, id);
      assert.deepEqual(
        changes.map((c) => [c.kind, c.changed_on, c.due_on, c.published_on, c.limit_days, c.limit_law]),
        [
          ['correction', '2026-09-14', '2026-10-16', '2026-11-02', 20, null],
          ['correction', '2026-11-02', '2026-11-30', '2026-11-02', 20, null],
        ],
      );
      const after = await service.lateCount(db, agency, 2026, '2026-11-02');
      assert.deepEqual({ total: after.total - before.total, late: after.late - before.late }, { total: 2, late: 1 });
    } finally {
      setClock(undefined);
    }
  });

  test("a validity change under another law's limit: pending on the console, late when published after it", async () => {
    at('2026-04-20');
    try {
      const bad = itemInput(unit, { formation_date: '2026-04-01', publication_limit_days: 10 });
      await assert.rejects(
        asUser.createDraft(db, who.drafter, bad),
        (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'publication_limit_law'),
      );
      const { id } = await asUser.createDraft(
        db,
        who.drafter,
        itemInput(unit, {
          title: '关于规范就业补贴发放的通知',
          formation_date: '2026-04-01',
          document_kind: 'normative_document',
          publication_limit_days: 10,
          publication_limit_law: '《测试用法规》',
        }),
      );
      const item = (await store.item(db, id))!;
      // 2026-04-01 + 10 working days: 2, 3 (2), 04-04..06 清明 off, 7–10 (6), 13–16 (10) -> 2026-04-16.
      assert.equal(item.disclosure_due_on, '2026-04-16');
      assert.equal(item.document_kind, 'normative_document');
      await asUser.setValidity(db, who.officer, id, 'in_force', '2026-04-20');
      const [change] = await changesStore.ofItem(db, id);
      assert.deepEqual(
        [change!.kind, change!.changed_on, change!.due_on, change!.published_on, change!.limit_law],
        ['validity', '2026-04-20', '2026-05-07', null, '《测试用法规》'],
      );
      // On 2026-05-06 the change is due within the next days: the item is listed for its change
      // although its own due date (04-16) is outside the range.
      const dueSoon = await store.list(db, {
        agencyIds: [agency],
        dueBetween: { from: '2026-05-06', to: '2026-05-13' },
      });
      assert.ok(dueSoon.some((i) => i.id === id));
      at('2026-05-11');
      await reviewWorkNews(db, who, id);
      await asUser.transition(db, who.officer, id, 'publish');
      const [published] = await changesStore.ofItem(db, id);
      assert.equal(published!.published_on, '2026-05-11');
      assert.equal(isChangeLate(published!, '2026-05-11'), true);
      const overdue = await store.list(db, { agencyIds: [agency], dueBetween: { to: '2026-05-10' } });
      assert.ok(!overdue.some((i) => i.id === id), 'published: no longer on the console');
    } finally {
      setClock(undefined);
    }
  });
});
