// Assembles the HTTP application from the platform and the modules.
import { version } from './version.ts';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { DatabaseHandle } from './db/connect.ts';
import { ping } from './db/connect.ts';
import { createServer } from './platform/http/server.tsx';
import { configureAudit } from './platform/audit/audit.ts';
import { resolveAuditKey } from './platform/crypto/keys.ts';
import { openApiDocument } from './platform/http/openapi.ts';
import { accountRoutes } from './modules/account/account.routes.tsx';
import { organisationRoutes } from './modules/organisation/organisation.routes.tsx';
import { auditRoutes } from './modules/audit/audit.routes.tsx';
import { personalDataAuditRoutes } from './modules/audit/personal-data.routes.tsx';
import { calendarRoutes } from './modules/calendar/calendar.routes.tsx';
import { publishingRoutes } from './modules/publishing/publishing.routes.tsx';
import { applicationRoutes } from './modules/applications/applications.routes.tsx';
import { portalRoutes } from './modules/portal/portal.routes.tsx';
import { reconsiderationRoutes } from './modules/reconsideration/reconsideration.routes.tsx';
import { reportRoutes } from './modules/reports/reports.routes.tsx';
import { dashboardRoutes } from './modules/dashboard/dashboard.routes.tsx';
import { powerCatalogRoutes } from './modules/power-catalog/power-catalog.routes.tsx';
import { channelRoutes } from './modules/channels/channels.routes.tsx';
import { taskRoutes } from './modules/tasks/tasks.routes.tsx';
import { searchRoutes } from './modules/search/search.routes.ts';

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

  await app.register(accountRoutes);
  await app.register(organisationRoutes);
  await app.register(auditRoutes);
  await app.register(personalDataAuditRoutes);
  await app.register(calendarRoutes);
  await app.register(publishingRoutes);
  await app.register(applicationRoutes);
  await app.register(portalRoutes);
  await app.register(reconsiderationRoutes);
  await app.register(reportRoutes);
  await app.register(dashboardRoutes);
  await app.register(powerCatalogRoutes);
  await app.register(channelRoutes);
  await app.register(taskRoutes);
  await app.register(searchRoutes);
  return app;
}
