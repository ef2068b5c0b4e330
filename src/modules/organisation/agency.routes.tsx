// Agencies and their units: the tree, create, details, edit. Each handler: validate → load →
// authorize with the loaded agency → service → redirect (303) or re-render with issues (422).
import { reachOf } from '../../platform/reach.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../platform/policy.ts';
import { readForm, type FormValues } from '../../platform/form.ts';
import { issue, NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import { agencySubtree, buildAgencyTree } from './agency-tree.ts';
import { organisationStore as store } from './organisation.store.ts';
import { organisationService as service, type AgencyInput, type UnitInput } from './organisation.service.ts';
import { agencyForm, unitForm } from './organisation.ts';
import type { AgencyRow, UnitRow } from './organisation.table.ts';
import { agencyOptions, checked, ORGANISATION_READERS, pageQuery, type ShownValues } from './route-support.ts';
import { idParam, invalidForm, type ShownForm, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { presentAgency, presentAgencyTree, presentRef, presentUnits } from './agency.presenter.ts';
import { presentLeadingGroup } from './leading-group.presenter.ts';
import { AgencyFormPage, AgencyListPage, AgencyPage } from './views/agency-pages.tsx';
import { UnitFormPage } from './views/unit-pages.tsx';

type AgencyValues = FormValues<typeof agencyForm>;
type UnitValues = FormValues<typeof unitForm>;

function agencyInput(v: AgencyValues): AgencyInput {
  return {
    code: v.code!,
    name: v.name!,
    short_name: v.short_name,
    level: v.level!,
    kind: v.kind!,
    parent_id: v.parent_id,
    credit_code: v.credit_code?.toUpperCase() ?? null,
    address: v.address,
    postcode: v.postcode,
    phone: v.phone,
    fax: v.fax,
    email: v.email,
    website: v.website,
    website_code: v.website_code,
    icp_number: v.icp_number,
    psb_number: v.psb_number,
    office_hours: v.office_hours,
    disclosure_office_unit_id: v.disclosure_office_unit_id,
    index_number_template: v.index_number_template,
  };
}

function unitInput(v: UnitValues): UnitInput {
  return { name: v.name!, kind: v.kind!, phone: v.phone, duties: v.duties, sort_order: v.sort_order };
}

function rowValues(row: object): ShownValues {
  return row as ShownValues;
}

async function loadAgency(db: FastifyInstance['deps']['database']['db'], id: number): Promise<AgencyRow> {
  const agency = await store.agency(db, id);
  if (!agency) throw new NotFoundError();
  return agency;
}

/** The details page, also re-rendered with the issues of a failed "end membership" form. */
export async function renderAgencyPage(
  req: FastifyRequest,
  reply: FastifyReply,
  agency: AgencyRow,
  options: {
    issues?: readonly ValidationIssue[];
    endValues?: Record<number, string>;
    status?: number;
    done?: string;
  } = {},
): Promise<FastifyReply> {
  const db = req.server.deps.database.db;
  const actor = req.actor!;
  const scope = { agencyId: agency.id };
  const today = todayInChina();
  const [parent, units, members] = await Promise.all([
    agency.parent_id === null ? undefined : store.agency(db, agency.parent_id),
    store.units(db, agency.id),
    store.leadingGroup(db, agency.id),
  ]);
  return reply.page(
    <AgencyPage
      ctx={reply.view()}
      agency={presentAgency(agency)}
      parentName={parent?.name}
      parentLink={parent !== undefined && can(actor, 'organisation.read', { agencyId: parent.id })}
      officeName={units.find((u) => u.id === agency.disclosure_office_unit_id)?.name}
      units={presentUnits(units, agency)}
      members={presentLeadingGroup(members, today)}
      today={today}
      can={{
        manage: can(actor, 'organisation.agency.manage', scope),
        manageUnits: can(actor, 'organisation.unit.manage', scope),
        manageLeadingGroup: can(actor, 'organisation.leading_group.manage', scope),
        readUsers: can(actor, 'organisation.user.read', scope),
      }}
      issues={options.issues}
      endValues={options.endValues}
      done={options.done}
    />,
    options.status ?? 200,
  );
}

export function agencyRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  /** The agency form: parents are agencies the actor manages (less the agency's own subtree),
   *  plus the current parent even when it lies outside that reach. */
  async function renderAgencyForm(
    req: FastifyRequest,
    reply: FastifyReply,
    agency: AgencyRow | undefined,
    form: ShownForm<ShownValues>,
  ) {
    const managed = reachOf(req.actor!, ['system_admin']);
    const excluded = new Set(agency ? await agencySubtree(db, agency.id) : []);
    const ids = [...managed].filter((id) => !excluded.has(id));
    if (agency?.parent_id != null && !ids.includes(agency.parent_id)) ids.push(agency.parent_id);
    const parents = await store.agencies(db, ids);
    const units: UnitRow[] = agency ? await store.units(db, agency.id) : [];
    const office = agency
      ? units.filter((u) => u.active === 1 || u.id === agency.disclosure_office_unit_id)
      : undefined;
    return reply.page(
      <AgencyFormPage
        ctx={reply.view()}
        agency={agency && presentRef(agency)}
        values={form.values}
        issues={form.issues ?? []}
        parentOptions={agencyOptions(parents)}
        parentEmpty={agency && agency.parent_id === null ? req.t('org.agency.parent_none') : undefined}
        officeOptions={office?.map((u) => ({ value: String(u.id), label: u.name }))}
      />,
      form.status ?? 200,
    );
  }

  const routes = app.withTypeProvider<TypeBoxProvider>();

  routes.get('/admin/agencies', { ...pageQuery, config: { policy: 'organisation.read' } }, async (req, reply) => {
    const actor = req.actor!;
    const agencies = await store.agencies(db, [...reachOf(actor, ORGANISATION_READERS)]);
    return reply.page(
      <AgencyListPage
        ctx={reply.view()}
        tree={presentAgencyTree(buildAgencyTree(agencies))}
        canCreate={can(actor, 'organisation.agency.manage')}
        done={req.query.done}
      />,
    );
  });

  routes.get(
    '/admin/agencies/new',
    { ...pageQuery, config: { policy: 'organisation.agency.manage' } },
    async (req, reply) => {
      const parent = Number(req.query.parent);
      return renderAgencyForm(req, reply, undefined, {
        values: { parent_id: Number.isInteger(parent) && parent > 0 ? parent : null },
      });
    },
  );

  app.post('/admin/agencies', { config: { policy: 'organisation.agency.manage' } }, async (req, reply) => {
    const { values, issues } = readForm(agencyForm, req.body);
    // A new agency sits beneath one the administrator manages, so that it stays within reach.
    if (values.parent_id === null && !issues.some((i) => i.field === 'parent_id'))
      issues.push(issue('parent_id', 'org.error.parent_required'));
    if (issues.length) return renderAgencyForm(req, reply, undefined, invalidForm(issues, values));
    authorize(req.actor, 'organisation.agency.manage', { agencyId: values.parent_id! });
    let id: number;
    try {
      id = await service.createAgency(db, req.auditContext(), {
        ...agencyInput(values),
        disclosure_office_unit_id: null,
      });
    } catch (error) {
      if (error instanceof ValidationError) return renderAgencyForm(req, reply, undefined, invalidForm(error, values));
      throw error;
    }
    return reply.redirect(`/admin/agencies/${id}?done=agency_created`, 303);
  });

  routes.get('/admin/agencies/:id', { ...pageQuery, config: { policy: 'organisation.read' } }, async (req, reply) => {
    const agency = await loadAgency(db, idParam(req));
    authorize(req.actor, 'organisation.read', { agencyId: agency.id });
    return renderAgencyPage(req, reply, agency, { done: req.query.done });
  });

  app.get('/admin/agencies/:id/edit', { config: { policy: 'organisation.agency.manage' } }, async (req, reply) => {
    const agency = await loadAgency(db, idParam(req));
    authorize(req.actor, 'organisation.agency.manage', { agencyId: agency.id });
    return renderAgencyForm(req, reply, agency, { values: rowValues(agency) });
  });

  app.post('/admin/agencies/:id', { config: { policy: 'organisation.agency.manage' } }, async (req, reply) => {
    const agency = await loadAgency(db, idParam(req));
    authorize(req.actor, 'organisation.agency.manage', { agencyId: agency.id });
    const { values, issues } = readForm(agencyForm, req.body);
    // Making an agency top-level would take it out of every subtree reach: not from this form.
    if (values.parent_id === null && agency.parent_id !== null && !issues.some((i) => i.field === 'parent_id')) {
      issues.push(issue('parent_id', 'org.error.parent_required'));
    }
    if (issues.length) return renderAgencyForm(req, reply, agency, invalidForm(issues, values));
    if (values.parent_id !== null && values.parent_id !== agency.parent_id) {
      authorize(req.actor, 'organisation.agency.manage', { agencyId: values.parent_id });
    }
    try {
      await service.updateAgency(db, req.auditContext(), agency.id, agencyInput(values));
    } catch (error) {
      if (error instanceof ValidationError) return renderAgencyForm(req, reply, agency, invalidForm(error, values));
      throw error;
    }
    return reply.redirect(`/admin/agencies/${agency.id}?done=saved`, 303);
  });

  // ——— units ———

  app.get('/admin/agencies/:id/units/new', { config: { policy: 'organisation.unit.manage' } }, async (req, reply) => {
    const agency = await loadAgency(db, idParam(req));
    authorize(req.actor, 'organisation.unit.manage', { agencyId: agency.id });
    return reply.page(<UnitFormPage ctx={reply.view()} agency={presentRef(agency)} values={{}} issues={[]} />);
  });

  app.post('/admin/agencies/:id/units', { config: { policy: 'organisation.unit.manage' } }, async (req, reply) => {
    const agency = await loadAgency(db, idParam(req));
    authorize(req.actor, 'organisation.unit.manage', { agencyId: agency.id });
    const { values, issues } = readForm(unitForm, req.body);
    const again = (problem: readonly ValidationIssue[] | ValidationError) => {
      const shown = invalidForm(problem, values);
      return reply.page(
        <UnitFormPage ctx={reply.view()} agency={presentRef(agency)} values={shown.values} issues={shown.issues} />,
        shown.status,
      );
    };
    if (issues.length) return again(issues);
    try {
      await service.createUnit(db, req.auditContext(), agency.id, unitInput(values));
    } catch (error) {
      if (error instanceof ValidationError) return again(error);
      throw error;
    }
    return reply.redirect(`/admin/agencies/${agency.id}?done=unit_created#units`, 303);
  });

  async function loadUnit(req: FastifyRequest): Promise<{ unit: UnitRow; agency: AgencyRow }> {
    const unit = await store.unit(db, idParam(req));
    if (!unit) throw new NotFoundError();
    const agency = await loadAgency(db, unit.agency_id);
    authorize(req.actor, 'organisation.unit.manage', { agencyId: agency.id, unitId: unit.id });
    return { unit, agency };
  }

  app.get('/admin/units/:id/edit', { config: { policy: 'organisation.unit.manage' } }, async (req, reply) => {
    const { unit, agency } = await loadUnit(req);
    return reply.page(
      <UnitFormPage
        ctx={reply.view()}
        agency={presentRef(agency)}
        unit={presentRef(unit)}
        values={rowValues(unit)}
        issues={[]}
        active={unit.active === 1}
      />,
    );
  });

  app.post('/admin/units/:id', { config: { policy: 'organisation.unit.manage' } }, async (req, reply) => {
    const { unit, agency } = await loadUnit(req);
    const { values, issues } = readForm(unitForm, req.body);
    const active = checked(req, 'active');
    const again = (problem: readonly ValidationIssue[] | ValidationError) => {
      const shown = invalidForm(problem, values);
      return reply.page(
        <UnitFormPage
          ctx={reply.view()}
          agency={presentRef(agency)}
          unit={presentRef(unit)}
          values={shown.values}
          issues={shown.issues}
          active={active}
        />,
        shown.status,
      );
    };
    if (issues.length) return again(issues);
    try {
      await service.updateUnit(db, req.auditContext(), unit.id, { ...unitInput(values), active });
    } catch (error) {
      if (error instanceof ValidationError) return again(error);
      throw error;
    }
    return reply.redirect(`/admin/agencies/${agency.id}?done=saved#units`, 303);
  });
}
