// The workflow table, pair by pair: for two configurations (work news: unit head +
// confidentiality review; normative documents: every step up to the principal leader) every
// (state, event) pair of the 11 × 13 grid is looked up and compared with a hand-written table —
// allowed pairs lead to the right state for the right role with the right requirements, every
// other pair is rejected.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { itemEvents, itemStatuses } from './publishing.ts';
import { DEFAULT_STEPS, eventsFrom, findTransition, readyStates, stepProblems, workflowTable } from './workflow.ts';

const O = 'disclosure_officer';
type Row = [from: string, event: string, to: string, role: string, needs?: string];

/** Rows every configuration has, after the review chain. */
function tail(ready: string[], preReady: string[]): Row[] {
  const rows: Row[] = [
    ['draft', 'submit', 'submitted', 'drafter'],
    ['draft', 'emergency_publish', 'published_pending_approval', 'principal_leader', 'reason pii_clean'],
    ['scheduled', 'publish', 'published', O, 'pii_clean'],
    ['scheduled', 'return', 'returned', O, 'reason'],
    ['published', 'withdraw', 'withdrawn', O, 'reason'],
    ['published', 'correct', 'published', O, 'reason pii_clean'],
    ['withdrawn', 'redraft', 'draft', 'drafter'],
    ['returned', 'redraft', 'draft', 'drafter'],
    [
      'published_pending_approval',
      'approve_emergency',
      'published',
      'confidentiality_reviewer',
      'confidentiality_review',
    ],
    ['published_pending_approval', 'withdraw', 'withdrawn', O, 'reason'],
  ];
  for (const s of ready) {
    rows.push(
      [s, 'schedule', 'scheduled', O, 'date pii_clean'],
      [s, 'publish', 'published', O, 'pii_clean'],
      [s, 'return', 'returned', O, 'reason'],
    );
  }
  for (const s of preReady)
    rows.push([s, 'emergency_publish', 'published_pending_approval', 'principal_leader', 'reason pii_clean']);
  return rows;
}

const WORK_NEWS: Row[] = [
  ['submitted', 'unit_approve', 'unit_approved', 'unit_head'],
  ['submitted', 'return', 'returned', 'unit_head', 'reason'],
  [
    'unit_approved',
    'confidentiality_approve',
    'confidentiality_reviewed',
    'confidentiality_reviewer',
    'confidentiality_review',
  ],
  ['unit_approved', 'return', 'returned', 'confidentiality_reviewer', 'reason'],
  // leader_checked and approved cannot be reached with this configuration; an item left there by
  // an earlier one is ready for the officer.
  ...tail(['confidentiality_reviewed', 'leader_checked', 'approved'], ['submitted', 'unit_approved']),
];

const NORMATIVE: Row[] = [
  ['submitted', 'unit_approve', 'unit_approved', 'unit_head'],
  ['submitted', 'return', 'returned', 'unit_head', 'reason'],
  [
    'unit_approved',
    'confidentiality_approve',
    'confidentiality_reviewed',
    'confidentiality_reviewer',
    'confidentiality_review',
  ],
  ['unit_approved', 'return', 'returned', 'confidentiality_reviewer', 'reason'],
  ['confidentiality_reviewed', 'leader_check', 'leader_checked', 'leader_in_charge'],
  ['confidentiality_reviewed', 'return', 'returned', 'leader_in_charge', 'reason'],
  ['leader_checked', 'principal_approve', 'approved', 'principal_leader'],
  ['leader_checked', 'return', 'returned', 'principal_leader', 'reason'],
  ...tail(['approved'], ['submitted', 'unit_approved', 'confidentiality_reviewed', 'leader_checked']),
];

function walk(name: string, steps: readonly string[], expected: Row[]) {
  describe(`workflow: ${name} (${steps.join(' → ')})`, () => {
    const table = workflowTable(steps);
    const byPair = new Map(expected.map((r) => [`${r[0]} ${r[1]}`, r]));

    test('the hand-written table has no duplicate pairs', () => {
      assert.equal(byPair.size, expected.length);
    });

    test(`every one of the ${itemStatuses.length * itemEvents.length} (state, event) pairs`, () => {
      let allowed = 0;
      for (const state of itemStatuses) {
        for (const event of itemEvents) {
          const got = findTransition(table, state, event);
          const want = byPair.get(`${state} ${event}`);
          if (!want) {
            assert.equal(got, undefined, `${state} --${event}--> must be rejected`);
            continue;
          }
          allowed++;
          assert.ok(got, `${state} --${event}--> must be allowed`);
          assert.equal(got.to, want[2], `${state} --${event}--> target`);
          assert.equal(got.requires, want[3], `${state} --${event}--> role`);
          assert.deepEqual(
            [...got.needs].sort(),
            (want[4] ?? '').split(' ').filter(Boolean).sort(),
            `${state} --${event}--> needs`,
          );
        }
      }
      assert.equal(allowed, expected.length);
      assert.equal(table.length, expected.length, 'the table has no rows beyond the pairs');
    });

    test('a happy path reaches published', () => {
      let state: string = 'draft';
      const path = [
        'submit',
        ...steps.map(
          (s) =>
            ({
              unit_head: 'unit_approve',
              confidentiality: 'confidentiality_approve',
              leader: 'leader_check',
              principal: 'principal_approve',
            })[s]!,
        ),
        'publish',
      ];
      for (const event of path) {
        const row = findTransition(table, state as never, event as never);
        assert.ok(row, `${state} --${event}-->`);
        state = row.to;
      }
      assert.equal(state, 'published');
    });

    test('buttons per state follow the order of the events', () => {
      const events = eventsFrom(table, 'published').map((r) => r.event);
      assert.deepEqual(events, ['withdraw', 'correct']);
    });
  });
}

walk('work news', DEFAULT_STEPS.work_news, WORK_NEWS);
walk('normative documents', DEFAULT_STEPS.normative_document, NORMATIVE);

describe('workflow configuration', () => {
  test('a step that is not configured is skipped: submit leads straight to the next configured step', () => {
    const table = workflowTable(['confidentiality', 'principal']);
    assert.equal(findTransition(table, 'submitted', 'unit_approve'), undefined);
    assert.equal(findTransition(table, 'submitted', 'confidentiality_approve')?.to, 'confidentiality_reviewed');
    assert.equal(findTransition(table, 'confidentiality_reviewed', 'leader_check'), undefined);
    assert.equal(findTransition(table, 'confidentiality_reviewed', 'principal_approve')?.to, 'approved');
    assert.deepEqual(readyStates(table), ['approved']);
  });

  test('steps are put in chain order whatever order they are listed in', () => {
    assert.deepEqual(
      workflowTable(['principal', 'confidentiality', 'unit_head', 'leader']),
      workflowTable(DEFAULT_STEPS.normative_document),
    );
  });

  test('the confidentiality review cannot be configured away, nor unknown or repeated steps', () => {
    assert.ok(stepProblems(['unit_head']).length > 0);
    assert.ok(stepProblems(['confidentiality', 'mayor']).length > 0);
    assert.ok(stepProblems(['confidentiality', 'confidentiality']).length > 0);
    assert.deepEqual(stepProblems(['confidentiality']), []);
    assert.throws(() => workflowTable([]));
  });

  test('ready states per default configuration', () => {
    assert.deepEqual(readyStates(workflowTable(DEFAULT_STEPS.work_news)), [
      'confidentiality_reviewed',
      'leader_checked',
      'approved',
    ]);
    assert.deepEqual(readyStates(workflowTable(DEFAULT_STEPS.normative_document)), ['approved']);
  });
});
