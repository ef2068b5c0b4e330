// Reconsideration and litigation over HTTP: the list with table 四 of a year, recording a case,
// recording its result. Handlers: validate → load → authorize with the loaded case → service → render.
import { reachOf } from '../../platform/reach.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { ForbiddenError, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import { Type } from '@sinclair/typebox';
import { PageQuery, paged, pageRequest, validQuery } from '../../platform/paging.ts';
import {
  firstQueryValues,
  idParam,
  invalidForm,
  Text,
  typedValues,
  type ShownForm,
  type TypeBoxProvider,
} from '../../platform/http/route-kit.ts';
import { organisationStore } from '../organisation/index.ts';
import { applicationsStore } from '../applications/index.ts';
import type { Role } from '../../platform/roles.ts';
import { reconsiderationCounts, reconsiderationStore as store } from './reconsideration.store.ts';
import { createReconsiderationService } from './reconsideration.service.ts';
import { createVault, resolveDataKeys } from '../../platform/crypto/personal-data.ts';
import type { ReconsiderationCaseRow } from './reconsideration.table.ts';
import {
  presentApplication,
  presentCase,
  presentListItem,
  presentPrior,
  presentYearTable,
} from './reconsideration.presenter.ts';
import {
  ReconsiderationCasePage,
  ReconsiderationFormPage,
  ReconsiderationListPage,
} from './views/reconsideration-pages.tsx';

const READERS: readonly Role[] = ['disclosure_officer', 'leader_in_charge', 'principal_leader', 'supervisor'];

function readableAgencies(actor: Actor): number[] {
  return reachOf(actor, READERS);
}

function officeAgency(actor: Actor): number {
  const grant = actor.grants.find((g) => g.role === 'disclosure_officer');
  if (!grant) throw new ForbiddenError();
  return grant.agencyId;
}

export async function reconsiderationRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const { config } = app.deps;
  const reconsiderationService = createReconsiderationService(
    createVault(config.personalDataCipher, resolveDataKeys(config.personalDataKeys, config.dataDir, config.keyDir)),
  );

  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { preValidation: firstQueryValues };

  routes.get(
    '/admin/reviews',
    {
      ...page,
      attachValidation: true,
      config: { policy: 'reconsideration.read' },
      schema: { querystring: Type.Object({ year: Text, page: PageQuery.page, per: PageQuery.per }) },
    },
    async (req, reply) => {
      const actor = req.actor!;
      const query = validQuery(req);
      const thisYear = Number(todayInChina().slice(0, 4));
      const raw = Number(query.year);
      const year = Number.isInteger(raw) && raw >= 2008 && raw <= thisYear ? raw : thisYear - 1;
      const agencyIds = readableAgencies(actor);
      const [table, cases] = await Promise.all([
        reconsiderationCounts(db, agencyIds, year),
        paged(
          pageRequest(query),
          () => store.count(db, agencyIds),
          (offset, limit) => store.list(db, agencyIds, offset, limit),
        ),
      ]);
      const years = Array.from({ length: 5 }, (_, i) => thisYear - i);
      return reply.page(
        <ReconsiderationListPage
          ctx={reply.view()}
          year={year}
          years={years}
          table={presentYearTable(table)}
          cases={{ ...cases, rows: cases.rows.map(presentListItem) }}
          canManage={can(actor, 'reconsideration.manage')}
        />,
      );
    },
  );

  async function formPage(req: FastifyRequest, reply: FastifyReply, form: ShownForm<Record<string, string>>) {
    const agencyId = officeAgency(req.actor!);
    const [agency, priors] = await Promise.all([
      organisationStore.agency(db, agencyId),
      store.reconsiderations(db, agencyId),
    ]);
    return reply.page(
      <ReconsiderationFormPage
        ctx={reply.view()}
        agencyName={agency?.name ?? ''}
        priors={priors.map(presentPrior)}
        values={form.values}
        issues={form.issues ?? []}
      />,
      form.status ?? 200,
    );
  }

  // ?application=CODE comes from an application's page: the new case is linked to it.
  routes.get(
    '/admin/reviews/new',
    {
      ...page,
      config: { policy: 'reconsideration.manage' },
      schema: { querystring: Type.Object({ application: Text }) },
    },
    async (req, reply) => {
      const code = req.query.application;
      return formPage(req, reply, {
        values: {
          filed_on: todayInChina(),
          ...(code && /^[0-9A-Za-z-]{1,40}$/.test(code) ? { application_code: code } : {}),
        },
      });
    },
  );

  app.post('/admin/reviews', { config: { policy: 'reconsideration.manage' } }, async (req, reply) => {
    const agencyId = officeAgency(req.actor!);
    authorize(req.actor, 'reconsideration.manage', { agencyId });
    try {
      const id = await reconsiderationService.create(db, req.auditContext(), agencyId, req.body);
      return reply.redirect(`/admin/reviews/${id}?recorded=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return formPage(req, reply, invalidForm(error, typedValues(req.body)));
      throw error;
    }
  });

  async function loadCase(req: FastifyRequest, action: string): Promise<ReconsiderationCaseRow> {
    const found = await store.byId(db, idParam(req));
    if (!found) throw new NotFoundError();
    authorize(req.actor, action, { agencyId: found.agency_id });
    return found;
  }

  async function casePage(
    req: FastifyRequest,
    reply: FastifyReply,
    row: ReconsiderationCaseRow,
    form: ShownForm<Record<string, string>> & { recorded?: boolean },
  ) {
    const [agency, application] = await Promise.all([
      organisationStore.agency(db, row.agency_id),
      row.application_id ? applicationsStore.summaries(db, [row.application_id]).then((found) => found[0]) : undefined,
    ]);
    return reply.page(
      <ReconsiderationCasePage
        ctx={reply.view()}
        row={presentCase(reconsiderationService.opened(row))}
        agencyName={agency?.name ?? ''}
        application={presentApplication(application)}
        canManage={can(req.actor, 'reconsideration.manage', { agencyId: row.agency_id })}
        recorded={form.recorded ?? false}
        values={form.values}
        issues={form.issues ?? []}
      />,
      form.status ?? 200,
    );
  }

  routes.get(
    '/admin/reviews/:id',
    {
      ...page,
      config: { policy: 'reconsideration.read' },
      schema: { querystring: Type.Object({ recorded: Text }) },
    },
    async (req, reply) =>
      casePage(req, reply, await loadCase(req, 'reconsideration.read'), {
        values: { decided_on: todayInChina() },
        recorded: req.query.recorded === '1',
      }),
  );

  app.post('/admin/reviews/:id/result', { config: { policy: 'reconsideration.manage' } }, async (req, reply) => {
    const found = await loadCase(req, 'reconsideration.manage');
    try {
      await reconsiderationService.recordResult(db, req.auditContext(), found.id, req.body);
      return reply.redirect(`/admin/reviews/${found.id}?recorded=1`, 303);
    } catch (error) {
      if (error instanceof ValidationError)
        return casePage(req, reply, found, invalidForm(error, typedValues(req.body)));
      throw error;
    }
  });
}
