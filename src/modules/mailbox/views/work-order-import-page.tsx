/**
 * WorkOrderImportPage({ ctx, agencies, values, issues, result? }) — the upload of a 12345 export
 * (CSV, XLSX or JSON): a check says how many orders are new and lists every bad row; an import
 * stores every order of the file, or none while a row is bad.
 */
import type { ValidationIssue } from '../../../platform/errors.ts';
import { pick } from '../../../platform/i18n/i18n.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import {
  CsrfField,
  ErrorSummary,
  FieldFrame,
  Notice,
  SelectField,
  TableWrap,
  describedBy,
  fieldId,
} from '../../../platform/views/components.tsx';
import { Layout } from '../../../platform/views/layout.tsx';
import type { ImportResultView } from '../work-order-import.presenter.ts';
import { workOrderFileColumns } from '../work-order-import.ts';

export function WorkOrderImportPage(props: {
  ctx: ViewContext;
  agencies: readonly { id: number; name: string }[];
  values: { agency?: string };
  issues: readonly ValidationIssue[];
  result?: ImportResultView;
}) {
  const { ctx, issues, result } = props;
  const { t } = ctx;
  return (
    <Layout ctx={ctx} title={t('mailbox.import.title')} wide>
      <h1>{t('mailbox.import.title')}</h1>
      <p class="lead">{t('mailbox.import.lead')}</p>
      <ErrorSummary ctx={ctx} issues={issues} />
      {result && <ResultBlock ctx={ctx} result={result} />}
      <UploadForm ctx={ctx} agencies={props.agencies} values={props.values} issues={issues} />
      <h2>{t('mailbox.import.columns')}</h2>
      <TableWrap ctx={ctx}>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.import.column_header')}</th>
              <th scope="col">{t('mailbox.import.column_required')}</th>
            </tr>
          </thead>
          <tbody>
            {workOrderFileColumns.map((c) => (
              <tr>
                <td>{c.label}</td>
                <td>{c.required ? t('mailbox.import.required_yes') : t('mailbox.import.required_no')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </Layout>
  );
}

function ResultBlock(props: { ctx: ViewContext; result: ImportResultView }) {
  const { ctx, result } = props;
  const { t } = ctx;
  const counts = { file: result.fileName, rows: result.rows, created: result.created, known: result.known };
  if (result.outcome === 'stored') return <Notice kind="success">{t('mailbox.import.stored', counts)}</Notice>;
  if (result.outcome === 'checked') return <Notice kind="success">{t('mailbox.import.checked', counts)}</Notice>;
  return (
    <div class="notice notice--warning" role="alert" data-import-problems={String(result.problemCount)}>
      <p>{t('mailbox.import.refused', { file: result.fileName, count: result.problemCount, rows: result.rows })}</p>
      <TableWrap ctx={ctx}>
        <table class="table">
          <thead>
            <tr>
              <th scope="col">{t('mailbox.import.problem_row')}</th>
              <th scope="col">{t('mailbox.import.problem_column')}</th>
              <th scope="col">{t('mailbox.import.problem_number')}</th>
              <th scope="col">{t('mailbox.import.problem_text')}</th>
            </tr>
          </thead>
          <tbody>
            {result.problems.map((p) => (
              <tr>
                <td>{p.row ? p.row : t('mailbox.import.whole_file')}</td>
                <td>{p.column ?? ''}</td>
                <td>{p.externalNo ?? ''}</td>
                <td>{pick(ctx.locale, p.message)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      {result.problemCount > result.problems.length && (
        <p>{t('mailbox.import.more', { count: result.problemCount - result.problems.length })}</p>
      )}
    </div>
  );
}

function UploadForm(props: {
  ctx: ViewContext;
  agencies: readonly { id: number; name: string }[];
  values: { agency?: string };
  issues: readonly ValidationIssue[];
}) {
  const { ctx, issues } = props;
  const { t } = ctx;
  const error = issues.find((i) => i.field === 'file');
  const field = { ctx, name: 'file', label: t('mailbox.import.file'), hint: t('mailbox.import.file_hint'), issues };
  return (
    <form method="post" action="/admin/mailbox/import" enctype="multipart/form-data" class="card">
      <CsrfField ctx={ctx} />
      {props.agencies.length > 1 ? (
        <SelectField
          ctx={ctx}
          name="agency"
          label={t('mailbox.import.agency')}
          issues={issues}
          value={props.values.agency ?? ''}
          options={props.agencies.map((a) => ({ value: String(a.id), label: a.name }))}
        />
      ) : (
        <input type="hidden" name="agency" value={String(props.agencies[0]?.id ?? '')} />
      )}
      <FieldFrame {...field} required error={error}>
        <input
          id={fieldId('file')}
          name="file"
          type="file"
          class="file-input"
          accept=".csv,.xlsx,.json"
          required
          aria-invalid={error ? 'true' : undefined}
          aria-describedby={describedBy(field, error)}
        />
      </FieldFrame>
      <div class="button-row">
        <button type="submit" name="intent" value="check" class="button button--secondary">
          {t('mailbox.import.check')}
        </button>
        <button type="submit" name="intent" value="import" class="button">
          {t('mailbox.import.submit')}
        </button>
      </div>
    </form>
  );
}
