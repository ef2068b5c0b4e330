/**
 * ApplicantFields — the Art. 29 part of the application form, shared by the public form and the
 * counter registration: applicant type (a citizen, or one of the five kinds of organisation of
 * table 三), name, identity, organisation details, contact, the information wanted, its form and
 * way of delivery. Works without JavaScript: organisation fields are always shown, marked as
 * needed only for organisations.
 *
 * Parameters: ctx; values (form values as typed); issues.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { GroupedSelectField, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { APPLICANT_KINDS, DELIVERY_WAYS, FORMS_WANTED } from '../applications.ts';

export type Values = Readonly<Record<string, string | undefined>>;

export function ApplicantFields(props: { ctx: ViewContext; values: Values; issues: readonly ValidationIssue[] }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const orgKinds = APPLICANT_KINDS.filter((k) => k !== 'natural_person');
  return (
    <>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.apply.section_applicant')}</legend>
        <GroupedSelectField
          ctx={ctx}
          name="applicant_kind"
          label={t('applications.field.applicant_kind')}
          value={v.applicant_kind ?? 'natural_person'}
          issues={issues}
          required
          groups={[
            {
              label: t('applications.kind_group.person'),
              options: [{ value: 'natural_person', label: t('applications.kind.natural_person') }],
            },
            {
              label: t('applications.kind_group.organisation'),
              options: orgKinds.map((k) => ({ value: k, label: t(`applications.kind.${k}`) })),
            },
          ]}
        />
        <TextField
          ctx={ctx}
          name="applicant_name"
          label={t('applications.field.applicant_name')}
          value={v.applicant_name}
          issues={issues}
          required
          autocomplete="name"
          width="medium"
        />
        <TextField
          ctx={ctx}
          name="id_number"
          label={t('applications.field.id_number')}
          value={v.id_number}
          issues={issues}
          hint={t('applications.apply.id_hint')}
          width="medium"
          autocomplete="off"
        />
        <TextField
          ctx={ctx}
          name="phone"
          label={t('applications.field.phone')}
          value={v.phone}
          issues={issues}
          required
          type="tel"
          autocomplete="tel"
          width="medium"
        />
        <TextField
          ctx={ctx}
          name="email"
          label={t('applications.field.email')}
          value={v.email}
          issues={issues}
          type="email"
          autocomplete="email"
          width="medium"
        />
        <TextField
          ctx={ctx}
          name="address"
          label={t('applications.field.address')}
          value={v.address}
          issues={issues}
          autocomplete="street-address"
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.apply.section_organisation')}</legend>
        <TextField
          ctx={ctx}
          name="credit_code"
          label={t('applications.field.credit_code')}
          value={v.credit_code}
          issues={issues}
          hint={t('applications.apply.org_hint')}
          width="medium"
          autocomplete="off"
        />
        <TextField
          ctx={ctx}
          name="contact_person"
          label={t('applications.field.contact_person')}
          value={v.contact_person}
          issues={issues}
          hint={t('applications.apply.org_hint')}
          width="medium"
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.apply.section_information')}</legend>
        <TextField
          ctx={ctx}
          name="description"
          label={t('applications.field.description')}
          value={v.description}
          issues={issues}
          required
          multiline
        />
        <TextField
          ctx={ctx}
          name="document_number_hint"
          label={t('applications.field.document_number_hint')}
          value={v.document_number_hint}
          issues={issues}
          width="medium"
        />
      </fieldset>
      <fieldset class="fieldset">
        <legend class="fieldset__legend">{t('applications.apply.section_delivery')}</legend>
        <SelectField
          ctx={ctx}
          name="form_wanted"
          label={t('applications.field.form_wanted')}
          value={v.form_wanted ?? 'electronic'}
          issues={issues}
          required
          options={FORMS_WANTED.map((f) => ({ value: f, label: t(`applications.form.${f}`) }))}
        />
        <SelectField
          ctx={ctx}
          name="delivery_way"
          label={t('applications.field.delivery_way')}
          value={v.delivery_way ?? 'email'}
          issues={issues}
          required
          options={DELIVERY_WAYS.map((d) => ({ value: d, label: t(`applications.delivery.${d}`) }))}
        />
      </fieldset>
    </>
  );
}
