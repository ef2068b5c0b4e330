// Leading-group rows → what the agency page and the leading-group page show
// (docs/conventions.md#presenters): current members (no end date, or one not yet passed) by
// position then start, and past members, most recently ended first.
import type { LeadingGroupMemberRow } from './organisation.table.ts';
import { leadingGroupPositions } from './organisation.ts';

export interface LeadingGroupMember {
  readonly id: number;
  readonly personName: string;
  readonly position: string;
  readonly jobTitle: string | null;
  readonly fromDate: string;
  readonly toDate: string | null;
}

export interface LeadingGroupView {
  readonly current: readonly LeadingGroupMember[];
  readonly past: readonly LeadingGroupMember[];
}

const positionRank = (p: string) => {
  const i = (leadingGroupPositions as readonly string[]).indexOf(p);
  return i < 0 ? leadingGroupPositions.length : i;
};

/** Current: no end date, or an end date not yet passed. */
function isCurrentMember(m: LeadingGroupMemberRow, today: string): boolean {
  return m.to_date === null || m.to_date >= today;
}

function member(m: LeadingGroupMemberRow): LeadingGroupMember {
  return {
    id: m.id,
    personName: m.person_name,
    position: m.position,
    jobTitle: m.job_title,
    fromDate: m.from_date,
    toDate: m.to_date,
  };
}

export function presentLeadingGroup(rows: readonly LeadingGroupMemberRow[], today: string): LeadingGroupView {
  const current = rows
    .filter((m) => isCurrentMember(m, today))
    .sort(
      (a, b) =>
        positionRank(a.position) - positionRank(b.position) || a.from_date.localeCompare(b.from_date) || a.id - b.id,
    );
  const past = rows
    .filter((m) => !isCurrentMember(m, today))
    .sort((a, b) => (b.to_date ?? '').localeCompare(a.to_date ?? '') || a.id - b.id);
  return { current: current.map(member), past: past.map(member) };
}
