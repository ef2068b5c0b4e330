/**
 * RegisterPage — GET/POST /admin/applications/new: counter staff register an application that
 * came in person, by post, fax or e-mail, with the dates Art. 31 takes the receipt date from,
 * and optionally route it to a unit at once.
 *
 * Parameters: ctx; agencyName; units (id, name); values; issues.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../../platform/views/components.tsx';
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
  return (
    <Layout ctx={ctx} title={t('applications.register.title')}>
      <h1>{t('applications.register.title')}</h1>
      <p class="muted">{props.agencyName}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action="/admin/applications/new" enctype="multipart/form-data" novalidate>
        <CsrfField ctx={ctx} />
        <fieldset class="fieldset">
          <legend class="fieldset__legend">{t('applications.field.channel')}</legend>
          <p class="field__hint">{t('applications.register.lead')}</p>
          <SelectField
            ctx={ctx}
            name="channel"
            label={t('applications.field.channel')}
            value={v.channel ?? 'in_person'}
            issues={issues}
            required
            options={COUNTER_CHANNELS.map((c) => ({ value: c, label: t(`applications.channel.${c}`) }))}
          />
          <TextField
            ctx={ctx}
            name="submitted_on"
            type="date"
            label={t('applications.field.submitted_on')}
            value={v.submitted_on}
            issues={issues}
            width="short"
          />
          <TextField
            ctx={ctx}
            name="signed_on"
            type="date"
            label={t('applications.field.signed_on')}
            value={v.signed_on}
            issues={issues}
            width="short"
          />
          <TextField
            ctx={ctx}
            name="confirmed_on"
            type="date"
            label={t('applications.field.confirmed_on')}
            value={v.confirmed_on}
            issues={issues}
            width="short"
          />
          <SelectField
            ctx={ctx}
            name="assigned_unit_id"
            label={t('applications.field.assigned_unit')}
            value={v.assigned_unit_id ?? ''}
            issues={issues}
            options={[
              { value: '', label: t('applications.register.unassigned') },
              ...props.units.map((u) => ({ value: String(u.id), label: u.name })),
            ]}
          />
        </fieldset>
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
