/**
 * The checker for received reports and the status of the agencies' reports.
 *  CheckPage   — GET/POST /admin/reports/check: upload form; after a check, the failed identities
 *                with their cells and the figures read (cells in a failed identity are marked).
 *  StatusPage  — GET /admin/reports/status?year=YYYY: every followed agency with its status.
 */
import type { ValidationIssue } from '../../../platform/errors.ts';
import type { ViewContext } from '../../../platform/views/context.ts';
import { Layout } from '../../../platform/views/layout.tsx';
import {
  CsrfField,
  ErrorSummary,
  FieldFrame,
  Notice,
  SelectField,
  TextField,
  describedBy,
  fieldId,
} from '../../../platform/views/components.tsx';
import {
  APPLICANT_KIND_COLUMNS,
  APPLICANT_KINDS,
  TABLE3_ROWS_2021,
  TOTAL_COLUMN,
} from '../../applications/outcomes.ts';
import { APPLICANT_COLUMNS, REVIEW_COLUMNS, REVIEW_GROUP_KEYS } from '../report-types.ts';
import { CHECKED_TABLES } from '../check/extract.ts';
import type { CheckResult } from '../check/checker.ts';
import type { AgencyReportStatus } from '../report-status.ts';
import type { ReportStatus } from '../report-deadline.ts';

export interface AgencyOption {
  readonly id: number;
  readonly name: string;
  readonly depth: number;
}

function read(report: unknown, path: string): unknown {
  let node = report as Record<string, unknown> | undefined;
  for (const k of path.split('.'))
    node = node && typeof node === 'object' ? (node[k] as Record<string, unknown> | undefined) : undefined;
  return node;
}

function ValueCell(props: { report: unknown; path: string; bad: ReadonlySet<string> }) {
  const v = read(props.report, props.path);
  const text = v === undefined ? '—' : typeof v === 'number' ? String(v) : JSON.stringify(v);
  const bad = props.bad.has(props.path);
  return (
    <td data-path={props.path} class={bad ? 'tag--danger' : undefined}>
      {bad ? <strong>{text}</strong> : text}
    </td>
  );
}

const T2_ROWS: readonly [string, string, readonly [string, string][]][] = [
  [
    'regulations',
    '规章',
    [
      ['issued', '本年制发件数'],
      ['repealed', '本年废止件数'],
      ['inForce', '现行有效件数'],
    ],
  ],
  [
    'normativeDocuments',
    '行政规范性文件',
    [
      ['issued', '本年制发件数'],
      ['repealed', '本年废止件数'],
      ['inForce', '现行有效件数'],
    ],
  ],
  ['licences', '行政许可', [['decisions', '本年处理决定数量']]],
  ['penalties', '行政处罚', [['decisions', '本年处理决定数量']]],
  ['coercion', '行政强制', [['decisions', '本年处理决定数量']]],
  ['administrativeFees', '行政事业性收费', [['amountTenThousandYuan', '本年收费金额（万元）']]],
];

const REVIEW_LABELS: Record<string, string> = {
  upheld: '结果维持',
  corrected: '结果纠正',
  other: '其他结果',
  pending: '尚未审结',
  total: '总计',
};
const GROUP_LABELS: Record<string, string> = {
  reconsideration: '行政复议',
  litigationDirect: '行政诉讼（未经复议直接起诉）',
  litigationAfterReconsideration: '行政诉讼（复议后起诉）',
};

function ExtractedTables(props: { ctx: ViewContext; result: CheckResult }) {
  const { ctx, result } = props;
  const { t } = ctx;
  const bad = new Set(result.findings.flatMap((f) => f.cells.map((c) => c.path)));
  const region = (id: string, caption: string, body: preact.ComponentChildren) => (
    <div class="table-wrap" role="region" aria-labelledby={id} tabIndex={0}>
      <table class="table" data-table={id}>
        <caption id={id}>{caption}</caption>
        {body}
      </table>
    </div>
  );
  return (
    <section aria-labelledby="check-tables">
      <h2 id="check-tables">{t('reports.check.tables')}</h2>
      {CHECKED_TABLES.map((table) => {
        const found = result.tables[table];
        if (!found) return <p data-missing={table}>{`表${table}：${t('reports.check.not_found')}`}</p>;
        const caption = `表${table}（${found.source}）`;
        if (table === '二') {
          return region(
            'check-二',
            caption,
            <tbody>
              {T2_ROWS.flatMap(([row, label, cols]) =>
                cols.map(([col, colLabel]) => (
                  <tr>
                    <th scope="row">{`${label} · ${colLabel}`}</th>
                    <ValueCell report={result.report} path={`proactive.${row}.${col}`} bad={bad} />
                  </tr>
                )),
              )}
            </tbody>,
          );
        }
        if (table === '三') {
          return region(
            'check-三',
            caption,
            <>
              <thead>
                <tr>
                  <th scope="col">{t('reports.check.col.row')}</th>
                  {APPLICANT_KINDS.map((k) => (
                    <th scope="col">{APPLICANT_KIND_COLUMNS[k].label}</th>
                  ))}
                  <th scope="col">{TOTAL_COLUMN.label}</th>
                </tr>
              </thead>
              <tbody>
                {TABLE3_ROWS_2021.map((row) => (
                  <tr>
                    <th scope="row">{row.group ? `${row.group.label} ${row.label}` : row.label}</th>
                    {APPLICANT_COLUMNS.map((c) => (
                      <ValueCell report={result.report} path={`${row.reportPath}.${c}`} bad={bad} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </>,
          );
        }
        return region(
          'check-四',
          caption,
          <>
            <thead>
              <tr>
                <th scope="col">{t('reports.check.col.row')}</th>
                {REVIEW_COLUMNS.map((c) => (
                  <th scope="col">{REVIEW_LABELS[c]}</th>
                ))}
              </tr>
            </thead>
            <tbody>
              {REVIEW_GROUP_KEYS.map((g) => (
                <tr>
                  <th scope="row">{GROUP_LABELS[g]}</th>
                  {REVIEW_COLUMNS.map((c) => (
                    <ValueCell report={result.report} path={`reviewAndLitigation.${g}.${c}`} bad={bad} />
                  ))}
                </tr>
              ))}
            </tbody>
          </>,
        );
      })}
    </section>
  );
}

function Result(props: { ctx: ViewContext; result: CheckResult; filename: string; recorded: string | null }) {
  const { ctx, result } = props;
  const { t } = ctx;
  const en = ctx.locale === 'en';
  const errors = result.findings.filter((f) => f.severity === 'error');
  const who = [result.agencyName, result.year].filter(Boolean).join(' ') || result.title;
  return (
    <section aria-labelledby="check-result" data-passes={result.passes ? '1' : '0'}>
      <h2 id="check-result">{t('reports.check.result')}</h2>
      {props.recorded && <Notice kind="success">{props.recorded}</Notice>}
      <p>{t('reports.check.file_info', { name: props.filename, format: result.format.toUpperCase() })}</p>
      {who && <p>{t('reports.check.report_of', { who })}</p>}
      {result.reportFormat === '2008' ? (
        <p>{t('reports.check.narrative')}</p>
      ) : errors.length === 0 ? (
        <p data-check="ok">{t('reports.check.passes')}</p>
      ) : (
        <div class="error-summary" role="alert" aria-labelledby="check-failures">
          <h3 id="check-failures">{t('reports.check.fails', { n: errors.length })}</h3>
          <ol data-findings>
            {result.findings.map((f) => (
              <li data-code={f.code} data-severity={f.severity}>
                {en ? f.en : f.zh}
                {f.cells.some((c) => c.location) && (
                  <>
                    <br />
                    <small>
                      {t('reports.check.cells')}:{' '}
                      {f.cells
                        .filter((c) => c.location)
                        .map((c) => c.location)
                        .join('; ')}
                    </small>
                  </>
                )}
              </li>
            ))}
          </ol>
        </div>
      )}
      {result.notes.length > 0 && (
        <>
          <h3>{t('reports.check.notes')}</h3>
          <ul data-notes>
            {result.notes.map((n) => (
              <li>{`${en ? n.en : n.zh}（${n.location}）`}</li>
            ))}
          </ul>
        </>
      )}
      {result.reportFormat === '2021' && <ExtractedTables ctx={ctx} result={result} />}
    </section>
  );
}

export function CheckPage(props: {
  ctx: ViewContext;
  agencies: readonly AgencyOption[];
  years: readonly number[];
  maxBytes: string;
  issues: readonly ValidationIssue[];
  values: Record<string, string>;
  result?: { result: CheckResult; filename: string; recorded: string | null };
}) {
  const { ctx, issues, values } = props;
  const { t } = ctx;
  const fileError = issues.find((i) => i.field === 'file');
  const fileFrame = {
    ctx,
    name: 'file',
    label: t('reports.check.field.file'),
    hint: t('reports.check.hint.file', { max: props.maxBytes }),
    required: true,
  };
  return (
    <Layout ctx={ctx} title={t('reports.check.title')} wide>
      <h1>{t('reports.check.title')}</h1>
      <p>{t('reports.check.intro')}</p>
      {props.result && (
        <Result
          ctx={ctx}
          result={props.result.result}
          filename={props.result.filename}
          recorded={props.result.recorded}
        />
      )}
      <ErrorSummary ctx={ctx} issues={issues} />
      <form method="post" action="/admin/reports/check" enctype="multipart/form-data" class="card">
        <CsrfField ctx={ctx} />
        <FieldFrame {...fileFrame} error={fileError}>
          <input
            id={fieldId('file')}
            name="file"
            type="file"
            class="file-input"
            accept=".json,.xlsx,.docx,.html,.htm"
            required
            aria-invalid={fileError ? 'true' : undefined}
            aria-describedby={describedBy(fileFrame, fileError)}
          />
        </FieldFrame>
        {props.agencies.length > 0 && (
          <RecordFields ctx={ctx} agencies={props.agencies} years={props.years} values={values} issues={issues} />
        )}
        <button type="submit" class="button">
          {t('reports.check.submit')}
        </button>
      </form>
    </Layout>
  );
}

export function StatusBadge(props: { ctx: ViewContext; status: ReportStatus }) {
  return (
    <span
      class={props.status === 'published' || props.status === 'draft' ? 'tag' : 'tag tag--danger'}
      data-status={props.status}
    >
      {props.ctx.t(`reports.status.${props.status}`)}
    </span>
  );
}

export function timeText(ctx: ViewContext, s: AgencyReportStatus): string {
  if (s.status === 'published' || s.status === 'late') return '';
  if (s.window.state === 'hidden') return ctx.t('reports.status.not_open');
  if (s.window.state === 'overdue') return ctx.t('reports.status.overdue_days', { n: -s.window.daysRemaining });
  return ctx.t('reports.status.days_left', { n: s.window.daysRemaining });
}

export function StatusPage(props: {
  ctx: ViewContext;
  year: number;
  years: readonly number[];
  rows: readonly AgencyReportStatus[];
}) {
  const { ctx, rows } = props;
  const { t } = ctx;
  const counts = new Map<ReportStatus, number>();
  for (const r of rows) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  return (
    <Layout ctx={ctx} title={t('reports.status.title')} wide>
      <h1>{t('reports.status.heading', { year: props.year })}</h1>
      <form method="get" action="/admin/reports/status" class="inline-form">
        <label for="status-year">{t('reports.check.field.year')}</label>{' '}
        <select id="status-year" name="year">
          {props.years.map((y) => (
            <option value={String(y)} selected={y === props.year}>
              {y}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="button button--secondary">
          {t('reports.status.show')}
        </button>
      </form>
      {rows.length === 0 ? (
        <p>{t('reports.status.none')}</p>
      ) : (
        <>
          <p data-summary>
            {t('reports.status.summary', { total: rows.length })}{' '}
            {(['missing', 'failing', 'draft', 'late', 'published'] as const)
              .filter((s) => counts.get(s))
              .map((s) => `${t(`reports.status.${s}`)} ${counts.get(s)}`)
              .join('，')}
          </p>
          <div class="table-wrap" role="region" aria-labelledby="status-caption" tabIndex={0}>
            <table class="table">
              <caption id="status-caption" class="visually-hidden">
                {t('reports.status.heading', { year: props.year })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('reports.status.col.agency')}</th>
                  <th scope="col">{t('reports.status.col.deadline')}</th>
                  <th scope="col">{t('reports.status.col.status')}</th>
                  <th scope="col">{t('reports.status.col.published_on')}</th>
                  <th scope="col">{t('reports.status.col.time')}</th>
                  <th scope="col">{t('reports.status.col.source')}</th>
                </tr>
              </thead>
              <tbody>
                {rows.map((r) => (
                  <tr data-agency={r.code} data-status={r.status}>
                    <th scope="row">{`${'　'.repeat(r.depth)}${r.name}`}</th>
                    <td>{r.deadline}</td>
                    <td>
                      <StatusBadge ctx={ctx} status={r.status} />
                    </td>
                    <td>{r.record?.publishedOn ?? '—'}</td>
                    <td>{timeText(ctx, r)}</td>
                    <td>
                      {r.record
                        ? t(`reports.status.source.${r.record.source === 'received' ? 'received' : 'platform'}`)
                        : '—'}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </Layout>
  );
}

/** The fields that record a checked report as an agency's report of a year, for those who see agencies. */
function RecordFields(props: {
  ctx: ViewContext;
  agencies: readonly AgencyOption[];
  years: readonly number[];
  values: Record<string, string>;
  issues: readonly ValidationIssue[];
}) {
  const { ctx, values, issues } = props;
  const { t } = ctx;
  return (
    <>
      <SelectField
        ctx={ctx}
        name="agency"
        label={t('reports.check.field.agency')}
        value={values.agency ?? ''}
        issues={issues}
        options={[
          { value: '', label: t('reports.check.agency_none') },
          ...props.agencies.map((a) => ({ value: String(a.id), label: `${'　'.repeat(a.depth)}${a.name}` })),
        ]}
      />
      <SelectField
        ctx={ctx}
        name="year"
        label={t('reports.check.field.year')}
        value={values.year ?? String(props.years[0] ?? '')}
        issues={issues}
        options={props.years.map((y) => ({ value: String(y), label: String(y) }))}
      />
      <TextField
        ctx={ctx}
        name="published_on"
        label={t('reports.check.field.published_on')}
        type="date"
        width="short"
        value={values.published_on ?? ''}
        issues={issues}
      />
    </>
  );
}
