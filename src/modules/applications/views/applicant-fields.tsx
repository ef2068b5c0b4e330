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
import { Fieldset, formFields, GroupedSelectField, type FormValues } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { APPLICANT_KINDS, DELIVERY_WAYS, FORMS_WANTED } from '../applications.ts';

export type Values = FormValues;

type FieldsProps = { ctx: ViewContext; values: Values; issues: readonly ValidationIssue[] };

/** Who applies: the kind of applicant (grouped as table 三 groups them), name, identity and contact. */
function IdentityFields(props: FieldsProps) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, issues);
  const orgKinds = APPLICANT_KINDS.filter((k) => k !== 'natural_person');
  return (
    <Fieldset legend={t('applications.apply.section_applicant')}>
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
      <f.Text
        name="applicant_name"
        label={t('applications.field.applicant_name')}
        required
        autocomplete="name"
        width="medium"
      />
      <f.Text
        name="id_number"
        label={t('applications.field.id_number')}
        hint={t('applications.apply.id_hint')}
        width="medium"
        autocomplete="off"
      />
      <f.Text
        name="phone"
        label={t('applications.field.phone')}
        required
        type="tel"
        autocomplete="tel"
        width="medium"
      />
      <f.Text name="email" label={t('applications.field.email')} type="email" autocomplete="email" width="medium" />
      <f.Text name="address" label={t('applications.field.address')} autocomplete="street-address" />
    </Fieldset>
  );
}

/** An organisation's credit code and contact person (shown to all, marked as for organisations). */
function OrganisationFields(props: FieldsProps) {
  const { t } = props.ctx;
  const f = formFields(props.ctx, props.values, props.issues);
  const hint = t('applications.apply.org_hint');
  return (
    <Fieldset legend={t('applications.apply.section_organisation')}>
      <f.Text
        name="credit_code"
        label={t('applications.field.credit_code')}
        hint={hint}
        width="medium"
        autocomplete="off"
      />
      <f.Text name="contact_person" label={t('applications.field.contact_person')} hint={hint} width="medium" />
    </Fieldset>
  );
}

/** The information wanted, its form and the way of delivery. */
function RequestFields(props: FieldsProps) {
  const { ctx, values: v } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, props.issues);
  return (
    <>
      <Fieldset legend={t('applications.apply.section_information')}>
        <f.Text name="description" label={t('applications.field.description')} required multiline />
        <f.Text name="document_number_hint" label={t('applications.field.document_number_hint')} width="medium" />
      </Fieldset>
      <Fieldset legend={t('applications.apply.section_delivery')}>
        <f.Select
          name="form_wanted"
          label={t('applications.field.form_wanted')}
          value={v.form_wanted ?? 'electronic'}
          required
          options={FORMS_WANTED.map((x) => ({ value: x, label: t(`applications.form.${x}`) }))}
        />
        <f.Select
          name="delivery_way"
          label={t('applications.field.delivery_way')}
          value={v.delivery_way ?? 'email'}
          required
          options={DELIVERY_WAYS.map((d) => ({ value: d, label: t(`applications.delivery.${d}`) }))}
        />
      </Fieldset>
    </>
  );
}

export function ApplicantFields(props: FieldsProps) {
  return (
    <>
      <IdentityFields {...props} />
      <OrganisationFields {...props} />
      <RequestFields {...props} />
    </>
  );
}
