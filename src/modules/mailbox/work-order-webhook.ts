// The signature of the 12345 centre's webhook, `POST /api/hotline/work-orders`, as pure functions:
// the route reads the headers and the raw body, looks up the agency's secret and the deliveries
// already seen, and asks these functions whether to take the call.
//
// The centre sends four headers:
//   X-Gongkai-Agency     the receiving agency's code (which secret to check against)
//   X-Gongkai-Timestamp  when it signed, in Unix seconds
//   X-Gongkai-Delivery   its id for this delivery, unique per call (1–100 of A–Z a–z 0–9 . _ : -)
//   X-Gongkai-Signature  sha256=<hex of HMAC-SHA256(secret, "<timestamp>.<delivery>.<raw body>")>
// The timestamp and the delivery id are signed with the body: a captured call cannot be replayed
// with a new time, and cannot be replayed under a new delivery id to pass the replay check. A
// call more than five minutes from the server's clock is refused, and a delivery id is kept for
// longer than that window, so a call can be played again neither late nor within the window.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { textOf, type Text } from '../../platform/i18n/i18n.ts';

export const webhookHeaders = {
  agency: 'x-gongkai-agency',
  timestamp: 'x-gongkai-timestamp',
  delivery: 'x-gongkai-delivery',
  signature: 'x-gongkai-signature',
} as const;

/** How far the sender's clock may be from ours, either way, in seconds. */
export const WEBHOOK_WINDOW_SECONDS = 300;

/** A delivery id is remembered this long: past the window, its call is refused as stale anyway. */
export const DELIVERY_MEMORY_SECONDS = 2 * WEBHOOK_WINDOW_SECONDS;

/** The shortest secret accepted, in characters; a generated one has 43. */
export const MIN_WEBHOOK_SECRET_LENGTH = 32;

const DELIVERY_ID = /^[A-Za-z0-9._:-]{1,100}$/;

/** A new shared secret for an agency: 32 random bytes, base64url. */
export function generateWebhookSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** The value of X-Gongkai-Signature for a call (what the centre computes, and what we expect). */
export function signWorkOrderCall(
  secret: string,
  timestamp: string,
  deliveryId: string,
  body: string | Buffer,
): string {
  const hmac = createHmac('sha256', secret);
  hmac.update(`${timestamp}.${deliveryId}.`, 'utf8');
  hmac.update(body);
  return `sha256=${hmac.digest('hex')}`;
}

/** Compares in constant time, so the answer's timing tells nothing of how much of it matched. */
export function sameSignature(expected: string, given: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(given, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}

export type HeaderBag = Readonly<Record<string, string | string[] | undefined>>;

function header(headers: HeaderBag, name: string): string {
  const value = headers[name];
  return (Array.isArray(value) ? value[0] : value)?.trim() ?? '';
}

export interface WebhookRefusal {
  readonly ok: false;
  /** 400 for a malformed call, 401 for one that does not prove itself, 409 for a replay. */
  readonly status: 400 | 401 | 409;
  readonly code: 'headers' | 'timestamp' | 'delivery' | 'signature' | 'stale' | 'replay' | 'agency';
  readonly message: Text;
}

export interface SignedCall {
  readonly agencyCode: string;
  readonly timestamp: number;
  readonly deliveryId: string;
}

/** The headers a call must carry, read before any secret is looked up. */
export function readSignedHeaders(
  headers: HeaderBag,
): { ok: true; call: SignedCall & { signature: string } } | WebhookRefusal {
  const values = {
    agency: header(headers, webhookHeaders.agency),
    timestamp: header(headers, webhookHeaders.timestamp),
    delivery: header(headers, webhookHeaders.delivery),
    signature: header(headers, webhookHeaders.signature),
  };
  const missing = (Object.keys(values) as (keyof typeof values)[])
    .filter((k) => !values[k])
    .map((k) => webhookHeaders[k]);
  if (missing.length)
    return refuse(400, 'headers', textOf('mailbox.webhook.error.headers', { headers: missing.join(', ') }));
  if (!/^\d{9,11}$/.test(values.timestamp)) return refuse(400, 'timestamp', textOf('mailbox.webhook.error.timestamp'));
  if (!DELIVERY_ID.test(values.delivery)) return refuse(400, 'delivery', textOf('mailbox.webhook.error.delivery'));
  return {
    ok: true,
    call: {
      agencyCode: values.agency,
      timestamp: Number(values.timestamp),
      deliveryId: values.delivery,
      signature: values.signature,
    },
  };
}

function refuse(status: WebhookRefusal['status'], code: WebhookRefusal['code'], message: Text): WebhookRefusal {
  return { ok: false, status, code, message };
}

/**
 * Whether a call proves it comes from the holder of the secret and is fresh. The signature is
 * checked first: a caller without the secret learns nothing about the clock. The replay check
 * needs the store and comes after (`isReplay`).
 */
export function verifyWorkOrderCall(
  call: SignedCall & { readonly signature: string },
  body: string | Buffer,
  secret: string,
  now: Date,
): { ok: true } | WebhookRefusal {
  const expected = signWorkOrderCall(secret, String(call.timestamp), call.deliveryId, body);
  if (!sameSignature(expected, call.signature.toLowerCase()))
    return refuse(401, 'signature', textOf('mailbox.webhook.error.signature'));
  const skew = Math.abs(now.getTime() / 1000 - call.timestamp);
  if (skew > WEBHOOK_WINDOW_SECONDS)
    return refuse(401, 'stale', textOf('mailbox.webhook.error.stale', { seconds: WEBHOOK_WINDOW_SECONDS }));
  return { ok: true };
}

/** The refusal of a delivery id already taken within its memory. */
export function replayRefusal(): WebhookRefusal {
  return refuse(409, 'replay', textOf('mailbox.webhook.error.replay'));
}

/** Delivery ids recorded before this instant may be forgotten: any call bearing them is stale. */
export function deliveryMemoryCutoff(now: Date): string {
  return new Date(now.getTime() - DELIVERY_MEMORY_SECONDS * 1000).toISOString();
}
