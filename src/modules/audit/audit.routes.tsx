// The audit log for the audit administrator: newest first, filterable, with a live check of
// the hash chain (incremental: only events new since the last check are re-hashed) against the
// anchors outside the database; and the job that anchors the chain's head (ADR 0016).
import type { FastifyInstance } from 'fastify';
import { registerNav } from '../../platform/views/navigation.ts';
import { defineMessages } from '../../platform/i18n/i18n.ts';
import { auditIntegrity } from '../../platform/audit/integrity.ts';
import { runInBackground } from '../../platform/http/background-job.ts';
import './audit.policy.ts';
import { AuditLogPage } from './views/audit-log-page.tsx';
import { auditStore } from './audit.store.ts';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';

defineMessages({
  'audit.title': { zh: '审计日志', en: 'Audit log' },
  'audit.when': { zh: '时间', en: 'When' },
  'audit.who': { zh: '操作人', en: 'Who' },
  'audit.ip': { zh: 'IP 地址', en: 'IP address' },
  'audit.action': { zh: '操作', en: 'Action' },
  'audit.subject': { zh: '对象', en: 'Subject' },
  'audit.details': { zh: '变更内容', en: 'Change' },
  'audit.filter_action': { zh: '按操作筛选', en: 'Filter by action' },
  'audit.filter': { zh: '筛选', en: 'Filter' },
  'audit.chain_ok': {
    zh: '哈希链完整：已校验 {count} 条记录，未发现篡改。',
    en: 'Hash chain intact: {count} events checked, no tampering found.',
  },
  'audit.chain_broken': {
    zh: '哈希链校验失败：第 {seq} 条记录（{kind}）。{detail}',
    en: 'Hash chain broken at event {seq} ({kind}). {detail}',
  },
  'audit.anchor_latest': {
    zh: '最近一次锚定：第 {seq} 条记录，{at}（锚点保存在数据库之外）。',
    en: 'Latest anchor: event {seq}, {at} (kept outside the database).',
  },
  'audit.anchor_none': {
    zh: '尚未锚定：服务器运行后会定期把日志末条记录的哈希写入数据库之外的锚点文件。',
    en: 'Not anchored yet: once the server runs it periodically writes the head of the log to an anchor file outside the database.',
  },
  'audit.older': { zh: '更早的记录', en: 'Older events' },
  'audit.empty': { zh: '没有符合条件的记录。', en: 'No events match.' },
  'nav.audit_hint': { zh: '查看和校验全部操作记录', en: 'Read and verify every recorded action' },
  'nav.organisation_hint': { zh: '机关、科室、领导小组', en: 'Agencies, units and the leading group' },
  'nav.users_hint': { zh: '账号、角色和锁定', en: 'Accounts, roles and locks' },
});

const PAGE = 50;

export async function auditRoutes(app: FastifyInstance): Promise<void> {
  const { database, config } = app.deps;
  const db = database.db;
  registerNav({ href: '/admin/audit', labelKey: 'nav.audit', policy: 'audit.read', order: 90 });
  const integrity = auditIntegrity(config, database);

  runInBackground(app, {
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
  });

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
      const rows = await auditStore.events(db, { before, actionPrefix: action, limit: PAGE + 1 });
      const verification = await integrity.verify(db);
      return reply.page(
        <AuditLogPage
          ctx={reply.view()}
          events={rows.slice(0, PAGE)}
          olderThan={rows.length > PAGE ? rows[PAGE - 1]!.seq : undefined}
          action={action}
          verification={verification}
          anchor={integrity.anchors.latest()}
        />,
      );
    },
  );
}
