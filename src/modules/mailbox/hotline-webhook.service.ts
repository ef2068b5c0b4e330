// The 12345 centre's webhook and its per-agency secret. A call is answered in this order: its
// headers are well formed (400), the agency takes calls (401), the signature is the secret's and
// the time fresh (401), the body is JSON (400) holding only good orders (422, nothing stored),
// its delivery id was not taken before (409), and then its orders are received through the
// mailbox's own service, idempotent on the order number (200 with the created and known numbers).
import type { Db } from '../../db/database.ts';
import type { AuditContext } from '../../platform/audit/audit.ts';
import { now as clockNow, nowIso } from '../../platform/clock.ts';
import type { PersonalDataVault } from '../../platform/crypto/personal-data.ts';
import { issue, NotFoundError, ValidationError } from '../../platform/errors.ts';
import { jsonDepth, MAX_JSON_DEPTH } from '../../platform/http/body-limits.ts';
import { textOf, type Text } from '../../platform/i18n/i18n.ts';
import { mutate } from '../../platform/mutation.ts';
import { organisationStore } from '../organisation/index.ts';
import type { WorkOrderInput } from './mailbox.ts';
import { hotlineWebhookStore as store } from './hotline-webhook.store.ts';
import { parseWorkOrderJson, type WorkOrderProblem } from './work-order-import.ts';
import {
  deliveryMemoryCutoff,
  generateWebhookSecret,
  MIN_WEBHOOK_SECRET_LENGTH,
  readSignedHeaders,
  replayRefusal,
  verifyWorkOrderCall,
  type HeaderBag,
  type WebhookRefusal,
} from './work-order-webhook.ts';

/** The mailbox's service that stores orders: one transaction, idempotent on the order number. */
export type ReceiveWorkOrders = (
  db: Db,
  ctx: AuditContext,
  agencyId: number,
  orders: readonly WorkOrderInput[],
) => Promise<{ created: string[]; known: string[] }>;

export interface WebhookAnswer {
  readonly status: number;
  readonly body:
    | { readonly received: number; readonly created: string[]; readonly known: string[] }
    | {
        readonly error: {
          readonly code: string;
          readonly message: Text;
          readonly problems?: readonly WorkOrderProblem[];
        };
      };
}

function refused(refusal: WebhookRefusal): WebhookAnswer {
  return { status: refusal.status, body: { error: { code: refusal.code, message: refusal.message } } };
}

/** A body of JSON, or null with the reason. Depth is bounded as the app's own JSON parser does. */
function parseBody(body: Buffer): { document: unknown } | { error: Text } {
  const text = body.toString('utf8');
  if (jsonDepth(text, MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
    return { error: textOf('error.json_too_deep', { max: MAX_JSON_DEPTH }) };
  try {
    return { document: JSON.parse(text) };
  } catch (error) {
    return { error: textOf('mailbox.import.error.json', { reason: (error as Error).message.slice(0, 200) }) };
  }
}

export function createHotlineWebhookService(vault: PersonalDataVault, receive: ReceiveWorkOrders) {
  return {
    /**
     * Sets the agency's secret: the one given (the centre may issue it), or a new one. Returns it
     * in clear this once, for the administrator to hand to the centre; it is stored sealed and
     * never shown again. The route has authorized the administrator on the agency.
     */
    async setSecret(
      db: Db,
      ctx: AuditContext,
      agencyId: number,
      input: { secret?: string | null },
      by: { updatedBy: number | null },
    ): Promise<{ secret: string }> {
      const given = input.secret?.trim() ?? '';
      if (given && (given.length < MIN_WEBHOOK_SECRET_LENGTH || !/^[\x21-\x7e]+$/.test(given)))
        throw new ValidationError([
          issue('secret', 'mailbox.webhook.error.secret_short', { min: MIN_WEBHOOK_SECRET_LENGTH }),
        ]);
      const secret = given || generateWebhookSecret();
      await mutate(db, ctx, async (trx, audit) => {
        const existing = await store.secret(trx, agencyId);
        await store.saveSecret(trx, agencyId, vault.encrypt(secret), by.updatedBy, nowIso());
        // The log says that the secret changed, never what it is.
        await audit({
          action: 'mailbox.webhook_secret',
          subjectType: 'agency',
          subjectId: agencyId,
          after: { replaced: Boolean(existing), generated: !given },
        });
      });
      return { secret };
    },

    /** Stops taking calls for the agency: its secret is deleted. */
    async removeSecret(db: Db, ctx: AuditContext, agencyId: number): Promise<void> {
      await mutate(db, ctx, async (trx, audit) => {
        if ((await store.removeSecret(trx, agencyId)) === 0) throw new NotFoundError();
        await audit({ action: 'mailbox.webhook_secret_removed', subjectType: 'agency', subjectId: agencyId });
      });
    },

    /** One call of the webhook, from its headers and raw body to the answer to send. */
    async receiveCall(db: Db, ctx: AuditContext, call: { headers: HeaderBag; body: Buffer }): Promise<WebhookAnswer> {
      const at = clockNow();
      const read = readSignedHeaders(call.headers);
      if (!read.ok) return refused(read);
      const agency = await organisationStore.agencyByCode(db, read.call.agencyCode);
      const row = agency ? await store.secret(db, agency.id) : undefined;
      if (!agency || !row)
        return { status: 401, body: { error: { code: 'agency', message: textOf('mailbox.webhook.error.agency') } } };
      const verified = verifyWorkOrderCall(read.call, call.body, vault.decrypt(row.secret_enc), at);
      if (!verified.ok) return refused(verified);

      const parsed = parseBody(call.body);
      if ('error' in parsed) return { status: 400, body: { error: { code: 'json', message: parsed.error } } };
      const file = parseWorkOrderJson(parsed.document, { now: at });
      if (file.problems.length)
        return {
          status: 422,
          body: {
            error: { code: 'invalid', message: textOf('mailbox.webhook.error.invalid'), problems: file.problems },
          },
        };

      const claimed = await store.claimDelivery(
        db,
        agency.id,
        read.call.deliveryId,
        at.toISOString(),
        deliveryMemoryCutoff(at),
      );
      if (!claimed) return refused(replayRefusal());
      try {
        const { created, known } = await receive(db, ctx, agency.id, file.orders);
        return { status: 200, body: { received: file.orders.length, created, known } };
      } catch (error) {
        // Nothing was stored: the centre may send the same delivery again.
        await store.releaseDelivery(db, agency.id, read.call.deliveryId);
        throw error;
      }
    },
  };
}

export type HotlineWebhookService = ReturnType<typeof createHotlineWebhookService>;
