// The console's list of cases, and the look-up of one applicant's cases by name: the full name,
// normalised and matched on its blind index (names are encrypted at rest, so there is no partial
// match). The look-up is a POST so that the name stays out of URLs and access logs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { reachOf } from '../../platform/reach.ts';
import { can, type Actor } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';
import { readForm, type FormSpec } from '../../platform/form.ts';
import { firstQueryValues, formBody, Text, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { LIST_FILTERS, type ListFilter } from './applications.ts';
import { applicationsStore as store, type Visibility } from './applications.store.ts';
import { dueWindow } from './applications.clock.ts';
import type { ApplicationsService } from './applications.service.ts';
import { presentApplicationList } from './applications.presenter.ts';
import { ApplicationListPage } from './views/list-page.tsx';

const AGENCY_READERS: readonly Role[] = ['disclosure_officer', 'leader_in_charge', 'principal_leader'];

const nameLookupSpec = {
  name: { kind: 'text', label: 'applications.list.name', max: 100 },
  filter: { kind: 'text', label: 'applications.list.filter_label', max: 20 },
} satisfies FormSpec;

/** The cases an actor may list: whole agencies for the office and leaders, single units for
 *  drafters and unit heads. */
function visibilityOf(actor: Actor): Visibility {
  const agencyIds = reachOf(actor, AGENCY_READERS);
  const units = actor.grants
    .filter((g) => (g.role === 'drafter' || g.role === 'unit_head') && g.unitId !== null)
    .map((g) => ({ agencyId: g.agencyId, unitId: g.unitId! }));
  return { agencyIds, units };
}

export function applicationListRoutes(app: FastifyInstance, service: ApplicationsService): void {
  const db = app.deps.database.db;
  const routes = app.withTypeProvider<TypeBoxProvider>();
  const page = { preValidation: firstQueryValues };

  // The list of cases, and (POST, so that the name stays out of URLs and access logs) the look-up
  // of one applicant's cases by the full name, matched on its blind index.
  async function listPage(req: FastifyRequest, reply: FastifyReply, raw: string | undefined, name: string) {
    const actor = req.actor!;
    const filter: ListFilter = LIST_FILTERS.includes(raw as ListFilter) ? (raw as ListFilter) : 'open';
    const readsCases = can(actor, 'applications.read');
    // The supervisor sees the counts of the agencies it supervises, and no case (nor a look-up).
    const visibility = readsCases
      ? visibilityOf(actor)
      : { agencyIds: [...(actor.reach.get('supervisor') ?? [])], units: [] };
    const lookup = readsCases && name ? service.nameIndexes(name) : undefined;
    const window = await dueWindow(db);
    const counts = Object.fromEntries(
      await Promise.all(
        LIST_FILTERS.map(async (f) => [f, await store.count(db, visibility, f, window, lookup)] as const),
      ),
    ) as Record<ListFilter, number>;
    const rows = readsCases ? await store.list(db, visibility, filter, window, lookup) : null;
    return reply.page(
      <ApplicationListPage
        ctx={reply.view()}
        filter={filter}
        counts={counts}
        rows={
          rows &&
          presentApplicationList(
            rows.map((r) => ({ ...r, applicant_name: service.applicantName(r) })),
            window.today,
          )
        }
        name={lookup ? name : null}
        canRegister={can(actor, 'applications.handle')}
      />,
    );
  }

  routes.get(
    '/admin/applications',
    { ...page, config: { policy: 'applications.list' }, schema: { querystring: Type.Object({ filter: Text }) } },
    async (req, reply) => listPage(req, reply, req.query.filter, ''),
  );

  app.post('/admin/applications', { config: { policy: 'applications.list' } }, async (req, reply) => {
    const { values } = readForm(nameLookupSpec, formBody(req));
    return listPage(req, reply, values.filter ?? undefined, values.name ?? '');
  });
}
