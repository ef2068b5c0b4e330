/**
 * MailboxSettingsPage — GET /admin/mailbox/settings, POST …/limits and …/routes: the agency's reply
 * limits per source and category beside the defaults (docs/domain/mailbox-and-hotline.md#limits),
 * and the unit each category goes to when the office assigns without choosing.
 * MailboxPanel — the start page's "letters and orders waiting for you".
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  ErrorSummary,
  formFields,
  Notice,
  PostForm,
  TableWrap,
  type FormValues,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { mailboxCategories, mailboxSources } from '../mailbox.ts';
import type { LimitLine, MailboxListItem, RouteLine } from '../mailbox.presenter.ts';

function limitText(ctx: ViewContext, days: number, sameDay: boolean): string {
  return sameDay ? ctx.t('mailbox.limit.same_day') : ctx.t('mailbox.limit.days', { n: days });
}

function LimitForm(props: { ctx: ViewContext; values: FormValues; issues: readonly ValidationIssue[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const f = formFields(ctx, props.values, props.issues);
  return (
    <PostForm ctx={ctx} action="/admin/mailbox/settings/limits">
      <f.Select
        name="source"
        label={t('mailbox.field.source')}
        options={mailboxSources.map((s) => ({ value: s, label: t(`mailbox.source.${s}`) }))}
      />
      <f.Select
        name="category"
        label={t('mailbox.field.category')}
        options={mailboxCategories.map((c) => ({ value: c, label: t(`mailbox.category.${c}`) }))}
      />
      <f.Text name="working_days" label={t('mailbox.field.working_days')} width="short" />
      <f.Select
        name="mode"
        label={t('mailbox.field.limit_mode')}
        options={[
          { value: 'days', label: t('mailbox.limit.mode_days') },
          { value: 'same_day', label: t('mailbox.limit.same_day') },
          { value: 'default', label: t('mailbox.limit.mode_default') },
        ]}
      />
      <div class="button-row">
        <button type="submit" class="button">
          {t('action.save')}
        </button>
      </div>
    </PostForm>
  );
}

function RouteForm(props: {
  ctx: ViewContext;
  values: FormValues;
  issues: readonly ValidationIssue[];
  units: readonly { id: number; name: string }[];
}) {
  const { ctx } = props;
  const { t } = ctx;
  const f = formFields(ctx, props.values, props.issues);
  return (
    <PostForm ctx={ctx} action="/admin/mailbox/settings/routes">
      <f.Select
        name="route_category"
        label={t('mailbox.field.category')}
        options={mailboxCategories.map((c) => ({ value: c, label: t(`mailbox.category.${c}`) }))}
      />
      <f.Select
        name="route_unit_id"
        label={t('mailbox.field.unit')}
        options={[
          { value: '', label: t('mailbox.settings.no_rule') },
          ...props.units.map((u) => ({ value: String(u.id), label: u.name })),
        ]}
      />
      <div class="button-row">
        <button type="submit" class="button">
          {t('action.save')}
        </button>
      </div>
    </PostForm>
  );
}

export function MailboxSettingsPage(props: {
  ctx: ViewContext;
  agencyName: string;
  limits: readonly LimitLine[];
  routes: readonly RouteLine[];
  units: readonly { id: number; name: string }[];
  values: FormValues;
  issues: readonly ValidationIssue[];
  saved: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('mailbox.settings.title')} wide>
      <h1>{t('mailbox.settings.title')}</h1>
      <p class="muted">{props.agencyName}</p>
      {props.saved && <Notice kind="success">{t('mailbox.settings.saved')}</Notice>}
      <ErrorSummary ctx={ctx} issues={props.issues} />
      <h2 id="limits-title">{t('mailbox.settings.limits')}</h2>
      <p>{t('mailbox.settings.limits_hint')}</p>
      <TableWrap ctx={ctx} labelledBy="limits-title">
        <table class="table" data-table="mailbox-limits">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.field.source')}</th>
              <th scope="col">{t('mailbox.field.category')}</th>
              <th scope="col">{t('mailbox.settings.default')}</th>
              <th scope="col">{t('mailbox.settings.agency_limit')}</th>
            </tr>
          </thead>
          <tbody>
            {props.limits.map((l) => (
              <tr data-limit={`${l.source}.${l.category}`}>
                <td>{t(`mailbox.source.${l.source}`)}</td>
                <td>{t(`mailbox.category.${l.category}`)}</td>
                <td>{limitText(ctx, l.defaultDays, l.defaultSameDay)}</td>
                <td>{l.configured ? limitText(ctx, l.days ?? 0, l.sameDay) : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <LimitForm ctx={ctx} values={props.values} issues={props.issues} />
      <h2 id="routes-title">{t('mailbox.settings.routes')}</h2>
      <TableWrap ctx={ctx} labelledBy="routes-title">
        <table class="table" data-table="mailbox-routes">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.field.category')}</th>
              <th scope="col">{t('mailbox.field.unit')}</th>
            </tr>
          </thead>
          <tbody>
            {props.routes.map((r) => (
              <tr data-route={r.category}>
                <td>{t(`mailbox.category.${r.category}`)}</td>
                <td>{r.unitName ?? '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <RouteForm ctx={ctx} values={props.values} issues={props.issues} units={props.units} />
      <p>
        <a href="/admin/mailbox">{t('mailbox.back')}</a>
      </p>
    </Layout>
  );
}

export function MailboxPanel(props: { ctx: ViewContext; rows: readonly MailboxListItem[] }) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <section class="panel" aria-labelledby="mailbox-panel-title" data-panel="mailbox">
      <h2 id="mailbox-panel-title">{t('mailbox.panel.title')}</h2>
      <ul>
        {props.rows.map((r) => (
          <li data-status={r.status}>
            <a href={`/admin/mailbox/${r.id}`}>{r.subject}</a> · {t(`mailbox.status.${r.status}`)} ·{' '}
            {t('mailbox.panel.due', { date: r.dueDate })}
            {r.overdue && <strong> {t('mailbox.overdue')}</strong>}
          </li>
        ))}
      </ul>
      <p>
        <a href="/admin/mailbox">{t('mailbox.panel.all')}</a>
      </p>
    </section>
  );
}
