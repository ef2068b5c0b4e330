// The oversight view (监督概览): /admin/oversight for every agency the supervisor reaches, and
// /admin/oversight/:id for one of them broken down by unit and by month — counts only, never a case.
// The supervisor's dashboard gets a panel pointing at it. The indicators are supervision.ts's; the
// annual report's state is the reports module's (the same as /admin/reports/status).
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { NotFoundError } from '../../platform/errors.ts';
import { authorize, type Actor } from '../../platform/policy.ts';
import { todayInChina } from '../../platform/clock.ts';
import { reachOf } from '../../platform/reach.ts';
import type { Db } from '../../db/database.ts';
import type { DashboardPanel } from '../../platform/views/dashboard-panels.ts';
import { firstQueryValues, idParam, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { buildAgencyTree, flattenAgencyTree, organisationStore } from '../organisation/index.ts';
import { reportStatuses } from '../reports/index.ts';
import { mailboxFigures, yearPeriod } from '../mailbox/index.ts';
import { presentMailboxByAgency, presentMailboxByMonth, presentMailboxByUnit } from './mailbox.presenter.ts';
import { supervisionStore as store } from './supervision.store.ts';
import { chosenYear, oversightYears, sumApplications, sumPublications } from './supervision.ts';
import { presentByMonth, presentByUnit, presentOversight, type OversightAgency } from './supervision.presenter.ts';
import { AgencyBreakdownPage, OversightPage, OversightPanel } from './views/oversight-page.tsx';

/** The agencies an actor supervises, in tree order: the supervisor role's reach. */
async function supervisedAgencies(db: Db, actor: Actor): Promise<OversightAgency[]> {
  const ids = reachOf(actor, ['supervisor']);
  if (ids.length === 0) return [];
  const rows = await organisationStore.agencies(db, ids);
  return flattenAgencyTree(buildAgencyTree(rows)).map(({ agency, depth }) => ({
    id: agency.id,
    code: agency.code,
    name: agency.name,
    depth,
  }));
}

// On the supervisor's start page: how many agencies, and what is overdue among them today.
export const oversightPanel: DashboardPanel<{ count: number; overdueItems: number; overdueCases: number }> = {
  id: 'supervision.oversight',
  policy: 'supervision.read',
  order: 29,
  async load(db, actor) {
    const agencies = await supervisedAgencies(db, actor);
    if (agencies.length === 0) return null;
    const today = todayInChina();
    const year = Number(today.slice(0, 4));
    const ids = agencies.map((a) => a.id);
    const [publications, applications] = await Promise.all([
      store.publicationsByAgency(db, ids, year, today),
      store.applicationsByAgency(db, ids, year, today),
    ]);
    return {
      count: agencies.length,
      overdueItems: sumPublications([...publications.values()]).overdueUnpublished,
      overdueCases: sumApplications([...applications.values()]).overdue,
    };
  },
  render: (ctx, data) => <OversightPanel ctx={ctx} {...data} />,
};

export async function supervisionRoutes(app: FastifyInstance): Promise<void> {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const yearQuery = { querystring: Type.Object({ year: Text }) };

  routes.get(
    '/admin/oversight',
    { config: { policy: 'supervision.read' }, schema: yearQuery, preValidation: firstQueryValues },
    async (req, reply) => {
      const actor = req.actor!;
      const today = todayInChina();
      const year = chosenYear(req.query.year, today);
      if (year === null) throw new NotFoundError();
      const agencies = await supervisedAgencies(db, actor);
      const ids = agencies.map((a) => a.id);
      const [publications, applications, reports, mailbox] = await Promise.all([
        store.publicationsByAgency(db, ids, year, today),
        store.applicationsByAgency(db, ids, year, today),
        reportStatuses(db, ids, year - 1, today),
        mailboxFigures(db, ids, yearPeriod(year), { by: 'agency', today }),
      ]);
      const { rows, total } = presentOversight(
        agencies,
        publications,
        applications,
        new Map(reports.map((r) => [r.agencyId, r.status])),
        year,
      );
      return reply.page(
        <OversightPage
          ctx={reply.view()}
          year={year}
          years={oversightYears(today)}
          rows={rows}
          total={total}
          mailbox={presentMailboxByAgency(agencies, mailbox, year)}
        />,
      );
    },
  );

  routes.get(
    '/admin/oversight/:id',
    { config: { policy: 'supervision.read' }, schema: yearQuery, preValidation: firstQueryValues },
    async (req, reply) => {
      const actor = req.actor!;
      const today = todayInChina();
      const year = chosenYear(req.query.year, today);
      const agency = await organisationStore.agency(db, idParam(req));
      if (!agency || year === null) throw new NotFoundError();
      // Another agency's figures answer as a missing one does (404).
      authorize(actor, 'supervision.read', { agencyId: agency.id });
      const [units, byUnit, byMonth, mailboxByUnit, mailboxByMonth] = await Promise.all([
        store.units(db, agency.id),
        store.publicationsByUnit(db, agency.id, year, today),
        store.applicationsByMonth(db, agency.id, year, today),
        mailboxFigures(db, [agency.id], yearPeriod(year), { by: 'unit', today }),
        mailboxFigures(db, [agency.id], yearPeriod(year), { by: 'month', today }),
      ]);
      return reply.page(
        <AgencyBreakdownPage
          ctx={reply.view()}
          year={year}
          years={oversightYears(today)}
          agency={{
            id: agency.id,
            name: agency.name,
            catalogHref: `/catalog?agency=${encodeURIComponent(agency.code)}&year=${year}`,
          }}
          byUnit={presentByUnit(units, byUnit)}
          byMonth={presentByMonth(year, byMonth)}
          mailboxByUnit={presentMailboxByUnit(units, mailboxByUnit)}
          mailboxByMonth={presentMailboxByMonth(year, mailboxByMonth)}
        />,
      );
    },
  );
}
