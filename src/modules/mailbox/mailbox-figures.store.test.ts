// The figures' queries on both engines: four cases taken through the services at chosen dates, and
// the figures per agency, unit and month, the annual report's counts and the 12345 feedback rows,
// each worked out by hand on the official 2025 calendar (清明 on Friday 4 April).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemoOrganisation } from '../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { activeUnits } from '../organisation/index.ts';
import { createMailboxService } from './mailbox.service.ts';
import { mailboxStore } from './mailbox.store.ts';
import { conversionStore } from './conversion.store.ts';
import type { MailboxEvent } from './mailbox.ts';
import { feedbackOrders, mailboxFigures, mailboxYear, yearPeriod } from './mailbox-figures.store.ts';

const vault = createVault('aes-256-gcm', ['3c'.repeat(32)]);
const mailbox = createMailboxService(vault);
const ctx = { actorUserId: null, actorName: 'officer', ip: null };
const TODAY = '2025-04-10';

function on(date: string) {
  setClock(() => new Date(`${date}T04:00:00.000Z`));
}

forEachDialect('mailbox figures', (t) => {
  let agencyId = 0;
  let unitId = 0;
  const ids = { a: 0, b: 0, c: 0, d: 0 };

  async function step(id: number, date: string, event: MailboxEvent, input: Record<string, unknown> = {}) {
    on(date);
    await mailbox.step(t.handle.db, ctx, id, event, input, { actedBy: 0 });
  }
  async function answer(id: number, date: string, text: string) {
    await step(id, date, 'submit_reply', { replyText: text });
    await step(id, date, 'approve_reply');
    await step(id, date, 'reply');
  }
  async function order(no: string, receivedAt: string, category: 'complaint' | 'consultation') {
    on(receivedAt.slice(0, 10));
    await mailbox.receiveWorkOrders(t.handle.db, ctx, agencyId, [
      { externalNo: no, receivedAt, category, subject: `工单${no}`, request: '来电人反映的问题。' },
    ]);
    return (await conversionStore.caseOfOrder(t.handle.db, agencyId, no))!.id;
  }

  before(async () => {
    await calendarService.seedFromFile(t.handle.db);
    await seedDemoOrganisation(t.handle);
    agencyId = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    unitId = (await activeUnits(t.handle.db, agencyId))[0]!.id;
    // A: a consented letter, consultation (due 3 working days: Thu 6 Mar), answered Wed 5 Mar, satisfied.
    on('2025-03-03');
    ids.a = (
      await mailbox.receiveLetter(t.handle.db, ctx, {
        agencyId,
        category: 'consultation',
        subject: '灵活就业参保',
        request: '如何参保？',
        phone: '13900000001',
        consentToPublish: true,
        receivedAt: '2025-03-03T02:00:00.000Z',
      })
    ).id;
    await step(ids.a, '2025-03-03', 'sign_for');
    await step(ids.a, '2025-03-03', 'assign', { unitId });
    await answer(ids.a, '2025-03-05', '可到街道劳动保障站办理。');
    await step(ids.a, '2025-03-06', 'record_callback', { rating: 'satisfied' });
    // B: an order, complaint (due 13 working days: Thu 20 Mar), answered late Mon 24 Mar, redone,
    // answered again Thu 27 Mar, rated dissatisfied.
    ids.b = await order('0012025030300001', '2025-03-03T03:00:00.000Z', 'complaint');
    await step(ids.b, '2025-03-03', 'sign_for');
    await step(ids.b, '2025-03-03', 'assign', { unitId });
    await answer(ids.b, '2025-03-24', '已责令整改。');
    await step(ids.b, '2025-03-25', 'redo', { reason: '来电人不满意' });
    await answer(ids.b, '2025-03-27', '已责令整改，并将整改结果电话告知。');
    await step(ids.b, '2025-03-28', 'record_callback', { rating: 'dissatisfied' });
    // C: an order returned to the centre the day it came.
    ids.c = await order('0012025040100002', '2025-04-01T02:00:00.000Z', 'consultation');
    await step(ids.c, '2025-04-01', 'return', { reason: '职能不符' });
    // D: a letter left unanswered, due 3 working days after Wed 2 Apr: Thu 3, (4 Apr 清明, weekend), Mon 7, Tue 8.
    on('2025-04-02');
    ids.d = (
      await mailbox.receiveLetter(t.handle.db, ctx, {
        agencyId,
        category: 'help',
        subject: '求助',
        request: '请帮助查询。',
        email: 'd@example.cn',
        receivedAt: '2025-04-02T02:00:00.000Z',
      })
    ).id;
  });
  after(() => setClock(undefined));

  test('the cases stand as the table says (due dates by hand)', async () => {
    const row = async (k: keyof typeof ids) => (await mailboxStore.byId(t.handle.db, ids[k]))!;
    assert.deepEqual([(await row('a')).due_date, (await row('a')).replied_on], ['2025-03-06', '2025-03-05']);
    assert.deepEqual([(await row('b')).due_date, (await row('b')).replied_on], ['2025-03-20', '2025-03-27']);
    assert.equal((await row('c')).status, 'returned');
    assert.equal((await row('d')).due_date, '2025-04-08');
  });

  test('per agency: every figure by hand', async () => {
    const byAgency = await mailboxFigures(t.handle.db, [agencyId], yearPeriod(2025), { by: 'agency', today: TODAY });
    assert.deepEqual(byAgency.get(agencyId), {
      received: 4,
      handledElsewhere: 1, // C
      answered: 2, // A B
      answeredInTime: 1, // A (B's 27 Mar is past 20 Mar)
      overdue: 1, // D: due 8 Apr, today 10 Apr
      // A: Tue 4, Wed 5 = 2; B: 4–7 Mar (4), 10–14 (9), 17–21 (14), 24–27 (18) = 18.
      workingDaysToAnswer: 20,
      satisfied: 1,
      basicallySatisfied: 0,
      dissatisfied: 1,
      redone: 1, // B
    });
  });

  test('per unit and per month; letters or orders alone', async () => {
    const byUnit = await mailboxFigures(t.handle.db, [agencyId], yearPeriod(2025), { by: 'unit', today: TODAY });
    assert.deepEqual(
      [...byUnit.entries()].map(([k, f]) => [k, f.received, f.answered]),
      [
        [unitId, 2, 2],
        [null, 2, 0],
      ],
    );
    const byMonth = await mailboxFigures(t.handle.db, [agencyId], yearPeriod(2025), { by: 'month', today: TODAY });
    assert.deepEqual(
      [...byMonth.entries()].map(([k, f]) => [k, f.received, f.answeredInTime, f.overdue]),
      [
        ['2025-03', 2, 1, 0],
        ['2025-04', 2, 0, 1],
      ],
    );
    const letters = await mailboxFigures(t.handle.db, [agencyId], yearPeriod(2025), {
      by: 'agency',
      today: TODAY,
      source: 'letter',
    });
    assert.equal(letters.get(agencyId)!.received, 2);
    assert.equal(
      (await mailboxFigures(t.handle.db, [agencyId], yearPeriod(2024), { by: 'agency', today: TODAY })).size,
      0,
    );
  });

  test('the annual report’s counts and the 12345 feedback rows', async () => {
    assert.deepEqual(await mailboxYear(t.handle.db, [agencyId], 2025), {
      lettersReceived: 2,
      lettersAnswered: 1,
      publicAnswers: 1, // A, consented
      ordersReceived: 2,
      ordersAnswered: 1,
    });
    const rows = await feedbackOrders(t.handle.db, agencyId, { from: '2025-03-01', to: '2025-03-31' });
    assert.equal(rows.length, 1);
    assert.deepEqual(
      { ...rows[0], unitName: rows[0]!.unitName !== null },
      {
        externalNo: '0012025030300001',
        receivedAt: '2025-03-03T03:00:00.000Z',
        unitName: true,
        repliedOn: '2025-03-27',
        result: '已责令整改，并将整改结果电话告知。',
        rating: '不满意',
      },
    );
    assert.deepEqual(await feedbackOrders(t.handle.db, agencyId, { from: '2025-04-01', to: '2025-04-30' }), []);
  });
});
