// The mailbox's services on both engines: receiving letters (personal data sealed, the due date
// from the China date of receipt) and 12345 orders (one transaction, idempotent on the order
// number), the workflow's steps with their roles, an extension refused once the limit has
// expired, the daily reminder job recording each kind once, and overdue as a query.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { forEachDialect } from '../../../test/support/database.ts';
import { seedDemoOrganisation } from '../../../test/support/app.ts';
import type { Db } from '../../db/database.ts';
import { systemContext, type AuditContext } from '../../platform/audit/audit.ts';
import { setClock } from '../../platform/clock.ts';
import { createVault } from '../../platform/crypto/personal-data.ts';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../platform/errors.ts';
import type { Actor } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';
import type { MailboxEvent, WorkOrderInput } from './mailbox.ts';
import { createMailboxService } from './mailbox.service.ts';
import { mailboxStore as store } from './mailbox.store.ts';
import { mailboxDocuments, type MailboxStepInput } from './mailbox.workflow.ts';
import { recountOpenCases } from './mailbox.clock.ts';
import { defaultCalendar } from '../../platform/calendar/calendar-data.ts';

const service = createMailboxService(createVault('aes-256-gcm', ['cd'.repeat(32)]));
const ctx: AuditContext = systemContext;

function actor(userId: number, role: Role, agencyId: number, unitId: number | null = null): Actor {
  return {
    userId,
    username: `u${userId}`,
    displayName: `U${userId}`,
    agencyId,
    unitId,
    grants: [{ role, agencyId, unitId }],
    reach: new Map([[role, new Set([agencyId])]]),
    mustChangePassword: false,
  };
}

const at = (day: string) => () => new Date(`${day}T02:00:00Z`);

forEachDialect('the mailbox service', (t) => {
  let db: Db;
  let agency = 0;
  let units: number[] = [];
  let officer: Actor;
  let drafter: Actor;
  let otherDrafter: Actor;
  let head: Actor;

  before(async () => {
    await seedDemoOrganisation(t.handle);
    db = t.handle.db;
    agency = (await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow())
      .id;
    units = (await db.selectFrom('units').select('id').where('agency_id', '=', agency).orderBy('id').execute()).map(
      (u) => u.id,
    );
    officer = actor(9001, 'disclosure_officer', agency);
    drafter = actor(9002, 'drafter', agency, units[2]!);
    otherDrafter = actor(9003, 'drafter', agency, units[3]!);
    head = actor(9004, 'unit_head', agency, units[2]!);
  });
  after(() => setClock(undefined));

  const step = async (who: Actor, id: number, event: MailboxEvent, input: MailboxStepInput = {}) => {
    const seen = await mailboxDocuments.load(db, id);
    await mailboxDocuments.authorizeStep(db, who, seen, event);
    return service.step(db, ctx, id, event, input, { actedBy: who.userId, whileStatus: seen.status });
  };

  test('a letter: sealed personal data, a tracking code, the due date from the China date of receipt', async () => {
    setClock(at('2025-03-03'));
    // 16:30 UTC on Sunday 2 March is 00:30 on Monday 3 March in China.
    const { id, trackingCode } = await service.receiveLetter(db, ctx, {
      agencyId: agency,
      category: 'complaint',
      subject: '社保补贴迟迟未到账',
      request: '去年申请的灵活就业社保补贴至今未到账。',
      name: '李四',
      phone: '13800000000',
      consentToPublish: true,
      publishName: false,
      receivedAt: '2025-03-02T16:30:00.000Z',
    });
    assert.match(trackingCode, /^[0-9A-Z]{13}$/);
    const row = (await store.byId(db, id))!;
    assert.equal(row.received_on, '2025-03-03');
    assert.equal(row.due_date, '2025-03-20');
    assert.equal(row.original_due_date, '2025-03-20');
    assert.equal(row.status, 'dispatched');
    assert.ok(row.writer_name_enc && !row.writer_name_enc.includes('李四'));
    assert.equal(service.opened(row).writer_name, '李四');
    assert.equal(service.opened(row).writer_email, null);
    assert.equal((await store.byTrackingCode(db, trackingCode))?.id, id);
    const events = await db
      .selectFrom('audit_events')
      .select('after_json')
      .where('subject_type', '=', 'mailbox_case')
      .execute();
    assert.ok(events.every((e) => !e.after_json?.includes('李四') && !e.after_json?.includes('13800000000')));
    await assert.rejects(
      service.receiveLetter(db, ctx, { agencyId: agency, category: 'other', subject: '', request: 'x' }),
      (e) => e instanceof ValidationError && e.issues.map((i) => i.field).join() === 'category,subject,phone',
    );
  });

  const order = (no: string, extra: Partial<WorkOrderInput> = {}): WorkOrderInput => ({
    externalNo: no,
    receivedAt: '2025-09-26T01:00:00Z',
    category: 'suggestion',
    subject: '建议延长窗口办理时间',
    request: '建议社保窗口周末开放。',
    callerName: '王五',
    callerPhone: '13900000000',
    ...extra,
  });

  test('work orders: one transaction, idempotent on the order number', async () => {
    const first = await service.receiveWorkOrders(db, ctx, agency, [
      order('GD-001'),
      order('GD-002', { requiredReplyDate: '2025-10-10' }),
      order('GD-001'),
    ]);
    assert.deepEqual(first, { created: ['GD-001', 'GD-002'], known: ['GD-001'] });
    const again = await service.receiveWorkOrders(db, ctx, agency, [order('GD-002'), order('GD-003')]);
    assert.deepEqual(again, { created: ['GD-003'], known: ['GD-002'] });
    await assert.rejects(
      service.receiveWorkOrders(db, ctx, agency, [order('GD-004'), order('GD-005', { category: 'x' as never })]),
      (e) => e instanceof ValidationError && e.issues[0]!.field === 'orders.1.category',
    );
    const rows = await db
      .selectFrom('mailbox_cases')
      .select(['external_no', 'due_date', 'required_reply_date'])
      .where('source', '=', 'hotline')
      .orderBy('external_no')
      .execute();
    // National Day 2025 and its make-up days: 13 working days from 26 September end on 21 October.
    assert.deepEqual(rows, [
      { external_no: 'GD-001', due_date: '2025-10-21', required_reply_date: null },
      { external_no: 'GD-002', due_date: '2025-10-10', required_reply_date: '2025-10-10' },
      { external_no: 'GD-003', due_date: '2025-10-21', required_reply_date: null },
    ]);
  });

  test('the workflow: each step by its role, replies as versions, redo and callback', async () => {
    setClock(at('2025-03-04'));
    const id = (
      await db.selectFrom('mailbox_cases').select('id').where('source', '=', 'letter').executeTakeFirstOrThrow()
    ).id;
    // A unit's drafter does not see a case before it is assigned to the unit.
    await assert.rejects(step(drafter, id, 'sign_for'), (e) => e instanceof NotFoundError);
    assert.equal(await step(officer, id, 'sign_for'), 'signed_for');
    await assert.rejects(step(officer, id, 'assign'), (e) => e instanceof ValidationError, 'no rule, no unit');
    await service.setRoutingRule(db, ctx, agency, 'complaint', units[2]!);
    assert.equal(await step(officer, id, 'assign'), 'assigned');
    assert.equal((await store.byId(db, id))!.assigned_unit_id, units[2]);
    // Another unit's drafter does not see the case at all (out of reach answers 404, as missing).
    await assert.rejects(
      step(otherDrafter, id, 'submit_reply', { replyText: '答复' }),
      (e) => e instanceof NotFoundError || e instanceof ForbiddenError,
    );
    await assert.rejects(step(drafter, id, 'submit_reply', {}), (e) => e instanceof ValidationError);
    assert.equal(await step(drafter, id, 'submit_reply', { replyText: '已转社保经办机构核查。' }), 'reply_drafted');
    await assert.rejects(step(head, id, 'send_back', {}), (e) => e instanceof ValidationError, 'a reason');
    assert.equal(await step(head, id, 'send_back', { reason: '请写明到账时间' }), 'assigned');
    assert.equal(await step(drafter, id, 'submit_reply', { replyText: '补贴将于3月底前到账。' }), 'reply_drafted');
    assert.equal(await step(head, id, 'approve_reply'), 'reply_approved');
    assert.equal(await step(officer, id, 'reply'), 'replied');
    assert.equal(await step(officer, id, 'redo', { reason: '来信人不满意：未说明原因' }), 'assigned');
    await assert.rejects(step(officer, id, 'reply'), (e) => e instanceof ConflictError, 'no such row from assigned');
    assert.equal(await step(drafter, id, 'submit_reply', { replyText: '因材料不全延误，已补办。' }), 'reply_drafted');
    assert.equal(await step(head, id, 'approve_reply'), 'reply_approved');
    assert.equal(await step(officer, id, 'reply'), 'replied');
    await assert.rejects(
      step(officer, id, 'record_callback', { rating: 'great' }),
      (e) => e instanceof ValidationError,
    );
    assert.equal(await step(officer, id, 'record_callback', { rating: 'satisfied', comment: '满意' }), 'closed');
    const row = (await store.byId(db, id))!;
    assert.deepEqual(
      [row.rating, row.rating_comment, row.rated_on, row.replied_on],
      ['satisfied', '满意', '2025-03-04', '2025-03-04'],
    );
    const versions = await store.versions(db, id);
    assert.deepEqual(
      versions.map((v) => v.version_no),
      [1, 2, 3],
    );
    assert.equal(row.current_version_id, versions[2]!.id);
    const history = await store.history(db, id);
    assert.deepEqual(
      history.map((h) => h.event),
      [
        'create',
        'sign_for',
        'assign',
        'submit_reply',
        'send_back',
        'submit_reply',
        'approve_reply',
        'reply',
        'redo',
        'submit_reply',
        'approve_reply',
        'reply',
        'record_callback',
      ],
    );
    const audits = await db
      .selectFrom('audit_events')
      .select('action')
      .where('subject_type', '=', 'mailbox_case')
      .where('subject_id', '=', String(id))
      .orderBy('seq')
      .execute();
    assert.equal(audits.length, history.length);
  });

  test("the writer's rating from the link: only once the letter is replied", async () => {
    setClock(at('2025-03-05'));
    const { id, trackingCode } = await service.receiveLetter(db, ctx, {
      agencyId: agency,
      category: 'consultation',
      subject: '咨询',
      request: '咨询内容',
      email: 'writer@example.cn',
    });
    await assert.rejects(
      service.rateByWriter(db, ctx, trackingCode, { rating: 'satisfied' }),
      (e) => e instanceof ConflictError,
    );
    await step(officer, id, 'sign_for');
    await step(officer, id, 'assign', { unitId: units[2]! });
    await step(drafter, id, 'submit_reply', { replyText: '答复' });
    await step(head, id, 'approve_reply');
    await step(officer, id, 'reply');
    await assert.rejects(
      service.rateByWriter(db, ctx, 'NOSUCHCODE', { rating: 'satisfied' }),
      (e) => e instanceof NotFoundError,
    );
    await service.rateByWriter(db, ctx, trackingCode, { rating: 'basically_satisfied', comment: '还行' });
    const row = (await store.byId(db, id))!;
    assert.deepEqual([row.status, row.rating, row.rating_comment], ['closed', 'basically_satisfied', '还行']);
    assert.equal((await store.history(db, id)).at(-1)!.actor_user_id, null);
  });

  test('a return says why; an extension only while the limit runs', async () => {
    const [a, b] = await db
      .selectFrom('mailbox_cases')
      .select('id')
      .where('source', '=', 'hotline')
      .orderBy('id')
      .execute();
    setClock(at('2025-09-29'));
    await assert.rejects(step(officer, a!.id, 'return', {}), (e) => e instanceof ValidationError);
    assert.equal(await step(officer, a!.id, 'return', { reason: '职能不符' }), 'returned');
    await step(officer, b!.id, 'sign_for');
    await assert.rejects(
      step(officer, b!.id, 'extend', { reason: '需要调查', date: '2025-10-09' }),
      (e) => e instanceof ValidationError,
      'not later than 10 October',
    );
    setClock(at('2025-10-10'));
    assert.equal(await step(officer, b!.id, 'extend', { reason: '需要现场调查', date: '2025-10-17' }), 'signed_for');
    const row = (await store.byId(db, b!.id))!;
    assert.deepEqual([row.due_date, row.original_due_date], ['2025-10-17', '2025-10-10']);
    const clock = await service.clock(db, row);
    assert.equal(clock.dueDate, '2025-10-17');
    assert.equal(clock.steps.at(-1)!.kind, 'extension');
    setClock(at('2025-10-20'));
    await assert.rejects(
      step(officer, b!.id, 'extend', { reason: '再延期', date: '2025-10-31' }),
      (e) => e instanceof ValidationError && e.issues[0]!.field === 'date',
      'the limit has expired',
    );
  });

  test('the reminder job records each kind once; overdue is a query', async () => {
    const [, b, c] = await db
      .selectFrom('mailbox_cases')
      .select('id')
      .where('source', '=', 'hotline')
      .orderBy('id')
      .execute();
    // GD-002 due 17 October (extended), GD-003 due 21 October.
    assert.deepEqual(
      (await store.overdue(db, [agency], '2025-10-20')).map((r) => r.id),
      [b!.id],
    );
    assert.equal(await service.runReminders(db, ctx, { today: '2025-10-17' }), 0);
    assert.equal(await service.runReminders(db, ctx, { today: '2025-10-20' }), 2);
    assert.equal(await service.runReminders(db, ctx, { today: '2025-10-20' }), 0, 'a second run adds nothing');
    // 27 October is the fifth working day after the reminder of GD-002; GD-003 gets its reminder on 22 October.
    assert.equal(await service.runReminders(db, ctx, { today: '2025-10-27' }), 3);
    const kinds = (await store.escalations(db, [b!.id, c!.id])).map(
      (e) => `${e.case_id === b!.id ? 'b' : 'c'}:${e.kind}:${e.due_on}`,
    );
    assert.deepEqual(kinds.sort(), [
      'b:bulletin:2025-10-27',
      'b:escalation:2025-10-20',
      'b:reminder:2025-10-20',
      'c:escalation:2025-10-22',
      'c:reminder:2025-10-22',
    ]);
    assert.equal(await service.runReminders(db, ctx, { today: '2025-10-28' }), 0);
  });
});

forEachDialect('mailbox due dates follow the calendar', (t) => {
  test('a day made a holiday moves the counted due date; a date the centre required stays', async () => {
    await seedDemoOrganisation(t.handle);
    const db = t.handle.db;
    const agency = (
      await db.selectFrom('agencies').select('id').where('code', '=', 'yueyang-hrss').executeTakeFirstOrThrow()
    ).id;
    const orders: WorkOrderInput[] = ['A', 'B'].map((n) => ({
      externalNo: `GD-${n}`,
      receivedAt: '2025-09-26T01:00:00Z',
      category: 'complaint',
      subject: '投诉',
      request: '投诉内容',
      ...(n === 'B' ? { requiredReplyDate: '2025-10-20' } : {}),
    }));
    await service.receiveWorkOrders(db, ctx, agency, orders);
    const calendar = defaultCalendar().withOverrides([{ date: '2025-10-13', isOffDay: true, name: '测试假日' }]);
    assert.equal(await db.transaction().execute((trx) => recountOpenCases(trx, calendar)), 1);
    const rows = await db
      .selectFrom('mailbox_cases')
      .select(['external_no', 'due_date', 'original_due_date'])
      .orderBy('external_no')
      .execute();
    assert.deepEqual(rows, [
      { external_no: 'GD-A', due_date: '2025-10-22', original_due_date: '2025-10-22' },
      { external_no: 'GD-B', due_date: '2025-10-20', original_due_date: '2025-10-20' },
    ]);
    assert.equal(await db.transaction().execute((trx) => recountOpenCases(trx, calendar)), 0, 'nothing more to move');
  });
});
