import type { Generated, Selectable } from 'kysely';
import type { StatusHistoryColumns } from '../../platform/workflow/workflow.table.ts';

/** A letter or a work order (docs/domain/mailbox-and-hotline.md); a versioned document whose versions are its replies. */
export interface MailboxCaseTable {
  id: Generated<number>;
  agency_id: number;
  /** letter | hotline (mailboxSources). */
  source: string;
  /** The 12345 centre's order number; null for a letter. Unique per agency and source. */
  external_no: string | null;
  /** The code a letter's writer follows it with; null for a work order. */
  tracking_code: string | null;
  category: string;
  subject: string;
  request_text: string;
  /** Sealed by the personal-data vault; null when not given. */
  writer_name_enc: string | null;
  writer_phone_enc: string | null;
  writer_email_enc: string | null;
  /** 1: the writer agreed that the letter and its reply may be published (留言选登). */
  consent_to_publish: Generated<number>;
  /** 1: the writer's name may be shown with a published letter. */
  publish_name: Generated<number>;
  received_at: string;
  /** The China date of received_at, from which the limit counts. */
  received_on: string;
  /** The date the reply is due now (after extensions); stored so overdue is a query. */
  due_date: string;
  /** The due date as first computed, before any extension. */
  original_due_date: string;
  /** The limit the case was received under, in working days (0 with limit_same_day); null when the centre set the date. */
  limit_working_days: Generated<number | null>;
  /** 1: due the day of receipt. */
  limit_same_day: Generated<number | null>;
  /** The reply date the 12345 centre requires (要求办结时间), when it set one. */
  required_reply_date: string | null;
  status: string;
  assigned_unit_id: number | null;
  /** satisfied | basically_satisfied | dissatisfied; null until the callback. */
  rating: string | null;
  rating_comment: string | null;
  rated_on: string | null;
  /** The day the answer was sent and the result fed back. */
  replied_on: string | null;
  /** The disclosure application a letter asking for information became (Art. 29). */
  application_id: number | null;
  current_version_id: number | null;
  created_at: string;
  updated_at: string;
}

export interface MailboxReplyVersionTable {
  id: Generated<number>;
  case_id: number;
  version_no: number;
  body: string;
  created_by: number | null;
  created_at: string;
}

export interface MailboxStatusHistoryTable extends StatusHistoryColumns {
  case_id: number;
}

/** An extension granted (延期): the due date moved from one date to a later one, and why. */
export interface MailboxExtensionTable {
  id: Generated<number>;
  case_id: number;
  asked_on: string;
  from_date: string;
  to_date: string;
  reason: string;
  actor_user_id: number | null;
  created_at: string;
}

/** A limit an agency sets for one source and category, replacing the default. */
export interface MailboxLimitTable {
  id: Generated<number>;
  agency_id: number;
  source: string;
  category: string;
  working_days: number;
  /** 1: due the day it is received (working_days is then 0). */
  same_day: Generated<number>;
  updated_at: string;
}

/** Which unit handles a category, so that a signed-for case is assigned without choosing. */
export interface MailboxRoutingRuleTable {
  id: Generated<number>;
  agency_id: number;
  category: string;
  unit_id: number;
  updated_at: string;
}

/** A reminder (催办), escalation to the leader in charge or bulletin entry (通报), once per case and kind. */
export interface MailboxEscalationTable {
  id: Generated<number>;
  case_id: number;
  /** reminder | escalation | bulletin. */
  kind: string;
  /** The day it fell due. */
  due_on: string;
  created_at: string;
}

export type MailboxCaseRow = Selectable<MailboxCaseTable>;
export type MailboxReplyVersionRow = Selectable<MailboxReplyVersionTable>;
export type MailboxStatusRow = Selectable<MailboxStatusHistoryTable>;
export type MailboxLimitRow = Selectable<MailboxLimitTable>;
export type MailboxRoutingRuleRow = Selectable<MailboxRoutingRuleTable>;
export type MailboxEscalationRow = Selectable<MailboxEscalationTable>;
export type MailboxExtensionRow = Selectable<MailboxExtensionTable>;
