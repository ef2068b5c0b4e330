/**
 * The leading group (领导小组) of an agency.
 *
 *  LeadingGroupSection({ ctx, members, today, canManage, issues?, endValues? })
 *      — current members (no end date, or one not yet passed), each with an "end membership"
 *        form (a date, prefilled with today, and a confirmed POST) when `canManage`; then past
 *        members with their dates. An issue of the form for member N has field `end-N`.
 *  LeadingGroupPage({ ctx, agency, members, today, values, issues, userOptions, canRead, done? })
 *      — the form that adds a member, with the group below it (for the disclosure office, which
 *        manages the group without reading the rest of the organisation pages)
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, fieldId, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { pick } from '../../../platform/i18n/i18n.ts';
import type { LeadingGroupMember, LeadingGroupView } from '../leading-group.presenter.ts';
import type { OrgRef } from '../agency.presenter.ts';
import { leadingGroupPositions } from '../organisation.ts';
import { shown, type Option, type ShownValues } from '../route-support.ts';
import { DoneNotice } from './org-components.tsx';

function EndForm(props: {
  ctx: ViewContext;
  member: LeadingGroupMember;
  today: string;
  error?: ValidationIssue;
  value?: string;
}) {
  const { ctx, member: m } = props;
  const { t } = ctx;
  const name = `end-${m.id}`;
  const id = fieldId(name);
  return (
    <form
      method="post"
      action={`/admin/leading-group/${m.id}/end`}
      class={props.error ? 'end-form field--error' : 'end-form'}
      data-confirm={t('org.lg.end_confirm')}
    >
      <CsrfField ctx={ctx} />
      <label for={id} class="visually-hidden">
        {t('org.lg.end_label', { name: m.personName })}
      </label>
      {props.error && (
        <p class="field__error" id={`${id}-error`}>
          {pick(ctx.locale, props.error.message)}
        </p>
      )}
      <input
        type="date"
        id={id}
        name="to_date"
        class="input input--short"
        value={props.value ?? props.today}
        aria-invalid={props.error ? 'true' : undefined}
        aria-describedby={props.error ? `${id}-error` : undefined}
      />{' '}
      <button type="submit" class="button button--secondary">
        {t('org.lg.end')}
        <span class="visually-hidden"> — {m.personName}</span>
      </button>
    </form>
  );
}

export function LeadingGroupSection(props: {
  ctx: ViewContext;
  members: LeadingGroupView;
  today: string;
  canManage: boolean;
  issues?: readonly ValidationIssue[];
  endValues?: Readonly<Record<number, string>>;
}) {
  const { ctx, today } = props;
  const { t } = ctx;
  const { current, past } = props.members;
  return (
    <>
      <h3>{t('org.lg.current')}</h3>
      {current.length === 0 ? (
        <p>{t('org.lg.empty_current')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">{t('org.lg.current')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.field.person_name')}</th>
                <th scope="col">{t('org.field.position')}</th>
                <th scope="col">{t('org.field.job_title')}</th>
                <th scope="col">{t('org.lg.period')}</th>
                {props.canManage && <th scope="col">{t('org.lg.end')}</th>}
              </tr>
            </thead>
            <tbody>
              {current.map((m) => (
                <tr>
                  <td>{m.personName}</td>
                  <td>{t(`org.position.${m.position}`)}</td>
                  <td>{m.jobTitle ?? ''}</td>
                  <td>
                    {m.toDate
                      ? t('org.lg.between', { from: m.fromDate, to: m.toDate })
                      : t('org.lg.since', { from: m.fromDate })}
                  </td>
                  {props.canManage && (
                    <td>
                      <EndForm
                        ctx={ctx}
                        member={m}
                        today={today}
                        error={props.issues?.find((i) => i.field === `end-${m.id}`)}
                        value={props.endValues?.[m.id]}
                      />
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <h3>{t('org.lg.past')}</h3>
      {past.length === 0 ? (
        <p>{t('org.lg.empty_past')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
          <table class="table">
            <caption class="visually-hidden">{t('org.lg.past')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('org.field.person_name')}</th>
                <th scope="col">{t('org.field.position')}</th>
                <th scope="col">{t('org.field.job_title')}</th>
                <th scope="col">{t('org.lg.period')}</th>
              </tr>
            </thead>
            <tbody>
              {past.map((m) => (
                <tr>
                  <td>{m.personName}</td>
                  <td>{t(`org.position.${m.position}`)}</td>
                  <td>{m.jobTitle ?? ''}</td>
                  <td>{t('org.lg.between', { from: m.fromDate, to: m.toDate ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function LeadingGroupPage(props: {
  ctx: ViewContext;
  agency: OrgRef;
  members: LeadingGroupView;
  today: string;
  values: ShownValues;
  issues: readonly ValidationIssue[];
  userOptions: readonly Option[];
  canRead: boolean;
  endValues?: Readonly<Record<number, string>>;
  done?: string;
}) {
  const { ctx, agency, values, issues } = props;
  const { t } = ctx;
  const title = t('org.titled', { action: t('org.lg.add'), name: agency.name });
  // Issues of the add form (not of an end form) belong to this form's summary and fields.
  return (
    <Layout ctx={ctx} title={title} wide>
      <h1>{title}</h1>
      <DoneNotice ctx={ctx} done={props.done} />
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={`/admin/agencies/${agency.id}/leading-group`} novalidate>
        <CsrfField ctx={ctx} />
        <MemberFields ctx={ctx} values={values} issues={issues} userOptions={props.userOptions} />
        <div class="button-row">
          <button type="submit" class="button">
            {t('org.lg.add')}
          </button>
          {props.canRead && <a href={`/admin/agencies/${agency.id}#leading-group`}>{t('org.back_to_agency')}</a>}
        </div>
      </form>
      <h2>{t('org.leading_group')}</h2>
      <LeadingGroupSection
        ctx={ctx}
        members={props.members}
        today={props.today}
        canManage
        issues={issues}
        endValues={props.endValues}
      />
    </Layout>
  );
}

/** The fields of a leading-group member: person, position, term and (optionally) their user account. */
function MemberFields(props: {
  ctx: ViewContext;
  values: ShownValues;
  issues: readonly ValidationIssue[];
  userOptions: readonly Option[];
}) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => shown(values, name);
  return (
    <>
      <TextField
        ctx={ctx}
        name="person_name"
        label={t('org.field.person_name')}
        value={v('person_name')}
        issues={issues}
        width="medium"
        required
      />
      <SelectField
        ctx={ctx}
        name="position"
        label={t('org.field.position')}
        value={v('position')}
        issues={issues}
        required
        options={[
          { value: '', label: t('org.choose') },
          ...leadingGroupPositions.map((p) => ({ value: p, label: t(`org.position.${p}`) })),
        ]}
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
        name="from_date"
        label={t('org.field.from_date')}
        value={v('from_date')}
        issues={issues}
        width="short"
        type="date"
        required
      />
      <TextField
        ctx={ctx}
        name="to_date"
        label={t('org.field.to_date')}
        value={v('to_date')}
        issues={issues}
        width="short"
        type="date"
      />
      <SelectField
        ctx={ctx}
        name="user_id"
        label={t('org.field.username')}
        hint={t('org.lg.user_hint')}
        value={v('user_id')}
        issues={issues}
        options={[{ value: '', label: t('org.lg.user_none') }, ...props.userOptions]}
      />
    </>
  );
}
