/**
 * Reconsideration and litigation pages.
 *  ReconsiderationListPage — GET /admin/reviews: table 四 for a year (chosen with ?year=) and every case.
 *  ReconsiderationFormPage — GET/POST /admin/reviews/new: record a case.
 *  ReconsiderationCasePage — GET /admin/reviews/:id, POST /admin/reviews/:id/result: the case and its result.
 */
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import { ListCount, listHref, Pager } from '../../../platform/views/pager.tsx';
import type { Page } from '../../../platform/paging.ts';
import {
  ButtonLink,
  ErrorSummary,
  formFields,
  Notice,
  PostForm,
  TableWrap,
  type FormValues,
} from '../../../platform/views/components.tsx';
import type { ValidationIssue } from '../../../platform/errors.ts';
import {
  RECONSIDERATION_CELLS,
  RECONSIDERATION_KINDS,
  RECONSIDERATION_RESULTS,
  SCHEMA_GROUP,
} from '../reconsideration.ts';
import type {
  LinkedApplication,
  PriorCaseOption,
  ReconsiderationCaseView,
  ReconsiderationListItem,
  ReconsiderationYearTable,
  ShownResult,
} from '../reconsideration.presenter.ts';

type Values = FormValues;

function resultLabel(ctx: ViewContext, result: ShownResult): string {
  return ctx.t(`reconsideration.result.${result}`);
}

export function ReconsiderationListPage(props: {
  ctx: ViewContext;
  year: number;
  years: readonly number[];
  table: ReconsiderationYearTable;
  /** One page of the cases, newest filed first. */
  cases: Page<ReconsiderationListItem>;
  canManage: boolean;
}) {
  const { ctx, cases } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('reconsideration.title')} wide>
      <h1>{t('reconsideration.title')}</h1>
      {props.canManage && <ButtonLink href="/admin/reviews/new" label={t('reconsideration.new')} />}
      <h2 id="table4">{t('reconsideration.year_table', { year: props.year })}</h2>
      <p class="year-links">
        {props.years.map((y) => (
          <a href={`/admin/reviews?year=${y}`} aria-current={y === props.year ? 'page' : undefined}>
            {y}
          </a>
        ))}
      </p>
      <TableWrap ctx={ctx} labelledBy="table4">
        <table class="table" data-table="review-counts">
          <thead>
            <tr>
              <th scope="col">{t('reconsideration.field.kind')}</th>
              {RECONSIDERATION_CELLS.map((c) => (
                <th scope="col">{t(`reconsideration.result.${c}`)}</th>
              ))}
              <th scope="col">{t('reconsideration.total')}</th>
            </tr>
          </thead>
          <tbody>
            {RECONSIDERATION_KINDS.map((k) => {
              const g = props.table[SCHEMA_GROUP[k]];
              return (
                <tr>
                  <th scope="row">{t(`reconsideration.kind.${k}`)}</th>
                  {[...RECONSIDERATION_CELLS, 'total' as const].map((c) => (
                    <td data-cell={`${SCHEMA_GROUP[k]}.${c}`}>{g[c]}</td>
                  ))}
                </tr>
              );
            })}
          </tbody>
        </table>
      </TableWrap>
      <ListCount ctx={ctx} page={cases} />
      {cases.rows.length === 0 ? (
        <p>{t('reconsideration.empty')}</p>
      ) : (
        <TableWrap ctx={ctx} label={t('reconsideration.title')}>
          <table class="table">
            <thead>
              <tr>
                <th scope="col">{t('reconsideration.field.filed_on')}</th>
                <th scope="col">{t('reconsideration.field.kind')}</th>
                <th scope="col">{t('reconsideration.field.body')}</th>
                <th scope="col">{t('reconsideration.application')}</th>
                <th scope="col">{t('reconsideration.field.result')}</th>
                <th scope="col">{t('reconsideration.field.decided_on')}</th>
              </tr>
            </thead>
            <tbody>
              {cases.rows.map((r) => (
                <tr>
                  <td>
                    <a href={`/admin/reviews/${r.id}`}>{r.filedOn}</a>
                  </td>
                  <td>{t(`reconsideration.kind.${r.kind}`)}</td>
                  <td>
                    {r.body}
                    {r.caseNumber ? ` ${r.caseNumber}` : ''}
                  </td>
                  <td>
                    {r.application ? (
                      <a href={`/admin/applications/${r.application.id}`}>{r.application.trackingCode}</a>
                    ) : (
                      t('reconsideration.standalone')
                    )}
                  </td>
                  <td>{resultLabel(ctx, r.result)}</td>
                  <td>{r.decidedOn ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      <Pager
        ctx={ctx}
        page={cases}
        href={(n) => listHref('/admin/reviews', { year: props.year, page: n, per: cases.per })}
      />
    </Layout>
  );
}

export function ReconsiderationFormPage(props: {
  ctx: ViewContext;
  agencyName: string;
  priors: readonly PriorCaseOption[];
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, issues);
  return (
    <Layout ctx={ctx} title={t('reconsideration.new')}>
      <h1>{t('reconsideration.new')}</h1>
      <p class="muted">
        {t('reconsideration.field.agency')}：{props.agencyName}
      </p>
      <ErrorSummary ctx={ctx} issues={issues} />
      <PostForm ctx={ctx} action="/admin/reviews">
        <f.Select
          name="kind"
          label={t('reconsideration.field.kind')}
          value={v.kind ?? 'reconsideration'}
          required
          options={RECONSIDERATION_KINDS.map((k) => ({ value: k, label: t(`reconsideration.kind.${k}`) }))}
        />
        <CaseIdentityFields ctx={ctx} values={v} issues={issues} />
        <f.Select
          name="prior_case_id"
          label={t('reconsideration.field.prior_case')}
          options={[
            { value: '', label: t('reconsideration.none') },
            ...props.priors.map((p) => ({ value: String(p.id), label: p.label })),
          ]}
        />
        <f.Text name="summary" label={t('reconsideration.field.summary')} multiline />
        <div class="button-row">
          <button type="submit" class="button">
            {t('reconsideration.save')}
          </button>
          <a href="/admin/reviews">{t('action.cancel')}</a>
        </div>
      </PostForm>
    </Layout>
  );
}

export function ReconsiderationCasePage(props: {
  ctx: ViewContext;
  row: ReconsiderationCaseView;
  agencyName: string;
  application: LinkedApplication | null;
  canManage: boolean;
  recorded: boolean;
  values: Values;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, row, values: v, issues } = props;
  const { t } = ctx;
  const title = `${t(`reconsideration.kind.${row.kind}`)} ${row.caseNumber ?? ''}`.trim();
  return (
    <Layout ctx={ctx} title={title}>
      <h1>{title}</h1>
      {props.recorded && <Notice kind="success">{t('reconsideration.recorded')}</Notice>}
      <CaseSummary ctx={ctx} row={row} agencyName={props.agencyName} application={props.application} />
      {props.canManage && row.result === 'pending' && (
        <ResultForm ctx={ctx} caseId={row.id} values={v} issues={issues} />
      )}
      <p>
        <a href="/admin/reviews">{t('reconsideration.title')}</a>
      </p>
    </Layout>
  );
}

/** The case's identity as the reconsideration body records it: body, number, applicant, filing and application. */
function CaseIdentityFields(props: { ctx: ViewContext; values: Values; issues: readonly ValidationIssue[] }) {
  const { ctx } = props;
  const { t } = ctx;
  const f = formFields(ctx, props.values, props.issues);
  return (
    <>
      <f.Text name="body" label={t('reconsideration.field.body')} required />
      <f.Text name="case_number" label={t('reconsideration.field.case_number')} width="medium" />
      <f.Text name="applicant_name" label={t('reconsideration.field.applicant_name')} width="medium" />
      <f.Date name="filed_on" label={t('reconsideration.field.filed_on')} required />
      <f.Text name="application_code" label={t('reconsideration.field.application_code')} width="medium" />
    </>
  );
}

/** The case's facts: agency, body, applicant, filing, linked application, prior case and result. */
function CaseSummary(props: {
  ctx: ViewContext;
  row: ReconsiderationCaseView;
  agencyName: string;
  application: LinkedApplication | null;
}) {
  const { ctx, row } = props;
  const { t } = ctx;
  return (
    <dl class="summary-list">
      <dt>{t('reconsideration.field.agency')}</dt>
      <dd>{props.agencyName}</dd>
      <dt>{t('reconsideration.field.body')}</dt>
      <dd>{row.body}</dd>
      <dt>{t('reconsideration.field.applicant_name')}</dt>
      <dd>{row.applicantName ?? ''}</dd>
      <dt>{t('reconsideration.field.filed_on')}</dt>
      <dd>{row.filedOn}</dd>
      <dt>{t('reconsideration.application')}</dt>
      <dd>
        {props.application ? (
          <a href={`/admin/applications/${props.application.id}`}>{props.application.trackingCode}</a>
        ) : (
          t('reconsideration.standalone')
        )}
      </dd>
      {row.priorCaseId && (
        <>
          <dt>{t('reconsideration.field.prior_case')}</dt>
          <dd>
            <a href={`/admin/reviews/${row.priorCaseId}`}>#{row.priorCaseId}</a>
          </dd>
        </>
      )}
      <dt>{t('reconsideration.field.result')}</dt>
      <dd data-result={row.result}>{resultLabel(ctx, row.result)}</dd>
      {row.decidedOn && (
        <>
          <dt>{t('reconsideration.field.decided_on')}</dt>
          <dd>{row.decidedOn}</dd>
        </>
      )}
      {row.summary && (
        <>
          <dt>{t('reconsideration.field.summary')}</dt>
          <dd>{row.summary}</dd>
        </>
      )}
    </dl>
  );
}

/** The form that records the decision of a pending case. */
function ResultForm(props: { ctx: ViewContext; caseId: number; values: Values; issues: readonly ValidationIssue[] }) {
  const { ctx, values: v, issues } = props;
  const { t } = ctx;
  const f = formFields(ctx, v, issues);
  return (
    <>
      <h2>{t('reconsideration.record_result')}</h2>
      <ErrorSummary ctx={ctx} issues={issues} />
      <PostForm ctx={ctx} action={`/admin/reviews/${props.caseId}/result`}>
        <f.Select
          name="result"
          label={t('reconsideration.field.result')}
          value={v.result ?? 'upheld'}
          required
          options={RECONSIDERATION_RESULTS.map((r) => ({ value: r, label: t(`reconsideration.result.${r}`) }))}
        />
        <f.Date name="decided_on" label={t('reconsideration.field.decided_on')} required />
        <f.Text name="summary" label={t('reconsideration.field.summary')} multiline />
        <button type="submit" class="button">
          {t('reconsideration.record_result')}
        </button>
      </PostForm>
    </>
  );
}
