// Text messages go through the outbox like mail (outbox.ts): queued in the transaction of the change
// that wants them sent, claimed by the same compare-and-set, retried with the same backoff and given
// up after MAX_ATTEMPTS. What carries them is a pluggable gateway chosen by GONGKAI_SMS_GATEWAY:
// `log` (the default) writes a line to the server log — the number masked, the text in the outbox
// row — so a fresh installation sends nothing anywhere; `webhook` POSTs the message as JSON to the
// operator's SMS service (most Chinese SMS providers sit behind such a relay, with their own
// signature and template rules). The number is stored sealed and opened only to hand it over.
import type { Executor } from '../../db/database.ts';
import type { SmsConfig } from '../../config.ts';
import { now } from '../clock.ts';
import type { PersonalDataVault } from '../crypto/personal-data.ts';
import { deliverDue } from './outbox.ts';

export interface SmsMessage {
  /** The mobile number in clear, only ever in memory on its way to the gateway. */
  readonly to: string;
  readonly text: string;
}

export interface SmsGateway {
  /** Recorded with each message sent (sms_outbox.gateway). */
  readonly name: string;
  send(message: SmsMessage): Promise<void>;
}

/** 138****5678: enough for an operator to recognise a number, not to dial it. */
export function maskPhone(phone: string): string {
  return phone.length >= 7 ? `${phone.slice(0, 3)}****${phone.slice(-4)}` : '****';
}

/** A mainland mobile number (11 digits starting 1), after removing spaces, dashes and +86. */
export function mobileNumber(raw: string | null | undefined): string | null {
  const digits = (raw ?? '').replace(/[\s\-()]/g, '').replace(/^(\+?86)/, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : null;
}

/** The default: each message becomes a log line (masked number, length) and stays in the outbox. */
export function loggingGateway(log: (entry: object, message: string) => void): SmsGateway {
  return {
    name: 'log',
    async send(message) {
      log({ to: maskPhone(message.to), chars: message.text.length }, 'sms (logging gateway, not sent)');
    },
  };
}

/** POSTs {to, text} as JSON to the operator's relay, with a bearer token when one is set. */
export function webhookGateway(
  url: string,
  token: string | undefined,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 15_000,
): SmsGateway {
  return {
    name: 'webhook',
    async send(message) {
      const response = await fetchImpl(url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ to: message.to, text: message.text }),
        signal: AbortSignal.timeout(timeoutMs),
      });
      // The body is read (and dropped) so that the connection is released.
      await response.arrayBuffer().catch(() => undefined);
      if (!response.ok) throw new Error(`SMS gateway answered ${response.status}`);
    },
  };
}

/** The gateway the configuration names. */
export function smsGateway(config: SmsConfig, log: (entry: object, message: string) => void): SmsGateway {
  return config.gateway === 'webhook' ? webhookGateway(config.url, config.token) : loggingGateway(log);
}

export interface OutgoingSms {
  /** The number as the vault sealed it (an applicant's stored phone_enc can be passed as it is). */
  readonly phoneSealed: string;
  readonly text: string;
  readonly dedupeKey?: string;
}

/** Adds a message to the outbox; false when one with the same dedupe key is already there. */
export async function enqueueSms(db: Executor, sms: OutgoingSms): Promise<boolean> {
  const at = now().toISOString();
  const result = await db
    .insertInto('sms_outbox')
    .values({
      dedupe_key: sms.dedupeKey ?? null,
      phone_enc: sms.phoneSealed,
      body_text: sms.text,
      status: 'pending',
      attempts: 0,
      next_attempt_at: at,
      last_error: null,
      gateway: null,
      created_at: at,
      sent_at: null,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) === 1;
}

/** Hands every due message to the gateway (at most `limit`), with the mail outbox's retry rules. */
export async function sendPendingSms(
  db: Executor,
  gateway: SmsGateway,
  vault: PersonalDataVault,
  options: { limit?: number } = {},
): Promise<{ sent: number[]; failed: { id: number; error: string }[] }> {
  const run = { sent: [] as number[], failed: [] as { id: number; error: string }[] };
  const due = await db
    .selectFrom('sms_outbox')
    .selectAll()
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now().toISOString())
    .orderBy('next_attempt_at')
    .orderBy('id')
    .limit(options.limit ?? 100)
    .execute();
  for (const row of due) {
    const sent = await deliverDue(db, 'sms_outbox', row, run, async () => {
      const to = vault.open(row.phone_enc);
      if (!to) throw new Error('no number');
      await gateway.send({ to, text: row.body_text });
    });
    // Which gateway took it, for the operator reading the outbox.
    if (sent) await db.updateTable('sms_outbox').set({ gateway: gateway.name }).where('id', '=', row.id).execute();
  }
  return run;
}
