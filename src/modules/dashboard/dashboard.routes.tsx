// The dashboard's panels on /admin (applications needing attention, reminders), dismissing a
// reminder, and the background work of the server process: the daily reminder job and the
// outbox sender. Request tests never listen, so the loops only run in a real server.
import { reachOf } from '../../platform/reach.ts';
import type { FastifyInstance } from 'fastify';
import { idParam } from '../../platform/http/route-kit.ts';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';
import { NotFoundError } from '../../platform/errors.ts';
import { nowIso } from '../../platform/clock.ts';
import { mutate } from '../../platform/mutation.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { sendPending } from '../../platform/mail/outbox.ts';
import { smtpTransport } from '../../platform/mail/smtp.ts';
import type { Config } from '../../config.ts';
import { dueWindow } from '../applications/index.ts';
import { notificationsStore } from '../notifications/index.ts';
import { attentionOf, type AttentionKind } from './dashboard.ts';
import { dashboardStore as store } from './dashboard.store.ts';
import { runReminders } from './reminders.ts';
import { runReportReminders } from '../reports/index.ts';
import { presentNotice, presentUrgentCase } from './dashboard.presenter.ts';
import { CasesPanel, NoticesPanel, type CasesData } from './views/panels.tsx';

const AGENCY_ROLES: readonly Role[] = ['disclosure_officer', 'leader_in_charge', 'principal_leader'];

function zero(): Record<AttentionKind, number> {
  return { due_soon: 0, overdue: 0, waiting: 0, paused: 0 };
}

/** The office and the leaders see the whole agency (with a row per unit); drafters and unit
 *  heads see the cases assigned to their unit. */
export async function loadCases(db: Db, actor: Actor): Promise<CasesData> {
  const agencyIds = new Set(reachOf(actor, AGENCY_ROLES));
  const units = actor.grants.filter((g) => (g.role === 'drafter' || g.role === 'unit_head') && g.unitId !== null);
  const unitAgencies = units.map((g) => g.agencyId).filter((id) => !agencyIds.has(id));
  const window = await dueWindow(db);
  const rows = (await store.openCases(db, [...agencyIds, ...new Set(unitAgencies)])).filter(
    (c) =>
      agencyIds.has(c.agency_id) || units.some((g) => g.agencyId === c.agency_id && g.unitId === c.assigned_unit_id),
  );
  const counts = zero();
  const byUnit = new Map<number | null, { name: string | null; counts: Record<AttentionKind, number> }>();
  const urgent: { c: (typeof rows)[number]; attention: AttentionKind }[] = [];
  for (const c of rows) {
    const attention = attentionOf(c, window);
    if (!attention) continue;
    counts[attention]++;
    const unit = byUnit.get(c.assigned_unit_id) ?? { name: c.unit_name, counts: zero() };
    unit.counts[attention]++;
    byUnit.set(c.assigned_unit_id, unit);
    if (attention === 'overdue' || attention === 'due_soon') urgent.push({ c, attention });
  }
  urgent.sort((a, b) => (a.c.due_date ?? '').localeCompare(b.c.due_date ?? ''));
  return {
    office: agencyIds.size > 0,
    counts,
    byUnit: [...byUnit.values()],
    urgent: urgent.slice(0, 10).map((u) => presentUrgentCase(u.c, u.attention)),
  };
}

export const casesAttentionPanel: DashboardPanel<CasesData> = {
  id: 'applications.attention',
  policy: 'applications.read',
  order: 10,
  load: loadCases,
  render: (ctx, data) => <CasesPanel ctx={ctx} data={data} />,
};

export const notificationsPanel: DashboardPanel<Awaited<ReturnType<typeof notificationsStore.unread>>> = {
  id: 'notifications',
  policy: 'dashboard.view',
  order: 5,
  async load(db, actor) {
    const rows = await notificationsStore.unread(db, actor.userId);
    return rows.length ? rows : null;
  },
  render: (ctx, rows) => <NoticesPanel ctx={ctx} notices={rows.map(presentNotice)} />,
};

/** Sender every 30 s; reminders hourly (the job is keyed per day, so the first run of a day
 *  sends and the others add nothing). */
export function startBackgroundWork(app: FastifyInstance, intervals = { mailMs: 30_000, remindersMs: 3600_000 }): void {
  const { config, database } = app.deps;
  const db = database.db;
  const timers: NodeJS.Timeout[] = [];
  const transport = config.smtp ? smtpTransport(config.smtp) : null;
  const guard = (name: string, fn: () => Promise<unknown>) => {
    let running = false;
    return async () => {
      if (running) return;
      running = true;
      try {
        await fn();
      } catch (error) {
        app.log.error({ err: error }, `${name} failed`);
      } finally {
        running = false;
      }
    };
  };
  const mail = guard('mail sender', async () => {
    if (!transport) return;
    const run = await sendPending(db, transport);
    if (run.sent.length || run.failed.length)
      app.log.info({ sent: run.sent.length, failed: run.failed.length }, 'mail outbox');
  });
  const reminders = guard('reminders', async () => {
    const run = await runReminders(db, { mail: Boolean(config.smtp) });
    if (run.notices || run.mails) app.log.info(run, 'reminders');
    const reports = await runReportReminders(db, { mail: Boolean(config.smtp) });
    if (reports.notices || reports.mails) app.log.info(reports, 'report reminders');
    await mail();
  });
  app.addHook('onListen', async () => {
    if (timers.length) return;
    timers.push(
      setInterval(() => void mail(), intervals.mailMs),
      setInterval(() => void reminders(), intervals.remindersMs),
    );
    for (const t of timers) t.unref();
    void reminders();
  });
  app.addHook('onClose', async () => {
    for (const t of timers) clearInterval(t);
    timers.length = 0;
    transport?.close();
  });
}

export async function dashboardRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;

  app.post('/admin/notifications/:id/read', { config: { policy: 'dashboard.view' } }, async (req, reply) => {
    const found = await notificationsStore.notification(db, idParam(req));
    if (!found) throw new NotFoundError();
    // A notice is its addressee's alone; someone else's answers as a missing one would.
    if (found.user_id !== req.actor!.userId) throw new NotFoundError();
    await mutate(db, req.auditContext(), async (trx, audit) => {
      await notificationsStore.markRead(trx, found.id, nowIso());
      await audit({ action: 'notification.read', subjectType: 'notification', subjectId: found.id });
    });
    return reply.redirect('/admin', 303);
  });
}
