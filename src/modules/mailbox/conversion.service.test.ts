// Letters that are applications and applications that are letters, on both engines: the
// application keeps the letter's date of receipt (Art. 31) and its due date counts from it, the
// writer's data crosses sealed, both records link to each other, each side records its audit event,
// and a refusal or a conflict leaves nothing half-written.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect, countRows } from '../../../test/support/database.ts';
import { seedDemoOrganisation } from '../../../test/support/app.ts';
import { setClock } from '../../platform/clock.ts';
import { ConflictError, ValidationError } from '../../platform/errors.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { residentIdCheckChar } from '../../platform/pii/identifiers.ts';
import { calendarService } from '../calendar/calendar.service.ts';
import { applicationsStore, createApplicationsService } from '../applications/index.ts';
import { createMailboxService } from './mailbox.service.ts';
import { mailboxStore } from './mailbox.store.ts';
import { createConversionService } from './conversion.service.ts';
import { conversionStore } from './conversion.store.ts';
import { mailboxLinks } from './conversion.links.ts';

const ID = '43060219850505123' + residentIdCheckChar('43060219850505123');
const vault = createVault('aes-256-gcm', ['2e'.repeat(32)]);
const applications = createApplicationsService(vault);
const mailbox = createMailboxService(vault);
const conversion = createConversionService(vault, applications);
const ctx = { actorUserId: null, actorName: 'officer', ip: null };

/** Noon in China on the day. */
function on(date: string) {
  setClock(() => new Date(`${date}T04:00:00.000Z`));
}

/** What the officer adds to the letter: Art. 29 (一) proof of identity, (三) the form wanted. */
const FORM = { applicant_kind: 'natural_person', id_number: ID, form_wanted: 'electronic', delivery_way: 'email' };

forEachDialect('mailbox ↔ applications', (t) => {
  let agencyId = 0;
  const audits = async (action: string) =>
    (await t.handle.db.selectFrom('audit_events').select('id').where('action', '=', action).execute()).length;

  before(async () => {
    await calendarService.seedFromFile(t.handle.db);
    await seedDemoOrganisation(t.handle);
    agencyId = (
      await t.handle.db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
  });
  after(() => setClock(undefined));

  async function letter(receivedAt: string) {
    const { id } = await mailbox.receiveLetter(t.handle.db, ctx, {
      agencyId,
      category: 'consultation',
      subject: '申请公开就业补助资金使用情况',
      request: '请公开本局2024年度就业补助资金的分配方案和使用情况。',
      name: '王小明',
      phone: '13912345678',
      email: 'wxm@example.cn',
      receivedAt,
    });
    return id;
  }

  test('a letter asking for information becomes an application received the day the mailbox received it', async () => {
    on('2025-03-07');
    const caseId = await letter('2025-03-07T02:30:00.000Z'); // Friday 7 March, 10:30 in China
    on('2025-03-12'); // the office sees what it is on the Wednesday after
    const created = await conversion.convertToApplication(t.handle.db, ctx, caseId, FORM, { actedBy: 0 });
    const app = (await applicationsStore.byId(t.handle.db, created.id))!;
    assert.equal(app.received_on, '2025-03-07');
    assert.equal(app.channel, 'online');
    // 20 working days after Fri 7 March 2025: 10–14 (5), 17–21 (10), 24–28 (15), 31 Mar–3 Apr (19),
    // Fri 4 Apr 清明 and the weekend off, Mon 7 Apr (20).
    assert.equal(app.due_date, '2025-04-07');
    // Carried over sealed: the stored columns are ciphertext, the opened values the letter's.
    assert.notEqual(app.phone_enc, '13912345678');
    assert.equal(applications.applicantName(app), '王小明');
    assert.deepEqual(
      { phone: applications.personalData(app).phone, email: applications.personalData(app).email },
      { phone: '13912345678', email: 'wxm@example.cn' },
    );
    assert.equal(app.description, '请公开本局2024年度就业补助资金的分配方案和使用情况。');
    const received = await t.handle.db
      .selectFrom('application_events')
      .select(['occurred_on', 'detail_json'])
      .where('application_id', '=', created.id)
      .where('kind', '=', 'received')
      .executeTakeFirstOrThrow();
    assert.equal(received.occurred_on, '2025-03-07');
    assert.deepEqual(JSON.parse(received.detail_json).convertedFrom, {
      source: 'letter',
      caseId,
      reference: JSON.parse(received.detail_json).convertedFrom.reference,
    });
    const kase = (await mailboxStore.byId(t.handle.db, caseId))!;
    assert.equal(kase.status, 'converted');
    assert.equal(kase.application_id, created.id);
    const history = await t.handle.db
      .selectFrom('mailbox_status_history')
      .select(['from_status', 'to_status', 'event'])
      .where('case_id', '=', caseId)
      .orderBy('id')
      .execute();
    assert.deepEqual(history.at(-1), { from_status: 'dispatched', to_status: 'converted', event: 'convert' });
    assert.equal(await audits('application.converted_from_mailbox'), 1);
    assert.equal(await audits('mailbox.convert_to_application'), 1);
    // Both pages link: the application lists the letter it came from.
    const links = await mailboxLinks.links(t.handle.db, created.id);
    assert.deepEqual(
      links.map((l) => [l.id, l.direction, l.href]),
      [[caseId, 'converted_from', `/admin/mailbox/${caseId}`]],
    );
  });

  test('refused or conflicting conversions write nothing: no application, no status row, no audit event', async () => {
    on('2025-03-10');
    const caseId = await letter('2025-03-10T01:00:00.000Z');
    const counts = async () => ({
      applications: await countRows(t.handle.db, 'applications'),
      events: await countRows(t.handle.db, 'application_events'),
      history: await countRows(t.handle.db, 'mailbox_status_history'),
      audit: await countRows(t.handle.db, 'audit_events'),
    });
    const before = await counts();
    // Art. 29 (一): a natural person's proof of identity is missing.
    await assert.rejects(
      conversion.convertToApplication(t.handle.db, ctx, caseId, { ...FORM, id_number: '' }, { actedBy: 0 }),
      (e) => e instanceof ValidationError && e.issues.some((i) => i.field === 'id_number'),
    );
    // The office saw another state: the application written first is rolled back with the rest.
    await assert.rejects(
      conversion.convertToApplication(t.handle.db, ctx, caseId, FORM, { actedBy: 0, whileStatus: 'signed_for' }),
      ConflictError,
    );
    assert.deepEqual(await counts(), before);
    assert.equal((await mailboxStore.byId(t.handle.db, caseId))!.status, 'dispatched');
    // Converted once, never twice.
    await conversion.convertToApplication(t.handle.db, ctx, caseId, FORM, { actedBy: 0 });
    const once = await counts();
    await assert.rejects(
      conversion.convertToApplication(t.handle.db, ctx, caseId, FORM, { actedBy: 0 }),
      (e) => e instanceof ValidationError && e.issues.some((i) => i.message.en.includes('cannot')),
    );
    assert.deepEqual(await counts(), once);
  });

  test('a complaint answered under Art. 39 ¶1 is passed to the mailbox as a letter, once, both linked', async () => {
    on('2025-03-03');
    const created = await applications.registerAtCounter(t.handle.db, ctx, agencyId, {
      applicant_kind: 'natural_person',
      applicant_name: '李四',
      id_number: ID,
      phone: '13700001111',
      email: 'lisi@example.cn',
      description: '投诉某单位拖欠工资，要求查处并公开处理结果。',
      form_wanted: 'paper',
      delivery_way: 'email',
      channel: 'in_person',
      submitted_on: '2025-03-03',
    });
    // Not yet answered as a complaint: not passable.
    await assert.rejects(conversion.passFromApplication(t.handle.db, ctx, created.id), ValidationError);
    on('2025-03-18');
    await applications.reply(t.handle.db, ctx, created.id, {
      outcome: 'not_processed_petition',
      reply_date: '2025-03-18',
      summary: '您的诉求属于投诉举报，不作为政府信息公开申请处理，可通过12345热线或领导信箱反映。',
    });
    on('2025-03-20');
    const passed = await conversion.passFromApplication(t.handle.db, ctx, created.id);
    const kase = (await mailboxStore.byId(t.handle.db, passed.id))!;
    assert.deepEqual(
      [kase.source, kase.category, kase.status, kase.received_on, kase.from_application_id],
      ['letter', 'complaint', 'dispatched', '2025-03-20', created.id],
    );
    // 13 working days after Thu 20 March: 21 (1), 24–28 (6), 31 Mar–3 Apr (10), 4 Apr 清明 off, 7–9 Apr (13).
    assert.equal(kase.due_date, '2025-04-09');
    assert.deepEqual([kase.limit_working_days, kase.limit_same_day], [13, 0]);
    const opened = mailbox.opened(kase);
    assert.deepEqual([opened.writer_name, opened.writer_phone], ['李四', '13700001111']);
    assert.notEqual(kase.writer_name_enc, '李四');
    assert.equal(await audits('mailbox.pass_from_application'), 1);
    await assert.rejects(conversion.passFromApplication(t.handle.db, ctx, created.id), ValidationError);
    assert.equal(await audits('mailbox.pass_from_application'), 1);
    assert.equal((await conversionStore.passedTo(t.handle.db, created.id))?.id, passed.id);
    const links = await mailboxLinks.links(t.handle.db, created.id);
    assert.deepEqual(
      links.map((l) => [l.id, l.direction]),
      [[passed.id, 'passed_to']],
    );
  });
});
