import type { Generated, Selectable } from 'kysely';

export interface MailOutboxTable {
  id: Generated<number>;
  /** Unique when set: the same reminder is enqueued once however often the job runs. */
  dedupe_key: string | null;
  to_address: string;
  subject: string;
  body_text: string;
  /** pending | sent | failed (failed = gave up after the last attempt). */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export type MailOutboxRow = Selectable<MailOutboxTable>;

/** Text messages, beside the mails and with the same retry rules (sms.ts). */
export interface SmsOutboxTable {
  id: Generated<number>;
  /** Unique when set: the message about one event is queued once. */
  dedupe_key: string | null;
  /** The mobile number, sealed by the personal-data vault; opened only to hand it to the gateway. */
  phone_enc: string;
  body_text: string;
  /** pending | sent | failed */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  last_error: string | null;
  /** The gateway that took it (log, webhook), once sent. */
  gateway: string | null;
  created_at: string;
  sent_at: string | null;
}

export type SmsOutboxRow = Selectable<SmsOutboxTable>;
