// The leading group (领导小组): add a member, end a membership. The system administrator and the
// agency's disclosure office manage it. The disclosure office cannot read the agency page
// (organisation.read), so its view of the group is the "add member" page, which lists the
// group with its "end membership" forms; after a change each actor returns to the page it can see.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can } from '../../platform/policy.ts';
import { readForm } from '../../platform/form.ts';
import { NotFoundError, ValidationError, type ValidationIssue } from '../../platform/errors.ts';
import { todayInChina } from '../../platform/clock.ts';
import { organisationStore as store } from './organisation.store.ts';
import { organisationService as service } from './organisation.service.ts';
import { endMembershipForm, leadingGroupForm, type LeadingGroupPosition } from './organisation.ts';
import type { AgencyRow } from './organisation.table.ts';
import { pageQuery, type ShownValues } from './route-support.ts';
import { idParam, invalidForm, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import { renderAgencyPage } from './agency.routes.tsx';
import { presentRef } from './agency.presenter.ts';
import { presentLeadingGroup } from './leading-group.presenter.ts';
import { LeadingGroupPage } from './views/leading-group-pages.tsx';

export function leadingGroupRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;

  async function loadAgency(req: FastifyRequest, id: number): Promise<AgencyRow> {
    const agency = await store.agency(db, id);
    if (!agency) throw new NotFoundError();
    authorize(req.actor, 'organisation.leading_group.manage', { agencyId: agency.id });
    return agency;
  }

  async function renderGroupPage(
    req: FastifyRequest,
    reply: FastifyReply,
    agency: AgencyRow,
    options: {
      values?: ShownValues;
      issues?: readonly ValidationIssue[];
      endValues?: Record<number, string>;
      status?: number;
      done?: string;
    } = {},
  ) {
    const today = todayInChina();
    const [members, users] = await Promise.all([store.leadingGroup(db, agency.id), store.users(db, [agency.id])]);
    return reply.page(
      <LeadingGroupPage
        ctx={reply.view()}
        agency={presentRef(agency)}
        members={presentLeadingGroup(members, today)}
        today={today}
        values={options.values ?? {}}
        issues={options.issues ?? []}
        endValues={options.endValues}
        userOptions={users.map((u) => ({
          value: String(u.id),
          label: req.t('org.user.option', { name: u.display_name, username: u.username }),
        }))}
        canRead={can(req.actor, 'organisation.read', { agencyId: agency.id })}
        done={options.done}
      />,
      options.status ?? 200,
    );
  }

  /** Where the actor goes after a change: the agency page if it may read it, else the group page. */
  function backTo(req: FastifyRequest, agencyId: number, done: string): string {
    return can(req.actor, 'organisation.read', { agencyId })
      ? `/admin/agencies/${agencyId}?done=${done}#leading-group`
      : `/admin/agencies/${agencyId}/leading-group/new?done=${done}`;
  }

  // The disclosure office's way in from the navigation: its own agency's group.
  app.get('/admin/leading-group', { config: { policy: 'organisation.leading_group.manage' } }, async (req, reply) => {
    return reply.redirect(`/admin/agencies/${req.actor!.agencyId}/leading-group/new`, 303);
  });

  app
    .withTypeProvider<TypeBoxProvider>()
    .get(
      '/admin/agencies/:id/leading-group/new',
      { ...pageQuery, config: { policy: 'organisation.leading_group.manage' } },
      async (req, reply) => {
        const agency = await loadAgency(req, idParam(req));
        return renderGroupPage(req, reply, agency, { done: req.query.done });
      },
    );

  app.post(
    '/admin/agencies/:id/leading-group',
    { config: { policy: 'organisation.leading_group.manage' } },
    async (req, reply) => {
      const agency = await loadAgency(req, idParam(req));
      const { values, issues } = readForm(leadingGroupForm, req.body);
      if (issues.length) return renderGroupPage(req, reply, agency, invalidForm(issues, values));
      try {
        await service.addLeadingGroupMember(db, req.auditContext(), agency.id, {
          person_name: values.person_name!,
          position: values.position as LeadingGroupPosition,
          job_title: values.job_title,
          from_date: values.from_date!,
          to_date: values.to_date,
          user_id: values.user_id,
        });
      } catch (error) {
        if (error instanceof ValidationError) return renderGroupPage(req, reply, agency, invalidForm(error, values));
        throw error;
      }
      return reply.redirect(backTo(req, agency.id, 'member_added'), 303);
    },
  );

  app.post(
    '/admin/leading-group/:id/end',
    { config: { policy: 'organisation.leading_group.manage' } },
    async (req, reply) => {
      const member = await store.leadingGroupMember(db, idParam(req));
      if (!member) throw new NotFoundError();
      const agency = await loadAgency(req, member.agency_id);
      const { values, issues } = readForm(endMembershipForm, req.body);
      // The page holds one such form per member: the issue names this member's date input.
      const again = (problem: readonly ValidationIssue[] | ValidationError) => {
        const { issues: list, status } = invalidForm(problem);
        const options = {
          issues: list.map((i) => ({ ...i, field: `end-${member.id}` })),
          endValues: { [member.id]: values.to_date ?? '' },
          status,
        };
        return can(req.actor, 'organisation.read', { agencyId: agency.id })
          ? renderAgencyPage(req, reply, agency, options)
          : renderGroupPage(req, reply, agency, options);
      };
      if (issues.length) return again(issues);
      try {
        await service.endLeadingGroupMember(db, req.auditContext(), member.id, values.to_date!);
      } catch (error) {
        if (error instanceof ValidationError) return again(error);
        throw error;
      }
      return reply.redirect(backTo(req, agency.id, 'member_ended'), 303);
    },
  );
}
