/**
 * Reconsideration and litigation pages.
 *  ReviewListPage — GET /admin/reviews: table 四 for a year (chosen with ?year=) and every case.
 *  ReviewFormPage — GET/POST /admin/reviews/new: record a case.
 *  ReviewCasePage — GET /admin/reviews/:id, POST /admin/reviews/:id/result: the case and its result.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { CsrfField, ErrorSummary, Notice, SelectField, TextField } from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import { REVIEW_CELLS, REVIEW_KINDS, REVIEW_RESULTS, SCHEMA_GROUP } from '../reviews.ts';
import type { ReviewListRow, ReviewTable } from '../reviews.store.ts';
import type { ReviewCaseRow } from '../reviews.table.ts';
import { formatTrackingCode } from '../../applications/tracking.ts';

type Values = Record<string, string | undefined>;

function resultLabel(ctx: ViewContext, result: string | null): string {
  return ctx.t(`reviews.result.${result ?? 'pending'}`);
}

export function ReviewListPage(props: {
  ctx: ViewContext;
  year: number;
  years: readonly number[];
  table: ReviewTable;
  rows: readonly ReviewListRow[];
  canManage: boolean;
}) {
  const { ctx } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reviews.title')} wide>
      <h1>{t('reviews.title')}</h1>
      {props.canManage && (
        <p>
          <a class="button" href="/admin/reviews/new">
            {t('reviews.new')}
          </a>
        </p>
      )}
      <h2 id="table4">{t('reviews.year_table', { year: props.year })}</h2>
      <p class="year-links">
        {props.years.map((y) => (
          <a href={`/admin/reviews?year=${y}`} aria-current={y === props.year ? 'page' : undefined}>
            {y}
          </a>
        ))}
      </p>
      <div class="table-wrap" role="region" aria-labelledby="table4" tabIndex={0}>
        <table class="table" data-table="review-counts">
          <thead>
            <tr>
              <th scope="col">{t('reviews.field.kind')}</th>
              {REVIEW_CELLS.map((c) => (
                <th scope="col">{t(`reviews.result.${c}`)}</th>
              ))}
              <th scope="col">{t('reviews.total')}</th>
            </tr>
          </thead>
          <tbody>
            {REVIEW_KINDS.map((k) => {
              const g = props.table[SCHEMA_GROUP[k]];
              return (
                <tr>
                  <th scope="row">{t(`reviews.kind.${k}`)}</th>
                  {[...REVIEW_CELLS, 'total' as const].map((c) => (
                    <td data-cell={`${SCHEMA_GROUP[k]}.${c}`}>{g[c].count}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {props.rows.length === 0 ? (
        <p>{t('reviews.empty')}</p>
      ) : (
        <div class="table-wrap" role="region" aria-label={t('reviews.title')} tabIndex={0}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('reviews.field.filed_on')}</th>
                <th scope="col">{t('reviews.field.kind')}</th>
                <th scope="col">{t('reviews.field.body')}</th>
                <th scope="col">{t('reviews.application')}</th>
                <th scope="col">{t('reviews.field.result')}</th>
                <th scope="col">{t('reviews.field.decided_on')}</th>
              </tr>
            </thead>
            <tbody>
              {props.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/reviews/${r.id}`}>{r.filed_on}</a>
                  </td>
                  <td>{t(`reviews.kind.${r.kind}`)}</td>
                  <td>
                    {r.body}
                    {r.case_number ? ` ${r.case_number}` : ''}
                  </td>
                  <td>
                    {r.application_id && r.tracking_code ? (
                      <a href={`/admin/applications/${r.application_id}`}>{formatTrackingCode(r.tracking_code)}</a>
                    ) : (
                      t('reviews.standalone')
                    )}
                  </td>
                  <td>{resultLabel(ctx, r.result)}</td>
                  <td>{r.decided_on ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Layout>
  );
}

export function ReviewFormPage(props: {
  ctx: ViewContext;
  agencyName: string;
  priors: readonly { id: number; body: string; case_number: string | null; filed_on: string }[];
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reviews.new')}>
      <h1>{t('reviews.new')}</h1>
      <p class="muted">
        {t('reviews.field.agency')}：{props.agencyName}
      </p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action="/admin/reviews" novalidate>
        <CsrfField ctx={ctx} />
        <SelectField
          ctx={ctx}
          name="kind"
          label={t('reviews.field.kind')}
          value={v.kind ?? 'reconsideration'}
          issues={issues}
          required
          options={REVIEW_KINDS.map((k) => ({ value: k, label: t(`reviews.kind.${k}`) }))}
        />
        <TextField ctx={ctx} name="body" label={t('reviews.field.body')} value={v.body} issues={issues} required />
        <TextField
          ctx={ctx}
          name="case_number"
          label={t('reviews.field.case_number')}
          value={v.case_number}
          issues={issues}
          width="medium"
        />
        <TextField
          ctx={ctx}
          name="applicant_name"
          label={t('reviews.field.applicant_name')}
          value={v.applicant_name}
          issues={issues}
          width="medium"
        />
        <TextField
          ctx={ctx}
          name="filed_on"
          type="date"
          label={t('reviews.field.filed_on')}
          value={v.filed_on}
          issues={issues}
          required
          width="short"
        />
        <TextField
          ctx={ctx}
          name="application_code"
          label={t('reviews.field.application_code')}
          value={v.application_code}
          issues={issues}
          width="medium"
        />
        <SelectField
          ctx={ctx}
          name="prior_case_id"
          label={t('reviews.field.prior_case')}
          value={v.prior_case_id ?? ''}
          issues={issues}
          options={[
            { value: '', label: t('reviews.none') },
            ...props.priors.map((p) => ({
              value: String(p.id),
              label: `${p.filed_on} ${p.body}${p.case_number ? ` ${p.case_number}` : ''}`,
            })),
          ]}
        />
        <TextField
          ctx={ctx}
          name="summary"
          label={t('reviews.field.summary')}
          value={v.summary}
          issues={issues}
          multiline
        />
        <div class="button-row">
          <button type="submit" class="button">
            {t('reviews.save')}
          </button>
          <a href="/admin/reviews">{t('action.cancel')}</a>
        </div>
      </form>
    </Layout>
  );
}

export function ReviewCasePage(props: {
  ctx: ViewContext;
  row: ReviewCaseRow;
  agencyName: string;
  application: { id: number; tracking_code: string } | null;
  canManage: boolean;
  recorded: boolean;
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, row, values: v, issues } = props;
  const { t } = ctx;
  const title = `${t(`reviews.kind.${row.kind}`)} ${row.case_number ?? ''}`.trim();
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.recorded && <Notice kind="success">{t('reviews.recorded')}</Notice>}
      <dl class="summary-list">
        <dt>{t('reviews.field.agency')}</dt>
        <dd>{props.agencyName}</dd>
        <dt>{t('reviews.field.body')}</dt>
        <dd>{row.body}</dd>
        <dt>{t('reviews.field.applicant_name')}</dt>
        <dd>{row.applicant_name ?? ''}</dd>
        <dt>{t('reviews.field.filed_on')}</dt>
        <dd>{row.filed_on}</dd>
        <dt>{t('reviews.application')}</dt>
        <dd>
          {props.application ? (
            <a href={`/admin/applications/${props.application.id}`}>
              {formatTrackingCode(props.application.tracking_code)}
            </a>
          ) : (
            t('reviews.standalone')
          )}
        </dd>
        {row.prior_case_id && (
          <>
            <dt>{t('reviews.field.prior_case')}</dt>
            <dd>
              <a href={`/admin/reviews/${row.prior_case_id}`}>#{row.prior_case_id}</a>
            </dd>
          </>
        )}
        <dt>{t('reviews.field.result')}</dt>
        <dd data-result={row.result ?? 'pending'}>{resultLabel(ctx, row.result)}</dd>
        {row.decided_on && (
          <>
            <dt>{t('reviews.field.decided_on')}</dt>
            <dd>{row.decided_on}</dd>
          </>
        )}
        {row.summary && (
          <>
            <dt>{t('reviews.field.summary')}</dt>
            <dd>{row.summary}</dd>
          </>
        )}
      </dl>
      {props.canManage && !row.result && (
        <>
          <h2>{t('reviews.record_result')}</h2>
          <ErrorSummary ctx={ctx} issues={issues} />
          <form method="post" action={`/admin/reviews/${row.id}/result`} novalidate>
            <CsrfField ctx={ctx} />
            <SelectField
              ctx={ctx}
              name="result"
              label={t('reviews.field.result')}
              value={v.result ?? 'upheld'}
              issues={issues}
              required
              options={REVIEW_RESULTS.map((r) => ({ value: r, label: t(`reviews.result.${r}`) }))}
            />
            <TextField
              ctx={ctx}
              name="decided_on"
              type="date"
              label={t('reviews.field.decided_on')}
              value={v.decided_on}
              issues={issues}
              required
              width="short"
            />
            <TextField
              ctx={ctx}
              name="summary"
              label={t('reviews.field.summary')}
              value={v.summary}
              issues={issues}
              multiline
            />
            <button type="submit" class="button">
              {t('reviews.record_result')}
            </button>
          </form>
        </>
      )}
      <p>
        <a href="/admin/reviews">{t('reviews.title')}</a>
      </p>
    </Layout>
  );
}
