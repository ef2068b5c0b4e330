// The channels page: counts per channel for a year, recent records, and recording a publication.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { firstQueryValues, invalidForm, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { readForm } from '../../platform/form.ts';
import { ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { authorize, can } from '../../platform/policy.ts';
import { todayInChina } from '../../platform/clock.ts';
import { reachOf } from '../../platform/reach.ts';
import { channels } from './channels.ts';
import { channelsStore } from './channels.store.ts';
import { channelsService } from './channels.service.ts';
import { presentChannelCounts, presentPublication } from './channels.presenter.ts';
import { ChannelsPage } from './views/channels-page.tsx';
import { outboxRoutes } from './outbox.routes.tsx';

const publicationForm = {
  channel: { kind: 'choice', label: 'channels.field.channel', required: true, choices: channels },
  published_on: { kind: 'date', label: 'channels.field.published_on', required: true },
  title: { kind: 'text', label: 'channels.field.title', required: true, max: 300 },
  item_id: { kind: 'int', label: 'channels.field.item_id' },
  note: { kind: 'text', label: 'channels.field.note', max: 500 },
} as const;

const READERS = ['disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor'] as const;

export async function channelRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  await outboxRoutes(app);

  async function render(
    req: FastifyRequest,
    reply: FastifyReply,
    year: number,
    extra: {
      issues?: readonly ValidationIssue[];
      values?: Record<string, string>;
      status?: number;
      saved?: boolean;
    } = {},
  ) {
    const actor = req.actor!;
    const agencyIds = reachOf(actor, [...READERS]);
    const [counts, recent] = await Promise.all([
      channelsStore.publicationsByChannel(db, agencyIds, year),
      channelsStore.recent(db, agencyIds, 50),
    ]);
    return reply.page(
      <ChannelsPage
        ctx={reply.view()}
        year={year}
        counts={presentChannelCounts(counts)}
        recent={recent.map(presentPublication)}
        issues={extra.issues ?? []}
        values={extra.values ?? {}}
        canRecord={can(actor, 'channels.record', { agencyId: actor.agencyId })}
        saved={extra.saved}
      />,
      extra.status ?? 200,
    );
  }

  app.withTypeProvider<TypeBoxProvider>().get(
    '/admin/channels',
    {
      config: { policy: 'channels.read' },
      schema: { querystring: Type.Object({ year: Text, saved: Text }) },
      preValidation: firstQueryValues,
    },
    async (req, reply) => {
      const query = req.query;
      const year = query.year && /^\d{4}$/.test(query.year) ? Number(query.year) : Number(todayInChina().slice(0, 4));
      return render(req, reply, year, { saved: query.saved === '1' });
    },
  );

  app.post('/admin/channels', { config: { policy: 'channels.record' } }, async (req, reply) => {
    const { values, issues } = readForm(publicationForm, req.body);
    const raw = Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v === null ? '' : String(v)]));
    const year = Number(todayInChina().slice(0, 4));
    if (issues.length) return render(req, reply, year, invalidForm(issues, raw));
    try {
      authorize(req.actor!, 'channels.record', { agencyId: req.actor!.agencyId });
      await channelsService.record(
        db,
        req.auditContext(),
        req.actor!.agencyId,
        {
          channel: values.channel!,
          published_on: values.published_on!,
          title: values.title!,
          item_id: values.item_id,
          note: values.note,
        },
        { createdBy: req.actor!.userId },
      );
      return reply.redirect(`/admin/channels?year=${values.published_on!.slice(0, 4)}&saved=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return render(req, reply, year, invalidForm(error, raw));
      throw error;
    }
  });
}
