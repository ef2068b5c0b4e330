// Disclosure on application over HTTP: the public form and tracking pages, the console of the
// disclosure office and the deadline API. The personal-data vault and the proof-of-work key
// are built here from the configuration; the handlers live beside this file, one per audience.
import { reachOf } from '../../platform/reach.ts';
import type { FastifyInstance } from 'fastify';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { powSecret, type PowOptions } from '../../platform/pow.ts';
import { createApplicationsService } from './applications.service.ts';
import { createApplicantService } from './applicant.service.ts';
import { createAnswerService } from './answer.service.ts';
import { publicBaseUrl } from '../../config.ts';
import { publicApplicationRoutes } from './public.routes.tsx';
import { consoleApplicationRoutes } from './console.routes.tsx';
import { applicationListRoutes } from './list.routes.tsx';
import { costFee2007Routes } from './cost-fees-2007.routes.tsx';
import { releasedFileRoutes } from './released.routes.tsx';
import { noticeTemplateRoutes } from './notices/templates.routes.tsx';
import { noticeSettingsRoutes } from './notices/notice-settings.routes.tsx';
import type { BackgroundJob } from '../../platform/http/background-job.ts';
import { sendPendingSms, smsGateway } from '../../platform/mail/sms.ts';
import { replyApproverRoutes } from './reply-approvers.routes.tsx';
import { approvalScope } from './reply-approvers.service.ts';
import { approvesReply } from './reply-approvers.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { applicationsStore } from './applications.store.ts';
import { ApprovalPanel, type AwaitingApproval } from './views/approval-panel.tsx';

// The answers waiting for the actor's approval, on the console's start page (left out when none).
export const awaitingApprovalPanel: DashboardPanel<readonly AwaitingApproval[]> = {
  id: 'applications.awaiting_approval',
  policy: 'applications.approve_reply',
  order: 8,
  async load(db, actor) {
    // The agencies where the actor is one of the approvers the agency allows (reply-approvers.ts).
    const candidates = new Set([
      ...reachOf(actor, ['leader_in_charge', 'principal_leader']),
      ...actor.grants.filter((g) => g.role === 'unit_head').map((g) => g.agencyId),
    ]);
    const agencies: number[] = [];
    for (const agencyId of candidates)
      if (approvesReply(actor, await approvalScope(db, { agencyId }))) agencies.push(agencyId);
    const rows = await applicationsStore.awaitingApproval(db, agencies);
    return rows.length ? rows : null;
  },
  render: (ctx, rows) => <ApprovalPanel ctx={ctx} rows={rows} />,
};

/** The SMS outbox's sender (platform/mail/sms.ts) with the configured gateway, every 30 s; the
 *  messages are the applicants' (answer.service.ts), so it runs with this module. */
export function smsOutboxJob(app: FastifyInstance): BackgroundJob {
  const { config, database } = app.deps;
  const vault = createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
  const gateway = smsGateway(config.sms, (entry, message) => app.log.info(entry, message));
  return {
    name: 'sms outbox',
    intervalMs: 30_000,
    runOnListen: true,
    run: async () => {
      const run = await sendPendingSms(database.db, gateway, vault);
      return run.sent.length || run.failed.length ? { sent: run.sent.length, failed: run.failed.length } : undefined;
    },
  };
}

export async function applicationRoutes(app: FastifyInstance): Promise<void> {
  const { config } = app.deps;
  const keys = resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir);
  const vault = createVault(config.personalDataCipher, keys);
  // The applicant is told of the answer with the tracking page's address from the configured
  // public address (publicBaseUrl), never from a request's Host header.
  const service = createApplicationsService(vault, { publicUrl: publicBaseUrl(config) });
  const answers = createAnswerService(vault);
  const applicant = createApplicantService(vault);
  // The difficulty is a setting (GONGKAI_POW_DIFFICULTY, default 16: a phone solves it in about
  // a second); the challenge lives half an hour (a long form).
  const pow: PowOptions = {
    secret: powSecret(keys[0]!),
    difficulty: config.powDifficulty,
    ttlSeconds: 30 * 60,
    minSecondsForQuestion: 3,
  };
  publicApplicationRoutes(app, service, applicant, pow, answers);
  applicationListRoutes(app, service);
  consoleApplicationRoutes(app, service, applicant);
  costFee2007Routes(app);
  releasedFileRoutes(app, answers);
  noticeTemplateRoutes(app);
  noticeSettingsRoutes(app);
  replyApproverRoutes(app);
}
