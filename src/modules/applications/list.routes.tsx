// The console's list of cases, and the look-up of one applicant's cases by name: the full name,
// normalised and matched on its blind index (names are encrypted at rest, so there is no partial
// match). The look-up is a POST so that the name stays out of URLs and access logs.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { reachOf } from '../../platform/reach.ts';
import { can, type Actor } from '../../platform/policy.ts';
import type { Role } from '../../platform/roles.ts';
import { readForm, type FormSpec } from '../../platform/form.ts';
import { firstQueryValues, formBody, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import {
  choiceQuery,
  IdQuery,
  KeywordQuery,
  numberOf,
  PageQuery,
  pageRequest,
  paged,
  validQuery,
  YearQuery,
  type PageRequest,
} from '../../platform/paging.ts';
import { organisationStore } from '../organisation/index.ts';
import { normaliseTrackingCode } from './tracking.ts';
import { LIST_FILTERS, type ListFilter } from './applications.ts';
import {
  applicationSorts,
  applicationsStore as store,
  type ApplicationListNarrowing,
  type ApplicationSort,
  type Visibility,
} from './applications.store.ts';
import { dueWindow } from './applications.clock.ts';
import type { ApplicationsService } from './applications.service.ts';
import { presentApplicationList } from './applications.presenter.ts';
import { ApplicationListPage } from './views/list-page.tsx';

const AGENCY_READERS: readonly Role[] = ['disclosure_officer', 'leader_in_charge', 'principal_leader'];

const nameLookupSpec = {
  name: { kind: 'text', label: 'applications.list.name', max: 100 },
  filter: { kind: 'text', label: 'applications.list.filter_label', max: 20 },
} satisfies FormSpec;

/** The list's query (issue 15 item 9): its tab, the unit, the year received, a tracking code,
 *  the sort and the page. */
const ListQuery = Type.Object({
  ...PageQuery,
  filter: choiceQuery(LIST_FILTERS),
  unit: IdQuery,
  year: YearQuery,
  q: KeywordQuery,
  sort: choiceQuery(applicationSorts),
});

const labels = {
  filter: { zh: '筛选', en: 'filter' },
  unit: { zh: '承办科室', en: 'unit' },
  q: { zh: '查询码', en: 'tracking code' },
};

/** What the list shows beyond its tab. */
interface ListView {
  readonly narrow: ApplicationListNarrowing;
  readonly sort: ApplicationSort;
  readonly dir: 'asc' | 'desc';
  readonly request: PageRequest;
  readonly shown: { readonly unit: string; readonly year: string; readonly q: string };
}

const firstPage: ListView = {
  narrow: {},
  sort: 'due',
  dir: 'asc',
  request: { page: 1, per: 100 },
  shown: { unit: '', year: '', q: '' },
};

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
  async function listPage(
    req: FastifyRequest,
    reply: FastifyReply,
    raw: string | undefined,
    name: string,
    view: ListView = firstPage,
  ) {
    const actor = req.actor!;
    const filter: ListFilter = LIST_FILTERS.includes(raw as ListFilter) ? (raw as ListFilter) : 'open';
    const readsCases = can(actor, 'applications.read');
    // The supervisor sees the counts of the agencies it supervises, and no case (nor a look-up).
    const visibility = readsCases
      ? visibilityOf(actor)
      : { agencyIds: [...(actor.reach.get('supervisor') ?? [])], units: [] };
    const lookup = readsCases && name ? service.nameIndexes(name) : undefined;
    const window = await dueWindow(db);
    const { narrow } = view;
    const counts = Object.fromEntries(
      await Promise.all(
        LIST_FILTERS.map(async (f) => [f, await store.count(db, visibility, f, window, lookup, narrow)] as const),
      ),
    ) as Record<ListFilter, number>;
    const page = readsCases
      ? await paged(
          view.request,
          async () => counts[filter],
          (offset, limit) =>
            store.list(db, visibility, filter, window, lookup, {
              offset,
              limit,
              sort: view.sort,
              dir: view.dir,
              narrow,
            }),
        )
      : null;
    const units = await organisationStore.unitsOfAgencies(db, [
      ...new Set([...visibility.agencyIds, ...visibility.units.map((u) => u.agencyId)]),
    ]);
    return reply.page(
      <ApplicationListPage
        ctx={reply.view()}
        filter={filter}
        counts={counts}
        page={
          page && {
            ...page,
            rows: presentApplicationList(
              page.rows.map((r) => ({ ...r, applicant_name: service.applicantName(r) })),
              window.today,
            ),
          }
        }
        query={{ ...view.shown, sort: view.sort, dir: view.dir }}
        units={units
          .filter((u) => visibility.agencyIds.includes(u.agency_id) || visibility.units.some((v) => v.unitId === u.id))
          .map((u) => ({ value: String(u.id), label: u.name }))}
        name={lookup ? name : null}
        canRegister={can(actor, 'applications.handle')}
      />,
    );
  }

  routes.get(
    '/admin/applications',
    { ...page, attachValidation: true, config: { policy: 'applications.list' }, schema: { querystring: ListQuery } },
    async (req, reply) => {
      const query = validQuery(req, labels);
      const code = query.q?.trim() ?? '';
      return listPage(req, reply, query.filter || undefined, '', {
        narrow: {
          unitId: numberOf(query.unit),
          year: numberOf(query.year),
          code: code ? (normaliseTrackingCode(code) ?? code) : undefined,
        },
        sort: query.sort || 'due',
        dir: query.dir || 'asc',
        request: pageRequest(query),
        shown: { unit: query.unit ?? '', year: query.year ?? '', q: code },
      });
    },
  );

  app.post('/admin/applications', { config: { policy: 'applications.list' } }, async (req, reply) => {
    const { values } = readForm(nameLookupSpec, formBody(req));
    return listPage(req, reply, values.filter ?? undefined, values.name ?? '');
  });
}
