// The applications presenters: the list's state and overdue mark as of today, the case's outcome
// read from its last reply, the 2007-era fee link, masking on screen and the 2007 fee amounts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ApplicationListRow } from './applications.store.ts';
import type { OpenedApplication } from './applications.table.ts';
import { maskPersonal, presentApplicationList, presentCase, presentCaseEvents } from './applications.presenter.ts';
import { presentCostFees } from './cost-fees-2007.presenter.ts';
import type { CostFee2007Row } from './cost-fees-2007.table.ts';

const TODAY = '2026-11-25';

function listRow(
  over: Partial<ApplicationListRow & { applicant_name: string }>,
): ApplicationListRow & { applicant_name: string } {
  return {
    id: 7,
    agency_id: 1,
    tracking_code: 'ABCDEFGHJKMNP',
    channel: 'online',
    applicant_kind: 'natural_person',
    applicant_name_enc: null,
    applicant_name_clear: null,
    applicant_name: '张三',
    received_on: '2026-11-02',
    status: 'open',
    due_date: '2026-12-01',
    waiting_until: null,
    outcome: null,
    assigned_unit_id: null,
    unit_name: null,
    agency_name: '某局',
    ...over,
  };
}

test('the list reads a case as of today: overdue when open past its due date, a finished consultation runs again', () => {
  const [overdue, closedLate, consultationOver, waiting] = presentApplicationList(
    [
      listRow({ due_date: '2026-11-24' }),
      listRow({ status: 'closed', due_date: '2026-11-24' }),
      // The consulted party's window ended yesterday: the clock runs again (Arts. 32, 34).
      listRow({ status: 'paused', waiting_until: '2026-11-24' }),
      listRow({ status: 'awaiting_correction', waiting_until: '2026-12-04', due_date: null, unit_name: '办公室' }),
    ],
    TODAY,
  );
  assert.equal(overdue!.overdue, true);
  assert.equal(overdue!.trackingCode, 'ABCD-EFGH-JKMN-P');
  assert.equal(closedLate!.overdue, false);
  assert.deepEqual([consultationOver!.status, consultationOver!.waitingUntil], ['open', null]);
  assert.deepEqual(
    [waiting!.status, waiting!.waitingUntil, waiting!.dueDate, waiting!.overdue, waiting!.unitName],
    ['awaiting_correction', '2026-12-04', null, false, '办公室'],
  );
});

function caseRow(over: Partial<OpenedApplication>): OpenedApplication {
  return {
    ...listRow({}),
    id_number_enc: null,
    id_number_index: null,
    phone_enc: null,
    address_enc: null,
    email_enc: null,
    organisation_credit_code: null,
    contact_person: null,
    description: '某文件',
    document_number_hint: null,
    form_wanted: 'electronic',
    delivery_way: 'email',
    rules: '2019',
    due_date_provisional_years: null,
    outcome_on: null,
    reply_summary: null,
    created_by: null,
    created_at: '2026-11-02T02:00:00Z',
    updated_at: '2026-11-02T02:00:00Z',
    applicant_key_hash: null,
    applicant_name_index: null,
    ...over,
  } as OpenedApplication;
}

function event(id: number, kind: string, detail: Record<string, unknown>, createdAt = '2026-11-20T16:30:00Z') {
  return {
    id,
    application_id: 7,
    kind,
    occurred_on: createdAt.slice(0, 10),
    detail_json: JSON.stringify(detail),
    public: 1,
    actor_user_id: null,
    created_at: createdAt,
    actor_name: null,
    detail,
  };
}

test('the case shows the outcome of its last reply, with the catalog items and redactions it recorded', () => {
  const events = presentCaseEvents([
    event(1, 'replied', { redactions: 'old', catalogItems: [{ id: 1, indexNumber: 'A', title: 'old' }] }),
    event(2, 'replied', { redactions: '第3页身份证号', catalogItems: [{ id: 9, indexNumber: 'X-1', title: '某文' }] }),
    event(3, 'delivered', {}),
  ]);
  // 16:30 UTC is half past midnight the next day in China.
  assert.equal(events[0]!.recordedAt, '2026-11-21 00:30');
  const shown = presentCase(
    caseRow({ status: 'closed', outcome: 'partially_disclosed', outcome_on: '2026-11-20', reply_summary: '部分公开' }),
    events,
    TODAY,
  );
  assert.deepEqual(shown.outcome, {
    code: 'partially_disclosed',
    on: '2026-11-20',
    summary: '部分公开',
    catalogItems: [{ id: 9, indexNumber: 'X-1', title: '某文' }],
    redactions: '第3页身份证号',
  });
  assert.deepEqual([shown.closed, shown.delivered, shown.displayCode], [true, true, 'ABCD-EFGH-JKMN-P']);
});

test('the case has no outcome for an unknown code, and offers the 2007 fees only to a case the 2007 Regulation governs', () => {
  const shown = presentCase(caseRow({ outcome: 'nonsense' }), [], TODAY);
  assert.equal(shown.outcome, null);
  assert.equal(shown.costFees2007, false);
  assert.equal(presentCase(caseRow({ received_on: '2019-05-14' }), [], TODAY).costFees2007, true);
  assert.equal(presentCase(caseRow({ received_on: '2019-05-15' }), [], TODAY).costFees2007, false);
});

test('personal data is masked on screen', () => {
  assert.deepEqual(
    maskPersonal({ idNumber: '430602198805123451', phone: '13912345678', address: null, email: 'li@example.cn' }),
    { idNumber: '430602********3451', phone: '139****5678', address: null, email: 'l*@example.cn' },
  );
});

test('the 2007 fees read in yuan, and anything not waived reads as collected', () => {
  const row = (over: Partial<CostFee2007Row>): CostFee2007Row => ({
    id: 1,
    application_id: 7,
    kind: 'collected',
    occurred_on: '2009-03-02',
    search_fen: 500,
    copying_fen: 1205,
    postage_fen: 0,
    amount_fen: 1705,
    approver: null,
    reason: null,
    created_by: null,
    created_at: '2026-11-02T02:00:00Z',
    ...over,
  });
  const [collected, waived, odd] = presentCostFees([
    row({}),
    row({ kind: 'waived', approver: '王五' }),
    row({ kind: 'x' }),
  ]);
  assert.deepEqual(collected, {
    occurredOn: '2009-03-02',
    kind: 'collected',
    amountYuan: '17.05',
    searchYuan: '5.00',
    copyingYuan: '12.05',
    postageYuan: '0.00',
    approver: null,
  });
  assert.deepEqual([waived!.kind, waived!.approver], ['waived', '王五']);
  assert.equal(odd!.kind, 'collected');
});
