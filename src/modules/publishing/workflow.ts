// The review workflow of an information item (发布审核, 分管领导把关, 主要领导审批) as a data table
// of (state, event) → { to, requires, needs }. The review chain is configurable per agency and
// per catalog category: a configuration lists the review steps that apply, and a step that is
// not configured is skipped — the item moves straight to the next configured step.
//
// The Regulation requires a review before release (Art. 17: 行政机关应当建立健全政府信息公开
// 审查机制 … 对拟公开的政府信息进行审查), so every configuration includes the confidentiality
// review.
import type { Role } from '../../platform/roles.ts';
import type { WorkflowMessages } from '../../platform/workflow/versioned-document.ts';
import type { Transition as WorkflowRow } from '../../platform/workflow/workflow-table.ts';
import type { CatalogCategory, ItemEvent, ItemStatus } from './publishing.ts';
import { itemEvents, itemStatuses } from './publishing.ts';

export const reviewSteps = ['unit_head', 'confidentiality', 'leader', 'principal'] as const;
export type ReviewStep = (typeof reviewSteps)[number];

/** What a transition asks for besides the role. */
export type Need =
  | 'reason' // return, withdraw, emergency publishing and corrections say why (shown in the history)
  | 'confidentiality_review' // the reviewer's decision is recorded with its basis and date
  | 'pii_clean' // no personal-data findings in the version, or a recorded override
  | 'date'; // the publication date of a scheduled item

/** A row of the table (platform/workflow/workflow-table.ts) over the item's states and events. */
export type Transition = WorkflowRow<ItemStatus, ItemEvent, Need>;

/**
 * What every kind of document reviewed through this table shares (items, annual reports): its first
 * state, its refusals, and the need whose step records a decision with its basis.
 */
export const REVIEW_CHAIN: {
  readonly initialStatus: ItemStatus;
  readonly messages: WorkflowMessages;
  readonly basisNeed: Need;
} = {
  initialStatus: 'draft',
  messages: {
    notAllowed: 'pub.error.transition_not_allowed',
    notYourStep: 'pub.error.not_your_step',
    reasonRequired: 'pub.error.reason_required',
    reasonTooLong: 'pub.error.reason_too_long',
    basisRequired: 'pub.error.review_basis_required',
    changedMeanwhile: 'pub.error.changed_meanwhile',
  },
  basisNeed: 'confidentiality_review',
};

/** Each review step: its event, the state it leads to, who takes it. In chain order. */
export const STEP_TABLE: Readonly<
  Record<ReviewStep, { event: ItemEvent; state: ItemStatus; role: Role; needs: readonly Need[] }>
> = {
  unit_head: { event: 'unit_approve', state: 'unit_approved', role: 'unit_head', needs: [] },
  confidentiality: {
    event: 'confidentiality_approve',
    state: 'confidentiality_reviewed',
    role: 'confidentiality_reviewer',
    needs: ['confidentiality_review'],
  },
  leader: { event: 'leader_check', state: 'leader_checked', role: 'leader_in_charge', needs: [] },
  principal: { event: 'principal_approve', state: 'approved', role: 'principal_leader', needs: [] },
};

/** The review chain's states in order; "submitted" waits for the first configured step. */
const CHAIN: readonly ItemStatus[] = [
  'submitted',
  'unit_approved',
  'confidentiality_reviewed',
  'leader_checked',
  'approved',
];

/** Built-in configurations, used where the agency has configured none for the category. */
export const DEFAULT_STEPS: Readonly<Record<CatalogCategory | '*', readonly ReviewStep[]>> = {
  work_news: ['unit_head', 'confidentiality'],
  notice: ['unit_head', 'confidentiality'],
  normative_document: ['unit_head', 'confidentiality', 'leader', 'principal'],
  policy_interpretation: ['unit_head', 'confidentiality', 'leader'],
  personnel: ['unit_head', 'confidentiality', 'leader'],
  licensing_result: ['unit_head', 'confidentiality'],
  power_catalog: ['unit_head', 'confidentiality', 'leader'],
  service_guide: ['unit_head', 'confidentiality'],
  other: ['unit_head', 'confidentiality', 'leader'],
  '*': ['unit_head', 'confidentiality', 'leader'],
};

/** Puts steps in chain order and checks them; returns problems (empty when valid). */
export function stepProblems(steps: readonly string[]): string[] {
  const problems: string[] = [];
  for (const s of steps) if (!(reviewSteps as readonly string[]).includes(s)) problems.push(`unknown review step ${s}`);
  if (!steps.includes('confidentiality')) problems.push('the confidentiality review cannot be skipped (Art. 17)');
  if (new Set(steps).size !== steps.length) problems.push('a review step is listed twice');
  return problems;
}

export function normaliseSteps(steps: readonly string[]): ReviewStep[] {
  const problems = stepProblems(steps);
  if (problems.length) throw new Error(`invalid workflow configuration: ${problems.join('; ')}`);
  return reviewSteps.filter((s) => steps.includes(s));
}

/** Rows the disclosure officer, the principal leader and the drafter own, whatever the chain. */
function fixedRows(ready: ItemStatus, preReady: readonly ItemStatus[]): Transition[] {
  const rows: Transition[] = [
    { from: 'draft', event: 'submit', to: 'submitted', requires: 'drafter', needs: [] },
    { from: 'returned', event: 'redraft', to: 'draft', requires: 'drafter', needs: [] },
    { from: 'withdrawn', event: 'redraft', to: 'draft', requires: 'drafter', needs: [] },
    { from: ready, event: 'schedule', to: 'scheduled', requires: 'disclosure_officer', needs: ['date', 'pii_clean'] },
    { from: ready, event: 'publish', to: 'published', requires: 'disclosure_officer', needs: ['pii_clean'] },
    { from: ready, event: 'return', to: 'returned', requires: 'disclosure_officer', needs: ['reason'] },
    { from: 'scheduled', event: 'publish', to: 'published', requires: 'disclosure_officer', needs: ['pii_clean'] },
    { from: 'scheduled', event: 'return', to: 'returned', requires: 'disclosure_officer', needs: ['reason'] },
    { from: 'published', event: 'withdraw', to: 'withdrawn', requires: 'disclosure_officer', needs: ['reason'] },
    {
      from: 'published',
      event: 'correct',
      to: 'published',
      requires: 'disclosure_officer',
      needs: ['reason', 'pii_clean'],
    },
    // 应急处置: the confidentiality review follows within one working day; until it is recorded
    // the item is flagged (and overdue after its due day).
    {
      from: 'published_pending_approval',
      event: 'approve_emergency',
      to: 'published',
      requires: 'confidentiality_reviewer',
      needs: ['confidentiality_review'],
    },
    {
      from: 'published_pending_approval',
      event: 'withdraw',
      to: 'withdrawn',
      requires: 'disclosure_officer',
      needs: ['reason'],
    },
  ];
  for (const from of ['draft', ...preReady] as ItemStatus[]) {
    rows.push({
      from,
      event: 'emergency_publish',
      to: 'published_pending_approval',
      // A leader's decision, never the disclosure officer's alone (issue 14 finding 4).
      requires: 'principal_leader',
      needs: ['reason', 'pii_clean'],
    });
  }
  return rows;
}

/**
 * The whole table for one configuration. From a chain state, the only review event is the one
 * of the next configured step after it (so a configuration change mid-review still leaves every
 * item a way forward); the reviewer of that step may also return the item. After the last
 * configured step the item is ready for the disclosure officer.
 */
export function workflowTable(steps: readonly string[]): Transition[] {
  const configured = normaliseSteps(steps);
  const rows: Transition[] = [];
  const preReady: ItemStatus[] = [];
  for (const from of CHAIN) {
    const position = CHAIN.indexOf(from);
    const next = configured.find((s) => CHAIN.indexOf(STEP_TABLE[s].state) > position);
    if (!next) continue;
    const step = STEP_TABLE[next];
    preReady.push(from);
    rows.push({ from, event: step.event, to: step.state, requires: step.role, needs: step.needs });
    rows.push({ from, event: 'return', to: 'returned', requires: step.role, needs: ['reason'] });
  }
  const ready = STEP_TABLE[configured[configured.length - 1]!].state;
  // A chain state past the last configured step (left by an earlier configuration) is ready too.
  const alsoReady = CHAIN.filter((s) => !preReady.includes(s) && CHAIN.indexOf(s) > CHAIN.indexOf(ready));
  const fixed = fixedRows(ready, preReady);
  for (const extra of alsoReady) {
    for (const row of fixed.filter((r) => r.from === ready)) rows.push({ ...row, from: extra });
  }
  return [...rows, ...fixed];
}

export { findTransition } from '../../platform/workflow/workflow-table.ts';

/** The events that leave a state, in the order of itemEvents (for the buttons of the page). */
export function eventsFrom(table: readonly Transition[], from: ItemStatus): Transition[] {
  return itemEvents.flatMap((e) => table.filter((r) => r.from === from && r.event === e));
}

/** States from which the disclosure officer may publish (the review chain is complete). */
export function readyStates(table: readonly Transition[]): ItemStatus[] {
  return itemStatuses.filter((s) => s !== 'scheduled' && table.some((r) => r.from === s && r.event === 'publish'));
}
