/**
 * RegisterPage — GET/POST /admin/applications/new: counter staff register an application that
 * came in person, by post, fax or e-mail, with the dates Art. 31 takes the receipt date from,
 * and optionally route it to a unit at once.
 *
 * Parameters: ctx; agencyName; units (id, name); values; issues.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Fieldset, formFields } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { COUNTER_CHANNELS } from '../applications.ts';
import { ApplicantFields, type Values } from './applicant-fields.tsx';
import { AttachmentFields } from './attachment-fields.tsx';

export function RegisterPage(props: {
  ctx: ViewContext;
  agencyName: string;
  units: readonly { id: number; name: string }[];
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, issues);
  return (
    <Layout ctx={ctx} title={t('applications.register.title')}>
      <h1>{t('applications.register.title')}</h1>
      <p class="muted">{props.agencyName}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action="/admin/applications/new" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <Fieldset legend={t('applications.field.channel')}>
          <p class="field__hint">{t('applications.register.lead')}</p>
          <f.Select
            name="channel"
            label={t('applications.field.channel')}
            value={v.channel ?? 'in_person'}
            required
            options={COUNTER_CHANNELS.map((c) => ({ value: c, label: t(`applications.channel.${c}`) }))}
          />
          <f.Date name="submitted_on" label={t('applications.field.submitted_on')} />
          <f.Date name="signed_on" label={t('applications.field.signed_on')} />
          <f.Date name="confirmed_on" label={t('applications.field.confirmed_on')} />
          <f.Select
            name="assigned_unit_id"
            label={t('applications.field.assigned_unit')}
            options={[
              { value: '', label: t('applications.register.unassigned') },
              ...props.units.map((u) => ({ value: String(u.id), label: u.name })),
            ]}
          />
        </Fieldset>
        <ApplicantFields ctx={ctx} values={v} issues={issues} />
        <AttachmentFields ctx={ctx} issues={issues} />
        <div class="button-row">
          <button type="submit" class="button">
            {t('applications.register.submit')}
          </button>
          <a href="/admin/applications">{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}
