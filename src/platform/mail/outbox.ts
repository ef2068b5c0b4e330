// Outgoing mail goes through an outbox table, written in the same transaction as the change that
// wants it sent, so that nothing is lost when the mail server is down or the process dies: a
// sender delivers what is due and, on failure, keeps the row for a later attempt with an
// exponential backoff, until it gives up after MAX_ATTEMPTS (status failed, last error kept).
// Several senders may run at once (server processes, the CLI): a row is claimed by a
// compare-and-set on its next-attempt time before it is sent (claimDue, which the channel outbox
// uses too, so that both queues share one retry policy).
import type { Generated } from 'kysely';
import type { Database, Executor } from '../../db/database.ts';
import { now } from '../clock.ts';
import type { MailOutboxRow } from './mail.table.ts';

export interface OutgoingMail {
  readonly to: readonly string[];
  readonly subject: string;
  readonly text: string;
  /** When set, a second enqueue with the same key is ignored (idempotent jobs). */
  readonly dedupeKey?: string;
}

export interface MailMessage {
  readonly to: string;
  readonly subject: string;
  readonly text: string;
}

/** What actually talks to the mail server (smtp.ts), or a test double. */
export interface MailTransport {
  send(message: MailMessage): Promise<void>;
}

export const MAX_ATTEMPTS = 10;
/** How long a claimed row is held before another sender may retry it (a sender that died). */
const CLAIM_MS = 5 * 60_000;

/** 1 min, 2, 4, … capped at 6 hours: a server down for a day is retried a handful of times. */
export function backoffMs(attempts: number): number {
  return Math.min(60_000 * 2 ** Math.max(attempts - 1, 0), 6 * 3600_000);
}

/** The outbox tables (mail, channels): those whose rows have a status and a next-attempt time. */
export type OutboxTable = {
  [T in keyof Database]: Database[T] extends { id: Generated<number>; status: string; next_attempt_at: string }
    ? T
    : never;
}[keyof Database];

/**
 * Claims a due row read by a sender: moves its next-attempt time CLAIM_MS ahead, but only if it is
 * still pending with the attempt time that was read. Another sender that read the same row loses
 * the compare-and-set and skips it; a sender that dies leaves the claim to expire, and the row is
 * sent again (at least once). False when the row was claimed, sent or retried meanwhile.
 */
export async function claimDue(
  db: Executor,
  table: OutboxTable,
  row: { readonly id: number; readonly next_attempt_at: string },
): Promise<boolean> {
  const claimed = await db
    .updateTable(table)
    .set({ next_attempt_at: new Date(now().getTime() + CLAIM_MS).toISOString() })
    .where('id', '=', row.id)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '=', row.next_attempt_at)
    .executeTakeFirst();
  return Number(claimed.numUpdatedRows) === 1;
}

/** Adds a mail to the outbox; false when a mail with the same dedupe key is already there. */
export async function enqueueMail(db: Executor, mail: OutgoingMail): Promise<boolean> {
  if (mail.to.length === 0) return false;
  const at = now().toISOString();
  const result = await db
    .insertInto('mail_outbox')
    .values({
      dedupe_key: mail.dedupeKey ?? null,
      to_address: mail.to.join(', '),
      subject: mail.subject,
      body_text: mail.text,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

export interface SendRun {
  readonly sent: number[];
  readonly failed: { id: number; error: string }[];
}

/** The outboxes whose rows are handed to a transport one by one (mail, SMS). */
type DeliveryTable = 'mail_outbox' | 'sms_outbox';

/**
 * Hands one due row to its transport, if this sender wins the claim: then marks it sent, or
 * records the error and the next attempt (backoff) until MAX_ATTEMPTS, when it is failed. True
 * when sent. Mail and SMS share it, so both follow the same at-least-once and retry rules.
 */
export async function deliverDue(
  db: Executor,
  table: DeliveryTable,
  row: { readonly id: number; readonly attempts: number; readonly next_attempt_at: string },
  run: SendRun,
  send: () => Promise<void>,
): Promise<boolean> {
  if (!(await claimDue(db, table, row))) return false;
  const attempts = row.attempts + 1;
  try {
    await send();
    await db
      .updateTable(table)
      .set({ status: 'sent', attempts, sent_at: now().toISOString(), last_error: null })
      .where('id', '=', row.id)
      .execute();
    run.sent.push(row.id);
    return true;
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 500);
    await db
      .updateTable(table)
      .set({
        status: attempts >= MAX_ATTEMPTS ? 'failed' : 'pending',
        attempts,
        last_error: message,
        next_attempt_at: new Date(now().getTime() + backoffMs(attempts)).toISOString(),
      })
      .where('id', '=', row.id)
      .execute();
    run.failed.push({ id: row.id, error: message });
    return false;
  }
}

/** Sends every pending mail whose time has come (at most `limit`). */
export async function sendPending(
  db: Executor,
  transport: MailTransport,
  options: { limit?: number } = {},
): Promise<SendRun> {
  const run: SendRun = { sent: [], failed: [] };
  const start = now();
  const due: MailOutboxRow[] = await db
    .selectFrom('mail_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', start.toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute();
  for (const row of due)
    await deliverDue(db, 'mail_outbox', row, run, () =>
      transport.send({ to: row.to_address, subject: row.subject, text: row.body_text }),
    );
  return run;
}
