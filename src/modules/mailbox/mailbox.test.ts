// The mailbox workflow table, pair by pair: every (state, event) pair of the 8 × 10 grid is looked
// up and compared with a hand-written list — allowed pairs lead to the right state for the right
// role with the right needs, every other pair has no row.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTransition } from '../../platform/workflow/workflow-table.ts';
import { extensionProblem, mailboxEvents, mailboxStatuses, mailboxWorkflow } from './mailbox.ts';

const O = 'disclosure_officer';
type Row = [from: string, event: string, to: string, role: string, needs?: string];

const EXPECTED: Row[] = [
  ['dispatched', 'sign_for', 'signed_for', O],
  ['dispatched', 'return', 'returned', O, 'reason'],
  ['signed_for', 'assign', 'assigned', O, 'unit'],
  ['signed_for', 'extend', 'signed_for', O, 'reason date'],
  ['assigned', 'submit_reply', 'reply_drafted', 'drafter', 'reply_text'],
  ['assigned', 'extend', 'assigned', O, 'reason date'],
  ['reply_drafted', 'approve_reply', 'reply_approved', 'unit_head'],
  ['reply_drafted', 'send_back', 'assigned', 'unit_head', 'reason'],
  ['reply_drafted', 'extend', 'reply_drafted', O, 'reason date'],
  ['reply_approved', 'reply', 'replied', O],
  ['reply_approved', 'extend', 'reply_approved', O, 'reason date'],
  ['replied', 'record_callback', 'closed', O, 'rating'],
  ['replied', 'redo', 'assigned', O, 'reason'],
];

test('every (state, event) pair of the mailbox workflow', () => {
  let pairs = 0;
  for (const status of mailboxStatuses)
    for (const event of mailboxEvents) {
      pairs++;
      const row = findTransition(mailboxWorkflow, status, event);
      const want = EXPECTED.find(([from, e]) => from === status && e === event);
      if (!want) {
        assert.equal(row, undefined, `${status} × ${event} has no row`);
        continue;
      }
      assert.ok(row, `${status} × ${event} has a row`);
      assert.deepEqual(
        [row.from, row.event, row.to, row.requires, row.needs.join(' ')],
        [want[0], want[1], want[2], want[3], want[4] ?? ''],
      );
    }
  assert.equal(pairs, 80);
  assert.equal(mailboxWorkflow.length, EXPECTED.length, 'no row outside the expected list');
});

test('closed and returned cases take no step', () => {
  for (const status of ['closed', 'returned'])
    assert.deepEqual(
      mailboxWorkflow.filter((r) => r.from === status),
      [],
    );
});

test('an extension: a later date, asked for on or before the due date', () => {
  const cases: [due: string, to: string | null, today: string, problem: ReturnType<typeof extensionProblem>][] = [
    ['2025-03-20', '2025-03-31', '2025-03-20', null],
    ['2025-03-20', '2025-03-31', '2025-03-10', null],
    ['2025-03-20', '2025-03-31', '2025-03-21', 'limit_expired'],
    ['2025-03-20', '2025-03-20', '2025-03-19', 'not_later'],
    ['2025-03-20', '2025-03-19', '2025-03-19', 'not_later'],
    ['2025-03-20', null, '2025-03-19', 'date_required'],
    ['2025-03-20', '31/03/2025', '2025-03-19', 'date_required'],
  ];
  for (const [due, to, today, problem] of cases)
    assert.equal(extensionProblem(due, to, today), problem, `${due} → ${to} on ${today}`);
});
