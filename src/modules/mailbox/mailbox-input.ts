// What the mailbox's services accept, and the problems of an input, in both languages. Pure.
import { issue, type ValidationIssue } from '../../platform/errors.ts';
import { isMailboxCategory, mailboxSources, type WorkOrderInput } from './mailbox.ts';

/** A letter as the portal's form (or a clerk typing a letter received on paper) gives it. */
export interface LetterInput {
  readonly agencyId: number;
  readonly category: string;
  readonly subject: string;
  readonly request: string;
  readonly name?: string | null;
  readonly phone?: string | null;
  readonly email?: string | null;
  /** The writer agrees that the letter and its reply may be published, personal data removed. */
  readonly consentToPublish?: boolean;
  /** The writer's name may be shown with the published letter. */
  readonly publishName?: boolean;
  /** When the letter arrived, an ISO instant; now when absent. */
  readonly receivedAt?: string;
}

export interface LimitInput {
  readonly source: string;
  readonly category: string;
  readonly workingDays: number;
  readonly sameDay: boolean;
}

export const MAX_SUBJECT_LENGTH = 200;
export const MAX_REQUEST_LENGTH = 10_000;
/** No configured limit may be longer than this many working days (the longest published is 15). */
export const MAX_LIMIT_WORKING_DAYS = 60;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function textIssues(subject: string | undefined, request: string | undefined, prefix = ''): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  const s = subject?.trim() ?? '';
  const r = request?.trim() ?? '';
  if (!s) issues.push(issue(`${prefix}subject`, 'mailbox.error.subject_required'));
  else if (s.length > MAX_SUBJECT_LENGTH) issues.push(issue(`${prefix}subject`, 'mailbox.error.too_long'));
  if (!r) issues.push(issue(`${prefix}request`, 'mailbox.error.request_required'));
  else if (r.length > MAX_REQUEST_LENGTH) issues.push(issue(`${prefix}request`, 'mailbox.error.too_long'));
  return issues;
}

function validInstant(value: string | undefined): boolean {
  return typeof value === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(value) && !Number.isNaN(Date.parse(value));
}

export function letterIssues(input: LetterInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!isMailboxCategory(input.category)) issues.push(issue('category', 'mailbox.error.category'));
  issues.push(...textIssues(input.subject, input.request));
  if (!input.phone?.trim() && !input.email?.trim()) issues.push(issue('phone', 'mailbox.error.contact_required'));
  if (input.email?.trim() && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(input.email.trim()))
    issues.push(issue('email', 'mailbox.error.email'));
  if (input.receivedAt !== undefined && !validInstant(input.receivedAt))
    issues.push(issue('received_at', 'mailbox.error.instant'));
  return issues;
}

/** The problems of the `index`-th order of a batch, each field named `orders.<index>.<field>`. */
export function orderIssues(order: WorkOrderInput, index: number): ValidationIssue[] {
  const p = `orders.${index}.`;
  const issues: ValidationIssue[] = [];
  const no = typeof order.externalNo === 'string' ? order.externalNo.trim() : '';
  if (!no || no.length > 64) issues.push(issue(`${p}externalNo`, 'mailbox.error.order_no'));
  if (!validInstant(order.receivedAt)) issues.push(issue(`${p}receivedAt`, 'mailbox.error.instant'));
  if (!isMailboxCategory(order.category)) issues.push(issue(`${p}category`, 'mailbox.error.category'));
  issues.push(...textIssues(order.subject, order.request, p));
  if (order.requiredReplyDate !== undefined && !DATE.test(order.requiredReplyDate))
    issues.push(issue(`${p}requiredReplyDate`, 'mailbox.error.date'));
  return issues;
}

export function limitIssues(input: LimitInput): ValidationIssue[] {
  const issues: ValidationIssue[] = [];
  if (!(mailboxSources as readonly string[]).includes(input.source))
    issues.push(issue('source', 'mailbox.error.source'));
  if (!isMailboxCategory(input.category)) issues.push(issue('category', 'mailbox.error.category'));
  if (
    !input.sameDay &&
    (!Number.isInteger(input.workingDays) || input.workingDays < 1 || input.workingDays > MAX_LIMIT_WORKING_DAYS)
  )
    issues.push(issue('working_days', 'mailbox.error.working_days', { max: MAX_LIMIT_WORKING_DAYS }));
  return issues;
}
