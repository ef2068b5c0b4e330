// Assembles the HTTP application from the platform and the modules (src/composition.ts).
import { version } from './version.ts';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connect.ts';
import { ping } from './db/connect.ts';
import { createServer } from './platform/http/server.tsx';
import { configureAudit } from './platform/audit/audit.ts';
import { resolveAuditKey } from './platform/crypto/keys.ts';
import { openApiDocument } from './platform/http/openapi.ts';
import { mountModules } from './composition.ts';

export { version };

export async function buildApp(
  config: Config,
  database: DatabaseHandle,
  logger: boolean | object = true,
): Promise<FastifyInstance> {
  configureAudit({ algorithm: config.auditHash, key: resolveAuditKey(config) });
  const app = await createServer({ config, database, version }, logger);

  app.get('/healthz', { config: { public: true } }, async (_req, reply) => {
    try {
      await ping(database);
      return { status: 'ok', database: database.dialect, version };
    } catch {
      return reply.code(503).send({ status: 'error', database: database.dialect, version });
    }
  });
  app.get('/api/v1/openapi.json', { config: { public: true } }, async () => openApiDocument(app, version));

  await mountModules(app);
  return app;
}
