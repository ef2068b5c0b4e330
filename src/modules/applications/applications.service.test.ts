// The applications service on both engines: intake stores personal data encrypted, every clock
// event recomputes the stored due date exactly as deadline.ts says (golden cases from
// test/fixtures/application-deadlines.json run through the database), overdue and due soon are
// queries on chosen dates, ending cases needs the applicant's period to have run out, and a
// calendar change recomputes the open cases and says why.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { forEachDialect, countRows } from '../../../test/support/database.ts';
import { seedDemoOrganisation } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { setClock } from '../../platform/clock.ts';
import { ValidationError } from '../../platform/errors.ts';
import { systemContext } from '../../platform/audit/audit.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { calendarService, getCalendar } from '../calendar/calendar.service.ts';
import { computeDeadline } from './deadline.ts';
import { addDays } from '../../platform/calendar/dates.ts';
import { createApplicationsService } from './applications.service.ts';
import { applicationsStore } from './applications.store.ts';
import { dueWindow } from './applications.clock.ts';
import type { ListFilter } from './applications.ts';

const ID = '43060219900101123' + residentIdCheckChar('43060219900101123');
const vault = createVault('aes-256-gcm', ['1f'.repeat(32)]);
const service = createApplicationsService(vault);
const officer = { actorUserId: null, actorName: 'officer', ip: null };

interface FixtureCase {
  id: string;
  receivedOn: string;
  asOf?: string;
  options?: Record<string, unknown>;
  events: { type: string; date: string; [k: string]: unknown }[];
  expected: { dueDate?: string | null; violations?: string[]; error?: string };
}
const fixture = JSON.parse(
  readFileSync(new URL('../../../test/fixtures/application-deadlines.json', import.meta.url), 'utf8'),
) as { cases: FixtureCase[] };
// A dozen and more: weekends, 春节 and 国庆 spans, the 2008 rules, corrections (one late),
// consultations (third party, other agency, two at once), extensions (one too late, one too
// many), fee notices paid and waived, and cases whose clock is stopped.
// Every fixture case an officer can record through the service: no clock options (those are
// settings of the pure function), only events of the case page, a receipt the Regulation covers.
const OFFICER_RECORDS = new Set([
  'correction_requested',
  'correction_received',
  'consultation_started',
  'consultation_ended',
  'extension_approved',
  'fee_notice_sent',
  'fee_paid',
  'fee_waived',
  'delayed_reply_set',
]);
// The pure clock flags an Art. 35 period set after the due date; the form refuses it (tested below).
const REFUSED_BY_FORM = new Set(['D63']);
const GOLDEN = fixture.cases
  .filter((c) => !c.options && c.receivedOn >= '2008-05-01' && c.events.every((e) => OFFICER_RECORDS.has(e.type)))
  .map((c) => c.id)
  .filter((id) => !REFUSED_BY_FORM.has(id));

function at(date: string) {
  setClock(() => new Date(`${date}T04:00:00.000Z`)); // noon in China
}

const person = {
  applicant_kind: 'natural_person',
  applicant_name: '张三',
  id_number: ID,
  phone: '13812345678',
  address: '湖南省岳阳市岳阳楼区东茅岭路1号',
  email: 'zhangsan@example.cn',
  description: '2025年就业补贴发放情况',
  form_wanted: 'electronic',
  delivery_way: 'email',
};

/** The form an officer fills in for a fixture event (fields the clock does not read are filled). */
function eventForm(e: FixtureCase['events'][number]): Record<string, string> {
  const form: Record<string, string> = { kind: e.type, date: e.date };
  if (e.type === 'correction_requested') {
    form.note = '请写明所需信息的文号或时间范围';
    form.correct_by = typeof e.correctBy === 'string' ? e.correctBy : '2026-12-31';
  }
  if (e.type === 'consultation_started') {
    form.party = typeof e.party === 'string' ? e.party : 'third_party';
    if (typeof e.receivedOn === 'string') form.letter_received_on = e.receivedOn;
  }
  if (e.type === 'delayed_reply_set')
    Object.assign(form, { delayed_until: String(e.until), delay_reason: '需要逐件检索2015年以来的档案' });
  if (typeof e.ref === 'string') form.ref = e.ref;
  if (e.type === 'extension_approved')
    Object.assign(form, { days: String(e.days), reason: '需调取档案', approver: '郑芳' });
  if (e.type === 'fee_waived') form.reason = '经济困难';
  // The amount is quoted from the schedule (fee-notice.ts): 50 pages = 20 × 10 元.
  if (e.type === 'fee_notice_sent') Object.assign(form, { fee_method: 'by_pages', pages: '50' });
  return form;
}

forEachDialect('applications service', (t) => {
  let db: Db;
  let agencyId: number;
  before(async () => {
    await seedDemoOrganisation(t.handle);
    db = t.handle.db;
    agencyId = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    at('2026-12-01');
  });
  after(() => setClock(undefined));

  async function register(receivedOn: string, extra: Record<string, string> = {}) {
    return service.registerAtCounter(db, officer, agencyId, {
      ...person,
      channel: 'in_person',
      submitted_on: receivedOn,
      ...extra,
    });
  }

  test('an online application is received today, due in 20 working days, with personal data encrypted', async () => {
    const { id, trackingCode } = await service.submitOnline(db, officer, { ...person, agency_id: String(agencyId) });
    const row = await applicationsStore.byId(db, id);
    assert.ok(row);
    assert.equal(row.received_on, '2026-12-01');
    assert.equal(row.due_date, computeDeadline({ receivedOn: '2026-12-01' }, await getCalendar(db)).dueDate);
    assert.equal(row.status, 'open');
    assert.equal(row.tracking_code, trackingCode);
    const raw = JSON.stringify(row);
    for (const plain of [ID, '13812345678', '东茅岭路', 'zhangsan@example.cn'])
      assert.ok(!raw.includes(plain), `${plain} is not stored in clear`);
    assert.equal(row.id_number_index, vault.blindIndex(ID));
    assert.deepEqual(service.personalData(row), {
      idNumber: ID,
      phone: '13812345678',
      address: person.address,
      email: person.email,
    });
    const events = await applicationsStore.events(db, id);
    assert.deepEqual(
      events.map((e) => [e.kind, e.public]),
      [['received', 1]],
    );
  });

  test('a wrong ID checksum, missing fields and a bad credit code store nothing', async () => {
    const before = [await countRows(db, 'applications'), await countRows(db, 'audit_events')];
    const wrongCheck = ID.slice(0, 17) + (ID[17] === '1' ? '2' : '1');
    await assert.rejects(
      service.submitOnline(db, officer, { ...person, agency_id: String(agencyId), id_number: wrongCheck }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.ok(e.issues.some((i) => i.field === 'id_number' && i.message.zh.includes('校验位')));
        return true;
      },
    );
    await assert.rejects(
      service.submitOnline(db, officer, {
        agency_id: String(agencyId),
        applicant_kind: 'business',
        applicant_name: '某公司',
        credit_code: '91430600MA4L00000X',
      }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        const fields = e.issues.map((i) => i.field).sort();
        for (const f of ['contact_person', 'credit_code', 'delivery_way', 'description', 'form_wanted', 'phone'])
          assert.ok(fields.includes(f), `${f} reported`);
        return true;
      },
    );
    assert.deepEqual([await countRows(db, 'applications'), await countRows(db, 'audit_events')], before);
  });

  test('counter registration takes the receipt date of Art. 31 for its channel', async () => {
    const signed = await service.registerAtCounter(db, officer, agencyId, {
      ...person,
      channel: 'post_signed',
      signed_on: '2026-11-20',
      confirmed_on: '2026-11-23',
    });
    assert.equal((await applicationsStore.byId(db, signed.id))!.received_on, '2026-11-20');
    const letter = await service.registerAtCounter(db, officer, agencyId, {
      ...person,
      channel: 'post_unsigned',
      signed_on: '2026-11-20',
      confirmed_on: '2026-11-23',
    });
    assert.equal((await applicationsStore.byId(db, letter.id))!.received_on, '2026-11-23');
    await assert.rejects(
      service.registerAtCounter(db, officer, agencyId, { ...person, channel: 'fax', submitted_on: '2026-11-20' }),
      (e: unknown) => e instanceof ValidationError && e.issues.some((i) => i.field === 'confirmed_on'),
    );
    await assert.rejects(
      service.registerAtCounter(db, officer, agencyId, { ...person, channel: 'in_person', submitted_on: '2026-12-02' }),
      ValidationError,
    );
  });

  for (const id of GOLDEN) {
    const c = fixture.cases.find((x) => x.id === id)!;
    test(`golden ${id}: the stored due date follows each recorded event`, async () => {
      const { id: appId } = await register(c.receivedOn);
      const calendar = await getCalendar(db);
      const violations = new Set<string>();
      for (const [i, e] of c.events.entries()) {
        const eventsBefore = await countRows(db, 'application_events');
        const recording = service.recordEvent(db, officer, appId, eventForm(e));
        if (c.expected.error && i === c.events.length - 1) {
          await assert.rejects(recording, ValidationError);
          assert.equal(await countRows(db, 'application_events'), eventsBefore, 'a rejected event stores nothing');
          return;
        }
        const { result, newViolations } = await recording;
        newViolations.forEach((v) => violations.add(v.code));
        // After every event the stored date is what the pure clock says for the events so far.
        const soFar = c.events.slice(0, i + 1).map((x) => ({ ...x })) as Parameters<
          typeof computeDeadline
        >[0]['events'];
        const pure = computeDeadline({ receivedOn: c.receivedOn, events: soFar }, calendar);
        const row = (await applicationsStore.byId(db, appId))!;
        // Null while the clock is stopped with no end in sight; a 2019 consultation stores the
        // due date if the party stays silent (Arts. 32, 34).
        assert.equal(row.due_date, pure.dueDate, `after ${e.type}`);
        assert.equal(result.dueDate, pure.dueDate);
      }
      const row = (await applicationsStore.byId(db, appId))!;
      assert.equal(row.due_date, c.expected.dueDate ?? null);
      assert.deepEqual([...violations].sort(), [...(c.expected.violations ?? [])].sort());
    });
  }

  test('a waiting case stores the applicant’s own deadline and can end only after it', async () => {
    const { id } = await register('2026-11-02');
    await service.recordEvent(db, officer, id, {
      kind: 'correction_requested',
      date: '2026-11-04',
      correct_by: '2026-11-18',
      note: '请补充文号',
    });
    let row = (await applicationsStore.byId(db, id))!;
    assert.deepEqual([row.status, row.due_date, row.waiting_until], ['awaiting_correction', null, '2026-11-18']);
    await assert.rejects(
      service.reply(db, officer, id, {
        outcome: 'other_no_correction',
        reply_date: '2026-11-18',
        summary: '逾期未补正',
      }),
      (e: unknown) => e instanceof ValidationError && e.issues[0]!.message.zh.includes('尚未届满'),
    );
    await assert.rejects(
      service.reply(db, officer, id, { outcome: 'other_fee_unpaid', reply_date: '2026-11-20', summary: '未缴费' }),
      ValidationError,
    );
    await service.reply(db, officer, id, {
      outcome: 'other_no_correction',
      reply_date: '2026-11-20',
      summary: '申请人逾期未补正，不再处理',
    });
    row = (await applicationsStore.byId(db, id))!;
    assert.deepEqual([row.status, row.outcome, row.outcome_on], ['closed', 'other_no_correction', '2026-11-20']);
    await assert.rejects(
      service.recordEvent(db, officer, id, { kind: 'fee_notice_sent', date: '2026-11-25' }),
      ValidationError,
    );

    const fee = await register('2026-10-09');
    await service.recordEvent(db, officer, fee.id, {
      kind: 'fee_notice_sent',
      date: '2026-10-12',
      fee_method: 'by_pages',
      pages: '50',
      amount_yuan: '200',
    });
    row = (await applicationsStore.byId(db, fee.id))!;
    assert.equal(row.status, 'awaiting_payment');
    assert.ok(row.waiting_until && row.waiting_until > '2026-10-12');
    await service.reply(db, officer, fee.id, {
      outcome: 'other_fee_unpaid',
      reply_date: '2026-11-30',
      summary: '逾期未缴费',
    });
    assert.equal((await applicationsStore.byId(db, fee.id))!.outcome, 'other_fee_unpaid');
  });

  test('an extension needs days, a reason and the approver', async () => {
    const { id } = await register('2026-11-16');
    await assert.rejects(
      service.recordEvent(db, officer, id, { kind: 'extension_approved', date: '2026-11-20', days: '25' }),
      (e: unknown) => {
        assert.ok(e instanceof ValidationError);
        assert.deepEqual(e.issues.map((i) => i.field).sort(), ['approver', 'days', 'reason']);
        return true;
      },
    );
  });

  test('overdue and due soon are queries on the stored due date', async () => {
    const calendar = await getCalendar(db);
    const agencyOnly = { agencyIds: [], units: [] };
    const mine = { agencyIds: [agencyId], units: [] };
    // A fresh agency-less view sees nothing.
    assert.equal(await applicationsStore.count(db, agencyOnly, 'open', await dueWindow(db, '2026-12-01')), 0);
    const early = await register('2026-10-09');
    const late = await register('2026-11-27');
    const earlyDue = (await applicationsStore.byId(db, early.id))!.due_date!;
    const lateDue = (await applicationsStore.byId(db, late.id))!.due_date!;
    const ids = async (filter: ListFilter, today: string) =>
      (await applicationsStore.list(db, mine, filter, await dueWindow(db, today))).map((r) => r.id);
    // Three working days before the early case is due: it is due soon, the late one is not.
    let soon = earlyDue;
    while (calendar.addWorkingDays(soon, 3) > earlyDue) soon = addDays(soon, -1);
    at(soon);
    assert.ok((await ids('due_soon', soon)).includes(early.id));
    assert.ok(!(await ids('due_soon', soon)).includes(late.id));
    assert.ok(!(await ids('overdue', soon)).includes(early.id));
    // The day after it was due it is overdue (and no longer due soon).
    const after = calendar.addWorkingDays(earlyDue, 1);
    assert.ok((await ids('overdue', after)).includes(early.id));
    assert.ok(!(await ids('due_soon', after)).includes(early.id));
    assert.ok(!(await ids('overdue', after)).includes(late.id));
    assert.ok((await ids('overdue', calendar.addWorkingDays(lateDue, 1))).includes(late.id));
    at('2026-12-01');
  });

  test('the full personal data is shown only with an audit event', async () => {
    const { id } = await register('2026-11-25');
    const before = Number(
      (
        await db
          .selectFrom('audit_events')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('action', '=', 'application.personal_data_view')
          .executeTakeFirstOrThrow()
      ).n,
    );
    const data = await service.revealPersonalData(db, { actorUserId: null, actorName: 'officer', ip: '127.0.0.1' }, id);
    assert.equal(data.idNumber, ID);
    const event = await db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'application.personal_data_view')
      .orderBy('seq', 'desc')
      .executeTakeFirstOrThrow();
    assert.equal(event.subject_id, String(id));
    assert.ok(!JSON.stringify(event).includes(ID), 'the audit event does not hold the number itself');
    assert.equal(
      Number(
        (
          await db
            .selectFrom('audit_events')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('action', '=', 'application.personal_data_view')
            .executeTakeFirstOrThrow()
        ).n,
      ),
      before + 1,
    );
  });

  // Last: it changes the calendar for the rest of this database.
  test('a calendar change recomputes the open cases and records why', async () => {
    const { id } = await register('2026-12-01');
    const closed = await register('2026-11-30');
    await service.reply(db, officer, closed.id, { outcome: 'disclosed', reply_date: '2026-12-01', summary: '已提供' });
    const beforeDue = (await applicationsStore.byId(db, id))!.due_date!;
    const closedDue = (await applicationsStore.byId(db, closed.id))!.due_date;
    const result = await calendarService.addNotice(
      db,
      { actorUserId: null, actorName: 'admin', ip: null },
      {
        year: 2026,
        kind: 'amendment',
        title: '测试：临时放假一天',
        url: null,
        note: null,
        daysText: '2026-12-10 休 临时放假',
      },
    );
    assert.ok(result.recomputed >= 1);
    const row = (await applicationsStore.byId(db, id))!;
    const calendar = await getCalendar(db);
    assert.equal(row.due_date, calendar.addWorkingDays('2026-12-01', 20));
    assert.equal(
      row.due_date,
      calendar.addWorkingDays(beforeDue, 1),
      'one more day off moves the due date by one working day',
    );
    assert.equal((await applicationsStore.byId(db, closed.id))!.due_date, closedDue, 'closed cases are not recomputed');
    const events = await applicationsStore.events(db, id);
    const recomputed = events.find((e) => e.kind === 'due_date_recomputed');
    assert.ok(recomputed);
    assert.equal(recomputed.public, 0);
    assert.match(recomputed.detail_json, /测试：临时放假一天/);
  });
});
