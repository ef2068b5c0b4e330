// The mayor's mailbox (市长信箱) and 12345 hotline work orders (工单): the codes every part of the
// module shares. Letters and work orders are one kind of case with two sources, because they go
// through the same handling, limits and figures (docs/domain/mailbox-and-hotline.md); a source
// only changes how a case arrives and who is told of the result.
import type { Transition } from '../../platform/workflow/workflow-table.ts';

/** Where a case comes from: a letter written on the portal, or an order dispatched by the 12345 centre. */
export const mailboxSources = ['letter', 'hotline'] as const;
export type MailboxSource = (typeof mailboxSources)[number];

/**
 * What a case asks for, which sets its limit (docs/domain/mailbox-and-hotline.md#limits): urgent
 * (应急), consultation (咨询), request for help (求助), suggestion (建议), criticism (批评),
 * complaint (投诉), report (举报).
 */
export const mailboxCategories = [
  'urgent',
  'consultation',
  'help',
  'suggestion',
  'criticism',
  'complaint',
  'report',
] as const;
export type MailboxCategory = (typeof mailboxCategories)[number];

export function isMailboxCategory(value: unknown): value is MailboxCategory {
  return typeof value === 'string' && (mailboxCategories as readonly string[]).includes(value);
}

/**
 * A work order as the 12345 centre sends it, by file import or by webhook, after parsing and
 * before it is stored. The order number is the centre's and identifies the order: receiving the
 * same number again changes nothing.
 */
export interface WorkOrderInput {
  /** The centre's order number (工单编号). */
  readonly externalNo: string;
  /** When the centre dispatched the order, an ISO 8601 instant. */
  readonly receivedAt: string;
  readonly category: MailboxCategory;
  readonly subject: string;
  /** The caller's request (诉求内容) as the centre wrote it down. */
  readonly request: string;
  readonly callerName?: string;
  readonly callerPhone?: string;
  /** The reply date the centre requires (要求办结时间), YYYY-MM-DD, when it sets one. */
  readonly requiredReplyDate?: string;
}

/** A writer's or caller's satisfaction as the callback (回访) records it. */
export const mailboxRatings = ['satisfied', 'basically_satisfied', 'dissatisfied'] as const;
export type MailboxRating = (typeof mailboxRatings)[number];

export function isMailboxRating(value: unknown): value is MailboxRating {
  return typeof value === 'string' && (mailboxRatings as readonly string[]).includes(value);
}

/**
 * The states of a case (docs/domain/mailbox-and-hotline.md#order-life): dispatched (派单) to the
 * agency, signed for (签收) or returned (退单), assigned to a unit, its reply drafted and approved
 * by the unit head, replied with the result fed back (办结反馈), and closed after the callback (回访).
 */
export const mailboxStatuses = [
  'dispatched',
  'signed_for',
  'returned',
  'assigned',
  'reply_drafted',
  'reply_approved',
  'replied',
  'closed',
] as const;
export type MailboxStatus = (typeof mailboxStatuses)[number];

export const mailboxEvents = [
  'sign_for',
  'return',
  'assign',
  'submit_reply',
  'approve_reply',
  'send_back',
  'reply',
  'record_callback',
  'redo',
  'extend',
] as const;
export type MailboxEvent = (typeof mailboxEvents)[number];

export function isMailboxEvent(value: unknown): value is MailboxEvent {
  return typeof value === 'string' && (mailboxEvents as readonly string[]).includes(value);
}

/** What a step asks for besides the role: why, a unit, the reply's text, a rating, a new date. */
export type MailboxNeed = 'reason' | 'unit' | 'reply_text' | 'rating' | 'date';
export type MailboxTransition = Transition<MailboxStatus, MailboxEvent, MailboxNeed>;

/** States in which the case still waits for its answer: the clock runs, reminders fall due. */
export const openMailboxStatuses: readonly MailboxStatus[] = [
  'dispatched',
  'signed_for',
  'assigned',
  'reply_drafted',
  'reply_approved',
];

/** States from which an extension may be asked for: the case is the agency's and not yet answered. */
const extendable: readonly MailboxStatus[] = ['signed_for', 'assigned', 'reply_drafted', 'reply_approved'];

/**
 * The workflow as data (platform/workflow/workflow-table.ts). The disclosure office signs for,
 * returns, assigns, sends the answer and records the callback; the unit drafts and its head
 * approves (the procedure has the department head sign off the 办结反馈). An extension keeps the
 * state and moves the due date (docs/domain/mailbox-and-hotline.md#limits).
 */
export const mailboxWorkflow: readonly MailboxTransition[] = [
  { from: 'dispatched', event: 'sign_for', to: 'signed_for', requires: 'disclosure_officer', needs: [] },
  { from: 'dispatched', event: 'return', to: 'returned', requires: 'disclosure_officer', needs: ['reason'] },
  { from: 'signed_for', event: 'assign', to: 'assigned', requires: 'disclosure_officer', needs: ['unit'] },
  { from: 'assigned', event: 'submit_reply', to: 'reply_drafted', requires: 'drafter', needs: ['reply_text'] },
  { from: 'reply_drafted', event: 'approve_reply', to: 'reply_approved', requires: 'unit_head', needs: [] },
  { from: 'reply_drafted', event: 'send_back', to: 'assigned', requires: 'unit_head', needs: ['reason'] },
  { from: 'reply_approved', event: 'reply', to: 'replied', requires: 'disclosure_officer', needs: [] },
  { from: 'replied', event: 'record_callback', to: 'closed', requires: 'disclosure_officer', needs: ['rating'] },
  { from: 'replied', event: 'redo', to: 'assigned', requires: 'disclosure_officer', needs: ['reason'] },
  ...extendable.map(
    (s): MailboxTransition => ({
      from: s,
      event: 'extend',
      to: s,
      requires: 'disclosure_officer',
      needs: ['reason', 'date'],
    }),
  ),
];

/** Why an extension is refused, or null: a new date after the current one, asked for while time remains. */
export function extensionProblem(
  dueDate: string,
  newDate: string | null | undefined,
  today: string,
): 'date_required' | 'limit_expired' | 'not_later' | null {
  if (!newDate || !/^\d{4}-\d{2}-\d{2}$/.test(newDate)) return 'date_required';
  if (today > dueDate) return 'limit_expired';
  if (newDate <= dueDate) return 'not_later';
  return null;
}
