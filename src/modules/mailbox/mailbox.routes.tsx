// The mailbox over HTTP: the list of letters and work orders, a case with the steps its reader may
// take, the reveal of the writer's personal data, and the settings of limits and routing rules;
// the start page's panel and the daily reminder job. Handlers: validate → load → authorize with
// the loaded case → service → render.
import { applicationsStore } from '../applications/index.ts';
import { presentCaseApplication } from './conversion.presenter.ts';
import { letterAttachments } from './letter-attachments.ts';
import { openLetterAttachment } from './letter-attachments.service.ts';
import { Type } from '@sinclair/typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { todayInChina } from '../../platform/clock.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { ForbiddenError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import type { BackgroundJob } from '../../platform/http/background-job.ts';
import {
  field,
  firstQueryValues,
  contentDisposition,
  idParam,
  Text,
  typedValues,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { choiceQuery, numberOf, IdQuery, PageQuery, paged, pageRequest, validQuery } from '../../platform/paging.ts';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { reachOf } from '../../platform/reach.ts';
import type { Role } from '../../platform/roles.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import type { FormValues } from '../../platform/views/components.tsx';
import { systemContext } from '../../platform/audit/audit.ts';
import { activeUnits, organisationStore } from '../organisation/index.ts';
import { isMailboxEvent, mailboxCategories, mailboxSources, mailboxStatuses } from './mailbox.ts';
import {
  presentCase,
  presentClock,
  presentHistory,
  presentLimits,
  presentListItem,
  presentRoutes,
  presentAttachments,
  presentVersions,
  WAITING_FOR,
  type MailboxListItem,
  type PersonalView,
} from './mailbox.presenter.ts';
import { createMailboxService } from './mailbox.service.ts';
import { mailboxStore as store } from './mailbox.store.ts';
import type { MailboxCaseRow } from './mailbox.table.ts';
import { mailboxDocuments } from './mailbox.workflow.ts';
import { MailboxCasePage, MailboxListPage } from './views/mailbox-pages.tsx';
import { MailboxPanel, MailboxSettingsPage } from './views/mailbox-settings.tsx';

/** Roles that read every case of their agencies; a unit's drafter and head read their unit's. */
const AGENCY_READERS: readonly Role[] = ['disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor'];
const UNIT_READERS: readonly Role[] = ['drafter', 'unit_head'];

/** Whose cases a list shows: every case of the agencies read whole, else the actor's units'. */
function listScope(actor: Actor): { agencyIds: number[]; unitIds: number[] | null } {
  const agencyIds = reachOf(actor, AGENCY_READERS);
  if (agencyIds.length > 0) return { agencyIds, unitIds: null };
  const grants = actor.grants.filter((g) => UNIT_READERS.includes(g.role));
  return {
    agencyIds: [...new Set(grants.map((g) => g.agencyId))],
    unitIds: grants.some((g) => g.unitId === null) ? null : grants.map((g) => g.unitId!),
  };
}

function officeAgency(actor: Actor): number {
  const grant = actor.grants.find((g) => g.role === 'disclosure_officer');
  if (!grant) throw new ForbiddenError();
  return grant.agencyId;
}

function vaultOf(app: FastifyInstance) {
  const { config } = app.deps;
  return createVault(
    config.personalDataCipher,
    resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir),
  );
}

/** The reminders, escalations and bulletin entries of overdue cases, checked every hour (recorded once a day at most). */
export function mailboxReminderJob(app: FastifyInstance): BackgroundJob {
  const service = createMailboxService(vaultOf(app));
  const db = app.deps.database.db;
  return {
    name: 'mailbox reminders',
    intervalMs: 60 * 60_000,
    runOnListen: true,
    run: async () => {
      const added = await service.runReminders(db, systemContext);
      return added ? { added } : undefined;
    },
  };
}

/** "Letters and orders waiting for you": the open cases at the steps of the actor's roles. */
export const mailboxPanel: DashboardPanel<MailboxListItem[]> = {
  id: 'mailbox.waiting',
  policy: 'mailbox.read',
  order: 25,
  async load(db, actor) {
    const today = todayInChina();
    const rows: MailboxListItem[] = [];
    for (const [role, statuses] of Object.entries(WAITING_FOR)) {
      const grants = actor.grants.filter((g) => g.role === role);
      if (grants.length === 0) continue;
      const unitIds = grants.some((g) => g.unitId === null) ? null : grants.map((g) => g.unitId!);
      const found = await store.waiting(db, [...new Set(grants.map((g) => g.agencyId))], statuses, unitIds);
      for (const r of found)
        if (!rows.some((x) => x.id === r.id)) rows.push(presentListItem({ ...r, unit_name: null }, today));
    }
    if (actor.grants.some((g) => g.role === 'leader_in_charge'))
      for (const r of await store.overdue(db, reachOf(actor, ['leader_in_charge']), today))
        if (!rows.some((x) => x.id === r.id)) rows.push(presentListItem({ ...r, unit_name: null }, today));
    return rows.length ? rows.slice(0, 20) : null;
  },
  render: (ctx, rows) => <MailboxPanel ctx={ctx} rows={rows} />,
};

const ListQuery = Type.Object({
  source: choiceQuery(mailboxSources),
  status: choiceQuery(mailboxStatuses),
  category: choiceQuery(mailboxCategories),
  unit: IdQuery,
  overdue: choiceQuery(['1'] as const),
  page: PageQuery.page,
  per: PageQuery.per,
});

export async function mailboxRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const vault = vaultOf(app);
  const service = createMailboxService(vault);
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { preValidation: firstQueryValues };

  routes.get(
    '/admin/mailbox',
    { ...page, attachValidation: true, config: { policy: 'mailbox.read' }, schema: { querystring: ListQuery } },
    async (req, reply) => {
      const actor = req.actor!;
      const query = validQuery(req);
      const today = todayInChina();
      const scope = listScope(actor);
      const filter = {
        ...scope,
        source: query.source || undefined,
        status: query.status || undefined,
        category: query.category || undefined,
        unitId: numberOf(query.unit),
        overdue: query.overdue === '1',
        today,
      };
      const [cases, units] = await Promise.all([
        paged(
          pageRequest(query),
          () => store.count(db, filter),
          (offset, limit) => store.list(db, filter, offset, limit),
        ),
        scope.agencyIds.length === 1 ? activeUnits(db, scope.agencyIds[0]) : Promise.resolve([]),
      ]);
      const { t } = reply.view();
      return reply.page(
        <MailboxListPage
          ctx={reply.view()}
          cases={{ ...cases, rows: cases.rows.map((r) => presentListItem(r, today)) }}
          query={{
            source: query.source ?? '',
            status: query.status ?? '',
            category: query.category ?? '',
            unit: query.unit ?? '',
            overdue: query.overdue ?? '',
          }}
          filters={[
            {
              kind: 'select',
              name: 'source',
              label: t('mailbox.field.source'),
              value: query.source ?? '',
              options: mailboxSources.map((s) => ({ value: s, label: t(`mailbox.source.${s}`) })),
            },
            {
              kind: 'select',
              name: 'status',
              label: t('mailbox.field.status'),
              value: query.status ?? '',
              options: mailboxStatuses.map((s) => ({ value: s, label: t(`mailbox.status.${s}`) })),
            },
            {
              kind: 'select',
              name: 'category',
              label: t('mailbox.field.category'),
              value: query.category ?? '',
              options: mailboxCategories.map((c) => ({ value: c, label: t(`mailbox.category.${c}`) })),
            },
            ...(units.length
              ? [
                  {
                    kind: 'select' as const,
                    name: 'unit',
                    label: t('mailbox.field.unit'),
                    value: query.unit ?? '',
                    options: units.map((u) => ({ value: String(u.id), label: u.name })),
                  },
                ]
              : []),
            {
              kind: 'select',
              name: 'overdue',
              label: t('mailbox.overdue'),
              value: query.overdue ?? '',
              options: [{ value: '1', label: t('mailbox.overdue_only') }],
            },
          ]}
          canManage={can(actor, 'mailbox.manage')}
        />,
      );
    },
  );

  async function loadCase(req: FastifyRequest): Promise<MailboxCaseRow> {
    const found = await mailboxDocuments.load(db, idParam(req));
    authorize(req.actor, 'mailbox.read', mailboxDocuments.kind.scopeOf(found));
    return found;
  }

  async function casePage(
    req: FastifyRequest,
    reply: FastifyReply,
    row: MailboxCaseRow,
    extra: {
      open?: { event: string; values: FormValues; issues: readonly ValidationIssue[] } | null;
      revealed?: PersonalView;
      done?: boolean;
      status?: number;
    },
  ) {
    const today = todayInChina();
    const linked = row.application_id ?? row.from_application_id;
    const [history, versions, clock, units, application, attachments] = await Promise.all([
      store.history(db, row.id),
      store.versions(db, row.id),
      service.clock(db, row),
      activeUnits(db, row.agency_id),
      linked !== null ? applicationsStore.byId(db, linked) : Promise.resolve(undefined),
      letterAttachments(db, row.id),
    ]);
    const opened = service.opened(row);
    const personal = extra.revealed ?? {
      name: opened.writer_name,
      phone: opened.writer_phone,
      email: opened.writer_email,
    };
    const unitName = units.find((u) => u.id === row.assigned_unit_id)?.name ?? null;
    const steps = mailboxDocuments
      .transitionsFor(req.actor, row, await mailboxDocuments.kind.table(db, row))
      .map((r) => ({ event: r.event, needs: r.needs }));
    return reply.page(
      <MailboxCasePage
        ctx={reply.view()}
        row={presentCase(row, unitName, personal, Boolean(extra.revealed), today)}
        clock={presentClock(clock)}
        history={presentHistory(history)}
        versions={presentVersions(versions, row.current_version_id)}
        attachments={presentAttachments(row.id, attachments)}
        steps={steps}
        open={extra.open ?? null}
        units={units}
        canReveal={can(req.actor, 'mailbox.manage', { agencyId: row.agency_id })}
        done={extra.done ?? false}
        application={presentCaseApplication(
          row,
          application,
          can(req.actor, 'mailbox.manage', { agencyId: row.agency_id }),
        )}
      />,
      extra.status ?? 200,
    );
  }

  routes.get(
    '/admin/mailbox/:id',
    { ...page, config: { policy: 'mailbox.read' }, schema: { querystring: Type.Object({ step: Text, done: Text }) } },
    async (req, reply) => {
      const row = await loadCase(req);
      const event = req.query.step;
      return casePage(req, reply, row, {
        open: event && isMailboxEvent(event) ? { event, values: {}, issues: [] } : null,
        done: req.query.done === '1',
      });
    },
  );

  app.post('/admin/mailbox/:id/step', { config: { policy: 'mailbox.read' } }, async (req, reply) => {
    const row = await loadCase(req);
    const event = field(req.body, 'event') ?? '';
    if (!isMailboxEvent(event))
      throw new ValidationError([{ field: 'event', message: { zh: '未知操作', en: 'Unknown step' } }]);
    await mailboxDocuments.authorizeStep(db, req.actor, row, event);
    const unit = field(req.body, 'unit_id');
    try {
      await service.step(
        db,
        req.auditContext(),
        row.id,
        event,
        {
          reason: field(req.body, 'reason') ?? null,
          date: field(req.body, 'date') ?? null,
          unitId: unit && /^[1-9][0-9]{0,8}$/.test(unit) ? Number(unit) : null,
          replyText: field(req.body, 'reply_text') ?? null,
          rating: field(req.body, 'rating') ?? null,
          comment: field(req.body, 'comment') ?? null,
        },
        { actedBy: req.actor!.userId, whileStatus: row.status },
      );
      return reply.redirect(`/admin/mailbox/${row.id}?done=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return casePage(req, reply, row, {
          open: { event, values: typedValues(req.body), issues: error.issues },
          status: 422,
        });
      throw error;
    }
  });

  app.post('/admin/mailbox/:id/reveal', { config: { policy: 'mailbox.manage' } }, async (req, reply) => {
    const row = await loadCase(req);
    authorize(req.actor, 'mailbox.manage', { agencyId: row.agency_id });
    const opened = await service.revealPersonalData(db, req.auditContext(), row);
    return casePage(req, reply, row, {
      revealed: { name: opened.writer_name, phone: opened.writer_phone, email: opened.writer_email },
    });
  });

  // A letter's attachment, for whoever may read the case (the office, the unit that answers), each
  // opening audited; sent as a download, never rendered by the browser in our origin.
  app.get(
    '/admin/mailbox/:id/attachments/:attachmentId',
    { config: { policy: 'mailbox.read' } },
    async (req, reply) => {
      const row = await loadCase(req);
      const attachmentId = idParam(req, 'attachmentId');
      const file = await openLetterAttachment(db, req.auditContext(), vault, row.id, attachmentId);
      const ext = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'image/png' ? 'png' : 'jpg';
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', contentDisposition('attachment', file.name, `letter-${attachmentId}.${ext}`))
        .header('x-content-type-options', 'nosniff')
        .header('cache-control', 'no-store')
        .send(file.data);
    },
  );

  async function settingsPage(
    req: FastifyRequest,
    reply: FastifyReply,
    form: { values?: FormValues; issues?: readonly ValidationIssue[]; saved?: boolean; status?: number },
  ) {
    const agencyId = officeAgency(req.actor!);
    const [agency, limits, rules, units] = await Promise.all([
      organisationStore.agency(db, agencyId),
      store.limits(db, agencyId),
      store.routingRules(db, agencyId),
      activeUnits(db, agencyId),
    ]);
    return reply.page(
      <MailboxSettingsPage
        ctx={reply.view()}
        agencyName={agency?.name ?? ''}
        limits={presentLimits(limits)}
        routes={presentRoutes(rules, units)}
        units={units}
        values={form.values ?? {}}
        issues={form.issues ?? []}
        saved={form.saved ?? false}
      />,
      form.status ?? 200,
    );
  }

  routes.get(
    '/admin/mailbox/settings',
    { ...page, config: { policy: 'mailbox.manage' }, schema: { querystring: Type.Object({ saved: Text }) } },
    async (req, reply) => settingsPage(req, reply, { saved: req.query.saved === '1' }),
  );

  app.post('/admin/mailbox/settings/limits', { config: { policy: 'mailbox.manage' } }, async (req, reply) => {
    const agencyId = officeAgency(req.actor!);
    authorize(req.actor, 'mailbox.manage', { agencyId });
    const source = field(req.body, 'source') ?? '';
    const category = field(req.body, 'category') ?? '';
    const mode = field(req.body, 'mode') ?? 'days';
    try {
      if (mode === 'default') await service.removeLimit(db, req.auditContext(), agencyId, source, category);
      else
        await service.setLimit(db, req.auditContext(), agencyId, {
          source,
          category,
          workingDays: Number(field(req.body, 'working_days') ?? ''),
          sameDay: mode === 'same_day',
        });
      return reply.redirect('/admin/mailbox/settings?saved=1', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return settingsPage(req, reply, { values: typedValues(req.body), issues: error.issues, status: 422 });
      throw error;
    }
  });

  app.post('/admin/mailbox/settings/routes', { config: { policy: 'mailbox.manage' } }, async (req, reply) => {
    const agencyId = officeAgency(req.actor!);
    authorize(req.actor, 'mailbox.manage', { agencyId });
    const category = field(req.body, 'route_category') ?? '';
    const unit = field(req.body, 'route_unit_id') ?? '';
    try {
      if (!unit) await service.removeRoutingRule(db, req.auditContext(), agencyId, category);
      else await service.setRoutingRule(db, req.auditContext(), agencyId, category, Number(unit));
      return reply.redirect('/admin/mailbox/settings?saved=1', 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return settingsPage(req, reply, {
          values: typedValues(req.body),
          issues: error.issues.map((i) => ({ ...i, field: `route_${i.field}` })),
          status: 422,
        });
      throw error;
    }
  });
}
