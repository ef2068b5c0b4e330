// Users, role grants and account security. Three-admin separation (三员分立, docs/adr/0015) runs
// through here: the system administrator creates and edits accounts but grants no role; the
// security administrator grants every role and locks, unlocks and resets accounts; nobody sees
// another person's password (a one-time activation code goes to the person's own e-mail); the
// service refuses any combination of an admin role with another role, whoever asks.
import { reachOf } from '../../platform/reach.ts';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { authorize, can, type Actor } from '../../platform/policy.ts';
import { readForm, type FormValues } from '../../platform/form.ts';
import {
  ConflictError,
  ForbiddenError,
  NotFoundError,
  ValidationError,
  type ValidationIssue,
} from '../../platform/errors.ts';
import { ACTIVATION_HOURS } from '../../platform/auth/activation.ts';
import { publicBaseUrl } from '../../config.ts';
import { adminRoles, contentRoles, isRole, type Role } from '../../platform/roles.ts';
import { organisationStore as store, type PublicUser } from './organisation.store.ts';
import { presentUser } from './user.presenter.ts';
import { formatChinaTime, now } from '../../platform/clock.ts';
import { organisationService as service } from './organisation.service.ts';
import { roleForm, userEditForm, userForm } from './organisation.ts';
import { agencyOptions, ORGANISATION_READERS, pageQuery, unitGroups, type ShownValues } from './route-support.ts';
import { idParam, invalidForm, type ShownForm, type TypeBoxProvider } from '../../platform/http/route-kit.ts';
import {
  ActivationSentPage,
  UserFormPage,
  UserListPage,
  UserPage,
  type GrantForm,
  type RoleLine,
} from './views/user-pages.tsx';

/** How many users the list shows before asking for a filter. */
const LIST_LIMIT = 500;

/** Admin roles are granted and revoked by the security administrator, the others by the
 *  system administrator, each over the agency of the grant. */
function mayGrant(actor: Actor | undefined, role: string, agencyId: number): boolean {
  const admin = isRole(role) && adminRoles.includes(role);
  return can(actor, admin ? 'organisation.role.assign_admin' : 'organisation.role.assign_content', { agencyId });
}

function nameMap<T extends { id: number; name: string }>(rows: readonly T[]): Map<number, string> {
  return new Map(rows.map((r) => [r.id, r.name]));
}

export function userRoutes(app: FastifyInstance): void {
  const db = app.deps.database.db;
  const baseUrl = publicBaseUrl(app.deps.config);

  async function loadUser(req: FastifyRequest, action: string): Promise<PublicUser> {
    const user = await store.user(db, idParam(req));
    if (!user) throw new NotFoundError();
    authorize(req.actor, action, { agencyId: user.agency_id });
    return user;
  }

  async function renderUserForm(
    req: FastifyRequest,
    reply: FastifyReply,
    user: PublicUser | undefined,
    form: ShownForm<ShownValues>,
  ) {
    const { values } = form;
    const agencies = await store.agencies(db, [...reachOf(req.actor!, ['system_admin'])]);
    const units = await store.unitsOfAgencies(
      db,
      agencies.map((a) => a.id),
    );
    const current = typeof values.unit_id === 'number' ? values.unit_id : null;
    return reply.page(
      <UserFormPage
        ctx={reply.view()}
        user={user && presentUser(user, now())}
        values={values}
        issues={form.issues ?? []}
        agencyOptions={agencyOptions(agencies)}
        unitGroups={unitGroups(agencies, units, current)}
      />,
      form.status ?? 200,
    );
  }

  /** The user's page; re-rendered with the grant form's values and issues when a grant fails. */
  async function renderUserPage(
    req: FastifyRequest,
    reply: FastifyReply,
    user: PublicUser,
    options: { values?: ShownValues; issues?: readonly ValidationIssue[]; status?: number; done?: string } = {},
  ) {
    const actor = req.actor!;
    const grants = await store.roleAssignments(db, user.id);
    const mayContent = can(actor, 'organisation.role.assign_content');
    const mayAdmin = can(actor, 'organisation.role.assign_admin');
    const grantable = can(actor, 'organisation.role.assign', { agencyId: user.agency_id });
    const grantAgencyIds = new Set<number>([
      ...(mayContent ? reachOf(actor, ['system_admin']) : []),
      ...(mayAdmin ? reachOf(actor, ['security_admin']) : []),
    ]);
    const grantAgencies = grantable ? await store.agencies(db, [...grantAgencyIds]) : [];
    const agencyIds = new Set<number>([user.agency_id, ...grants.map((g) => g.agency_id)]);
    const unitIds = [
      ...new Set([user.unit_id, ...grants.map((g) => g.unit_id)].filter((id): id is number => id !== null)),
    ];
    const [agencies, units, grantUnits] = await Promise.all([
      store.agencies(db, [...agencyIds]),
      store.unitsByIds(db, unitIds),
      store.unitsOfAgencies(
        db,
        grantAgencies.map((a) => a.id),
      ),
    ]);
    const agencyNames = nameMap(agencies);
    const unitNames = nameMap(units);
    const lines: RoleLine[] = grants.map((g) => ({
      id: g.id,
      role: g.role,
      agencyName: agencyNames.get(g.agency_id) ?? '',
      unitName: g.unit_id === null ? null : (unitNames.get(g.unit_id) ?? ''),
      grantedAt: formatChinaTime(g.granted_at),
      canRevoke: mayGrant(actor, g.role, g.agency_id),
    }));
    const roleChoices: Role[] = [...(mayContent ? contentRoles : []), ...(mayAdmin ? adminRoles : [])];
    const values = options.values ?? { agency_id: user.agency_id, unit_id: user.unit_id };
    const grantForm: GrantForm | null =
      grantable && roleChoices.length > 0 && grantAgencies.length > 0
        ? {
            roleOptions: roleChoices.map((r) => ({ value: r, label: req.t(`role.${r}`) })),
            agencyOptions: agencyOptions(grantAgencies),
            unitGroups: unitGroups(grantAgencies, grantUnits),
            values,
            issues: options.issues ?? [],
            adminHint: mayAdmin,
          }
        : null;
    return reply.page(
      <UserPage
        ctx={reply.view()}
        user={presentUser(user, now())}
        agencyName={agencyNames.get(user.agency_id) ?? ''}
        unitName={user.unit_id === null ? null : (unitNames.get(user.unit_id) ?? null)}
        grants={lines}
        grantForm={grantForm}
        issues={options.issues}
        can={{
          edit: can(actor, 'organisation.user.manage', { agencyId: user.agency_id }),
          secure: can(actor, 'organisation.user.secure', { agencyId: user.agency_id }) && actor.userId !== user.id,
        }}
        done={options.done}
      />,
      options.status ?? 200,
    );
  }

  const routes = app.withTypeProvider<TypeBoxProvider>();

  routes.get('/admin/users', { ...pageQuery, config: { policy: 'organisation.user.read' } }, async (req, reply) => {
    const actor = req.actor!;
    const reach = new Set(reachOf(actor, ORGANISATION_READERS));
    const filter = req.query.agency;
    let ids = [...reach];
    if (filter && /^\d{1,9}$/.test(filter)) {
      authorize(actor, 'organisation.user.read', { agencyId: Number(filter) });
      ids = [Number(filter)];
    }
    const users = await store.usersInAgencies(db, ids, LIST_LIMIT + 1);
    const shownUsers = users.slice(0, LIST_LIMIT);
    const grants = await store.roleAssignmentsOfUsers(
      db,
      shownUsers.map((u) => u.id),
    );
    const unitIds = [
      ...new Set(
        [...shownUsers.map((u) => u.unit_id), ...grants.map((g) => g.unit_id)].filter(
          (id): id is number => id !== null,
        ),
      ),
    ];
    const extraAgencies = grants.map((g) => g.agency_id).filter((id) => !reach.has(id));
    const [agencies, units] = await Promise.all([
      store.agencies(db, [...reach, ...new Set(extraAgencies)]),
      store.unitsByIds(db, unitIds),
    ]);
    const agencyNames = nameMap(agencies);
    const unitNames = nameMap(units);
    const at = now();
    const rows = shownUsers.map((user) => ({
      user: presentUser(user, at),
      agencyName: agencyNames.get(user.agency_id) ?? '',
      unitName: user.unit_id === null ? null : (unitNames.get(user.unit_id) ?? null),
      roles: grants
        .filter((g) => g.user_id === user.id)
        .map((g) => ({
          id: g.id,
          role: g.role,
          agencyName: agencyNames.get(g.agency_id) ?? '',
          unitName: g.unit_id === null ? null : (unitNames.get(g.unit_id) ?? null),
        })),
    }));
    return reply.page(
      <UserListPage
        ctx={reply.view()}
        rows={rows}
        agencyOptions={agencyOptions(agencies.filter((a) => reach.has(a.id)))}
        agency={ids.length === 1 && filter ? filter : undefined}
        canCreate={can(actor, 'organisation.user.manage')}
        limited={users.length > LIST_LIMIT}
        done={req.query.done}
      />,
    );
  });

  routes.get(
    '/admin/users/new',
    { ...pageQuery, config: { policy: 'organisation.user.manage' } },
    async (req, reply) => {
      const agency = Number(req.query.agency);
      return renderUserForm(req, reply, undefined, {
        values: { agency_id: Number.isInteger(agency) && agency > 0 ? agency : null },
      });
    },
  );

  app.post('/admin/users', { config: { policy: 'organisation.user.manage' } }, async (req, reply) => {
    const { values, issues } = readForm(userForm, req.body);
    if (issues.length) return renderUserForm(req, reply, undefined, invalidForm(issues, values));
    authorize(req.actor, 'organisation.user.manage', { agencyId: values.agency_id! });
    let created: { id: number; sentTo: string };
    try {
      created = await service.createUserWithActivation(db, req.auditContext(), userInput(values), baseUrl);
    } catch (error) {
      if (error instanceof ValidationError) return renderUserForm(req, reply, undefined, invalidForm(error, values));
      throw error;
    }
    const user = (await store.user(db, created.id))!;
    return reply.page(
      <ActivationSentPage
        ctx={reply.view()}
        title={req.t('org.user.created_title')}
        user={presentUser(user, now())}
        sentTo={created.sentTo}
        hours={ACTIVATION_HOURS}
      />,
    );
  });

  routes.get('/admin/users/:id', { ...pageQuery, config: { policy: 'organisation.user.read' } }, async (req, reply) => {
    const user = await loadUser(req, 'organisation.user.read');
    return renderUserPage(req, reply, user, { done: req.query.done });
  });

  app.get('/admin/users/:id/edit', { config: { policy: 'organisation.user.manage' } }, async (req, reply) => {
    const user = await loadUser(req, 'organisation.user.manage');
    return renderUserForm(req, reply, user, { values: user as unknown as ShownValues });
  });

  app.post('/admin/users/:id', { config: { policy: 'organisation.user.manage' } }, async (req, reply) => {
    const user = await loadUser(req, 'organisation.user.manage');
    const { values, issues } = readForm(userEditForm, req.body);
    if (issues.length) return renderUserForm(req, reply, user, invalidForm(issues, values));
    authorize(req.actor, 'organisation.user.manage', { agencyId: values.agency_id! });
    try {
      const { username: _username, ...input } = userInput({ ...values, username: user.username });
      await service.updateUser(db, req.auditContext(), user.id, input);
    } catch (error) {
      if (error instanceof ValidationError) return renderUserForm(req, reply, user, invalidForm(error, values));
      throw error;
    }
    return reply.redirect(`/admin/users/${user.id}?done=saved`, 303);
  });

  app.post('/admin/users/:id/roles', { config: { policy: 'organisation.role.assign' } }, async (req, reply) => {
    const user = await loadUser(req, 'organisation.role.assign');
    const { values, issues } = readForm(roleForm, req.body);
    if (issues.length) return renderUserPage(req, reply, user, invalidForm(issues, values));
    const role = values.role as Role;
    if (!mayGrant(req.actor, role, values.agency_id!)) throw new NotFoundError();
    try {
      await service.assignRole(db, req.auditContext(), user.id, role, values.agency_id!, values.unit_id);
    } catch (error) {
      if (error instanceof ValidationError) return renderUserPage(req, reply, user, invalidForm(error, values));
      // Three-admin separation, or a grant the user already has: shown on the form, nothing stored.
      if (error instanceof ConflictError)
        return renderUserPage(req, reply, user, {
          values,
          issues: [{ field: 'role', message: error.text }],
          status: 409,
        });
      throw error;
    }
    return reply.redirect(`/admin/users/${user.id}?done=granted#roles`, 303);
  });

  app.post(
    '/admin/role-assignments/:id/revoke',
    { config: { policy: 'organisation.role.assign' } },
    async (req, reply) => {
      const grant = await store.roleAssignment(db, idParam(req));
      if (!grant) throw new NotFoundError();
      if (!mayGrant(req.actor, grant.role, grant.agency_id)) throw new NotFoundError();
      await service.revokeRole(db, req.auditContext(), grant.id);
      return reply.redirect(`/admin/users/${grant.user_id}?done=revoked#roles`, 303);
    },
  );

  app.post('/admin/users/:id/lock', { config: { policy: 'organisation.user.secure' } }, async (req, reply) => {
    const user = await loadUser(req, 'organisation.user.secure');
    await service.lockUser(db, req.auditContext(), user.id);
    return reply.redirect(`/admin/users/${user.id}?done=locked`, 303);
  });

  app.post('/admin/users/:id/unlock', { config: { policy: 'organisation.user.secure' } }, async (req, reply) => {
    const user = await loadUser(req, 'organisation.user.secure');
    await service.unlockUser(db, req.auditContext(), user.id);
    return reply.redirect(`/admin/users/${user.id}?done=unlocked`, 303);
  });

  app.post(
    '/admin/users/:id/reset-password',
    { config: { policy: 'organisation.user.secure' } },
    async (req, reply) => {
      const user = await loadUser(req, 'organisation.user.secure');
      // One's own password is changed on the account page, with the current one.
      if (req.actor!.userId === user.id) throw new ForbiddenError();
      let sent: { sentTo: string };
      try {
        sent = await service.resetPasswordWithActivation(db, req.auditContext(), user.id, baseUrl);
      } catch (error) {
        // No e-mail address on the account: said on the user's page, nothing changed.
        if (error instanceof ValidationError) return renderUserPage(req, reply, user, invalidForm(error));
        throw error;
      }
      return reply.page(
        <ActivationSentPage
          ctx={reply.view()}
          title={req.t('org.user.reset_title')}
          user={presentUser(user, now())}
          sentTo={sent.sentTo}
          hours={ACTIVATION_HOURS}
        />,
      );
    },
  );
}

function userInput(v: FormValues<typeof userForm>) {
  return {
    username: v.username!,
    display_name: v.display_name!,
    agency_id: v.agency_id!,
    unit_id: v.unit_id,
    job_title: v.job_title,
    email: v.email,
  };
}
