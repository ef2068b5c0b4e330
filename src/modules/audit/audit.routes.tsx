// The audit log for the audit administrator: newest first, filterable, with a live check of
// the hash chain (incremental: only events new since the last check are re-hashed) against the
// anchors outside the database; and the job that anchors the chain's head (ADR 0016).
import type { FastifyInstance } from 'fastify';
import { auditIntegrity, type AuditIntegrity } from '../../platform/audit/integrity.ts';
import type { BackgroundJob } from '../../platform/http/background-job.ts';
import type { AppDeps } from '../../platform/http/server.tsx';
import { presentAuditEvent } from './audit.presenter.ts';
import { AuditLogPage } from './views/audit-log-page.tsx';
import { auditLog } from '../../platform/audit/audit-log.ts';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { labelledAuditActions } from '../../platform/audit/labels.ts';
import { pick } from '../../platform/i18n/i18n.ts';

const PAGE = 50;

// One per application: the page's incremental check trusts what the anchor job's full check verified.
const integrities = new WeakMap<AppDeps, AuditIntegrity>();
function integrityOf(deps: AppDeps): AuditIntegrity {
  let integrity = integrities.get(deps);
  if (!integrity) integrities.set(deps, (integrity = auditIntegrity(deps.config, deps.database)));
  return integrity;
}

/** Anchors the chain's head outside the database, periodically while the server runs. */
export function auditAnchorJob(app: FastifyInstance): BackgroundJob {
  const { database, config } = app.deps;
  const db = database.db;
  const integrity = integrityOf(app.deps);
  return {
    name: 'audit anchor',
    intervalMs: config.auditAnchorMinutes * 60_000,
    runOnListen: true,
    run: async () => {
      const run = await integrity.anchor(db, { mail: Boolean(config.smtp) });
      // The system log is the second place the head is kept: one line per anchor.
      if (!run.verification.ok) {
        app.log.error({ auditTampering: run.verification.finding }, 'audit chain broken: not anchored');
        return undefined;
      }
      return run.anchored || run.mailed
        ? { auditAnchor: { ...(run.anchored ?? {}), file: integrity.anchors.file, mailed: run.mailed } }
        : undefined;
    },
  };
}

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const integrity = integrityOf(app.deps);

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/audit',
    {
      config: { policy: 'audit.read' },
      schema: { querystring: Type.Object({ before: Text, action: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const query = req.query;
      const before = query.before && /^\d+$/.test(query.before) ? Number(query.before) : undefined;
      const action = query.action?.trim().slice(0, 60) || undefined;
      const rows = await auditLog.events(db, { before, actionPrefix: action, limit: PAGE + 1 });
      const verification = await integrity.verify(db);
      const ctx = reply.view();
      const collator = new Intl.Collator(ctx.locale === 'en' ? 'en' : 'zh-CN');
      const actions = labelledAuditActions()
        .map(([code, text]) => [code, pick(ctx.locale, text)] as const)
        .sort((a, b) => collator.compare(a[1], b[1]));
      return reply.page(
        <AuditLogPage
          ctx={ctx}
          actions={actions}
          events={rows.slice(0, PAGE).map((row) => presentAuditEvent(row, ctx.locale))}
          olderThan={rows.length > PAGE ? rows[PAGE - 1]!.seq : undefined}
          action={action}
          verification={verification}
          anchor={integrity.anchors.latest()}
        />,
      );
    },
  );
}
