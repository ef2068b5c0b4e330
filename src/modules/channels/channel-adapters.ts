// Adapters deliver an outbox entry to a channel the platform does not serve itself (Weibo,
// WeChat). Each is a key and a send function; an agency's endpoint names its adapter and carries
// its settings. The platform ships one: a generic signed webhook, which posts the entry as JSON
// to a URL with an HMAC-SHA256 signature of the exact body, so that a gateway run by the agency
// (or the platform vendor's Weibo/WeChat bridge) can check that the post came from here. A
// vendor-specific adapter registers itself the same way.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** What is published: fixed when the entry is queued. */
export interface ChannelPayload {
  readonly itemId: number;
  readonly versionId: number;
  readonly indexNumber: string;
  readonly title: string;
  readonly summary: string | null;
  readonly publicationDate: string | null;
  /** The item's page on the portal: a path, and the full address when GONGKAI_PUBLIC_URL is set. */
  readonly path: string;
  readonly url: string | null;
  readonly agency: string;
}

export interface Delivery {
  /** The outbox row's id: the receiver's idempotency key (a retry after a lost answer repeats it). */
  readonly deliveryId: number;
  readonly channel: string;
  readonly payload: ChannelPayload;
}

export interface EndpointSettings {
  readonly url: string;
  readonly secret: string;
}

export interface ChannelAdapter {
  readonly key: string;
  /** Resolves when the channel accepted the post; throws with a short reason otherwise. */
  send(delivery: Delivery, endpoint: EndpointSettings, options: { timeoutMs: number; now: Date }): Promise<void>;
}

export const SIGNATURE_HEADER = 'x-gongkai-signature';
export const DELIVERY_HEADER = 'x-gongkai-delivery';

/** `sha256=<hex>` of HMAC-SHA256(secret, body) — the value of the signature header. */
export function signBody(secret: string, body: string): string {
  return `sha256=${createHmac('sha256', secret).update(body, 'utf8').digest('hex')}`;
}

/** What a receiver does: recompute and compare in constant time. */
export function verifySignature(secret: string, body: string, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(secret, body));
  const given = Buffer.from(header);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export const signedWebhook: ChannelAdapter = {
  key: 'signed_webhook',
  async send(delivery, endpoint, { timeoutMs, now }) {
    // The timestamp is inside the signed body, so a receiver can refuse old replays.
    const body = JSON.stringify({
      delivery: delivery.deliveryId,
      channel: delivery.channel,
      sentAt: now.toISOString(),
      item: delivery.payload,
    });
    let response: Response;
    try {
      response = await fetch(endpoint.url, {
        method: 'POST',
        headers: {
          'content-type': 'application/json; charset=utf-8',
          [SIGNATURE_HEADER]: signBody(endpoint.secret, body),
          [DELIVERY_HEADER]: String(delivery.deliveryId),
        },
        body,
        redirect: 'error',
        signal: AbortSignal.timeout(timeoutMs),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string } }).cause?.code;
      throw new Error(
        `could not reach ${new URL(endpoint.url).host}${cause ? ` (${cause})` : ''}: ${(error as Error).message}`,
      );
    }
    // The answer is read (and dropped) so that the connection is released.
    const text = (await response.text()).slice(0, 200);
    if (!response.ok) throw new Error(`HTTP ${response.status}${text ? `: ${text}` : ''}`);
  },
};

const adapters = new Map<string, ChannelAdapter>([[signedWebhook.key, signedWebhook]]);

export function registerChannelAdapter(adapter: ChannelAdapter): void {
  adapters.set(adapter.key, adapter);
}

export function channelAdapter(key: string): ChannelAdapter | undefined {
  return adapters.get(key);
}

export function adapterKeys(): string[] {
  return [...adapters.keys()];
}

/** The channels delivered through an outbox; the others are recorded by hand (channels.service). */
export const outboxChannels = ['weibo', 'wechat'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];

export function isOutboxChannel(value: unknown): value is OutboxChannel {
  return typeof value === 'string' && (outboxChannels as readonly string[]).includes(value);
}

/**
 * An endpoint URL: https, or http to this machine only (a local gateway). Secrets are not sent
 * over plain HTTP across a network. Returns the problem, or null.
 */
export function endpointUrlProblem(raw: string): 'invalid' | 'insecure' | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'invalid';
  }
  if (url.username || url.password) return 'invalid';
  if (url.protocol === 'https:') return null;
  if (url.protocol === 'http:' && ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname)) return null;
  return url.protocol === 'http:' ? 'insecure' : 'invalid';
}
