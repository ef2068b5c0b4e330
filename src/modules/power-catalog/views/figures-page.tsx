/**
 * FiguresPage({ ctx, year, agencies, issues, values, canEdit, saved? }) — table 二's yearly
 * figures (licence / penalty / coercion decisions, fee income in 万元) of each agency in reach
 * for a year, and, for the disclosure office, the form to enter or correct its own agency's.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { YearFilter } from '../../channels/views/year-filter.tsx';
import { CsrfField, ErrorSummary, Notice, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { figureKinds } from '../power-catalog.ts';

export interface FigureLine {
  readonly agencyName: string;
  readonly values: Readonly<Record<string, string | null>>;
}

export function FiguresPage(props: {
  ctx: ViewContext;
  year: number;
  lines: readonly FigureLine[];
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  canEdit: boolean;
  saved?: boolean;
}) {
  const { ctx, issues } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('figures.title')} wide>
      <h1>{t('figures.title')}</h1>
      <p class="lead">{t('figures.lead')}</p>
      {props.saved && <Notice kind="success">{t('figures.saved')}</Notice>}
      <YearFilter ctx={ctx} action="/admin/yearly-figures" year={props.year} label={t('figures.field.year')} />
      <div class="table-wrap" role="region" aria-label={t('common.table_region')} tabIndex={0}>
        <table class="table">
          <caption>{t('figures.title')}（{props.year}）</caption>
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
            <TextField ctx={ctx} name="year" label={t('figures.field.year')} value={props.values.year ?? String(props.year)} issues={issues} width="short" required />
            {figureKinds.map((k) => (
              <TextField ctx={ctx} name={k} label={t(`figures.kind.${k}`)} value={props.values[k]} issues={issues} width="short" />
            ))}
            <div class="button-row">
              <button type="submit" class="button">
                {t('action.save')}
              </button>
            </div>
          </form>
        </>
      )}
    </Layout>
  );
}
