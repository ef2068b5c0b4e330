/**
 * Units (科室 / 局属单位) of an agency.
 *
 *  UnitFormPage({ ctx, agency, unit?, values, issues, active? })
 *      — add a unit to `agency` (no `unit`) or edit `unit`; editing adds the "active" checkbox,
 *        ticked when `active`
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { OrgRef } from '../agency.presenter.ts';
import { unitKinds } from '../organisation.ts';
import { shown, type ShownValues } from '../route-support.ts';
import { CheckboxField } from './org-components.tsx';

export function UnitFormPage(props: {
  ctx: ViewContext;
  agency: OrgRef;
  unit?: OrgRef;
  values: ShownValues;
  issues: readonly ValidationIssue[];
  active?: boolean;
}) {
  const { ctx, agency, unit, values, issues } = props;
  const { t } = ctx;
  const title = t('org.titled', {
    action: unit ? t('org.unit.edit') : t('org.unit.new'),
    name: unit ? unit.name : agency.name,
  });
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action={unit ? `/admin/units/${unit.id}` : `/admin/agencies/${agency.id}/units`} novalidate>
        <CsrfField ctx={ctx} />
        <UnitFields ctx={ctx} values={values} issues={issues} />
        {unit && (
          <CheckboxField
            ctx={ctx}
            name="active"
            label={t('org.field.active')}
            hint={t('org.field.active_hint')}
            checked={props.active ?? true}
          />
        )}
        <div class="button-row">
          <button type="submit" class="button">
            {unit ? t('action.save') : t('action.create')}
          </button>
          <a href={`/admin/agencies/${agency.id}#units`}>{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

/** The unit's fields: name, kind, phone, duties and its place in the agency's list. */
function UnitFields(props: { ctx: ViewContext; values: ShownValues; issues: readonly ValidationIssue[] }) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  const v = (name: string) => shown(values, name);
  return (
    <>
      <TextField
        ctx={ctx}
        name="name"
        label={t('org.field.name')}
        value={v('name')}
        issues={issues}
        width="medium"
        required
      />
      <SelectField
        ctx={ctx}
        name="kind"
        label={t('org.field.unit_kind')}
        value={v('kind')}
        issues={issues}
        required
        options={[
          { value: '', label: t('org.choose') },
          ...unitKinds.map((k) => ({ value: k, label: t(`org.unit_kind.${k}`) })),
        ]}
      />
      <TextField
        ctx={ctx}
        name="phone"
        label={t('org.field.phone')}
        value={v('phone')}
        issues={issues}
        width="medium"
        type="tel"
      />
      <TextField ctx={ctx} name="duties" label={t('org.field.duties')} value={v('duties')} issues={issues} multiline />
      <TextField
        ctx={ctx}
        name="sort_order"
        label={t('org.field.sort_order')}
        hint={t('org.field.sort_order_hint')}
        value={v('sort_order')}
        issues={issues}
        width="short"
        type="number"
      />
    </>
  );
}
