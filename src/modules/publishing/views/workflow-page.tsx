/**
 * The review workflow of one agency: for each catalog category, the steps an item passes before
 * publication and whether they are configured or the built-in default. The system administrator
 * gets one form per category (checkboxes, confidentiality review always required); the
 * disclosure office sees the same table read-only.
 *
 *  WorkflowPage({ ctx, agencies, agencyId, rows, canConfigure, issues, done })
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { pick } from '../../../platform/i18n/i18n.ts';
import { reviewSteps, type ReviewStep } from '../workflow.ts';

export interface WorkflowRow {
  /** A catalog category, or '*' for every category not configured on its own. */
  readonly category: string;
  readonly steps: readonly ReviewStep[];
  readonly configured: boolean;
  /** Label of a category registered by another module (workflow-categories.ts). */
  readonly labelKey?: string;
}

function categoryLabel(ctx: ViewContext, category: string, labelKey?: string): string {
  if (labelKey) return ctx.t(labelKey);
  return category === '*' ? ctx.t('pub.workflow.fallback') : ctx.t(`pub.category.${category}`);
}

function StepsForm(props: {
  ctx: ViewContext;
  agencyId: number;
  row: WorkflowRow;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, row, issues } = props;
  const { t } = ctx;
  const key = row.category === '*' ? 'any' : row.category;
  const error = issues.find((i) => i.field === `steps-${key}`);
  const legendId = `legend-${key}`;
  return (
    <form method="post" action="/admin/workflows" class="card">
      <CsrfField ctx={ctx} />
      <input type="hidden" name="agency_id" value={String(props.agencyId)} />
      <input type="hidden" name="category" value={row.category} />
      <fieldset
        class={error ? 'field field--error' : 'field'}
        aria-describedby={error ? `field-steps-${key}-error` : undefined}
      >
        <legend class="field__label" id={legendId}>
          {t('pub.workflow.edit_title', { category: categoryLabel(ctx, row.category, row.labelKey) })}
        </legend>
        {error && (
          <p class="field__error" id={`field-steps-${key}-error`}>
            {pick(ctx.locale, error.message)}
          </p>
        )}
        {reviewSteps.map((step, i) => {
          const id = i === 0 ? `field-steps-${key}` : `field-steps-${key}-${step}`;
          return (
            <div class="checkbox">
              <input
                type="checkbox"
                id={id}
                name="steps"
                value={step}
                checked={row.steps.includes(step)}
                class="checkbox__input"
              />
              <label class="checkbox__label" for={id}>
                {t(`pub.step.${step}`)}
              </label>
            </div>
          );
        })}
      </fieldset>
      <button type="submit" class="button">
        {t('pub.workflow.save')}
      </button>
    </form>
  );
}

export function WorkflowPage(props: {
  ctx: ViewContext;
  agencies: readonly { id: number; name: string }[];
  agencyId: number;
  rows: readonly WorkflowRow[];
  canConfigure: boolean;
  issues: readonly ValidationIssue[];
  done: boolean;
}) {
  const { ctx, rows, issues } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('pub.workflow.title')} wide>
      <h1>{t('pub.workflow.title')}</h1>
      <p class="lead">{t('pub.workflow.intro')}</p>
      {props.done && <Notice kind="success">{t('pub.done.workflow')}</Notice>}
      <ErrorSummary ctx={ctx} issues={issues} />
      {props.agencies.length > 1 && (
        <form method="get" action="/admin/workflows" class="inline-form">
          <label class="field__label" for="field-agency">
            {t('pub.field.agency')}
          </label>
          <select id="field-agency" name="agency" class="select">
            {props.agencies.map((a) => (
              <option value={String(a.id)} selected={a.id === props.agencyId}>
                {a.name}
              </option>
            ))}
          </select>{' '}
          <button type="submit" class="button button--secondary">
            {t('pub.workflow.choose_agency')}
          </button>
        </form>
      )}
      <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
        <table class="table">
          <caption class="visually-hidden">{t('pub.workflow.title')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('pub.workflow.category')}</th>
              <th scope="col">{t('pub.field.steps')}</th>
              <th scope="col">{t('pub.workflow.source')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr>
                <td>{categoryLabel(ctx, row.category, row.labelKey)}</td>
                <td>{row.steps.map((s) => t(`pub.step.${s}`)).join(' → ')}</td>
                <td>{row.configured ? t('pub.workflow.configured') : t('pub.workflow.default')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.canConfigure && (
        <div class="cards">
          {rows.map((row) => (
            <StepsForm ctx={ctx} agencyId={props.agencyId} row={row} issues={issues} />
          ))}
        </div>
      )}
    </Layout>
  );
}
