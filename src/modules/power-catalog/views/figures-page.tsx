/**
 * FiguresPage({ ctx, year, lines, issues, values, canEdit, saved?, importResult? }) — table
 * 二's yearly figures (licence / penalty / coercion decisions, fee income in 万元) of each agency
 * in reach for a year, and, for the disclosure office, the form to enter or correct its own
 * agency's and the upload of a CSV / XLSX file of figures (with its refused rows listed).
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { YearFilter } from '../../../platform/views/year-filter.tsx';
import {
  CsrfField,
  ErrorSummary,
  FieldFrame,
  Notice,
  TextField,
  describedBy,
  fieldId,
} from '../../../platform/views/components.tsx';
import { pick } from '../../../platform/i18n/i18n.ts';
import type { RowFailure } from '../../catalog-import/index.ts';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { figureKinds } from '../power-catalog.ts';
import type { FigureLine } from '../catalog.presenter.ts';

export function FiguresPage(props: {
  ctx: ViewContext;
  year: number;
  lines: readonly FigureLine[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  canEdit: boolean;
  saved?: boolean;
  /** After an upload: the rows imported, or the refused rows (nothing imported). */
  importResult?: { imported: number; failures: readonly RowFailure[] };
  importIssues?: readonly ValidationIssue[];
}) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('figures.title')} wide>
      <h1>{t('figures.title')}</h1>
      <p class="lead">{t('figures.lead')}</p>
      {props.saved && <Notice kind="success">{t('figures.saved')}</Notice>}
      {props.importResult && props.importResult.failures.length === 0 && (
        <Notice kind="success">{t('figures.import.done', { count: props.importResult.imported })}</Notice>
      )}
      <YearFilter ctx={ctx} action="/admin/yearly-figures" year={props.year} label={t('figures.field.year')} />
      <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
        <table class="table">
          <caption>
            {t('figures.title')}（{props.year}）
          </caption>
          <thead>
            <tr>
              <th scope="col">{t('figures.field.agency')}</th>
              {figureKinds.map((k) => (
                <th scope="col">{t(`figures.kind.${k}`)}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {props.lines.map((l) => (
              <tr>
                <td>{l.agencyName}</td>
                {figureKinds.map((k) => (
                  <td>{l.values[k] ?? <span class="muted">{t('figures.not_entered')}</span>}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {props.canEdit && (
        <>
          <h2 id="enter">{t('action.save')}</h2>
          <ErrorSummary ctx={ctx} issues={issues} />
          <form method="post" action="/admin/yearly-figures" novalidate>
            <CsrfField ctx={ctx} />
            <TextField
              ctx={ctx}
              name="year"
              label={t('figures.field.year')}
              value={props.values.year ?? String(props.year)}
              issues={issues}
              width="short"
              required
            />
            {figureKinds.map((k) => (
              <TextField
                ctx={ctx}
                name={k}
                label={t(`figures.kind.${k}`)}
                value={props.values[k]}
                issues={issues}
                width="short"
              />
            ))}
            <div class="button-row">
              <button type="submit" class="button">
                {t('action.save')}
              </button>
            </div>
          </form>
          <ImportForm ctx={ctx} issues={props.importIssues ?? []} failures={props.importResult?.failures ?? []} />
        </>
      )}
    </Layout>
  );
}

function ImportForm(props: { ctx: ViewContext; issues: readonly ValidationIssue[]; failures: readonly RowFailure[] }) {
  const { ctx, issues, failures } = props;
  const { t } = ctx;
  const error = issues.find((i) => i.field === 'file');
  const field = {
    ctx,
    name: 'file',
    label: t('figures.import.file'),
    hint: t('figures.import.lead'),
    issues,
    required: true,
  };
  return (
    <>
      <h2 id="import">{t('figures.import.title')}</h2>
      <ErrorSummary ctx={ctx} issues={issues} />
      {failures.length > 0 && (
        <div class="notice notice--warning" role="alert" data-import-failures={String(failures.length)}>
          <p>{t('figures.import.refused', { count: failures.length })}</p>
          <ul>
            {failures.slice(0, 200).map((f) => (
              <li>
                {t('figures.import.row', { row: f.row })}：{f.issues.map((i) => pick(ctx.locale, i.message)).join('；')}
              </li>
            ))}
          </ul>
        </div>
      )}
      <form method="post" action="/admin/yearly-figures/import" enctype="multipart/form-data" class="card">
        <CsrfField ctx={ctx} />
        <FieldFrame {...field} error={error}>
          <input
            id={fieldId('file')}
            name="file"
            type="file"
            class="file-input"
            accept=".csv,.xlsx"
            required
            aria-invalid={error ? 'true' : undefined}
            aria-describedby={describedBy(field, error)}
          />
        </FieldFrame>
        <div class="button-row">
          <button type="submit" class="button">
            {t('figures.import.submit')}
          </button>
        </div>
      </form>
    </>
  );
}
