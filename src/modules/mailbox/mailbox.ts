// The mayor's mailbox (市长信箱) and 12345 hotline work orders (工单): the codes every part of the
// module shares. Letters and work orders are one kind of case with two sources, because they go
// through the same handling, limits and figures (docs/domain/mailbox-and-hotline.md); a source
// only changes how a case arrives and who is told of the result.

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
