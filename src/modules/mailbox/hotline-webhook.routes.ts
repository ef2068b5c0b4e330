// POST /api/hotline/work-orders: the 12345 centre sends work orders here. The route is public and
// authenticates each call itself (an HMAC signature with the agency's secret, a fresh timestamp
// and a delivery id taken once: work-order-webhook.ts), so it has no session and no CSRF token
// (config.signedCalls). The signature covers the bytes as sent, so this plugin reads a JSON body
// as raw bytes; the app's parser, which would hand over a re-serialisable object, stays outside it.
import type { FastifyInstance } from 'fastify';
import { jsonDepth, MAX_JSON_DEPTH } from '../../platform/http/body-limits.ts';
import { AppError } from '../../platform/errors.ts';
import { textOf } from '../../platform/i18n/i18n.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { createMailboxService } from './mailbox.service.ts';
import { createHotlineWebhookService } from './hotline-webhook.service.ts';

/** A call carries a handful of orders; a day's backlog fits well within this. */
const BODY_LIMIT = 5 * 1024 * 1024;

export function hotlineWebhookServiceOf(app: FastifyInstance) {
  const { config } = app.deps;
  const vault = createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
  const mailbox = createMailboxService(vault);
  return createHotlineWebhookService(vault, (db, ctx, agencyId, orders) =>
    mailbox.receiveWorkOrders(db, ctx, agencyId, orders),
  );
}

export async function hotlineWebhookRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const service = hotlineWebhookServiceOf(app);
  // JSON only, as bytes: a form or multipart body is answered 415 before anything reads it.
  app.removeAllContentTypeParsers();
  // Too deep a body is refused here, before the signature is looked at, as on every other route.
  app.addContentTypeParser('application/json', { parseAs: 'buffer', bodyLimit: BODY_LIMIT }, (_req, body, done) => {
    if (jsonDepth((body as Buffer).toString('utf8'), MAX_JSON_DEPTH) > MAX_JSON_DEPTH)
      return done(new AppError(400, 'too_deep', textOf('error.json_too_deep', { max: MAX_JSON_DEPTH })), undefined);
    done(null, body);
  });

  app.post(
    '/api/hotline/work-orders',
    {
      bodyLimit: BODY_LIMIT,
      config: { public: true, signedCalls: true, rateLimit: { max: 120, timeWindow: '1 minute' } },
    },
    async (req, reply) => {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const answer = await service.receiveCall(db, req.auditContext(), { headers: req.headers, body });
      return reply.code(answer.status).type('application/json; charset=utf-8').send(answer.body);
    },
  );
}
