import type { LoadedPanel } from '../../../platform/views/dashboard-panels.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { NewPasswordFields } from './new-password-fields.tsx';

export interface RoleLine {
  readonly role: string;
  readonly agencyName: string;
  readonly unitName: string | null;
}

export function AccountPage(props: {
  ctx: ViewContext;
  agencyName: string;
  roles: readonly RoleLine[];
  changed?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <h1>{t('account.title')}</h1>
      {props.changed && <Notice kind="success">{t('account.password_changed')}</Notice>}
      <dl class="summary-list">
        <dt>{t('account.username')}</dt>
        <dd>{ctx.actor?.username}</dd>
        <dt>{t('account.dashboard.agency')}</dt>
        <dd>{props.agencyName}</dd>
      </dl>
      <h2>{t('account.roles')}</h2>
      <ul>
        {props.roles.map((r) => (
          <li>
            {t(`role.${r.role}`)} — {r.agencyName}
            {r.unitName ? ` · ${r.unitName}` : ''}
          </li>
        ))}
      </ul>
      <p>
        <a href="/account/password">{t('account.change_password')}</a>
      </p>
    </Layout>
  );
}

export function PasswordPage(props: { ctx: ViewContext; issues: readonly ValidationIssue[]; mustChange: boolean }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.change_password')}>
      <h1>{t('account.change_password')}</h1>
      {props.mustChange && <Notice kind="warning">{t('account.must_change')}</Notice>}
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <form method="post" action="/account/password" novalidate>
        <CsrfField ctx={ctx} />
        <TextField
          ctx={ctx}
          name="current_password"
          label={t('account.current_password')}
          type="password"
          autocomplete="current-password"
          issues={props.issues}
          width="medium"
          required
        />
        <NewPasswordFields ctx={ctx} issues={props.issues} />
        <div class="button-row">
          <button type="submit" class="button">
            {t('account.change_password')}
          </button>
        </div>
      </form>
    </Layout>
  );
}

export interface DashboardCard {
  readonly title: string;
  readonly href: string;
  readonly text: string;
}

export function DashboardPage(props: {
  ctx: ViewContext;
  agencyName: string;
  lastSignIn: string | null;
  cards: readonly DashboardCard[];
  panels?: readonly LoadedPanel[];
  passwordChanged?: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('account.dashboard.title')}>
      {props.passwordChanged && <Notice kind="success">{t('account.password_changed')}</Notice>}
      <h1>{t('account.dashboard.welcome', { name: ctx.actor?.displayName ?? '' })}</h1>
      <dl class="summary-list">
        <dt>{t('account.dashboard.agency')}</dt>
        <dd>{props.agencyName}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{[...new Set(ctx.actor?.grants.map((g) => t(`role.${g.role}`)))].join('、')}</dd>
        {props.lastSignIn && (
          <>
            <dt>{t('account.dashboard.last_sign_in')}</dt>
            <dd>{props.lastSignIn}</dd>
          </>
        )}
      </dl>
      {props.panels?.map((p) => p.render(ctx))}
      <div class="cards">
        {props.cards.map((c) => (
          <div class="card">
            <h2>
              <a href={c.href}>{c.title}</a>
            </h2>
            <p>{c.text}</p>
          </div>
        ))}
      </div>
    </Layout>
  );
}
