// The disclosure office's console and the deadline API. Each handler: validate → load →
// authorize with the loaded case (agency and assigned unit) → service → render.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { ForbiddenError, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import type { Role } from '../../platform/roles.ts';
import { getCalendar } from '../calendar/calendar.service.ts';
import { LIST_FILTERS, maskAddress, maskEmail, maskIdNumber, maskPhone, type ListFilter } from './applications.ts';
import { applicationsStore as store, type Visibility } from './applications.store.ts';
import { deadlineOf, detailOf, dueWindow } from './applications.clock.ts';
import type { ApplicationsService, PersonalData } from './applications.service.ts';
import type { ApplicationRow } from './applications.table.ts';
import { ApplicationListPage } from './views/list-page.tsx';
import { RegisterPage } from './views/register-page.tsx';
import { CasePage } from './views/case-page.tsx';
import type { Values } from './views/applicant-fields.tsx';

const AGENCY_READERS: readonly Role[] = ['disclosure_officer', 'leader_in_charge', 'principal_leader'];

function idParam(req: FastifyRequest): number {
  const raw = (req.params as Record<string, string | undefined>).id;
  if (!raw || !/^[1-9]\d{0,8}$/.test(raw)) throw new NotFoundError();
  return Number(raw);
}

function scopeOf(app: ApplicationRow) {
  return { agencyId: app.agency_id, unitId: app.assigned_unit_id };
}

/** The cases an actor may list: whole agencies for the office and leaders, single units for
 *  drafters and unit heads. */
function visibilityOf(actor: Actor): Visibility {
  const agencyIds = new Set<number>();
  for (const role of AGENCY_READERS) for (const id of actor.reach.get(role) ?? []) agencyIds.add(id);
  const units = actor.grants.filter((g) => (g.role === 'drafter' || g.role === 'unit_head') && g.unitId !== null).map((g) => ({ agencyId: g.agencyId, unitId: g.unitId! }));
  return { agencyIds: [...agencyIds], units };
}

function officeAgency(actor: Actor): number {
  const grant = actor.grants.find((g) => g.role === 'disclosure_officer');
  if (!grant) throw new ForbiddenError();
  return grant.agencyId;
}

function masked(p: PersonalData): PersonalData {
  return {
    idNumber: p.idNumber && maskIdNumber(p.idNumber),
    phone: p.phone && maskPhone(p.phone),
    address: p.address && maskAddress(p.address),
    email: p.email && maskEmail(p.email),
  };
}

function typedValues(body: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries((body ?? {}) as Record<string, unknown>)) if (typeof v === 'string' && k !== '_csrf') out[k] = v;
  return out;
}

export function consoleApplicationRoutes(app: FastifyInstance, service: ApplicationsService): void {
  const db = app.deps.database.db;

  async function loadCase(req: FastifyRequest, action: string): Promise<ApplicationRow> {
    const found = await store.byId(db, idParam(req));
    if (!found) throw new NotFoundError();
    authorize(req.actor, action, scopeOf(found));
    return found;
  }

  async function casePage(
    req: FastifyRequest,
    reply: FastifyReply,
    found: ApplicationRow,
    extra: { revealed?: PersonalData; eventForm?: { values: Values; issues: readonly ValidationIssue[] }; replyForm?: { values: Values; issues: readonly ValidationIssue[] }; status?: number } = {},
  ) {
    const today = todayInChina();
    const [events, agency, unit, units, calendar] = await Promise.all([
      store.events(db, found.id),
      store.agency(db, found.agency_id),
      found.assigned_unit_id ? store.unit(db, found.assigned_unit_id) : Promise.resolve(undefined),
      store.units(db, found.agency_id),
      getCalendar(db),
    ]);
    const latest = events.reduce((max, e) => (e.occurred_on > max ? e.occurred_on : max), found.received_on);
    const deadline = deadlineOf(found, events, calendar, { asOf: latest > today ? latest : today });
    const recorded = (req.query as Record<string, string | undefined>).recorded;
    const scope = scopeOf(found);
    return reply.page(
      <CasePage
        ctx={reply.view()}
        app={found}
        agencyName={agency?.name ?? ''}
        unitName={unit?.name ?? null}
        personal={extra.revealed ?? masked(service.personalData(found))}
        revealed={Boolean(extra.revealed)}
        deadline={deadline}
        events={events.map((e) => ({ ...e, detail: detailOf(e) }))}
        units={units}
        can={{ handle: can(req.actor, 'applications.handle', scope), reveal: can(req.actor, 'applications.personal_data', scope) }}
        eventForm={extra.eventForm ?? { values: { date: today }, issues: [] }}
        replyForm={extra.replyForm ?? { values: { reply_date: today }, issues: [] }}
        recorded={recorded && /^[a-z_]{1,40}$/.test(recorded) ? recorded : undefined}
      />,
      extra.status ?? 200,
    );
  }

  app.get('/admin/applications', { config: { policy: 'applications.list' } }, async (req, reply) => {
    const actor = req.actor!;
    const raw = (req.query as Record<string, string | undefined>).filter;
    const filter: ListFilter = LIST_FILTERS.includes(raw as ListFilter) ? (raw as ListFilter) : 'open';
    const readsCases = can(actor, 'applications.read');
    // The supervisor sees the counts of the agencies it supervises, and no case.
    const visibility = readsCases ? visibilityOf(actor) : { agencyIds: [...(actor.reach.get('supervisor') ?? [])], units: [] };
    const window = await dueWindow(db);
    const counts = Object.fromEntries(await Promise.all(LIST_FILTERS.map(async (f) => [f, await store.count(db, visibility, f, window)] as const))) as Record<ListFilter, number>;
    const rows = readsCases ? await store.list(db, visibility, filter, window) : null;
    return reply.page(<ApplicationListPage ctx={reply.view()} filter={filter} counts={counts} rows={rows} canRegister={can(actor, 'applications.handle')} today={window.today} />);
  });

  async function registerPage(req: FastifyRequest, reply: FastifyReply, values: Values, issues: readonly ValidationIssue[], status = 200) {
    const agencyId = officeAgency(req.actor!);
    const [agency, units] = await Promise.all([store.agency(db, agencyId), store.units(db, agencyId)]);
    return reply.page(<RegisterPage ctx={reply.view()} agencyName={agency?.name ?? ''} units={units} values={values} issues={issues} />, status);
  }

  app.get('/admin/applications/new', { config: { policy: 'applications.handle' } }, async (req, reply) => registerPage(req, reply, { submitted_on: todayInChina() }, []));

  app.post('/admin/applications/new', { config: { policy: 'applications.handle' } }, async (req, reply) => {
    const agencyId = officeAgency(req.actor!);
    authorize(req.actor, 'applications.handle', { agencyId, unitId: null });
    try {
      const created = await service.registerAtCounter(db, req.auditContext(), agencyId, req.body);
      return reply.redirect(`/admin/applications/${created.id}?recorded=received`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return registerPage(req, reply, typedValues(req.body), error.issues, 422);
      throw error;
    }
  });

  app.get('/admin/applications/:id', { config: { policy: 'applications.read' } }, async (req, reply) => casePage(req, reply, await loadCase(req, 'applications.read')));

  app.post('/admin/applications/:id/reveal', { config: { policy: 'applications.personal_data' } }, async (req, reply) => {
    const found = await loadCase(req, 'applications.personal_data');
    const revealed = await service.revealPersonalData(db, req.auditContext(), found.id);
    return casePage(req, reply, found, { revealed });
  });

  app.post('/admin/applications/:id/events', { config: { policy: 'applications.handle' } }, async (req, reply) => {
    const found = await loadCase(req, 'applications.handle');
    try {
      await service.recordEvent(db, req.auditContext(), found.id, req.body);
      const kind = typedValues(req.body).kind ?? '';
      return reply.redirect(`/admin/applications/${found.id}?recorded=${encodeURIComponent(kind)}#deadline`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return casePage(req, reply, found, { eventForm: { values: typedValues(req.body), issues: error.issues }, status: 422 });
      throw error;
    }
  });

  app.post('/admin/applications/:id/reply', { config: { policy: 'applications.handle' } }, async (req, reply) => {
    const found = await loadCase(req, 'applications.handle');
    try {
      await service.reply(db, req.auditContext(), found.id, req.body);
      return reply.redirect(`/admin/applications/${found.id}?recorded=replied`, 303);
    } catch (error) {
      if (error instanceof ValidationError) return casePage(req, reply, found, { replyForm: { values: typedValues(req.body), issues: error.issues }, status: 422 });
      throw error;
    }
  });

  // The statutory clock of one case as JSON: due date, status, every step and violation.
  app.get('/api/v1/applications/:id/deadline', { config: { policy: 'applications.read' } }, async (req) => {
    const found = await loadCase(req, 'applications.read');
    const [events, calendar] = await Promise.all([store.events(db, found.id), getCalendar(db)]);
    const today = todayInChina();
    const latest = events.reduce((max, e) => (e.occurred_on > max ? e.occurred_on : max), found.received_on);
    const deadline = deadlineOf(found, events, calendar, { asOf: latest > today ? latest : today });
    return { application: { id: found.id, trackingCode: found.tracking_code, receivedOn: found.received_on, status: found.status, dueDate: found.due_date }, deadline };
  });
}
