// The leading-group presenter: the group splits at today into current members (by position, then
// start) and past ones (latest end first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { presentLeadingGroup } from './leading-group.presenter.ts';
import type { LeadingGroupMemberRow } from './organisation.table.ts';

function member(id: number, position: string, from: string, to: string | null): LeadingGroupMemberRow {
  return {
    id,
    agency_id: 1,
    person_name: `成员${id}`,
    user_id: null,
    position,
    job_title: null,
    from_date: from,
    to_date: to,
    created_at: '2026-01-01T00:00:00Z',
  };
}

test('the leading group: current by position then start, past by latest end', () => {
  const view = presentLeadingGroup(
    [
      member(1, 'member', '2025-01-01', null),
      member(2, 'chair', '2025-06-01', '2026-03-10'), // ends today: still current
      member(3, 'vice_chair', '2024-01-01', '2026-03-09'), // ended yesterday
      member(4, 'member', '2024-05-01', null),
      member(5, 'chair', '2023-01-01', '2025-01-01'),
    ],
    '2026-03-10',
  );
  assert.deepEqual(
    view.current.map((m) => m.id),
    [2, 4, 1],
  );
  assert.deepEqual(
    view.past.map((m) => m.id),
    [3, 5],
  );
  assert.deepEqual(view.past[0], {
    id: 3,
    personName: '成员3',
    position: 'vice_chair',
    jobTitle: null,
    fromDate: '2024-01-01',
    toDate: '2026-03-09',
  });
});
