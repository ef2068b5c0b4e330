/**
 * Users, their roles and their account security.
 *
 *  UserListPage({ ctx, rows, agencyOptions, agency?, canCreate, limited, done? })
 *      — users of the agencies in reach with agency, unit, roles and status; a GET filter by agency;
 *        `limited` says the list was cut at its maximum length
 *  UserFormPage({ ctx, user?, values, issues, agencyOptions, unitGroups })
 *      — create (no `user`: username is asked) or edit
 *  UserPage({ ctx, user, agencyName, unitName, grants, grantForm, can, issues?, done? })
 *      — details; the role list with a revoke button where the actor may revoke it; the grant form
 *        (`grantForm` null when the actor may grant nothing); lock / unlock / reset when `can.secure`
 *  ActivationSentPage({ ctx, title, user, sentTo, hours })
 *      — the result of creating a user or resetting a password: where the activation code went
 *        (masked); no password or code is ever shown to the administrator
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  CsrfField,
  ErrorSummary,
  Notice,
  SelectField,
  SubmitRow,
  TableWrap,
  TextField,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { UserView } from '../user.presenter.ts';
import { shown, type Option, type OptionGroup, type ShownValues } from '../route-support.ts';
import { DoneNotice, GroupedSelectField, PostButton, SummaryRow, UserStatus } from './org-components.tsx';

export interface RoleLine {
  readonly id: number;
  readonly role: string;
  readonly agencyName: string;
  readonly unitName: string | null;
  /** China time. */
  readonly grantedAt?: string;
  readonly canRevoke?: boolean;
}

export interface UserLine {
  readonly user: UserView;
  readonly agencyName: string;
  readonly unitName: string | null;
  readonly roles: readonly RoleLine[];
}

function roleText(ctx: ViewContext, r: RoleLine): string {
  const where = `${r.agencyName}${r.unitName ? ` · ${r.unitName}` : ''}`;
  return ctx.t('org.role.line', { role: ctx.t(`role.${r.role}`), where });
}

export function UserListPage(props: {
  ctx: ViewContext;
  rows: readonly UserLine[];
  agencyOptions: readonly Option[];
  agency?: string;
  canCreate: boolean;
  limited: boolean;
  done?: string;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('org.users.title')} wide>
      <h1>{t('org.users.title')}</h1>
      <DoneNotice ctx={ctx} done={props.done} />
      {props.canCreate && (
        <p>
          <a class="button" href="/admin/users/new">
            {t('org.user.new')}
          </a>
        </p>
      )}
      <form method="get" action="/admin/users" class="button-row">
        <label for="users-agency">{t('org.users.filter_agency')}</label>
        <select id="users-agency" name="agency" class="select">
          <option value="" selected={!props.agency}>
            {t('org.users.all_agencies')}
          </option>
          {props.agencyOptions.map((o) => (
            <option value={o.value} selected={o.value === props.agency}>
              {o.label}
            </option>
          ))}
        </select>
        <button type="submit" class="button button--secondary">
          {t('org.users.filter')}
        </button>
      </form>
      <p class="muted">{t('org.users.count', { count: props.rows.length })}</p>
      {props.limited && <Notice kind="warning">{t('org.users.limited', { count: props.rows.length })}</Notice>}
      {props.rows.length === 0 ? (
        <p>{t('org.users.empty')}</p>
      ) : (
        <TableWrap ctx={ctx}>
          <table class="table">
            <caption class="visually-hidden">{t('org.users.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.field.username')}</th>
                <th scope="col">{t('org.field.display_name')}</th>
                <th scope="col">{t('org.field.agency')}</th>
                <th scope="col">{t('org.field.unit')}</th>
                <th scope="col">{t('org.user.roles')}</th>
                <th scope="col">{t('org.field.status')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/users/${r.user.id}`}>{r.user.username}</a>
                  </td>
                  <td>{r.user.displayName}</td>
                  <td>{r.agencyName}</td>
                  <td>{r.unitName ?? ''}</td>
                  <td>
                    {r.roles.length === 0 ? (
                      <span class="muted">{t('common.none')}</span>
                    ) : (
                      <ul class="plain-list">
                        {r.roles.map((role) => (
                          <li>{roleText(ctx, role)}</li>
                        ))}
                      </ul>
                    )}
                  </td>
                  <td>
                    <UserStatus ctx={ctx} status={r.user.status} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </Layout>
  );
}

export function UserFormPage(props: {
  ctx: ViewContext;
  user?: UserView;
  values: ShownValues;
  issues: readonly ValidationIssue[];
  agencyOptions: readonly Option[];
  unitGroups: readonly OptionGroup[];
}) {
  const { ctx, user, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => shown(values, name);
  const title = user ? t('org.titled', { action: t('org.user.edit'), name: user.displayName }) : t('org.user.new');
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={user ? `/admin/users/${user.id}` : '/admin/users'} novalidate>
        <CsrfField ctx={ctx} />
        {user ? (
          <dl class="summary-list">
            <SummaryRow label={t('org.field.username')} value={<code>{user.username}</code>} />
          </dl>
        ) : (
          <TextField
            ctx={ctx}
            name="username"
            label={t('org.field.username')}
            hint={t('org.user.username_hint')}
            value={v('username')}
            issues={issues}
            width="medium"
            autocomplete="off"
            required
          />
        )}
        <UserProfileFields
          ctx={ctx}
          values={values}
          issues={issues}
          agencyOptions={props.agencyOptions}
          unitGroups={props.unitGroups}
        />
        <div class="button-row">
          <button type="submit" class="button">
            {user ? t('action.save') : t('action.create')}
          </button>
          <a href={user ? `/admin/users/${user.id}` : '/admin/users'}>{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export interface GrantForm {
  readonly roleOptions: readonly Option[];
  readonly agencyOptions: readonly Option[];
  readonly unitGroups: readonly OptionGroup[];
  readonly values: ShownValues;
  readonly issues: readonly ValidationIssue[];
  readonly adminHint: boolean;
}

export function UserPage(props: {
  ctx: ViewContext;
  user: UserView;
  agencyName: string;
  unitName: string | null;
  grants: readonly RoleLine[];
  grantForm: GrantForm | null;
  can: { edit: boolean; secure: boolean };
  issues?: readonly ValidationIssue[];
  done?: string;
}) {
  const { ctx, user: u, grantForm } = props;
  const { t } = ctx;
  const issues = grantForm?.issues ?? props.issues ?? [];
  return (
    <Layout ctx={ctx} title={u.displayName} wide>
      <h1>
        {u.displayName} <span class="muted">({u.username})</span>
      </h1>
      <DoneNotice ctx={ctx} done={props.done} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <div class="button-row">
        {props.can.edit && (
          <a class="button button--secondary" href={`/admin/users/${u.id}/edit`}>
            {t('org.user.edit')}
          </a>
        )}
        <a href={`/admin/users?agency=${u.agencyId}`}>{t('org.back_to_users')}</a>
      </div>
      <dl class="summary-list">
        <SummaryRow label={t('org.field.username')} value={<code>{u.username}</code>} />
        <SummaryRow label={t('org.field.display_name')} value={u.displayName} />
        <SummaryRow label={t('org.field.agency')} value={props.agencyName} />
        <SummaryRow label={t('org.field.unit')} value={props.unitName} />
        <SummaryRow label={t('org.field.job_title')} value={u.jobTitle} />
        <SummaryRow label={t('org.field.email')} value={u.email} />
        <SummaryRow label={t('org.field.status')} value={<UserStatus ctx={ctx} status={u.status} />} />
        <SummaryRow label={t('org.field.last_sign_in')} value={u.lastSignInAt} />
        <SummaryRow label={t('org.field.created_at')} value={u.createdAt} />
      </dl>

      <RoleGrants ctx={ctx} grants={props.grants} />

      {grantForm && <GrantRoleForm ctx={ctx} userId={u.id} form={grantForm} issues={issues} />}

      {props.can.secure && <SecurityActions ctx={ctx} user={u} />}
    </Layout>
  );
}

export function ActivationSentPage(props: {
  ctx: ViewContext;
  title: string;
  user: UserView;
  sentTo: string;
  hours: number;
}) {
  const { ctx, user } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={props.title}>
      <h1>{props.title}</h1>
      <dl class="summary-list">
        <SummaryRow label={t('org.field.username')} value={<code>{user.username}</code>} />
        <SummaryRow label={t('org.field.display_name')} value={user.displayName} />
      </dl>
      <Notice kind="success">{t('org.user.activation_sent', { to: props.sentTo })}</Notice>
      <p class="field__hint">{t('org.user.activation_hint', { hours: props.hours })}</p>
      <p>
        <a href={`/admin/users/${user.id}`}>{t('org.user.to_details')}</a>
      </p>
    </Layout>
  );
}

/** The user form's profile fields: name, agency and unit, job title and email. */
function UserProfileFields(props: {
  ctx: ViewContext;
  values: ShownValues;
  issues: readonly ValidationIssue[];
  agencyOptions: readonly Option[];
  unitGroups: readonly OptionGroup[];
}) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => shown(values, name);
  return (
    <>
      <TextField
        ctx={ctx}
        name="display_name"
        label={t('org.field.display_name')}
        value={v('display_name')}
        issues={issues}
        width="medium"
        required
      />
      <SelectField
        ctx={ctx}
        name="agency_id"
        label={t('org.field.agency')}
        value={v('agency_id')}
        issues={issues}
        required
        options={[{ value: '', label: t('org.choose') }, ...props.agencyOptions]}
      />
      <GroupedSelectField
        ctx={ctx}
        name="unit_id"
        label={t('org.field.unit')}
        hint={t('org.user.unit_hint')}
        value={v('unit_id')}
        issues={issues}
        empty={t('org.user.unit_none')}
        groups={props.unitGroups}
      />
      <TextField
        ctx={ctx}
        name="job_title"
        label={t('org.field.job_title')}
        value={v('job_title')}
        issues={issues}
        width="medium"
      />
      <TextField
        ctx={ctx}
        name="email"
        label={t('org.field.email')}
        value={v('email')}
        issues={issues}
        width="medium"
        type="email"
      />
    </>
  );
}

/** The user's role assignments, each with its revoke button where the actor may revoke it. */
function RoleGrants(props: { ctx: ViewContext; grants: readonly RoleLine[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="roles">{t('org.user.roles')}</h2>
      {props.grants.length === 0 ? (
        <p>{t('org.user.no_roles')}</p>
      ) : (
        <TableWrap ctx={ctx}>
          <table class="table">
            <caption class="visually-hidden">{t('org.user.roles')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.field.role')}</th>
                <th scope="col">{t('org.field.agency')}</th>
                <th scope="col">{t('org.field.unit')}</th>
                <th scope="col">{t('org.user.granted_at')}</th>
                <th scope="col">{t('common.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {props.grants.map((g) => (
                <tr>
                  <td>{t(`role.${g.role}`)}</td>
                  <td>{g.agencyName}</td>
                  <td>{g.unitName ?? ''}</td>
                  <td>{g.grantedAt ?? ''}</td>
                  <td>
                    {g.canRevoke && (
                      <PostButton
                        ctx={ctx}
                        action={`/admin/role-assignments/${g.id}/revoke`}
                        label={t('org.role.revoke')}
                        hiddenLabel={t('org.role.revoke_label', { role: t(`role.${g.role}`) })}
                        confirm={t('org.role.revoke_confirm')}
                        warning
                      />
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}

/** The form that grants the user a role in an agency (and unit). */
function GrantRoleForm(props: {
  ctx: ViewContext;
  userId: number;
  form: GrantForm;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, issues, form: grantForm } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="grant">{t('org.role.grant')}</h2>
      {grantForm.adminHint && <p class="field__hint">{t('org.role.admin_hint')}</p>}
      <form method="post" action={`/admin/users/${props.userId}/roles`} novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="role"
          label={t('org.field.role')}
          value={shown(grantForm.values, 'role')}
          issues={issues}
          required
          options={[{ value: '', label: t('org.choose') }, ...grantForm.roleOptions]}
        />
        <SelectField
          ctx={ctx}
          name="agency_id"
          label={t('org.field.agency')}
          value={shown(grantForm.values, 'agency_id')}
          issues={issues}
          required
          options={[{ value: '', label: t('org.choose') }, ...grantForm.agencyOptions]}
        />
        <GroupedSelectField
          ctx={ctx}
          name="unit_id"
          label={t('org.field.unit')}
          hint={t('org.role.unit_hint')}
          value={shown(grantForm.values, 'unit_id')}
          issues={issues}
          empty={t('org.role.unit_none')}
          groups={grantForm.unitGroups}
        />
        <SubmitRow ctx={ctx} label={t('org.role.grant_button')} />
      </form>
    </>
  );
}

/** The account's security actions: unlock, lock and password reset. */
function SecurityActions(props: { ctx: ViewContext; user: UserView }) {
  const { ctx, user: u } = props;
  const { t } = ctx;
  return (
    <>
      <h2 id="security">{t('org.user.security')}</h2>
      <div class="button-row">
        {u.locked ? (
          <PostButton
            ctx={ctx}
            action={`/admin/users/${u.id}/unlock`}
            label={t('org.user.unlock')}
            confirm={t('org.user.unlock_confirm')}
            secondary
          />
        ) : null}
        {!u.status.disabled && (
          <PostButton
            ctx={ctx}
            action={`/admin/users/${u.id}/lock`}
            label={t('org.user.lock')}
            confirm={t('org.user.lock_confirm')}
            warning
          />
        )}
        <PostButton
          ctx={ctx}
          action={`/admin/users/${u.id}/reset-password`}
          label={t('org.user.reset')}
          confirm={t('org.user.reset_confirm')}
          warning
        />
      </div>
    </>
  );
}
