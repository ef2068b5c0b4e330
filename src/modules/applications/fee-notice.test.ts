// Fee notices through the service on both engines: the amount is quoted from the schedule, by
// count — the applicant recognised by the blind index of the ID number (or an organisation's
// credit code) across this agency's applications of the calendar month — or by pages; a typed
// amount that disagrees, a notice where nothing is due and a notice before 2021 are refused and
// store nothing; payment and waiver (with its reason) resume the clock; an unpaid notice ends the
// case as 其他处理 2 only after the 20 working days.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemoOrganisation } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { createApplicationsService } from './applications.service.ts';
import { applicationsStore } from './applications.store.ts';
import { feePaymentDeadline } from './deadline.ts';

const idOf = (body: string) => body + residentIdCheckChar(body);
const FREQUENT = idOf('43060219850303123');
const OTHER = idOf('43060219850303456');
const vault = createVault('aes-256-gcm', ['2e'.repeat(32)]);
const service = createApplicationsService(vault);
const officer = { actorUserId: null, actorName: 'officer', ip: null };

function person(id: string) {
  return {
    applicant_kind: 'natural_person',
    applicant_name: '赵六',
    id_number: id,
    phone: '13612345678',
    description: '某项补贴的发放情况',
    form_wanted: 'electronic',
    delivery_way: 'online',
  };
}

async function eventCount(db: Db, id: number): Promise<number> {
  return Number(
    (
      await db
        .selectFrom('application_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('application_id', '=', id)
        .executeTakeFirstOrThrow()
    ).n,
  );
}

forEachDialect('fee notices', (t) => {
  let db: Db;
  let agencyId: number;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    db = t.handle.db;
    agencyId = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    setClock(() => new Date('2026-06-30T04:00:00.000Z'));
  });
  after(() => setClock(undefined));

  const register = (id: string, on: string, extra: Record<string, string> = {}) =>
    service.registerAtCounter(db, officer, agencyId, {
      ...person(id),
      channel: 'in_person',
      submitted_on: on,
      ...extra,
    });

  const rejects = async (id: number, form: Record<string, string>, text: RegExp) => {
    const before = await eventCount(db, id);
    await assert.rejects(service.recordEvent(db, officer, id, form), (e: unknown) => {
      assert.ok(e instanceof ValidationError);
      assert.ok(
        e.issues.some((i) => text.test(i.message.zh) && i.message.en.length > 0),
        JSON.stringify(e.issues),
      );
      return true;
    });
    assert.equal(await eventCount(db, id), before, 'nothing stored');
  };

  test('by count: the 11th application of the month costs 100 元, the first ten nothing; other applicants and months do not count', async () => {
    const ids: number[] = [];
    // Ten in May (another month) and one from another applicant in June do not count.
    for (let i = 0; i < 10; i++) await register(FREQUENT, '2026-05-11');
    await register(OTHER, '2026-06-01');
    for (let i = 0; i < 11; i++) ids.push((await register(FREQUENT, i < 5 ? '2026-06-01' : '2026-06-02')).id);
    await rejects(
      ids[9]!,
      { kind: 'fee_notice_sent', date: '2026-06-03', fee_method: 'by_count' },
      /不应收费.*第 10 件/,
    );
    await rejects(ids[10]!, { kind: 'fee_notice_sent', date: '2026-06-03' }, /计收方式/);
    await rejects(
      ids[10]!,
      { kind: 'fee_notice_sent', date: '2026-06-03', fee_method: 'by_count', amount_yuan: '50' },
      /金额应为 100 元/,
    );
    await service.recordEvent(db, officer, ids[10]!, {
      kind: 'fee_notice_sent',
      date: '2026-06-03',
      fee_method: 'by_count',
    });
    const events = await applicationsStore.events(db, ids[10]!);
    const detail = JSON.parse(events.at(-1)!.detail_json) as { amountYuan: number; units: number; method: string };
    assert.deepEqual([detail.amountYuan, detail.units, detail.method], [100, 11, 'by_count']);
    const row = (await applicationsStore.byId(db, ids[10]!))!;
    assert.equal(row.status, 'awaiting_payment');
    assert.equal(row.waiting_until, feePaymentDeadline('2026-06-03', await getCalendar(db)));
    // Paid: the clock runs again.
    await service.recordEvent(db, officer, ids[10]!, { kind: 'fee_paid', date: '2026-06-10', amount_yuan: '100' });
    assert.equal((await applicationsStore.byId(db, ids[10]!))!.status, 'open');
  });

  test('an organisation is counted by its credit code', async () => {
    const org = {
      applicant_kind: 'business',
      credit_code: '91430600MA4L5XU69W',
      contact_person: '钱七',
      id_number: '',
    };
    const ids: number[] = [];
    for (let i = 0; i < 12; i++) ids.push((await register('', '2026-06-15', org)).id);
    await service.recordEvent(db, officer, ids[11]!, {
      kind: 'fee_notice_sent',
      date: '2026-06-16',
      fee_method: 'by_count',
    });
    const detail = JSON.parse((await applicationsStore.events(db, ids[11]!)).at(-1)!.detail_json) as {
      amountYuan: number;
      units: number;
    };
    assert.deepEqual([detail.amountYuan, detail.units], [100, 12]);
  });

  test('by pages: 30 free, then 10 元 a page; waived with a reason', async () => {
    const { id } = await register(OTHER, '2026-06-22');
    await rejects(id, { kind: 'fee_notice_sent', date: '2026-06-23', fee_method: 'by_pages' }, /页数/);
    await rejects(id, { kind: 'fee_notice_sent', date: '2026-06-23', fee_method: 'by_pages', pages: '30' }, /不应收费/);
    await service.recordEvent(db, officer, id, {
      kind: 'fee_notice_sent',
      date: '2026-06-23',
      fee_method: 'by_pages',
      pages: '45',
    });
    const detail = JSON.parse((await applicationsStore.events(db, id)).at(-1)!.detail_json) as { amountYuan: number };
    assert.equal(detail.amountYuan, 150);
    await rejects(id, { kind: 'fee_waived', date: '2026-06-24' }, /理由/);
    await service.recordEvent(db, officer, id, { kind: 'fee_waived', date: '2026-06-24', reason: '申请人为低保对象' });
    assert.equal((await applicationsStore.byId(db, id))!.status, 'open');
  });

  test('no processing fee before 2021', async () => {
    setClock(() => new Date('2020-06-30T04:00:00.000Z'));
    try {
      const { id } = await register(OTHER, '2020-06-01');
      await rejects(
        id,
        { kind: 'fee_notice_sent', date: '2020-06-02', fee_method: 'by_pages', pages: '100' },
        /2021年1月1日前/,
      );
    } finally {
      setClock(() => new Date('2026-06-30T04:00:00.000Z'));
    }
  });

  test('unpaid after 20 working days: closed as 其他处理 2, not before', async () => {
    const { id } = await register(OTHER, '2026-05-04');
    await service.recordEvent(db, officer, id, {
      kind: 'fee_notice_sent',
      date: '2026-05-06',
      fee_method: 'by_pages',
      pages: '31',
    });
    const payBy = feePaymentDeadline('2026-05-06', await getCalendar(db));
    await assert.rejects(
      service.reply(db, officer, id, { outcome: 'other_fee_unpaid', reply_date: payBy, summary: '逾期未缴费' }),
      ValidationError,
    );
    const next = (await getCalendar(db)).addWorkingDays(payBy, 1);
    await service.reply(db, officer, id, {
      outcome: 'other_fee_unpaid',
      reply_date: next,
      summary: '申请人逾期未缴纳信息处理费',
    });
    const row = (await applicationsStore.byId(db, id))!;
    assert.deepEqual([row.status, row.outcome], ['closed', 'other_fee_unpaid']);
  });
});
