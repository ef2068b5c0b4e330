// The Weibo / WeChat outbox in the console, the endpoint settings, and the sender that runs in
// every server process (every 30 s; several processes at once are safe, entries are claimed).
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import {
  DEFAULT_PAGE_SIZE,
  PageQuery,
  paged,
  pageRequest,
  validQuery,
  type PageRequest,
} from '../../platform/paging.ts';
import {
  firstQueryValues,
  formBody,
  idParam,
  invalidForm,
  Text,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import { AppError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { readForm } from '../../platform/form.ts';
import { authorize, can } from '../../platform/policy.ts';
import { reachOf } from '../../platform/reach.ts';
import { outboxChannels } from './channel-adapters.ts';
import { outboxStore } from './outbox.store.ts';
import { createOutboxService, itemToQueue, outboxEntry } from './outbox.service.ts';
import { presentEndpoints, presentOutboxEntry } from './outbox.presenter.ts';
import { OutboxPage } from './views/outbox-page.tsx';
import type { BackgroundJob } from '../../platform/http/background-job.ts';

const queueForm = {
  item_id: { kind: 'int', label: 'outbox.field.item_id', required: true },
  channel: { kind: 'choice', label: 'outbox.field.channel', required: true, choices: outboxChannels },
} as const;

const endpointForm = {
  channel: { kind: 'choice', label: 'outbox.field.channel', required: true, choices: outboxChannels },
  url: { kind: 'text', label: 'outbox.field.url', required: true, max: 500 },
  secret: { kind: 'text', label: 'outbox.field.secret', max: 200 },
} as const;

const READERS = ['disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor', 'system_admin'] as const;
const SEND_INTERVAL_MS = 30_000;

function outboxServiceOf(app: FastifyInstance) {
  const { config } = app.deps;
  return createOutboxService(
    createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir)),
  );
}

/** Sends what is due, every 30 s in every server process (entries are claimed). */
export function channelOutboxJob(app: FastifyInstance): BackgroundJob {
  const db = app.deps.database.db;
  const service = outboxServiceOf(app);
  return {
    name: 'channel outbox',
    intervalMs: SEND_INTERVAL_MS,
    run: async () => {
      const run = await service.sendDue(db);
      return run.sent.length || run.failed.length ? { sent: run.sent.length, failed: run.failed.length } : undefined;
    },
  };
}

export async function outboxRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const service = outboxServiceOf(app);

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    extra: {
      issues?: readonly ValidationIssue[];
      values?: Record<string, string>;
      status?: number;
      notice?: string;
      /** The list's filter (?status=pending|sent|failed). */
      filter?: string;
      /** The page of the list (the first when a form is shown again). */
      request?: PageRequest;
    } = {},
  ) {
    const actor = req.actor!;
    const agencyIds = reachOf(actor, [...READERS]);
    const asked = extra.filter;
    const status = ['pending', 'sent', 'failed'].includes(asked ?? '') ? asked : undefined;
    const [entries, counts, endpoints] = await Promise.all([
      paged(
        extra.request ?? { page: 1, per: DEFAULT_PAGE_SIZE },
        () => outboxStore.total(db, agencyIds, status),
        (offset, limit) => outboxStore.list(db, agencyIds, { status, offset, limit }),
      ),
      outboxStore.counts(db, agencyIds),
      outboxStore.endpoints(db, [actor.agencyId]),
    ]);
    return reply.page(
      <OutboxPage
        ctx={reply.view()}
        entries={{ ...entries, rows: entries.rows.map(presentOutboxEntry) }}
        filter={status ?? ''}
        counts={counts}
        endpoints={presentEndpoints(endpoints)}
        issues={extra.issues ?? []}
        values={extra.values ?? {}}
        canQueue={can(actor, 'channels.record', { agencyId: actor.agencyId })}
        canConfigure={can(actor, 'channels.configure', { agencyId: actor.agencyId })}
        notice={extra.notice}
      />,
      extra.status ?? 200,
    );
  }

  const notices: Record<string, string> = {
    queued: 'outbox.queued',
    retried: 'outbox.retried',
    endpoint: 'outbox.endpoint_saved',
  };

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/channels/outbox',
    {
      config: { policy: 'channels.outbox_read' },
      schema: { querystring: Type.Object({ done: Text, status: Text, page: PageQuery.page, per: PageQuery.per }) },
      attachValidation: true,
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const query = validQuery(req);
      return render(req, reply, {
        notice: query.done ? notices[query.done] : undefined,
        filter: query.status,
        request: pageRequest(query),
      });
    },
  );

  app.post('/admin/channels/outbox', { config: { policy: 'channels.record' } }, async (req, reply) => {
    const { values, issues } = readForm(queueForm, req.body);
    const raw = { item_id: values.item_id === null ? '' : String(values.item_id), channel: values.channel ?? '' };
    if (issues.length) return render(req, reply, invalidForm(issues, raw));
    try {
      const item = await itemToQueue(db, values.item_id!, values.channel!);
      authorize(req.actor!, 'channels.record', { agencyId: item.agency_id });
      await service.queue(db, req.auditContext(), item.id, values.channel!, { queuedBy: req.actor!.userId });
      return reply.redirect('/admin/channels/outbox?done=queued', 303);
    } catch (error) {
      if (error instanceof ValidationError) return render(req, reply, invalidForm(error, raw));
      if (error instanceof AppError && error.status === 409)
        return render(req, reply, { issues: [{ field: 'item_id', message: error.text }], values: raw, status: 409 });
      throw error;
    }
  });

  app.post('/admin/channels/outbox/:id/retry', { config: { policy: 'channels.record' } }, async (req, reply) => {
    const id = idParam(req);
    try {
      authorize(req.actor!, 'channels.record', { agencyId: (await outboxEntry(db, id)).agency_id });
      await service.retry(db, req.auditContext(), id);
      return reply.redirect('/admin/channels/outbox?done=retried', 303);
    } catch (error) {
      if (error instanceof AppError && error.status === 409)
        return render(req, reply, { issues: [{ field: 'item_id', message: error.text }], status: 409 });
      throw error;
    }
  });

  app.post('/admin/channels/endpoints', { config: { policy: 'channels.configure' } }, async (req, reply) => {
    const body = formBody(req);
    const { values, issues } = readForm(endpointForm, body);
    const enabled = body.enabled === '1';
    const autoQueue = body.auto_queue === '1';
    const raw = {
      endpoint_channel: values.channel ?? '',
      url: values.url ?? '',
      enabled: enabled ? '1' : '0',
      auto_queue: autoQueue ? '1' : '0',
    };
    if (issues.length) return render(req, reply, invalidForm(issues, raw));
    try {
      authorize(req.actor!, 'channels.configure', { agencyId: req.actor!.agencyId });
      await service.saveEndpoint(
        db,
        req.auditContext(),
        req.actor!.agencyId,
        { channel: values.channel!, url: values.url!, secret: values.secret, enabled, auto_queue: autoQueue },
        { updatedBy: req.actor!.userId },
      );
      return reply.redirect('/admin/channels/outbox?done=endpoint', 303);
    } catch (error) {
      if (error instanceof ValidationError) return render(req, reply, invalidForm(error, raw));
      throw error;
    }
  });
}
